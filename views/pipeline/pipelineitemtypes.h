#pragma once

#include <QGraphicsItem>

// QGraphicsItem::type() values of the pipeline canvas's items, so qgraphicsitem_cast works.
// The roadmap's items use UserType + 1 … 3 (roadmapitemtypes.h).
namespace PipelineItemType {
enum : int {
    Node = QGraphicsItem::UserType + 20,
    Edge,
    Annotation,
};
} // namespace PipelineItemType

// Stacking on the canvas: group frames under everything, nodes over their edges.
namespace PipelineLayer {
inline constexpr double Group = -10;
inline constexpr double Note = -5;
inline constexpr double Edge = 0;
inline constexpr double Node = 1;
inline constexpr double Wire = 10;
} // namespace PipelineLayer

// The zoom below which edges are hairlines. Text follows its own rule, from the size of its font
// on screen (pipelinelegibility.h).
namespace PipelineDetail {
inline constexpr double Shapes = 0.3;
} // namespace PipelineDetail
