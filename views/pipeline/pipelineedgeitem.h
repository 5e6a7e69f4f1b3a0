#pragma once

#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelineitemtypes.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

class PipelineNodeItem;
struct PipelineTheme;

// An edge on the canvas: a cubic curve from an output port to an input port with an arrow head,
// in the colour of the artifact type it carries; an ordering edge ("runs after") joins the
// sides of its nodes, dashed in the plain edge colour, with its condition on a pill. A curve that
// would cut through another stage (or a frame's title band) becomes an orthogonal route with
// rounded corners through the gaps between the stages (pipelineedgerouter.h). Selectable;
// highlights under the mouse. Its path is computed when an endpoint moves (updatePath) or the
// stages round it move (reroute), never in paint().
class PipelineEdgeItem : public QGraphicsItem
{
public:
    enum { Type = PipelineItemType::Edge };

    PipelineEdgeItem(const PipelineEdge &edge,
                     PipelineNodeItem *from,
                     PipelineNodeItem *to,
                     const PipelineTheme *theme);

    int type() const override { return Type; }
    const PipelineEdge &edge() const { return m_edge; }
    PipelineNodeItem *fromItem() const { return m_from; }
    PipelineNodeItem *toItem() const { return m_to; }
    // False for an edge whose port types differ (a file may hold one; validation reports it).
    bool isTypeValid() const { return m_typeValid; }
    bool isHovered() const { return m_hovered; }
    QPointF startPos() const { return m_start; }
    QPointF endPos() const { return m_end; }
    const QPainterPath &path() const { return m_path; }
    QRectF labelRect() const { return m_label; } // the condition's pill; empty without one

    // When an end moved. Without `route`, the plain curve for now: a batch of moves (an arrange,
    // an undo) routes once when it is done (PipelineScene::rerouteEdgesIn).
    void updatePath(bool route = true);
    void reroute(); // when another stage or frame moved: the ends may not have
    bool isRouted() const { return m_routed; } // orthogonal, rather than the plain curve
    void themeChanged();

    // The curve from an output at `start` to an input at `end`, ending where the arrow begins;
    // one running backwards loops round along the lane at `loopY` (at least a little below both
    // ends).
    static QPainterPath
    curve(const QPointF &start, const QPointF &end, double arrowLength, double loopY = 0);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void prepareStyle();
    void setPath(const QPainterPath &path);
    QPainterPath plainCurve() const;
    QPainterPath routedPath(const QPainterPath &curve) const;
    double clearance() const;
    void paintLabel(QPainter *painter) const;

    // An ordering edge's condition longer than this is shortened on the canvas (the tooltip and
    // the property panel have all of it).
    static constexpr double MaxLabelWidth = 220;

    PipelineEdge m_edge;
    PipelineNodeItem *m_from;
    PipelineNodeItem *m_to;
    const PipelineTheme *m_theme;
    bool m_typeValid = true;
    bool m_hovered = false;
    QColor m_color;
    // Prepared by updatePath(); the hit shape is stroked on first use, since most edges of a
    // big graph are never hit-tested.
    QPointF m_start;
    QPointF m_end;
    QPainterPath m_path;
    bool m_routed = false;
    QPolygonF m_arrow;
    QRectF m_bounds;
    QRectF m_label; // the condition's pill at the middle of the curve; empty without one
    mutable QPainterPath m_shape;
};
