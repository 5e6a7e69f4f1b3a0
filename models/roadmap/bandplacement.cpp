#include "roadmap/bandsteps.h"

namespace {

// Rounds of aligning columns with their left, then their right neighbours: enough for the
// positions to settle on curriculum-sized graphs.
constexpr int alignRounds = 4;
// How strongly a node without neighbours on the aligned side stays where it is: weakly, so
// that a pulled neighbour can push it aside.
constexpr double stayWeight = 0.1;
// Dummies pull harder, so that long edges come out straight.
constexpr double dummyWeight = 2;

// Weighted least-squares values for `targets` under the constraint that they do not decrease
// (pool adjacent violators).
QList<double> nonDecreasingFit(const QList<double> &targets, const QList<double> &weights)
{
    struct Block
    {
        double weightedSum;
        double weight;
        int count;
        double mean() const { return weightedSum / weight; }
    };
    QList<Block> blocks;
    for (int i = 0; i < targets.size(); ++i) {
        blocks.append({targets[i] * weights[i], weights[i], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.last().mean()) {
            const Block last = blocks.takeLast();
            blocks.last().weightedSum += last.weightedSum;
            blocks.last().weight += last.weight;
            blocks.last().count += last.count;
        }
    }
    QList<double> fitted;
    for (const Block &block : blocks)
        fitted.append(QList<double>(block.count, block.mean()));
    return fitted;
}

void stackAndCentre(BandLayout &band, double rowGap)
{
    for (const QList<int> &column : band.columns) {
        double y = 0;
        for (const int id : column) {
            band.nodes[id].top = y;
            y += band.nodes[id].height + rowGap;
        }
        const double shift = -(y - rowGap) / 2;
        for (const int id : column)
            band.nodes[id].top += shift;
    }
}

// Where a node's top would put its port at the mean port of its neighbours, and how much that
// matters; its current top, barely, when it has none.
std::pair<double, double> alignedTop(const BandLayout &band, int id, bool left, bool right)
{
    const BandLayout::Node &node = band.nodes[id];
    QList<int> neighbours;
    if (left)
        neighbours += node.preds;
    if (right)
        neighbours += node.succs;
    if (neighbours.isEmpty())
        return {node.top, stayWeight};
    double sum = 0;
    for (const int neighbour : neighbours)
        sum += band.nodes[neighbour].top + band.nodes[neighbour].port;
    const double weight = neighbours.size() * (node.section < 0 ? dummyWeight : 1.0);
    return {sum / neighbours.size() - node.port, weight};
}

// Moves a column's nodes as close to their aligned tops as the order and rowGap allow.
// Subtracting the stacked offset turns "no overlap" into "does not decrease".
void alignColumn(BandLayout &band, int column, bool left, bool right, double rowGap)
{
    const QList<int> &ids = band.columns[column];
    QList<double> targets;
    QList<double> weights;
    double offset = 0;
    for (const int id : ids) {
        const auto [top, weight] = alignedTop(band, id, left, right);
        targets.append(top - offset);
        weights.append(weight);
        offset += band.nodes[id].height + rowGap;
    }
    const QList<double> fitted = nonDecreasingFit(targets, weights);
    offset = 0;
    for (int i = 0; i < ids.size(); ++i) {
        band.nodes[ids[i]].top = fitted[i] + offset;
        offset += band.nodes[ids[i]].height + rowGap;
    }
}

} // namespace

void placeBandColumns(BandLayout &band, double rowGap)
{
    stackAndCentre(band, rowGap);
    const int count = int(band.columns.size());
    for (int round = 0; round < alignRounds; ++round) {
        for (int column = 1; column < count; ++column)
            alignColumn(band, column, true, false, rowGap);
        for (int column = count - 2; column >= 0; --column)
            alignColumn(band, column, false, true, rowGap);
    }
    for (int column = 0; column < count; ++column)
        alignColumn(band, column, true, true, rowGap);
}
