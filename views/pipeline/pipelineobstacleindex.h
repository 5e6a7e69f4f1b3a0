#pragma once

#include <QRectF>

#include <vector>

class QGraphicsItem;

// What edges keep out of, found by area: a scene's stages and its frames' title bands, in a
// uniform grid of buckets. Each edge asks for the few rectangles near its ends; a scan of every
// stage for each of 18,000 edges took seconds (issue 15). The scene fills it again when a stage
// or frame moved, changed size, came or went (PipelineScene::obstaclesMeeting).
class PipelineObstacleIndex
{
public:
    struct Obstacle
    {
        QRectF rect;                         // scene coordinates
        const QGraphicsItem *item = nullptr; // the stage, or the frame whose title band it is
        bool titleBand = false;
    };

    void reset(std::vector<Obstacle> obstacles);
    // Those whose rectangle meets `area` (as QRectF::intersects says), in the order reset() got.
    std::vector<Obstacle> meeting(const QRectF &area) const;

private:
    struct Span // buckets [first, last] along one axis
    {
        int first = 0;
        int last = 0;
    };
    Span columnsOf(double left, double right) const;
    Span rowsOf(double top, double bottom) const;

    std::vector<Obstacle> m_obstacles;
    std::vector<std::pair<int, int>> m_firstBucket; // of each obstacle: column, row
    QRectF m_bounds;                                // of every obstacle
    double m_cellWidth = 1;
    double m_cellHeight = 1;
    int m_columns = 1;
    int m_rows = 1;
    // Bucket b holds the obstacles m_entries[m_firstEntry[b] .. m_firstEntry[b + 1]).
    std::vector<int> m_firstEntry;
    std::vector<int> m_entries;
    std::vector<int> m_unplaced; // not-a-number or infinite sides: tried for every area
};
