// Edges do not run through stages (issue 15): each edge's drawn path, in scene coordinates,
// keeps out of every stage but its two ends, in the built-in templates after Auto-arrange and in
// every real pipeline of ../shared/corpus as imported; an edge goes round a stage moved into its
// way and takes the plain curve again once the way is clear, and its arrow and condition stay on
// the route.
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelineeditcontroller.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinetemplates.h"
#include "support/pipelinecanvas.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Every stage's rectangle in the scene, shrunk by 1 px: a point inside one is a crossing.
QList<std::pair<QString, QRectF>> stageRects(const PipelineScene &scene)
{
    QList<std::pair<QString, QRectF>> stages;
    for (const PipelineNode &node : scene.graph()->nodes()) {
        const PipelineNodeItem *item = scene.nodeItem(node.id);
        stages.append({node.id, item->mapRectToScene(item->rect()).adjusted(1, 1, -1, -1)});
    }
    return stages;
}

// The stages an edge's path runs through, its ends left out: the path is flattened and each
// piece near a stage walked in steps of at most one scene unit.
QStringList stagesCrossed(const QList<std::pair<QString, QRectF>> &stages,
                          const PipelineEdgeItem &edge)
{
    QList<QLineF> pieces;
    for (const QPolygonF &polygon : edge.mapToScene(edge.path()).toSubpathPolygons())
        for (qsizetype i = 1; i < polygon.size(); ++i)
            pieces << QLineF(polygon.at(i - 1), polygon.at(i));
    const QRectF bounds = edge.mapToScene(edge.path()).boundingRect().adjusted(-1, -1, 1, 1);
    QStringList crossed;
    for (const auto &[id, stage] : stages) {
        if (id == edge.edge().from.node || id == edge.edge().to.node || !stage.intersects(bounds))
            continue;
        const bool through = std::any_of(pieces.cbegin(), pieces.cend(), [&](const QLineF &piece) {
            if (!QRectF(piece.p1(), piece.p2())
                     .normalized()
                     .adjusted(-1, -1, 1, 1)
                     .intersects(stage))
                return false;
            const int steps = std::max(1, int(std::ceil(piece.length())));
            for (int k = 0; k <= steps; ++k)
                if (stage.contains(piece.pointAt(double(k) / steps)))
                    return true;
            return false;
        });
        if (through)
            crossed << id;
    }
    return crossed;
}

QStringList stagesCrossed(const PipelineScene &scene, const PipelineEdgeItem &edge)
{
    return stagesCrossed(stageRects(scene), edge);
}

// "from → to through a, b" for each edge of the scene that runs through a stage.
QStringList edgesThroughStages(const PipelineScene &scene)
{
    const QList<std::pair<QString, QRectF>> stages = stageRects(scene);
    QStringList found;
    for (const PipelineEdge &edge : scene.graph()->edges()) {
        const PipelineEdgeItem *item = scene.edgeItem(edge);
        if (!item)
            continue;
        const QStringList crossed = stagesCrossed(stages, *item);
        if (!crossed.isEmpty())
            found << edge.from.node + u" → "_s + edge.to.node + u" through "_s
                         + crossed.join(u", "_s);
    }
    return found;
}

double distanceToPath(const QPainterPath &path, const QPointF &point)
{
    double nearest = std::numeric_limits<double>::infinity();
    for (const QPolygonF &polygon : path.toSubpathPolygons()) {
        for (qsizetype i = 1; i < polygon.size(); ++i) {
            const QLineF segment(polygon.at(i - 1), polygon.at(i));
            const QPointF d = segment.p2() - segment.p1();
            const double squared = QPointF::dotProduct(d, d);
            const double t
                = squared > 0
                      ? std::clamp(QPointF::dotProduct(point - segment.p1(), d) / squared, 0.0, 1.0)
                      : 0.0;
            nearest = std::min(nearest, QLineF(point, segment.pointAt(t)).length());
        }
    }
    return nearest;
}

PipelineEdge ordering(const QString &from, const QString &to, const QString &condition = {})
{
    return PipelineEdge(PortRef{from, {}}, PortRef{to, {}}, condition);
}

} // namespace

class TestPipelineEdgeRouting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aStageInTheWayIsGoneRound_data();
    void aStageInTheWayIsGoneRound();
    void routeFollowsTheStagesAroundIt();
    void conditionStaysOnTheRoute();
    void templatesArrangedKeepEdgesOffStages_data();
    void templatesArrangedKeepEdgesOffStages();
    void realPipelinesKeepEdgesOffStages();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
};

void TestPipelineEdgeRouting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPipelineEdgeRouting::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineEdgeRouting::cleanup()
{
    m_scene.reset();
    m_graph.reset();
    m_dir.reset();
}

void TestPipelineEdgeRouting::aStageInTheWayIsGoneRound_data()
{
    QTest::addColumn<PipelineEdge>("joined");
    QTest::addColumn<QString>("between");
    QTest::newRow("ordering: I → R, T between") << ordering(u"I"_s, u"R"_s) << u"T"_s;
    // Dataset to Dataset (pipeline-catalog.json): an edge the canvas draws in its type's colour.
    QTest::newRow("data: I.data → T.data, R between")
        << PipelineEdge{{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}} << u"R"_s;
}

