#include "roadmap/bandlayout.h"
#include "roadmap/bandsteps.h"

#include <QHash>

#include <algorithm>

namespace {

int addNode(BandLayout &band, int section, int column, double height, double port)
{
    BandLayout::Node node;
    node.section = section;
    node.column = column;
    node.height = height;
    node.port = port;
    band.nodes.append(node);
    const int index = int(band.nodes.size() - 1);
    band.columns[column].append(index);
    return index;
}

void link(BandLayout &band, int from, int to)
{
    band.nodes[from].succs.append(to);
    band.nodes[to].preds.append(from);
}

// A dummy of rowGap height in each column the edge passes, so that it runs between sections.
// Edges from one prerequisite share its dummies: a fan-out becomes one trunk that branches,
// instead of a stack of parallel edges that would make the columns it passes much taller.
void addEdge(BandLayout &band,
             QHash<std::pair<int, int>, int> &trunks,
             std::pair<int, int> sections,
             std::pair<int, int> nodes,
             double rowGap)
{
    const auto [preNode, depNode] = nodes;
    QList<int> chain;
    int previous = preNode;
    for (int column = band.nodes[preNode].column + 1; column < band.nodes[depNode].column;
         ++column) {
        int dummy = trunks.value({sections.first, column}, -1);
        if (dummy < 0) {
            dummy = addNode(band, -1, column, rowGap, rowGap / 2);
            link(band, previous, dummy);
            trunks.insert({sections.first, column}, dummy);
        }
        chain.append(dummy);
        previous = dummy;
    }
    link(band, previous, depNode);
    band.dummies.insert(sections, chain);
}

} // namespace

BandLayout BandLayout::compute(const QList<QList<int>> &sectionColumns,
                               const LayeredDag &dag,
                               const QList<double> &sectionHeights,
                               double headerHeight,
                               double rowGap)
{
    BandLayout band;
    band.columns.resize(sectionColumns.size());
    QHash<int, int> nodeOfSection;
    for (int column = 0; column < sectionColumns.size(); ++column) {
        for (const int section : sectionColumns[column]) {
            nodeOfSection.insert(
                section, addNode(band, section, column, sectionHeights[section], headerHeight / 2));
        }
    }
    // Sorted, so that dummies are created in the same order whatever the hash order is.
    QList<int> members = nodeOfSection.keys();
    std::sort(members.begin(), members.end());
    QHash<std::pair<int, int>, int> trunks; // (prerequisite, column) -> its dummy there
    for (const int dep : members) {
        for (const int pre : dag.prerequisites[dep]) {
            if (nodeOfSection.contains(pre)) {
                addEdge(band, trunks, {pre, dep}, {nodeOfSection[pre], nodeOfSection[dep]}, rowGap);
            }
        }
    }
    orderBandColumns(band);
    placeBandColumns(band, rowGap);
    return band;
}

double BandLayout::top() const
{
    if (nodes.isEmpty())
        return 0;
    const auto byTop = [](const Node &a, const Node &b) {
        return a.top < b.top;
    };
    return std::min_element(nodes.cbegin(), nodes.cend(), byTop)->top;
}

double BandLayout::bottom() const
{
    double result = nodes.isEmpty() ? 0 : nodes.first().top + nodes.first().height;
    for (const Node &node : nodes)
        result = std::max(result, node.top + node.height);
    return result;
}
