#include "pipeline/pipelineobstacleindex.h"

#include <algorithm>
#include <cmath>

namespace {

// At most this many buckets along an axis, however far apart a hostile file puts its stages.
constexpr int MaxBuckets = 2048;

// The bucket holding `offset` from the first bucket's start; NaN and the outside go to the ends.
int bucketOf(double offset, double cell, int count)
{
    const double at = std::floor(offset / cell);
    if (!(at > 0))
        return 0;
    return at >= count - 1 ? count - 1 : int(at);
}

// About one obstacle a bucket: the side split in proportion to the bounds' shape.
int bucketsAlong(double side, double otherSide, size_t obstacles)
{
    if (!std::isfinite(side) || !std::isfinite(otherSide) || side <= 0 || otherSide <= 0)
        return 1;
    const double wanted = std::round(std::sqrt(double(obstacles) * side / otherSide));
    return int(std::clamp(wanted, 1.0, double(MaxBuckets)));
}

bool isFinite(const QRectF &rect)
{
    return std::isfinite(rect.x()) && std::isfinite(rect.y()) && std::isfinite(rect.width())
           && std::isfinite(rect.height());
}

} // namespace

PipelineObstacleIndex::Span PipelineObstacleIndex::columnsOf(double left, double right) const
{
    return {bucketOf(left - m_bounds.left(), m_cellWidth, m_columns),
            bucketOf(right - m_bounds.left(), m_cellWidth, m_columns)};
}

PipelineObstacleIndex::Span PipelineObstacleIndex::rowsOf(double top, double bottom) const
{
    return {bucketOf(top - m_bounds.top(), m_cellHeight, m_rows),
            bucketOf(bottom - m_bounds.top(), m_cellHeight, m_rows)};
}

void PipelineObstacleIndex::reset(std::vector<Obstacle> obstacles)
{
    m_obstacles = std::move(obstacles);
    m_bounds = QRectF();
    m_unplaced.clear();
    for (size_t i = 0; i < m_obstacles.size(); ++i) {
        if (isFinite(m_obstacles[i].rect))
            m_bounds |= m_obstacles[i].rect.normalized();
        else
            m_unplaced.push_back(int(i));
    }
    m_columns = bucketsAlong(m_bounds.width(), m_bounds.height(), m_obstacles.size());
    m_rows = bucketsAlong(m_bounds.height(), m_bounds.width(), m_obstacles.size());
    m_cellWidth = m_columns > 1 ? m_bounds.width() / m_columns : 1;
    m_cellHeight = m_rows > 1 ? m_bounds.height() / m_rows : 1;

    // Counted, then placed: one array for all buckets.
    const auto eachBucket = [this](const Obstacle &obstacle, const auto &visit) {
        const QRectF rect = obstacle.rect.normalized();
        const Span columns = columnsOf(rect.left(), rect.right());
        const Span rows = rowsOf(rect.top(), rect.bottom());
        for (int row = rows.first; row <= rows.last; ++row)
            for (int column = columns.first; column <= columns.last; ++column)
                visit(size_t(row) * size_t(m_columns) + size_t(column));
    };
    m_firstEntry.assign(size_t(m_columns) * size_t(m_rows) + 1, 0);
    m_firstBucket.clear();
    m_firstBucket.reserve(m_obstacles.size());
    for (const Obstacle &obstacle : m_obstacles) {
        const QRectF rect = obstacle.rect.normalized();
        m_firstBucket.emplace_back(columnsOf(rect.left(), rect.right()).first,
                                   rowsOf(rect.top(), rect.bottom()).first);
        if (isFinite(obstacle.rect))
            eachBucket(obstacle, [this](size_t bucket) { ++m_firstEntry[bucket + 1]; });
    }
    for (size_t b = 1; b < m_firstEntry.size(); ++b)
        m_firstEntry[b] += m_firstEntry[b - 1];
    m_entries.assign(size_t(m_firstEntry.back()), 0);
    std::vector<int> filled(m_firstEntry.cbegin(), m_firstEntry.cend() - 1);
    for (size_t i = 0; i < m_obstacles.size(); ++i)
        if (isFinite(m_obstacles[i].rect))
            eachBucket(m_obstacles[i],
                       [&](size_t bucket) { m_entries[size_t(filled[bucket]++)] = int(i); });
}

std::vector<PipelineObstacleIndex::Obstacle>
PipelineObstacleIndex::meeting(const QRectF &area) const
{
    if (m_obstacles.empty())
        return {};
    const QRectF query = area.normalized();
    const Span columns = columnsOf(query.left(), query.right());
    const Span rows = rowsOf(query.top(), query.bottom());
    std::vector<int> found;
    for (int i : m_unplaced)
        if (m_obstacles[size_t(i)].rect.intersects(area))
            found.push_back(i);
    for (int row = rows.first; row <= rows.last; ++row) {
        for (int column = columns.first; column <= columns.last; ++column) {
            const size_t bucket = size_t(row) * size_t(m_columns) + size_t(column);
            for (int e = m_firstEntry[bucket]; e < m_firstEntry[bucket + 1]; ++e) {
                const int i = m_entries[size_t(e)];
                // An obstacle in several of the buckets looked at counts in the first of them.
                const auto [firstColumn, firstRow] = m_firstBucket[size_t(i)];
                if (std::max(firstColumn, columns.first) == column
                    && std::max(firstRow, rows.first) == row
                    && m_obstacles[size_t(i)].rect.intersects(area))
                    found.push_back(i);
            }
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<Obstacle> meeting;
    meeting.reserve(found.size());
    for (int i : found)
        meeting.push_back(m_obstacles[size_t(i)]);
    return meeting;
}
