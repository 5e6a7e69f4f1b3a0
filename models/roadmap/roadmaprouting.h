#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

// Polylines for prerequisite arrows. Both kinds start at the middle of the prerequisite's
// header on its right side and end at the middle of the dependent's header on its left side,
// with horizontal ends, and keep to the gaps between sections.

struct RouteMetrics
{
    double headerHeight = 0;
    double layerGap = 0;
};

// Within a band: through the middle of each dummy slot (one per column passed), with short
// horizontal stubs at both ends and straight runs across the gaps between columns.
QList<QPointF> inBandRoute(const QRectF &from,
                           const QRectF &to,
                           const QList<QRectF> &dummySlots,
                           const RouteMetrics &metrics);

// To a later band, orthogonally: right into the gap after the prerequisite's column, down to
// `exitLaneY` in the gap below its band, then to the gap before the dependent's column and
// down into it. When `entryLaneY` is lower, the bands are not adjacent and the route goes down
// at `marginX`, left of every section, from one lane to the other.
QList<QPointF> crossBandRoute(const QRectF &from,
                              const QRectF &to,
                              double exitLaneY,
                              double entryLaneY,
                              double marginX,
                              const RouteMetrics &metrics);
