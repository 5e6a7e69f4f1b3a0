#include "pipeline/pipelineedgeitem.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinenodeitem.h"
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

void PipelineEdgeItem::updatePath()
{
    const PipelineTheme &t = *m_theme;
    const QPointF start = m_from->portScenePos(m_edge.from.port, true);
    const QPointF end = m_to->portScenePos(m_edge.to.port, false) - QPointF(t.portRadius, 0);
    if (start == m_start && end == m_end && !m_path.isEmpty())
        return;
    prepareGeometryChange();
    m_start = start;
    m_end = end;
    const double below
        = std::max(m_from->sceneBoundingRect().bottom(), m_to->sceneBoundingRect().bottom());
    m_path = curve(start, end, t.arrowSize, below + 2 * t.arrowSize);
    const double a = t.arrowSize;
    m_arrow = QPolygonF({end, end + QPointF(-a, -a / 2), end + QPointF(-a, a / 2)});
    const double margin = std::max(t.edgeHitWidth, t.edgeHoverWidth) / 2 + a;
    m_bounds = m_path.controlPointRect()
                   .united(m_arrow.boundingRect())
                   .adjusted(-margin, -margin, margin, margin);
    if (!m_edge.condition.isEmpty()) {
        const QFontMetricsF metrics(t.badgeFont);
        const double width = std::min(metrics.horizontalAdvance(m_edge.condition), MaxLabelWidth);
        m_label = QRectF(0, 0, width + 2 * t.notePadding, metrics.height() + t.notePadding);
        m_label.moveCenter(m_path.pointAtPercent(0.5));
        m_bounds = m_bounds.united(m_label);
    }
    m_shape = QPainterPath();
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
        painter->drawLine(m_start, m_end);
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
