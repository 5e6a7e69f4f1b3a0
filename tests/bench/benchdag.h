#pragma once

#include "pipeline/pipelinegraph.h"

#include <QRandomGenerator>

#include <algorithm>

// The generated DAG the layout and edge-routing benchmarks share: `stages` stages in `layers`
// layers of equal size; a stage of layer l > 0 runs after 1-3 stages of layer l-1, and now and
// then after one of layer l-2 as well (a skip connection). Seeded, so every run measures the same
// graph.
namespace BenchDag {

inline void generate(PipelineGraph &graph, int stages, int layers = 20)
{
    using namespace Qt::StringLiterals;
    QRandomGenerator random(15);
    const int perLayer = std::max(1, stages / layers);
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    for (int i = 0; i < stages; ++i) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(i);
        node.kind = u"step"_s;
        node.name = u"stage %1"_s.arg(i);
        nodes << node;
        const int layer = i / perLayer;
        if (layer == 0)
            continue;
        const int fanIn = 1 + int(random.bounded(3));
        for (int k = 0; k < fanIn; ++k) {
            const int from = (layer - 1) * perLayer + int(random.bounded(perLayer));
            edges.append({{nodes.at(from).id, {}}, {node.id, {}}});
        }
        if (layer >= 2 && random.bounded(5) == 0) {
            const int from = (layer - 2) * perLayer + int(random.bounded(perLayer));
            edges.append({{nodes.at(from).id, {}}, {node.id, {}}});
        }
    }
    graph.reset(nodes, edges, {});
}

} // namespace BenchDag
