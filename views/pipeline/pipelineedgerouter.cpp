#include "pipeline/pipelineedgerouter.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace PipelineEdgeRouter {

namespace {

constexpr double Epsilon = 1e-6;

// Whether the segment a-b meets the open inside of `rect` (Liang-Barsky clipping).
bool segmentEnters(const QPointF &a, const QPointF &b, const QRectF &rect)
{
    const QRectF inside = rect.adjusted(Epsilon, Epsilon, -Epsilon, -Epsilon);
    if (inside.isEmpty())
        return false;
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - inside.left(),
                         inside.right() - a.x(),
                         a.y() - inside.top(),
                         inside.bottom() - a.y()};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] <= 0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return true;
}

// Sorted distinct coordinates, with the midpoint of each neighbouring pair added: every side of
// an obstacle is a grid line, so a step between neighbours is wholly inside an obstacle or wholly
// outside, and testing its points tells which.
std::vector<double> gridLines(std::vector<double> lines)
{
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(),
                            lines.end(),
                            [](double a, double b) { return std::abs(a - b) < 0.01; }),
                lines.end());
    std::vector<double> withMiddles;
    withMiddles.reserve(2 * lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            withMiddles.push_back((lines[i - 1] + lines[i]) / 2);
        withMiddles.push_back(lines[i]);
    }
    return withMiddles;
}

int indexOf(const std::vector<double> &lines, double value)
{
    const auto it = std::min_element(lines.cbegin(), lines.cend(), [value](double a, double b) {
        return std::abs(a - value) < std::abs(b - value);
    });
    return int(it - lines.cbegin());
}

// The indices [first, last) of the lines strictly between `low` and `high`.
std::pair<int, int> strictlyBetween(const std::vector<double> &lines, double low, double high)
{
    const auto first = std::upper_bound(lines.cbegin(), lines.cend(), low + Epsilon);
    const auto last = std::lower_bound(lines.cbegin(), lines.cend(), high - Epsilon);
    return {int(first - lines.cbegin()), int(last - lines.cbegin())};
}

// Directions: right, left, down, up.
constexpr int StepX[4] = {1, -1, 0, 0};
constexpr int StepY[4] = {0, 0, 1, -1};

} // namespace

bool crosses(const QPainterPath &path, const QList<QRectF> &rects)
{
    if (rects.isEmpty())
        return false;
    const QList<QPolygonF> polygons = path.toSubpathPolygons();
    for (const QPolygonF &polygon : polygons) {
        for (qsizetype i = 1; i < polygon.size(); ++i) {
            const QRectF segment = QRectF(polygon.at(i - 1), polygon.at(i)).normalized();
            for (const QRectF &rect : rects) {
                if (segment.right() <= rect.left() || segment.left() >= rect.right()
                    || segment.bottom() <= rect.top() || segment.top() >= rect.bottom())
                    continue;
                if (segmentEnters(polygon.at(i - 1), polygon.at(i), rect))
                    return true;
            }
        }
    }
    return false;
}

// The channels round the obstacles: a grid of the lines through every block's sides, each cell
// marked when a block covers it.
struct Grid
{
    std::vector<double> xs;
    std::vector<double> ys;
    int nx = 0;
    int ny = 0;
    std::vector<unsigned char> blocked;

    int cellAt(const QPointF &point) const
    {
        return indexOf(ys, point.y()) * nx + indexOf(xs, point.x());
    }
    QPointF pointOf(int cell) const { return {xs[size_t(cell % nx)], ys[size_t(cell / nx)]}; }
};

Grid gridAround(const Request &request, const QPointF &from, const QPointF &to)
{
    const double c = request.clearance;
    const QRectF region = request.region.united(QRectF(from, to).normalized());
    std::vector<QRectF> blocks;
    blocks.reserve(size_t(request.obstacles.size()) + 2);
    blocks.push_back(request.source.adjusted(-c, -c, c, c));
    blocks.push_back(request.target.adjusted(-c, -c, c, c));
    for (const QRectF &rect : request.obstacles)
        blocks.push_back(rect.adjusted(-c, -c, c, c));

    Grid grid;
    grid.xs = {region.left(), region.right(), from.x(), to.x()};
    grid.ys = {region.top(), region.bottom(), from.y(), to.y()};
    for (const QRectF &block : blocks) {
        for (double x : {block.left(), block.right()})
            if (x > region.left() && x < region.right())
                grid.xs.push_back(x);
        for (double y : {block.top(), block.bottom()})
            if (y > region.top() && y < region.bottom())
                grid.ys.push_back(y);
    }
    grid.xs = gridLines(std::move(grid.xs));
    grid.ys = gridLines(std::move(grid.ys));
    grid.nx = int(grid.xs.size());
    grid.ny = int(grid.ys.size());
    grid.blocked.assign(size_t(grid.nx) * size_t(grid.ny), 0);
    for (const QRectF &block : blocks) {
        const auto [i0, i1] = strictlyBetween(grid.xs, block.left(), block.right());
        const auto [j0, j1] = strictlyBetween(grid.ys, block.top(), block.bottom());
        for (int j = j0; j < j1; ++j) {
            const auto row = grid.blocked.begin() + qsizetype(j) * grid.nx;
            std::fill(row + i0, row + std::max(i0, i1), 1);
        }
    }
    return grid;
}

