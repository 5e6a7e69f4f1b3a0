#pragma once

#include <QGraphicsItem>

// QGraphicsItem::type() values of the roadmap's items, so qgraphicsitem_cast works.
namespace RoadmapItemType {
enum : int {
    TopicCard = QGraphicsItem::UserType + 1,
    Section,
    PrerequisiteEdge,
};
} // namespace RoadmapItemType
