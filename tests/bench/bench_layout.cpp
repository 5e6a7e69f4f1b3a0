// Prints how fast Auto-arrange lays out a pipeline: generated DAGs of 100 and 2,000 stages with
// a realistic shape (20 layers, each stage fed by 1-3 stages of the layers just before), beside a
// plain-Qt baseline that only copies every node's position into a QHash (what any arrange costs
// at least). Targets from issue 15: 100 stages ≤ 20 ms, 2,000 stages ≤ 300 ms.
#include "bench/benchdag.h"
#include "bench/benchfigures.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

constexpr int Layers = 20;

void bench(QTextStream &out, int stages, double targetMs)
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    BenchDag::generate(graph, stages, Layers);
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
