#include "pipeline/pipelineedgerouter.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
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

// Sorted distinct coordinates. Every side of an obstacle is a grid line, so a step between
// neighbouring lines runs wholly inside an obstacle's span or wholly outside; a shortest route
// with fewest bends needs to turn on no other lines (those of the Hanan grid).
std::vector<double> gridLines(std::vector<double> lines)
{
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(),
                            lines.end(),
                            [](double a, double b) { return std::abs(a - b) < 0.01; }),
                lines.end());
    return lines;
}

int indexOf(const std::vector<double> &lines, double value)
{
    const auto it = std::min_element(lines.cbegin(), lines.cend(), [value](double a, double b) {
        return std::abs(a - value) < std::abs(b - value);
    });
    return int(it - lines.cbegin());
}

// What a block's span from `low` to `high` covers of the lines: the lines strictly inside, and
// the steps from a line to the next that run into the span.
struct Covered
{
    int first = 0; // lines [first, last) are strictly inside
    int last = 0;
    int firstStep = 0; // the steps from lines [firstStep, lastStep) to the next
    int lastStep = 0;
};

Covered covered(const std::vector<double> &lines, double low, double high)
{
    const int first
        = int(std::upper_bound(lines.cbegin(), lines.cend(), low + Epsilon) - lines.cbegin());
    const int last
        = int(std::lower_bound(lines.cbegin(), lines.cend(), high - Epsilon) - lines.cbegin());
    return {first, last, std::max(0, first - 1), std::min(int(lines.size()) - 1, last)};
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

// The channels round the obstacles: a grid of the lines through every block's sides, each point
// marked when a block covers it, and each step to the next point right or down when it would
// run through a block.
struct Grid
{
    enum Mark : unsigned char { Inside = 1, RightBlocked = 2, DownBlocked = 4 };

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
    unsigned char marks(int i, int j) const { return blocked[size_t(j) * size_t(nx) + size_t(i)]; }
    void addMark(int i, int j, int mark) { blocked[size_t(j) * size_t(nx) + size_t(i)] |= mark; }
    // Whether the step from cell (i, j) in `direction` stays on the grid and out of every block.
    bool isOpen(int i, int j, int direction) const
    {
        switch (direction) {
        case 0:
            return i + 1 < nx && !(marks(i, j) & RightBlocked);
        case 1:
            return i > 0 && !(marks(i - 1, j) & RightBlocked);
        case 2:
            return j + 1 < ny && !(marks(i, j) & DownBlocked);
        default:
            return j > 0 && !(marks(i, j - 1) & DownBlocked);
        }
    }
    void mark(const QRectF &block)
    {
        const Covered x = covered(xs, block.left(), block.right());
        const Covered y = covered(ys, block.top(), block.bottom());
        for (int j = y.first; j < y.last; ++j) {
            for (int i = x.firstStep; i < x.last; ++i)
                addMark(i, j, (i >= x.first ? Inside : 0) | (i < x.lastStep ? RightBlocked : 0));
        }
        for (int j = y.firstStep; j < y.lastStep; ++j)
            for (int i = x.first; i < x.last; ++i)
                addMark(i, j, DownBlocked);
    }
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
    for (const QRectF &block : blocks)
        grid.mark(block);
    return grid;
}

// The search's memory, kept from one route to the next: a route in a big drawing visits a few
// thousand states of a grid of tens of thousands, and filling arrays for every state of the grid
// cost more than the search itself (issue 15). A state's cost counts only when its stamp is the
// current search's.
class SearchMemory
{
public:
    using Entry = std::pair<double, int>; // estimate, state: the open list is a min-heap of these

    void begin(size_t stateCount)
    {
        if (m_states.size() < stateCount)
            m_states.resize(stateCount);
        if (++m_search == 0) { // the stamps went round: none may look current
            for (State &state : m_states)
                state.stamp = 0;
            m_search = 1;
        }
        m_open.clear();
    }
    double cost(int state) const
    {
        const State &s = m_states[size_t(state)];
        return s.stamp == m_search ? s.cost : std::numeric_limits<double>::infinity();
    }
    int previous(int state) const
    {
        const State &s = m_states[size_t(state)];
        return s.stamp == m_search ? s.previous : -1;
    }
    void reach(int state, double cost, int previous, double estimate)
    {
        m_states[size_t(state)] = {cost, previous, m_search};
        push({cost + estimate, state});
    }
    // The open list is a 4-ary min-heap: shallower than a binary one, and its children share a
    // cache line. Entries are unique (a state is pushed again only cheaper), so any heap pops
    // them in the same order.
    void push(const Entry &entry)
    {
        size_t at = m_open.size();
        m_open.push_back(entry);
        while (at > 0) {
            const size_t parent = (at - 1) / 4;
            if (!(entry < m_open[parent]))
                break;
            m_open[at] = m_open[parent];
            at = parent;
        }
        m_open[at] = entry;
    }
    bool isEmpty() const { return m_open.empty(); }
    Entry pop()
    {
        const Entry top = m_open.front();
        const Entry last = m_open.back();
        m_open.pop_back();
        const size_t size = m_open.size();
        if (size == 0)
            return top;
        size_t at = 0;
        for (;;) {
            const size_t first = 4 * at + 1;
            if (first >= size)
                break;
            size_t least = first;
            for (size_t child = first + 1; child < std::min(first + 4, size); ++child)
                if (m_open[child] < m_open[least])
                    least = child;
            if (!(m_open[least] < last))
                break;
            m_open[at] = m_open[least];
            at = least;
        }
        m_open[at] = last;
        return top;
    }

private:
    struct State
    {
        double cost = 0;
        int previous = -1;
        unsigned stamp = 0;
    };
    std::vector<State> m_states;
    std::vector<Entry> m_open;
    unsigned m_search = 0;
};

// A* over (cell, direction): length plus a cost per bend, so routes keep to few corners. The
// cells of the cheapest route that arrives rightwards (as the arrow points), or none.
QPolygonF cheapestCells(const Grid &grid, int startCell, int goalCell, double bend)
{
    thread_local SearchMemory memory;
    const int nx = grid.nx;
    memory.begin(size_t(nx) * size_t(grid.ny) * 4);
    // The distance left, weighted a little: a search drawn to the target looks at far fewer
    // states, for a route at most a fifth dearer than the cheapest. (A weight of 2 flooded whole
    // grids before reaching targets behind a detour, and found dearer routes: issue 15.)
    const QPointF to = grid.pointOf(goalCell);
    const auto estimate = [&](int i, int j) {
        return 1.2
               * (std::abs(grid.xs[size_t(i)] - to.x()) + std::abs(grid.ys[size_t(j)] - to.y()));
    };
    memory.reach(startCell * 4, 0, -1, estimate(startCell % nx, startCell / nx)); // rightwards
    double best = std::numeric_limits<double>::infinity();
    int bestState = -1;
    while (!memory.isEmpty()) {
        const auto [guess, state] = memory.pop();
        if (guess >= best)
            break;
        const int cell = state / 4, direction = state % 4;
        const int i = cell % nx, j = cell / nx;
        const double here = memory.cost(state);
        if (guess > here + estimate(i, j) + Epsilon)
            continue; // a stale entry
        if (cell == goalCell && direction == 0) {
            if (here < best) {
                best = here;
                bestState = state;
            }
            continue;
        }
        for (int d = 0; d < 4; ++d) {
            if (!grid.isOpen(i, j, d))
                continue;
            const int ni = i + StepX[d], nj = j + StepY[d];
            const int next = nj * nx + ni;
            const double step = std::abs(grid.xs[size_t(ni)] - grid.xs[size_t(i)])
                                + std::abs(grid.ys[size_t(nj)] - grid.ys[size_t(j)])
                                + (d == direction ? 0 : bend);
            const int nextState = next * 4 + d;
            if (here + step < memory.cost(nextState))
                memory.reach(nextState, here + step, state, estimate(ni, nj));
        }
    }
    QPolygonF cells;
    for (int state = bestState; state >= 0; state = memory.previous(state))
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
    if ((grid.blocked[size_t(startCell)] & Grid::Inside)
        || (grid.blocked[size_t(goalCell)] & Grid::Inside))
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
