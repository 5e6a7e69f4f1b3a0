// Prints how fast Auto-arrange lays out a pipeline: generated DAGs of 100 and 2,000 stages with
// a realistic shape (20 layers, each stage fed by 1-3 stages of the layers just before), beside a
// plain-Qt baseline that only copies every node's position into a QHash (what any arrange costs
// at least). Targets from issue 15: 100 stages ≤ 20 ms, 2,000 stages ≤ 300 ms.
#include "bench/benchfigures.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

constexpr int Layers = 20;

// `stages` stages in 20 layers of equal size; a stage of layer l > 0 runs after 1-3 stages of
// layer l-1, and now and then after one of layer l-2 as well (a skip connection). Seeded, so
// every run measures the same graph.
void generateDag(PipelineGraph &graph, int stages)
{
    QRandomGenerator random(15);
    const int perLayer = std::max(1, stages / Layers);
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

void bench(QTextStream &out, int stages, double targetMs)
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    generateDag(graph, stages);
    const QString input = u"generated DAG (%1 stages, %2 edges, %3 layers)"_s.arg(stages)
                              .arg(graph.edges().size())
                              .arg(Layers);
    const int runs = stages > 500 ? 9 : 31;
    const double ms = BenchFigures::medianMs(runs, [&] {
        if (PipelineAutoLayout::layout(graph).size() != graph.nodes().size())
            qFatal("the layout did not place every stage");
    });
    BenchFigures::printRow(out, u"Auto-arrange %1 stages"_s.arg(stages), input, ms, targetMs);
    const double baseline = BenchFigures::medianMs(runs, [&] {
        QHash<QString, QPointF> positions;
        for (const PipelineNode &node : graph.nodes())
            positions.insert(node.id, node.pos);
        if (positions.size() != graph.nodes().size())
            qFatal("lost a position");
    });
    out << u"| Auto-arrange %1 stages | copy the positions into a QHash | %2 ms | — | baseline |\n"_s
               .arg(stages)
               .arg(baseline, 0, 'f', 3);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out << "# Auto-arrange (issue 15)\n\n"
        << "| What | Input | Median | Target | Verdict |\n|---|---|---|---|---|\n";
    bench(out, 100, 20);
    bench(out, 2000, 300);
    return 0;
}
