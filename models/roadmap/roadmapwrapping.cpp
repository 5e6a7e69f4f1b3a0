#include "roadmap/roadmapwrapping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QList<int> bandSizes(qsizetype columnCount, int bandCount)
{
    QList<int> sizes;
    for (int band = 0; band < bandCount; ++band)
        sizes.append(int(columnCount / bandCount + (band < columnCount % bandCount ? 1 : 0)));
    return sizes;
}

// Sections with prerequisites go to the first sub-column and those with dependents to the
// last, so that edges stay short; edges that still pass a sub-column get dummies there.
QList<QList<int>> splitLayer(const LayeredDag &dag, QList<int> layer, int maxRows)
{
    const auto sideKey = [&dag](int section) {
        return (dag.prerequisites[section].isEmpty() ? 1 : 0)
               + (dag.dependents[section].isEmpty() ? 0 : 1);
    };
    std::stable_sort(
        layer.begin(), layer.end(), [&](int a, int b) { return sideKey(a) < sideKey(b); });
    const int parts = int((layer.size() + maxRows - 1) / maxRows);
    QList<QList<int>> columns;
    qsizetype start = 0;
    for (const int size : bandSizes(layer.size(), parts)) {
        QList<int> column = layer.mid(start, size);
        std::sort(column.begin(), column.end()); // curriculum order within a column
        columns.append(column);
        start += size;
    }
    return columns;
}

// What one wrapping would measure: sections stacked in their columns, plus a dummy slot for
// each edge passing a column of its band; the alignment of columns is left out.
class SizeEstimate
{
public:
    SizeEstimate(const LayeredDag &dag,
                 const QList<double> &sectionHeights,
                 const RoadmapMetrics &metrics,
                 const QList<QList<int>> &columns)
        : m_dag(dag)
        , m_metrics(metrics)
        , m_columnOf(dag.layers.size(), 0)
    {
        for (int column = 0; column < columns.size(); ++column) {
            double height = -metrics.rowGap;
            for (const int section : columns[column]) {
                height += sectionHeights[section] + metrics.rowGap;
                m_columnOf[section] = column;
            }
            m_columnHeights.append(height);
        }
    }

    qsizetype columnCount() const { return m_columnHeights.size(); }

    QSizeF size(int bandCount) const
    {
        const QList<int> sizes = bandSizes(m_columnHeights.size(), bandCount);
        QList<int> bandOf;
        for (int band = 0; band < sizes.size(); ++band)
            bandOf += QList<int>(sizes[band], band);
        const QList<double> heights = withDummies(bandOf);
        double height = (bandCount - 1) * m_metrics.bandGap;
        qsizetype start = 0;
        for (const int size : sizes) {
            height += *std::max_element(heights.cbegin() + start, heights.cbegin() + start + size);
            start += size;
        }
        const double columnWidth = m_metrics.cardWidth + 2 * m_metrics.sectionPadding;
        const int widest = *std::max_element(sizes.cbegin(), sizes.cend());
        return {widest * (columnWidth + m_metrics.layerGap) - m_metrics.layerGap, height};
    }

private:
    // One dummy slot per prerequisite and column passed: edges from one prerequisite share them.
    QList<double> withDummies(const QList<int> &bandOf) const
    {
        QList<double> heights = m_columnHeights;
        for (int pre = 0; pre < m_dag.dependents.size(); ++pre) {
            const int from = m_columnOf[pre];
            int furthest = from;
            for (const int dep : m_dag.dependents[pre]) {
                if (bandOf[m_columnOf[dep]] == bandOf[from])
                    furthest = std::max(furthest, m_columnOf[dep]);
            }
            for (int column = from + 1; column < furthest; ++column)
                heights[column] += 2 * m_metrics.rowGap;
        }
        return heights;
    }

    const LayeredDag &m_dag;
    const RoadmapMetrics &m_metrics;
    QList<int> m_columnOf;
    QList<double> m_columnHeights;
};

// Splitting layers lengthens edges and loses the "one layer, one column" reading, so it is
// only tried when wrapping alone stays further than this from the target (a factor of 2).
const double splitThreshold = std::log(2.0);

} // namespace

QList<QList<int>> layerColumns(const LayeredDag &dag, int maxRows)
{
    QList<QList<int>> layers(dag.layerCount);
    for (int section = 0; section < dag.layers.size(); ++section)
        layers[dag.layers[section]].append(section);
    QList<QList<int>> columns;
    for (const QList<int> &layer : layers) {
        if (layer.size() <= maxRows)
            columns.append(layer);
        else
            columns += splitLayer(dag, layer, std::max(maxRows, 1));
    }
    return columns;
}

QList<QList<QList<int>>> splitIntoBands(const QList<QList<int>> &columns, int bandCount)
{
    QList<QList<QList<int>>> bands;
    qsizetype start = 0;
    for (const int size : bandSizes(columns.size(), bandCount)) {
        bands.append(columns.mid(start, size));
        start += size;
    }
    return bands;
}

double aspectError(QSizeF size, double targetAspectRatio)
{
    if (size.width() <= 0 || size.height() <= 0 || targetAspectRatio <= 0)
        return std::numeric_limits<double>::max();
    return std::abs(std::log(size.width() / size.height() / targetAspectRatio));
}

WrapChoice estimateWrap(const LayeredDag &dag,
                        const QList<double> &sectionHeights,
                        const RoadmapMetrics &metrics)
{
    int largestLayer = 0;
    for (const QList<int> &column : layerColumns(dag, std::numeric_limits<int>::max()))
        largestLayer = std::max(largestLayer, int(column.size()));
    WrapChoice best;
    double bestError = std::numeric_limits<double>::max();
    int previousMaxRows = 0;
    // ceil(largest / parts) takes few distinct values, so this stays cheap for big layers.
    for (int parts = 1; parts <= largestLayer; ++parts) {
        const int maxRows = (largestLayer + parts - 1) / parts;
        if (maxRows == previousMaxRows)
            continue;
        if (parts == 2 && bestError <= splitThreshold)
            break;
        previousMaxRows = maxRows;
        const SizeEstimate estimate(dag, sectionHeights, metrics, layerColumns(dag, maxRows));
        for (int bands = 1; bands <= estimate.columnCount(); ++bands) {
            const double error = aspectError(estimate.size(bands), metrics.targetAspectRatio);
            if (error < bestError) {
                bestError = error;
                best = {maxRows, bands};
            }
        }
    }
    return best;
}
