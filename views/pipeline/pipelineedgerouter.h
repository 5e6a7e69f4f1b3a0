#pragma once

#include <QList>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>

#include <optional>

// Where an edge runs when the plain curve would cut through a stage: an orthogonal route through
// the free channels between the stages, found by a shortest-path search (length plus a cost per
// bend) on the sparse grid of lines the obstacles' sides make. Only the rectangles near the two
// ends take part, so one route costs little in a graph of thousands of stages.
namespace PipelineEdgeRouter {

// Whether `path` (flattened) passes through the inside of one of `rects`.
bool crosses(const QPainterPath &path, const QList<QRectF> &rects);

struct Request
{
    QPointF start; // on the source's right side
    QPointF tip;   // where the arrow head begins, left of the target
    QRectF source; // the two ends' rectangles, kept clear too
    QRectF target;
    QList<QRectF> obstacles; // every other rectangle near the ends
    double clearance = 8;    // distance kept from every rectangle
    QRectF region;           // the route stays inside
};

// The corners of the route, from `start` to `tip`, leaving rightwards and arriving rightwards;
// nothing when the region has no free way.
std::optional<QPolygonF> route(const Request &request);

// The polyline with its corners rounded (radius at most `radius`, less on short legs).
QPainterPath rounded(const QPolygonF &corners, double radius);

} // namespace PipelineEdgeRouter
