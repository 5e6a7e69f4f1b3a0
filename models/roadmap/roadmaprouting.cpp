#include "roadmap/roadmaprouting.h"

namespace {

bool collinear(QPointF a, QPointF b, QPointF c)
{
    return (a.x() == b.x() && b.x() == c.x()) || (a.y() == b.y() && b.y() == c.y());
}

// Without repeated points and without the middle of straight runs, so that a renderer that
// rounds corners only sees real corners.
QList<QPointF> simplified(const QList<QPointF> &points)
{
    QList<QPointF> result;
    for (const QPointF &point : points) {
        if (!result.isEmpty() && result.last() == point)
            continue;
        if (result.size() >= 2 && collinear(result[result.size() - 2], result.last(), point))
            result.removeLast();
        result.append(point);
    }
    return result;
}

double portY(const QRectF &rect, const RouteMetrics &metrics)
{
    return rect.top() + metrics.headerHeight / 2;
}

} // namespace

QList<QPointF> inBandRoute(const QRectF &from,
                           const QRectF &to,
                           const QList<QRectF> &dummySlots,
                           const RouteMetrics &metrics)
{
    const double stub = metrics.layerGap / 4;
    QList<QPointF> points{{from.right(), portY(from, metrics)},
                          {from.right() + stub, portY(from, metrics)}};
    for (const QRectF &slot : dummySlots)
        points << QPointF(slot.left(), slot.center().y())
               << QPointF(slot.right(), slot.center().y());
    points << QPointF(to.left() - stub, portY(to, metrics))
           << QPointF(to.left(), portY(to, metrics));
    return simplified(points);
}

QList<QPointF> crossBandRoute(const QRectF &from,
                              const QRectF &to,
                              double exitLaneY,
                              double entryLaneY,
                              double marginX,
                              const RouteMetrics &metrics)
{
    const double exitX = from.right() + metrics.layerGap / 2;
    const double entryX = to.left() - metrics.layerGap / 2;
    QList<QPointF> points{
        {from.right(), portY(from, metrics)}, {exitX, portY(from, metrics)}, {exitX, exitLaneY}};
    if (entryLaneY > exitLaneY)
        points << QPointF(marginX, exitLaneY) << QPointF(marginX, entryLaneY);
    points << QPointF(entryX, entryLaneY) << QPointF(entryX, portY(to, metrics))
           << QPointF(to.left(), portY(to, metrics));
    return simplified(points);
}