// Three stages in a row: the edge from the first to the last would run straight through the one
// between, so it goes round it, leaving rightwards and entering rightwards, where its arrow
// points.
void TestPipelineEdgeRouting::aStageInTheWayIsGoneRound()
{
    QFETCH(PipelineEdge, joined);
    QFETCH(QString, between);
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    const QString last = joined.to.node;
    QVERIFY(m_graph->moveNode(between, QPointF(300, 0)));
    QVERIFY(m_graph->moveNode(last, QPointF(600, 0)));
    QCoreApplication::processEvents();
    QVERIFY(m_graph->addEdge(joined));
    const PipelineEdgeItem *edge = m_scene->edgeItem(joined);
    QVERIFY(edge);
    QVERIFY(edge->isRouted());
    QCOMPARE(stagesCrossed(*m_scene, *edge), QStringList());

    const QList<QPolygonF> route = edge->mapToScene(edge->path()).toSubpathPolygons();
    QCOMPARE(route.size(), 1);
    QCOMPARE(route.first().first(), edge->startPos());
    const QPointF tip = edge->endPos() - QPointF(m_scene->theme().arrowSize, 0);
    QVERIFY(QLineF(route.first().last(), tip).length() < 1e-6);
    const PipelineNodeItem *target = m_scene->nodeItem(last);
    QVERIFY(edge->endPos().x() <= target->mapRectToScene(target->rect()).left());
    // Its last leg is level with the arrow: it arrives from the left, pointing right.
    const QPointF beforeTip = route.first().at(route.first().size() - 2);
    QVERIFY(beforeTip.x() < tip.x());
    QCOMPARE(beforeTip.y(), tip.y());
}

// A stage dragged out of the way gives the plain curve back; one put back in the way is gone
// round again, though neither end of the edge moved.
void TestPipelineEdgeRouting::routeFollowsTheStagesAroundIt()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    QVERIFY(m_graph->addEdge(ordering(u"I"_s, u"R"_s)));
    PipelineEdgeItem *edge = m_scene->edgeItem(ordering(u"I"_s, u"R"_s));
    QVERIFY(edge->isRouted());

    QVERIFY(m_graph->moveNode(u"T"_s, QPointF(300, 400)));
    QCoreApplication::processEvents(); // the scene routes again once the moves are done
    QVERIFY(!edge->isRouted());
    QCOMPARE(stagesCrossed(*m_scene, *edge), QStringList());

    QVERIFY(m_graph->moveNode(u"T"_s, QPointF(300, 0)));
    QCoreApplication::processEvents();
    QVERIFY(edge->isRouted());
    QCOMPARE(stagesCrossed(*m_scene, *edge), QStringList());
}

// An Argo condition on a routed edge is drawn on the route, not where the curve would be.
void TestPipelineEdgeRouting::conditionStaysOnTheRoute()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    const PipelineEdge edge = ordering(u"I"_s, u"R"_s, u"I.Succeeded"_s);
    QVERIFY(m_graph->addEdge(edge));
    const PipelineEdgeItem *item = m_scene->edgeItem(edge);
    QVERIFY(item->isRouted());
    QVERIFY(!item->labelRect().isEmpty());
    QVERIFY(distanceToPath(item->path(), item->labelRect().center()) < 0.5);
    const PipelineNodeItem *middle = m_scene->nodeItem(u"T"_s);
    QVERIFY(!middle->mapRectToScene(middle->rect()).contains(item->labelRect().center()));
}

void TestPipelineEdgeRouting::templatesArrangedKeepEdgesOffStages_data()
{
    QTest::addColumn<QString>("templateId");
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all())
        QTest::newRow(qPrintable(pipelineTemplate.id)) << pipelineTemplate.id;
}

// Each built-in template, opened and arranged as the Arrange command does (Ctrl+L).
void TestPipelineEdgeRouting::templatesArrangedKeepEdgesOffStages()
{
    QFETCH(QString, templateId);
    PipelineDocument document(&NodeCatalog::builtIn(), m_dir->filePath(u"recovery"_s));
    QString error;
    QVERIFY2(document.newFromTemplate(templateId, &error), qPrintable(error));
    PipelineScene scene(document.graph());
    QVERIFY2(edgesThroughStages(scene).isEmpty(),
             qPrintable(edgesThroughStages(scene).join(u"; "_s)));
    PipelineEditController edits(&document, &scene);
    edits.arrange();
    QCoreApplication::processEvents(); // the scene routes again once the moves are done
    QVERIFY(scene.edgeItemCount() > 0);
    QVERIFY2(edgesThroughStages(scene).isEmpty(),
             qPrintable(edgesThroughStages(scene).join(u"; "_s)));
}

// Every real pipeline of ../shared/corpus, imported (and so laid out) as File ▸ Open does.
void TestPipelineEdgeRouting::realPipelinesKeepEdgesOffStages()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines"_s);
    const QDir root(sharedReferencePath(u"corpus/real-pipelines"_s));
    int files = 0, edges = 0, routed = 0;
    QStringList failures;
    for (const QString &format : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir folder(root.filePath(format));
        for (const QString &file : folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files)) {
            const PipelineImport::Result imported
                = PipelineImport::importFile(folder.filePath(file), NodeCatalog::builtIn());
            QVERIFY2(imported.ok, qPrintable(file + u": "_s + imported.errorMessage));
            const PipelineFile::ReadResult &pipeline = imported.pipeline;
            m_graph->reset(pipeline.nodes, pipeline.edges, pipeline.annotations, pipeline.source);
            for (const PipelineEdge &edge : m_graph->edges()) {
                const PipelineEdgeItem *item = m_scene->edgeItem(edge);
                QVERIFY2(item, qPrintable(file));
                ++edges;
                routed += item->isRouted() ? 1 : 0;
            }
            for (const QString &crossing : edgesThroughStages(*m_scene))
                failures << format + u'/' + file + u": "_s + crossing;
            ++files;
        }
    }
    qInfo(
        "%d files, %d edges, %d of them routed round stages or frame titles", files, edges, routed);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QVERIFY(files > 0);
}

QTEST_MAIN(TestPipelineEdgeRouting)
#include "tst_pipelineedgerouting.moc"
