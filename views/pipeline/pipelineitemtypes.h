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

// Zoom levels below which the canvas drops detail: text becomes unreadable long before shapes do.
namespace PipelineDetail {
inline constexpr double Shapes = 0.3;    // below: nodes are plain rectangles, edges lines
inline constexpr double Titles = 0.45;   // below: no text at all
inline constexpr double PortNames = 0.7; // below: titles only, no port names
} // namespace PipelineDetail
