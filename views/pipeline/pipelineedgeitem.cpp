#include "pipeline/pipelineedgeitem.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineedgerouter.h"
#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "theme/pipelinetheme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

PipelineEdgeItem::PipelineEdgeItem(const PipelineEdge &edge,
                                   PipelineNodeItem *from,
                                   PipelineNodeItem *to,
                                   const PipelineTheme *theme)
    : m_edge(edge)
    , m_from(from)
    , m_to(to)
    , m_theme(theme)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setZValue(PipelineLayer::Edge);
    prepareStyle();
    updatePath();
}

void PipelineEdgeItem::prepareStyle()
{
    if (m_edge.isOrdering()) { // "runs after": no artifact, so no type colour to take
        m_typeValid = true;
        m_color = m_theme->edge;
        return;
    }
    const qsizetype out = m_from->portIndex(m_edge.from.port, true);
    const qsizetype in = m_to->portIndex(m_edge.to.port, false);
    if (out < 0 || in < 0) {
        m_typeValid = false;
        m_color = m_theme->error;
        return;
    }
    const ArtifactType type = m_from->portSpec(true, out).type;
    m_typeValid = type == m_to->portSpec(false, in).type;
    m_color = m_typeValid ? m_theme->port(type).color : m_theme->error;
}

void PipelineEdgeItem::themeChanged()
{
    prepareStyle();
    updatePath();
}

QPainterPath
PipelineEdgeItem::curve(const QPointF &start, const QPointF &end, double arrowLength, double loopY)
{
    // Leave and enter horizontally. An edge running backwards (a feedback loop) turns down out
    // of its output, runs back along a lane below both nodes and turns up into its input, rather
    // than cutting diagonally across the pipeline.
    const QPointF tip(end.x() - arrowLength, end.y());
    const double dx = tip.x() - start.x();
    const double turn = 4 * arrowLength;
    QPainterPath path(start);
    if (dx >= -2 * turn) {
        const double reach = std::max(std::abs(dx) / 2, 3 * arrowLength);
        path.cubicTo(start + QPointF(reach, 0), tip - QPointF(reach, 0), tip);
        return path;
    }
    const double lane = std::max({loopY, start.y() + turn, tip.y() + turn});
    path.cubicTo(
        start + QPointF(turn, 0), QPointF(start.x() + turn, lane), QPointF(start.x(), lane));
    path.lineTo(tip.x(), lane);
    path.cubicTo(QPointF(tip.x() - turn, lane), tip - QPointF(turn, 0), tip);
    return path;
}

void PipelineEdgeItem::updatePath(bool route)
{
    const PipelineTheme &t = *m_theme;
    const QPointF start = m_from->portScenePos(m_edge.from.port, true);
    const QPointF end = m_to->portScenePos(m_edge.to.port, false) - QPointF(t.portRadius, 0);
    if (start == m_start && end == m_end && !m_path.isEmpty())
        return;
    m_start = start;
    m_end = end;
    if (route) {
        reroute();
    } else {
        m_routed = false;
        setPath(plainCurve());
    }
}

void PipelineEdgeItem::reroute()
{
    const QPainterPath plain = plainCurve();
    const QPainterPath path = routedPath(plain);
    m_routed = path != plain;
    setPath(path);
}

QPainterPath PipelineEdgeItem::plainCurve() const
{
    const double below
        = std::max(m_from->sceneBoundingRect().bottom(), m_to->sceneBoundingRect().bottom());
    return curve(m_start, m_end, m_theme->arrowSize, below + 2 * m_theme->arrowSize);
}

void PipelineEdgeItem::setPath(const QPainterPath &path)
{
    const PipelineTheme &t = *m_theme;
    if (path == m_path && !m_path.isEmpty())
        return;
    prepareGeometryChange();
    m_path = path;
    const double a = t.arrowSize;
    m_arrow = QPolygonF({m_end, m_end + QPointF(-a, -a / 2), m_end + QPointF(-a, a / 2)});
    const double margin = std::max(t.edgeHitWidth, t.edgeHoverWidth) / 2 + a;
    m_bounds = m_path.controlPointRect()
                   .united(m_arrow.boundingRect())
                   .adjusted(-margin, -margin, margin, margin);
    m_label = QRectF();
    if (!m_edge.condition.isEmpty()) {
        const QFontMetricsF metrics(t.badgeFont);
        const double width = std::min(metrics.horizontalAdvance(m_edge.condition), MaxLabelWidth);
        m_label = QRectF(0, 0, width + 2 * t.notePadding, metrics.height() + t.notePadding);
        m_label.moveCenter(m_path.pointAtPercent(0.5));
        m_bounds = m_bounds.united(m_label);
    }
    m_shape = QPainterPath();
}

