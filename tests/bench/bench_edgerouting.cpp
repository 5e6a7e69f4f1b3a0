// Prints what routing edges round the stages costs on the canvas (issue 15), for the 2,000-stage
// DAG of bench_layout arranged as Ctrl+L does: the scene build (every edge checked, those in the
// way of a stage routed), the Arrange command with the routes it redoes, and each step of a
// stage dragged by the mouse (its edges, and the edges it lands on, routed again). A step must
// stay well inside a frame (16 ms) for the drag to stay smooth.
#include "bench/benchdag.h"
#include "bench/benchfigures.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelineeditcontroller.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Stages = 2000;
constexpr int DragSteps = 40;

void printRow(QTextStream &out, const QString &what, const QString &input, double ms)
{
    out << u"| %1 | %2 | %3 ms |\n"_s.arg(what, input).arg(ms, 0, 'f', 2);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    PipelineDocument document(&NodeCatalog::builtIn(), dir.filePath(u"recovery"_s));
    PipelineGraph &graph = *document.graph();
    BenchDag::generate(graph, Stages);
    auto scene = std::make_unique<PipelineScene>(&graph);
    PipelineEditController edits(&document, scene.get());
    // As the workspace does: a drag's release becomes one move command.
    QObject::connect(
        scene.get(),
        &PipelineScene::moveRequested,
        &edits,
        [&edits](const QHash<QString, QPointF> &,
                 const QHash<QString, QPointF> &nodes,
                 const QHash<QString, QPointF> &,
                 const QHash<QString, QPointF> &notes) { edits.moveItems(nodes, notes); });
    QElapsedTimer timer;
    timer.start();
    edits.arrange();
    QCoreApplication::processEvents(); // the routes the moves leave to redo
    const double arrange = timer.nsecsElapsed() / 1e6;

    const QString input
        = u"generated DAG (%1 stages, %2 edges), arranged"_s.arg(Stages).arg(graph.edges().size());
    out << "# Edge routes (issue 15)\n\n| What | Input | Time |\n|---|---|---|\n";
    printRow(out, u"Arrange (Ctrl+L) with the routes"_s, input, arrange);
    std::unique_ptr<PipelineScene> another; // the canvas the drag is on stays connected
    const double build
        = BenchFigures::medianMs(5, [&] { another = std::make_unique<PipelineScene>(&graph); });
    another.reset();
    printRow(out, u"Scene build with the routes"_s, input, build);
    int routed = 0;
    for (const PipelineEdge &edge : graph.edges())
        routed += scene->edgeItem(edge)->isRouted() ? 1 : 0;
    out << u"| Edges routed round stages or frame titles | %1 | %2 of %3 |\n"_s.arg(input)
               .arg(routed)
               .arg(graph.edges().size());

    // A stage in the middle dragged down and right, one mouse move at a time.
    PipelineView view(scene.get());
    view.resize(1920, 1080);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        qFatal("the view was never shown");
    view.setZoom(1.0);
    const PipelineNode dragged = graph.nodes().at(Stages / 2 + 7); // a copy: where it was
    const PipelineNodeItem *item = scene->nodeItem(dragged.id);
    view.centerOn(item->sceneBoundingRect().center());
    QCoreApplication::processEvents();
    const QPoint grab = view.mapFromScene(item->mapRectToScene(item->rect()).center()
                                          - QPointF(0, item->rect().height() / 3));
    QWidget *viewport = view.viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
    std::vector<double> steps;
    for (int i = 1; i <= DragSteps; ++i) {
        timer.restart();
        QTest::mouseMove(viewport, grab + QPoint(9 * i, 7 * i));
        steps.push_back(timer.nsecsElapsed() / 1e6);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, grab + QPoint(9 * DragSteps, 7 * DragSteps));
    if (graph.node(dragged.id)->pos == dragged.pos)
        qFatal("the drag moved nothing");
    std::sort(steps.begin(), steps.end());
    const QString dragInput = u"%1, stage with %2 edges, %3 moves"_s.arg(input)
                                  .arg(item->edges().size())
                                  .arg(DragSteps);
    printRow(
        out, u"Drag a stage: one mouse move (median)"_s, dragInput, steps.at(steps.size() / 2));
    printRow(out, u"Drag a stage: one mouse move (slowest)"_s, dragInput, steps.back());
    return 0;
}
