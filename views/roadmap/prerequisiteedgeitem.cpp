#include "roadmap/prerequisiteedgeitem.h"

#include "theme/studiotheme.h"

#include <QPainter>
#include <QtMath>

PrerequisiteEdgeItem::PrerequisiteEdgeItem(const QString &fromSectionId,
                                           const QString &toSectionId,
                                           const StudioTheme *theme)
    : m_from(fromSectionId)
    , m_to(toSectionId)
    , m_theme(theme)
{
    setZValue(0); // under the sections, so a crossing never hides a card
}

void PrerequisiteEdgeItem::setPoints(const QList<QPointF> &points)
{
    prepareGeometryChange();
    m_points = points;
    prepare();
}

void PrerequisiteEdgeItem::themeChanged()
{
    prepareGeometryChange();
    prepare();
}

static double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(b.x() - a.x(), b.y() - a.y());
}

void PrerequisiteEdgeItem::prepare()
{
    m_path = QPainterPath();
    m_arrowHead.clear();
    if (m_points.size() < 2)
        return;
    const double arrowLength = m_theme->edgeWidth * 4 + 4;
    QList<QPointF> points = m_points;
    // Stop the line where the arrow head begins.
    const QPointF tip = points.last();
    const QPointF before = points.at(points.size() - 2);
    const double lastLength = distance(before, tip);
    const QPointF direction = lastLength > 0 ? (tip - before) / lastLength : QPointF(1, 0);
    points.last() = tip - direction * std::min(arrowLength, lastLength);

    const double radius = 12;
    m_path.moveTo(points.first());
    for (qsizetype i = 1; i + 1 < points.size(); ++i) {
        const QPointF &corner = points.at(i);
        const double inLength = distance(points.at(i - 1), corner);
        const double outLength = distance(corner, points.at(i + 1));
        const double r = std::min({radius, inLength / 2, outLength / 2});
        if (r <= 0.5 || inLength == 0 || outLength == 0) {
            m_path.lineTo(corner);
            continue;
        }
        const QPointF entry = corner + (points.at(i - 1) - corner) * (r / inLength);
        const QPointF exit = corner + (points.at(i + 1) - corner) * (r / outLength);
        m_path.lineTo(entry);
        m_path.quadTo(corner, exit);
    }
    m_path.lineTo(points.last());

    const QPointF normal(-direction.y(), direction.x());
    const double halfWidth = arrowLength * 0.45;
    m_arrowHead << tip << points.last() + normal * halfWidth << points.last() - normal * halfWidth;
}

QRectF PrerequisiteEdgeItem::boundingRect() const
{
    const double margin = m_theme->edgeWidth * 4 + 4;
    return m_path.boundingRect()
        .united(m_arrowHead.boundingRect())
        .adjusted(-margin, -margin, margin, margin);
}

QPainterPath PrerequisiteEdgeItem::shape() const
{
    QPainterPath shape = m_path;
    shape.addPolygon(m_arrowHead);
    return shape;
}

void PrerequisiteEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(
        QPen(m_theme->edge, m_theme->edgeWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_theme->edge);
    painter->drawPolygon(m_arrowHead);
}