double PipelineEdgeItem::clearance() const
{
    // Edges sharing a channel run a few pixels apart: each keeps one of four distances from the
    // stages, chosen by its ends (a fixed hash seed, so a drawing is the same every run). The
    // widest (20) is half the layout's smallest gap, so a gap always has a channel.
    const QString ends = m_edge.from.node + QChar(0x1f) + m_edge.to.node;
    return 8 + 4 * double(qHash(ends, 0) % 4);
}

QPainterPath PipelineEdgeItem::routedPath(const QPainterPath &curve) const
{
    const auto *scene = qobject_cast<const PipelineScene *>(m_from->scene());
    if (!scene || m_from == m_to)
        return curve;
    // The stages other than the ends, and the frames' title bands, that meet `area`.
    const auto obstaclesIn = [&](const QRectF &area, QList<QRectF> *stages, QList<QRectF> *bands) {
        for (const PipelineObstacleIndex::Obstacle &obstacle : scene->obstaclesMeeting(area)) {
            if (!obstacle.titleBand && obstacle.item != m_from && obstacle.item != m_to)
                *stages << obstacle.rect;
            else if (obstacle.titleBand && !obstacle.rect.contains(m_start)
                     && !obstacle.rect.contains(m_end))
                *bands << obstacle.rect;
        }
    };
    QList<QRectF> stages, bands;
    // (Grown a little: a level curve's rectangle has no height, and meets nothing.)
    obstaclesIn(curve.controlPointRect().adjusted(-1, -1, 1, 1), &stages, &bands);
    const bool curveCrossesStages = PipelineEdgeRouter::crosses(curve, stages);
    if (!curveCrossesStages && !PipelineEdgeRouter::crosses(curve, bands))
        return curve;

    PipelineEdgeRouter::Request request;
    request.start = m_start;
    request.tip = m_end - QPointF(m_theme->arrowSize, 0);
    request.source = m_from->mapRectToScene(m_from->rect());
    request.target = m_to->mapRectToScene(m_to->rect());
    request.clearance = clearance();
    const QRectF ends = request.source.united(request.target);
    // Near the ends first (most routes turn round a neighbour); then further out, round a band
    // of stages; a frame's title band is avoided where a way round it exists.
    for (double reach : {120.0, 600.0}) {
        request.region = ends.adjusted(-reach, -reach, reach, reach);
        stages.clear();
        bands.clear();
        obstaclesIn(request.region, &stages, &bands);
        request.obstacles = stages + bands;
        std::optional<QPolygonF> corners = PipelineEdgeRouter::route(request);
        if (!corners && !bands.isEmpty()) {
            if (!curveCrossesStages)
                return curve;
            request.obstacles = stages;
            corners = PipelineEdgeRouter::route(request);
        }
        if (corners)
            return PipelineEdgeRouter::rounded(*corners, 2 * m_theme->arrowSize);
    }
    return curve; // boxed in: stages touching all round
}

QRectF PipelineEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath PipelineEdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(m_theme->edgeHitWidth);
        m_shape = stroker.createStroke(m_path);
        m_shape.addPolygon(m_arrow);
        m_shape.setFillRule(Qt::WindingFill);
    }
    return m_shape;
}

void PipelineEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const PipelineTheme &t = *m_theme;
    const QColor color = isSelected() ? t.selection : m_hovered ? t.hover : m_color;
    const double lod = PipelineLegibility::levelOfDetail(option, painter);
    if (lod < PipelineDetail::Shapes) {
        // Zoomed far out: a hairline, no antialiasing.
        const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(color, 0));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_path);
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
        return;
    }
    const bool emphasised = isSelected() || m_hovered;
    QPen pen(color, emphasised ? t.edgeHoverWidth : t.edgeWidth);
    if (!m_typeValid)
        pen.setStyle(Qt::DashLine);
    else if (m_edge.isOrdering()) // "after", not "feeds": short dashes in the plain edge colour
        pen.setDashPattern({4, 2.5});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
    if (!m_label.isEmpty()
        && PipelineLegibility::readable(
            lod, PipelineLegibility::devicePixelRatio(painter), t.badgeFont))
        paintLabel(painter);
}

void PipelineEdgeItem::paintLabel(QPainter *painter) const
{
    const PipelineTheme &t = *m_theme;
    painter->setPen(QPen(m_color, 1));
    painter->setBrush(t.background);
    const double radius = m_label.height() / 2;
    painter->drawRoundedRect(m_label, radius, radius);
    painter->setFont(t.badgeFont);
    painter->setPen(t.nodeText);
    const QRectF text = m_label.adjusted(t.notePadding, 0, -t.notePadding, 0);
    const QString shown
        = QFontMetricsF(t.badgeFont).elidedText(m_edge.condition, Qt::ElideMiddle, text.width());
    painter->drawText(text, Qt::AlignCenter, shown);
}

void PipelineEdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void PipelineEdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}
