#pragma once

#include "pipeline/pipelinegraph.h"

#include <QList>

// A big pipeline for tests and benchmarks: `nodeCount` stages cycling through the lifecycle
// (ingest → validate → … → monitor → retrain trigger), laid out in rows, each stage feeding the
// next, plus each cycle's feature store also feeding its evaluation, up to `edgeCount` edges.
namespace GeneratedPipeline {

struct Stage
{
    const char16_t *kind;
    const char16_t *input;  // fed by the previous stage's output
    const char16_t *output; // feeds the next stage
};

inline constexpr Stage Cycle[] = {
    {u"ingest", u"trigger", u"data"},
    {u"validate-data", u"data", u"data"},
    {u"transform", u"data", u"features"},
    {u"feature-store", u"features", u"features"},
    {u"train", u"data", u"model"},
    {u"evaluate", u"model", u"model"},
    {u"register", u"model", u"model"},
    {u"ci-gate", u"model", u"model"},
    {u"package", u"model", u"image"},
    {u"deploy", u"image", u"endpoint"},
    {u"monitor", u"endpoint", u"drift"},
    {u"retrain-trigger", u"signal", u"trigger"},
};
inline constexpr int CycleLength = int(std::size(Cycle));

struct Graph
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
};

inline Graph make(int nodeCount, int edgeCount, int columns = 60)
{
    using namespace Qt::StringLiterals;
    Graph graph;
    graph.nodes.reserve(nodeCount);
    for (int i = 0; i < nodeCount; ++i) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(i);
        node.kind = QString::fromUtf16(Cycle[i % CycleLength].kind);
        node.name = u"Stage %1"_s.arg(i);
        node.tool = (i % 3 == 0) ? u"MLflow"_s : QString();
        node.pos = QPointF((i % columns) * 260.0, (i / columns) * 220.0);
        graph.nodes << node;
    }
    for (int i = 1; i < nodeCount && graph.edges.size() < edgeCount; ++i) {
        graph.edges.append(PipelineEdge{
            {graph.nodes.at(i - 1).id, QString::fromUtf16(Cycle[(i - 1) % CycleLength].output)},
            {graph.nodes.at(i).id, QString::fromUtf16(Cycle[i % CycleLength].input)}});
    }
    // Feature store (3) -> evaluate (5) in the same cycle, on the evaluation's "data" input.
    for (int start = 0; start + 5 < nodeCount && graph.edges.size() < edgeCount;
         start += CycleLength) {
        graph.edges.append(PipelineEdge{{graph.nodes.at(start + 3).id, u"features"_s},
                                        {graph.nodes.at(start + 5).id, u"data"_s}});
    }
    return graph;
}

} // namespace GeneratedPipeline
