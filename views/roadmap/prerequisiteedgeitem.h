#pragma once

#include "roadmap/roadmapitemtypes.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

struct StudioTheme;

// An arrow from a prerequisite section to the section that builds on it, along the polyline the
// layout computed, with rounded corners.
class PrerequisiteEdgeItem : public QGraphicsItem
{
public:
    enum { Type = RoadmapItemType::PrerequisiteEdge };

    PrerequisiteEdgeItem(const QString &fromSectionId,
                         const QString &toSectionId,
                         const StudioTheme *theme);

    int type() const override { return Type; }
    QString fromSectionId() const { return m_from; }
    QString toSectionId() const { return m_to; }

    void setPoints(const QList<QPointF> &points);
    void themeChanged();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void prepare();

    QString m_from;
    QString m_to;
    const StudioTheme *m_theme;
    QList<QPointF> m_points;
    QPainterPath m_path;
    QPolygonF m_arrowHead;
};
