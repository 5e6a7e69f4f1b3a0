#include "roadmap/bandsteps.h"

#include <algorithm>
#include <utility>

namespace {

// Enough for the small graphs of a curriculum; more sweeps rarely remove another crossing.
constexpr int sweepCount = 6;

QList<int> positionsInColumns(const BandLayout &band)
{
    QList<int> positions(band.nodes.size(), 0);
    for (const QList<int> &column : band.columns) {
        for (int i = 0; i < column.size(); ++i)
            positions[column[i]] = i;
    }
    return positions;
}

// Nodes with the same key hang off the same neighbours. A dummy among them carries an edge on
// past the column: in the middle of the run, the edges fan out evenly around it, while at one
// end it would pull the next column off centre, and that drift adds up along a long edge.
QList<int> dummiesCentredInTies(const BandLayout &band,
                                const QList<int> &ordered,
                                const QList<std::pair<double, int>> &keyed)
{
    QList<int> result;
    for (qsizetype start = 0; start < ordered.size();) {
        qsizetype end = start + 1;
        while (end < ordered.size() && keyed[end].first == keyed[start].first)
            ++end;
        QList<int> sections;
        QList<int> dummies;
        for (qsizetype i = start; i < end; ++i)
            (band.nodes[ordered[i]].section < 0 ? dummies : sections).append(ordered[i]);
        const qsizetype half = sections.size() / 2;
        result += sections.mid(0, half) + dummies + sections.mid(half);
        start = end;
    }
    return result;
}

// Sorts a column by the mean position of each node's neighbours on one side. A node without
// such neighbours keeps its own position as key; ties keep the previous order.
void reorder(BandLayout &band, int column, QList<int> &positions, bool byPredecessors)
{
    QList<int> &ids = band.columns[column];
    QList<std::pair<double, int>> keyed;
    for (int i = 0; i < ids.size(); ++i) {
        const BandLayout::Node &node = band.nodes[ids[i]];
        const QList<int> &neighbours = byPredecessors ? node.preds : node.succs;
        double key = i;
        if (!neighbours.isEmpty()) {
            double sum = 0;
            for (const int neighbour : neighbours)
                sum += positions[neighbour];
            key = sum / neighbours.size();
        }
        keyed.append({key, i});
    }
    std::sort(keyed.begin(), keyed.end());
    QList<int> reordered;
    for (const auto &entry : keyed)
        reordered.append(ids[entry.second]);
    ids = dummiesCentredInTies(band, reordered, keyed);
    for (int i = 0; i < ids.size(); ++i)
        positions[ids[i]] = i;
}

qint64 crossings(const BandLayout &band, const QList<int> &positions)
{
    qint64 total = 0;
    for (const QList<int> &column : band.columns) {
        QList<std::pair<int, int>> edges;
        for (const int from : column) {
            for (const int to : band.nodes[from].succs)
                edges.append({positions[from], positions[to]});
        }
        for (int i = 0; i < edges.size(); ++i) {
            for (int j = i + 1; j < edges.size(); ++j) {
                if ((edges[i].first - edges[j].first) * (edges[i].second - edges[j].second) < 0)
                    ++total;
            }
        }
    }
    return total;
}

} // namespace

void orderBandColumns(BandLayout &band)
{
    QList<int> positions = positionsInColumns(band);
    QList<QList<int>> best = band.columns;
    qint64 fewest = crossings(band, positions);
    // On a tie the later order wins: sweeps also settle ties (dummies centred), at no cost.
    const auto keepIfBetter = [&] {
        const qint64 count = crossings(band, positions);
        if (count <= fewest) {
            fewest = count;
            best = band.columns;
        }
    };
    const int last = int(band.columns.size()) - 1;
    for (int sweep = 0; sweep < sweepCount; ++sweep) {
        for (int column = 1; column <= last; ++column)
            reorder(band, column, positions, true);
        keepIfBetter();
        for (int column = last - 1; column >= 0; --column)
            reorder(band, column, positions, false);
        keepIfBetter();
    }
    band.columns = best;
}