// A* over (cell, direction): length plus a cost per bend, so routes keep to few corners. The
// cells of the cheapest route that arrives rightwards (as the arrow points), or none.
QPolygonF cheapestCells(const Grid &grid, int startCell, int goalCell, double bend)
{
    const int nx = grid.nx;
    const size_t states = size_t(nx) * size_t(grid.ny) * 4;
    std::vector<double> cost(states, std::numeric_limits<double>::infinity());
    std::vector<int> previous(states, -1);
    using Entry = std::pair<double, int>; // estimate, state
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    // The distance left, weighted: a search drawn to the target looks at far fewer cells, for a
    // route at most twice the shortest (in practice the same channels).
    const QPointF to = grid.pointOf(goalCell);
    const auto estimate = [&](int cell) {
        const QPointF at = grid.pointOf(cell);
        return 2 * (std::abs(at.x() - to.x()) + std::abs(at.y() - to.y()));
    };
    cost[size_t(startCell) * 4] = 0; // leaving rightwards
    open.push({estimate(startCell), startCell * 4});
    double best = std::numeric_limits<double>::infinity();
    int bestState = -1;
    while (!open.empty()) {
        const auto [guess, state] = open.top();
        open.pop();
        if (guess >= best)
            break;
        const int cell = state / 4, direction = state % 4;
        const double here = cost[size_t(state)];
        if (guess > here + estimate(cell) + Epsilon)
            continue; // a stale entry
        if (cell == goalCell && direction == 0) {
            if (here < best) {
                best = here;
                bestState = state;
            }
            continue;
        }
        const int i = cell % nx, j = cell / nx;
        for (int d = 0; d < 4; ++d) {
            const int ni = i + StepX[d], nj = j + StepY[d];
            if (ni < 0 || nj < 0 || ni >= nx || nj >= grid.ny)
                continue;
            const int next = nj * nx + ni;
            if (grid.blocked[size_t(next)])
                continue;
            const double step = std::abs(grid.xs[size_t(ni)] - grid.xs[size_t(i)])
                                + std::abs(grid.ys[size_t(nj)] - grid.ys[size_t(j)])
                                + (d == direction ? 0 : bend);
            const int nextState = next * 4 + d;
            if (here + step < cost[size_t(nextState)]) {
                cost[size_t(nextState)] = here + step;
                previous[size_t(nextState)] = state;
                open.push({here + step + estimate(next), nextState});
            }
        }
    }
    QPolygonF cells;
    for (int state = bestState; state >= 0; state = previous[size_t(state)])
        cells.prepend(grid.pointOf(state / 4));
    return cells;
}

// From `start` through the cells to `tip`, keeping only the corners.
QPolygonF corners(const QPointF &start, const QPolygonF &cells, const QPointF &tip)
{
    QPolygonF corners{start};
    const auto add = [&corners](const QPointF &point) {
        if (QLineF(corners.last(), point).length() < Epsilon)
            return;
        if (corners.size() >= 2) { // drop the middle of three points on one line
            const QPointF a = corners.at(corners.size() - 2), b = corners.last();
            if ((std::abs(a.x() - b.x()) < Epsilon && std::abs(b.x() - point.x()) < Epsilon)
                || (std::abs(a.y() - b.y()) < Epsilon && std::abs(b.y() - point.y()) < Epsilon)) {
                corners.last() = point;
                return;
            }
        }
        corners << point;
    };
    for (const QPointF &point : cells)
        add(point);
    add(tip);
    return corners;
}

std::optional<QPolygonF> route(const Request &request)
{
    const double c = request.clearance;
    // The route leaves the source rightwards to the edge of its clearance and arrives the same
    // way at the target's, so the ends' own rectangles are obstacles like any other.
    const QPointF from(std::max(request.start.x(), request.source.right()) + c, request.start.y());
    const QPointF to(std::min(request.tip.x(), request.target.left() - c), request.tip.y());
    const Grid grid = gridAround(request, from, to);
    const int startCell = grid.cellAt(from);
    const int goalCell = grid.cellAt(to);
    if (grid.blocked[size_t(startCell)] || grid.blocked[size_t(goalCell)])
        return std::nullopt;
    const QPolygonF cells = cheapestCells(grid, startCell, goalCell, 4 * c + 8);
    if (cells.isEmpty())
        return std::nullopt;
    return corners(request.start, cells, request.tip);
}

QPainterPath rounded(const QPolygonF &corners, double radius)
{
    QPainterPath path;
    if (corners.isEmpty())
        return path;
    path.moveTo(corners.first());
    for (qsizetype k = 1; k + 1 < corners.size(); ++k) {
        const QPointF before = corners.at(k - 1), corner = corners.at(k), after = corners.at(k + 1);
        const double in = QLineF(before, corner).length(), out = QLineF(corner, after).length();
        const double r = std::min({radius, in / 2, out / 2});
        if (r < Epsilon) {
            path.lineTo(corner);
            continue;
        }
        path.lineTo(corner + (before - corner) * (r / in));
        path.quadTo(corner, corner + (after - corner) * (r / out));
    }
    path.lineTo(corners.last());
    return path;
}

} // namespace PipelineEdgeRouter
