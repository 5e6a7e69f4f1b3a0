#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelineminimap.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinevalidator.h"
#include "pipeline/pipelineview.h"
#include "support/generatedpipeline.h"
#include "support/require.h"
#include "theme/studiotheme.h"

#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString TemplatePath
    = QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/templates/end-to-end.mlpipe");

PipelineNode makeNode(const QString &id, const QString &kind, const QPointF &pos)
{
    PipelineNode node;
    node.id = id;
    node.kind = kind;
    node.name = id.toUpper();
    node.pos = pos;
    return node;
}

QPoint viewPoint(const PipelineView &view, const QPointF &scenePos)
{
    return view.mapFromScene(scenePos);
}

// A left-button drag in steps, as a hand would make it.
void drag(QWidget *viewport, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, from);
    constexpr int Steps = 5;
    for (int i = 1; i <= Steps; ++i)
        QTest::mouseMove(viewport, from + (to - from) * i / Steps);
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
}

} // namespace

class TestPipelineScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void themesCarryPipelineStyles();
    void mirrorsTheTemplate();
    void followsNodeChanges();
    void followsEdgeAndAnnotationChanges();
    void rebuildsOnReset();
    void findingsMarkTheRightNode();
    void topicProgressShows();
    void portHitTesting();
    void selectionApi();
    void dragMovesOnceSnapped_data();
    void dragMovesOnceSnapped();
    void movedItemsStayWhenTheGraphFollows();
    void dragMovesTheWholeSelection();
    void connectToCompatiblePort();
    void connectFromAnInput();
    void connectToIncompatiblePortIsRefused();
    void portsLightUpWhileDragging();
    void connectDroppedOnEmpty();
    void deleteKeyRequestsDeletion();
    void rubberBandSelectsNodesInside();
    void ctrlClickToggles();
    void doubleClicks();
    void tabAsksForQuickAdd();
    void viewZoomAndFit();
    void minimapMovesTheView();
    void paintsInEveryThemeAndZoom_data();
    void paintsInEveryThemeAndZoom();
    void bigGraphBuilds();

private:
    void loadTemplate();
    void buildSmallGraph();
    void showView();

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
    std::unique_ptr<PipelineView> m_view;
};

void TestPipelineScene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPipelineScene::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineScene::cleanup()
{
    m_view.reset();
    m_scene.reset();
    m_graph.reset();
}

void TestPipelineScene::loadTemplate()
{
    const PipelineFile::ReadResult file = PipelineFile::load(TemplatePath, NodeCatalog::builtIn());
    QVERIFY2(file.ok, qPrintable(file.errorMessage));
    m_graph->reset(file.nodes, file.edges, file.annotations);
}

// I(ingest) at (0,0), T(transform) at (300,0), R(train) at (600,0), on the grid.
void TestPipelineScene::buildSmallGraph()
{
    QVERIFY(m_graph->addNode(makeNode(u"I"_s, u"ingest"_s, {0, 0})));
    QVERIFY(m_graph->addNode(makeNode(u"T"_s, u"transform"_s, {300, 0})));
    QVERIFY(m_graph->addNode(makeNode(u"R"_s, u"train"_s, {600, 0})));
}

void TestPipelineScene::showView()
{
    m_view = std::make_unique<PipelineView>(m_scene.get());
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setZoom(1.0);
    m_view->centerOn(QPointF(450, 80));
}

void TestPipelineScene::themesCarryPipelineStyles()
{
    for (const QString &id : StudioTheme::ids()) {
        const PipelineTheme theme = StudioTheme::byIdOrDefault(id).pipeline;
        QVERIFY2(theme.background.isValid(), qPrintable(id));
        QVERIFY(theme.nodeWidth > 0 && theme.gridSize > 0 && theme.portRadius > 0);
        QVERIFY(theme.categories.contains(u"Data"_s) && theme.categories.contains(u"Generic"_s));
        // Every artifact type has its own colour and its own shape.
        QSet<QRgb> colors;
        QSet<int> shapes;
        for (const PortStyle &port : theme.ports) {
            colors << port.color.rgb();
            shapes << int(port.shape);
            QVERIFY(!port.path.isEmpty());
        }
        QCOMPARE(colors.size(), qsizetype(theme.ports.size()));
        QCOMPARE(shapes.size(), qsizetype(theme.ports.size()));
    }
    // A theme without its pipeline part is refused, naming what is missing.
    QJsonObject object{{u"id"_s, u"x"_s}};
    QString error;
    QVERIFY(!PipelineTheme::fromJson(QJsonObject{{u"colors"_s, QJsonObject{}}}, u"Sans"_s, &error));
    QVERIFY2(error.startsWith(u"pipeline.colors.background"_s), qPrintable(error));
}

void TestPipelineScene::mirrorsTheTemplate()
{
    REQUIRE_OK(loadTemplate());
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
    QCOMPARE(m_scene->edgeItemCount(), m_graph->edges().size());
    QCOMPARE(m_scene->annotationItemCount(), m_graph->annotations().size());
    QCOMPARE(m_scene->items().size(),
             m_graph->nodes().size() + m_graph->edges().size() + m_graph->annotations().size());
    for (const PipelineNode &node : m_graph->nodes()) {
        const PipelineNodeItem *item = m_scene->nodeItem(node.id);
        QVERIFY(item);
        QCOMPARE(item->pos(), node.pos);
        QCOMPARE(item->name(), node.name);
    }
    for (const PipelineEdge &edge : m_graph->edges()) {
        const PipelineEdgeItem *item = m_scene->edgeItem(edge);
        QVERIFY(item);
        QVERIFY(item->isTypeValid());
        QCOMPARE(item->startPos(),
                 m_scene->nodeItem(edge.from.node)->portScenePos(edge.from.port, true));
    }
    for (const PipelineAnnotation &annotation : m_graph->annotations()) {
        const PipelineAnnotationItem *item = m_scene->annotationItem(annotation.id);
        QVERIFY(item);
        QCOMPARE(item->pos(), annotation.rect.topLeft());
        if (annotation.kind == PipelineAnnotation::Kind::Group)
            QVERIFY(item->zValue() < m_scene->nodeItem(u"train"_s)->zValue());
    }
    QVERIFY(m_scene->sceneRect().contains(m_scene->contentRect()));
}

void TestPipelineScene::followsNodeChanges()
{
    REQUIRE_OK(loadTemplate());
    const PipelineEdge edge{{u"train"_s, u"model"_s}, {u"evaluate"_s, u"model"_s}};
    PipelineEdgeItem *edgeItem = m_scene->edgeItem(edge);
    QVERIFY(edgeItem);

    QVERIFY(m_graph->moveNode(u"train"_s, QPointF(1040, 400)));
    QCOMPARE(m_scene->nodeItem(u"train"_s)->pos(), QPointF(1040, 400));
    QCOMPARE(edgeItem->startPos(), m_scene->nodeItem(u"train"_s)->portScenePos(u"model"_s, true));
    QVERIFY(edgeItem->path().boundingRect().bottom() > 400);

    PipelineNode renamed = *m_graph->node(u"train"_s);
    renamed.name = u"Train with XGBoost"_s;
    QVERIFY(m_graph->updateNode(renamed));
    QCOMPARE(m_scene->nodeItem(u"train"_s)->name(), u"Train with XGBoost"_s);

    const qsizetype edgesBefore = m_scene->edgeItemCount();
    const qsizetype trainEdges = m_graph->edgesOf(u"train"_s).size();
    QVERIFY(m_graph->removeNode(u"train"_s));
    QVERIFY(!m_scene->nodeItem(u"train"_s));
    QVERIFY(!m_scene->edgeItem(edge));
    QCOMPARE(m_scene->edgeItemCount(), edgesBefore - trainEdges);

    QVERIFY(m_graph->addNode(makeNode(u"t2"_s, u"train"_s, {1040, 0})));
    QVERIFY(m_scene->nodeItem(u"t2"_s));
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
}

void TestPipelineScene::followsEdgeAndAnnotationChanges()
{
    REQUIRE_OK(buildSmallGraph());
    const PipelineEdge edge{{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}};
    QVERIFY(m_graph->addEdge(edge));
    QVERIFY(m_scene->edgeItem(edge));
    QCOMPARE(m_scene->nodeItem(u"I"_s)->edges().size(), 1);
    QVERIFY(m_graph->removeEdge(edge));
    QVERIFY(!m_scene->edgeItem(edge));
    QVERIFY(m_scene->nodeItem(u"I"_s)->edges().isEmpty());

    PipelineAnnotation note{
        u"a1"_s, PipelineAnnotation::Kind::Text, QRectF(0, 300, 300, 80), u"Runs nightly"_s};
    QVERIFY(m_graph->addAnnotation(note));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->pos(), QPointF(0, 300));
    note.rect.moveTopLeft(QPointF(40, 340));
    note.text = u"Runs hourly"_s;
    QVERIFY(m_graph->updateAnnotation(note));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->pos(), QPointF(40, 340));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->annotation().text, u"Runs hourly"_s);
    QVERIFY(m_graph->removeAnnotation(u"a1"_s));
    QVERIFY(!m_scene->annotationItem(u"a1"_s));
}

void TestPipelineScene::rebuildsOnReset()
{
    REQUIRE_OK(buildSmallGraph());
    QSignalSpy rebuilt(m_scene.get(), &PipelineScene::rebuilt);
    REQUIRE_OK(loadTemplate());
    QCOMPARE(rebuilt.size(), 1);
    QVERIFY(!m_scene->nodeItem(u"I"_s));
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
    m_graph->clear();
    QCOMPARE(m_scene->items().size(), 0);
}

void TestPipelineScene::findingsMarkTheRightNode()
{
    REQUIRE_OK(buildSmallGraph());
    // R (train) lacks its required "data" input: an error on R, nothing on the others.
    const QList<PipelineFinding> findings = validatePipeline(*m_graph);
    QList<PipelineFinding> aboutR;
    for (const PipelineFinding &finding : findings)
        if (finding.nodeId == u"R"_s)
            aboutR << finding;
    QVERIFY(!aboutR.isEmpty());
    m_scene->setFindings(findings);
    const PipelineNodeItem *r = m_scene->nodeItem(u"R"_s);
    QVERIFY(r->hasError());
    for (const PipelineFinding &finding : std::as_const(aboutR))
        QVERIFY2(r->findingsText().contains(finding.message), qPrintable(r->findingsText()));
    QVERIFY(r->toolTipAt(r->pos() + QPointF(r->rect().width() / 2, 5))
                .contains(aboutR.first().message.toHtmlEscaped()));

    PipelineFinding warning;
    warning.severity = PipelineFinding::Severity::Warning;
    warning.nodeId = u"I"_s;
    warning.message = u"Ingest without validation"_s;
    m_scene->setFindings({warning});
    QVERIFY(!r->hasError());
    QVERIFY(r->findingsText().isEmpty());
    QVERIFY(m_scene->nodeItem(u"I"_s)->hasWarning());
    QVERIFY(!m_scene->nodeItem(u"I"_s)->hasError());
    QVERIFY(!m_scene->nodeItem(u"T"_s)->hasWarning());

    // Findings survive a rebuild of the items.
    const QList<PipelineNode> nodes = m_graph->nodes(); // reset() clears what it is given
    m_graph->reset(nodes, {}, {});
    QVERIFY(m_scene->nodeItem(u"I"_s)->hasWarning());
}

void TestPipelineScene::topicProgressShows()
{
    REQUIRE_OK(buildSmallGraph());
    m_scene->setTopicProgress({{u"R"_s, NodeTopicProgress{2, 3}}});
    QCOMPARE(m_scene->nodeItem(u"R"_s)->topicsFinished(), 2);
    QCOMPARE(m_scene->nodeItem(u"I"_s)->topicsFinished(), 0);
    m_scene->setTopicProgress({});
    QCOMPARE(m_scene->nodeItem(u"R"_s)->topicsFinished(), 0);
}

void TestPipelineScene::portHitTesting()
{
    REQUIRE_OK(buildSmallGraph());
    const PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    const QPointF input = t->portScenePos(u"data"_s, false);
    const QPointF output = t->portScenePos(u"features"_s, true);
    QCOMPARE(input.x(), 300.0);
    QCOMPARE(output.x(), 300.0 + m_scene->theme().nodeWidth);

    const auto atInput = m_scene->portAt(input + QPointF(2, 1), 6);
    QVERIFY(atInput);
    QCOMPARE(atInput->port, (PortRef{u"T"_s, u"data"_s}));
    QVERIFY(!atInput->output);
    const auto atOutput = m_scene->portAt(output, 6);
    QVERIFY(atOutput);
    QCOMPARE(atOutput->port, (PortRef{u"T"_s, u"features"_s}));
    QVERIFY(atOutput->output);
    QVERIFY(!m_scene->portAt(t->pos() + t->rect().center(), 6));
    QVERIFY(!m_scene->portAt(QPointF(-500, -500), 6));
}

void TestPipelineScene::selectionApi()
{
    REQUIRE_OK(loadTemplate());
    m_scene->selectIds({u"train"_s, u"deploy"_s}, {u"a2"_s});
    QStringList nodes = m_scene->selectedNodeIds();
    nodes.sort();
    QCOMPARE(nodes, (QStringList{u"deploy"_s, u"train"_s}));
    QCOMPARE(m_scene->selectedAnnotationIds(), QStringList{u"a2"_s});
    QVERIFY(m_scene->selectedEdges().isEmpty());

    const PipelineEdge edge = m_graph->edges().first();
    m_scene->edgeItem(edge)->setSelected(true);
    QCOMPARE(m_scene->selectedEdges(), QList<PipelineEdge>{edge});

    QSignalSpy selection(m_scene.get(), &QGraphicsScene::selectionChanged);
    m_scene->selectAll();
    QCOMPARE(selection.size(), 1);
    QCOMPARE(m_scene->selectedNodeIds().size(), m_graph->nodes().size());
    QCOMPARE(m_scene->selectedEdges().size(), m_graph->edges().size());
    QCOMPARE(m_scene->selectedAnnotationIds().size(), m_graph->annotations().size());
}

void TestPipelineScene::dragMovesOnceSnapped_data()
{
    QTest::addColumn<QPoint>("delta");
    QTest::addColumn<bool>("alt");
    QTest::addColumn<QPointF>("expected");
    const double grid = StudioTheme::byIdOrDefault(StudioTheme::defaultId()).pipeline.gridSize;
    QTest::newRow("snapped") << QPoint(97, 33) << false
                             << QPointF(300 + std::round(97 / grid) * grid,
                                        std::round(33 / grid) * grid);
    QTest::newRow("alt: free") << QPoint(97, 33) << true << QPointF(397, 33);
}

void TestPipelineScene::dragMovesOnceSnapped()
{
    QFETCH(QPoint, delta);
    QFETCH(bool, alt);
    QFETCH(QPointF, expected);
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy moves(m_scene.get(), &PipelineScene::moveRequested);
    PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    const QPoint grab = viewPoint(*m_view, t->pos() + QPointF(t->rect().width() / 2, 10));
    drag(m_view->viewport(), grab, grab + delta, alt ? Qt::AltModifier : Qt::NoModifier);

    QCOMPARE(moves.size(), 1);
    const auto oldPositions = moves.first().at(0).value<QHash<QString, QPointF>>();
    const auto newPositions = moves.first().at(1).value<QHash<QString, QPointF>>();
    QCOMPARE(oldPositions, (QHash<QString, QPointF>{{u"T"_s, QPointF(300, 0)}}));
    QCOMPARE(newPositions, (QHash<QString, QPointF>{{u"T"_s, expected}}));
    using Positions = QHash<QString, QPointF>;
    QVERIFY(moves.first().at(2).value<Positions>().isEmpty());
    // Nobody acted on the request: the graph still has the node where it was, so has the scene.
    QCOMPARE(t->pos(), QPointF(300, 0));
    QCOMPARE(m_scene->selectedNodeIds(), QStringList{u"T"_s});
}

void TestPipelineScene::movedItemsStayWhenTheGraphFollows()
{
    REQUIRE_OK(buildSmallGraph());
    QVERIFY(m_graph->addEdge({{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}}));
    REQUIRE_OK(showView());
    // What the workspace does: one command that moves the nodes in the graph.
    connect(m_scene.get(),
            &PipelineScene::moveRequested,
            m_graph.get(),
            [this](const QHash<QString, QPointF> &, const QHash<QString, QPointF> &positions) {
                for (auto it = positions.cbegin(); it != positions.cend(); ++it)
                    m_graph->moveNode(it.key(), *it);
            });
    PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    const QPoint grab = viewPoint(*m_view, t->pos() + QPointF(t->rect().width() / 2, 10));
    drag(m_view->viewport(), grab, grab + QPoint(0, 200));
    QCOMPARE(m_graph->node(u"T"_s)->pos, QPointF(300, 200));
    QCOMPARE(t->pos(), QPointF(300, 200));
    const PipelineEdgeItem *edge = m_scene->edgeItem({{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}});
    QCOMPARE(edge->endPos().y(), t->portScenePos(u"data"_s, false).y());
}

void TestPipelineScene::dragMovesTheWholeSelection()
{
    REQUIRE_OK(buildSmallGraph());
    QVERIFY(m_graph->addAnnotation(
        {u"a1"_s, PipelineAnnotation::Kind::Text, QRectF(0, 200, 200, 60), u"note"_s}));
    REQUIRE_OK(showView());
    m_scene->selectIds({u"I"_s, u"T"_s}, {u"a1"_s});
    QSignalSpy moves(m_scene.get(), &PipelineScene::moveRequested);
    PipelineNodeItem *i = m_scene->nodeItem(u"I"_s);
    const QPoint grab = viewPoint(*m_view, i->pos() + QPointF(40, 10));
    drag(m_view->viewport(), grab, grab + QPoint(40, 40));
    QCOMPARE(moves.size(), 1);
    const auto newNodes = moves.first().at(1).value<QHash<QString, QPointF>>();
    const auto newAnnotations = moves.first().at(3).value<QHash<QString, QPointF>>();
    QCOMPARE(newNodes, (QHash<QString, QPointF>{{u"I"_s, {40, 40}}, {u"T"_s, {340, 40}}}));
    QCOMPARE(newAnnotations, (QHash<QString, QPointF>{{u"a1"_s, {40, 240}}}));
    QCOMPARE(m_scene->selectedNodeIds().size(), 2);
}

void TestPipelineScene::connectToCompatiblePort()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy requested(m_scene.get(), &PipelineScene::connectRequested);
    QSignalSpy refused(m_scene.get(), &PipelineScene::connectRefused);
    const QPoint from
        = viewPoint(*m_view, m_scene->nodeItem(u"I"_s)->portScenePos(u"data"_s, true));
    const QPoint to = viewPoint(*m_view, m_scene->nodeItem(u"T"_s)->portScenePos(u"data"_s, false));
    drag(m_view->viewport(), from, to + QPoint(3, -2));
    QCOMPARE(refused.size(), 0);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PipelineEdge>(),
             (PipelineEdge{{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}}));
    QVERIFY(!m_scene->isConnecting());
    // The scene changed nothing: the edge comes when the graph reports it.
    QCOMPARE(m_scene->edgeItemCount(), 0);
    QCOMPARE(m_scene->items().size(), 3); // the temporary wire is gone
}

void TestPipelineScene::connectFromAnInput()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy requested(m_scene.get(), &PipelineScene::connectRequested);
    const QPoint from
        = viewPoint(*m_view, m_scene->nodeItem(u"R"_s)->portScenePos(u"data"_s, false));
    const QPoint to
        = viewPoint(*m_view, m_scene->nodeItem(u"T"_s)->portScenePos(u"features"_s, true));
    drag(m_view->viewport(), from, to);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PipelineEdge>(),
             (PipelineEdge{{u"T"_s, u"features"_s}, {u"R"_s, u"data"_s}}));

    // Dropped on a node's body, the wire takes the first port that fits.
    requested.clear();
    const PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    drag(m_view->viewport(), from, viewPoint(*m_view, t->pos() + t->rect().center()));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PipelineEdge>().from,
             (PortRef{u"T"_s, u"features"_s}));
}

void TestPipelineScene::connectToIncompatiblePortIsRefused()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy requested(m_scene.get(), &PipelineScene::connectRequested);
    QSignalSpy refused(m_scene.get(), &PipelineScene::connectRefused);
    // Dataset output -> Features input.
    const PipelineEdge wrong{{u"I"_s, u"data"_s}, {u"R"_s, u"data"_s}};
    const QString reason = m_graph->edgeProblem(wrong);
    QVERIFY(!reason.isEmpty());
    const QPoint from
        = viewPoint(*m_view, m_scene->nodeItem(u"I"_s)->portScenePos(u"data"_s, true));
    const QPoint to = viewPoint(*m_view, m_scene->nodeItem(u"R"_s)->portScenePos(u"data"_s, false));
    drag(m_view->viewport(), from, to);
    QCOMPARE(requested.size(), 0);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toString(), reason);

    // An output dropped on another output: the graph says why.
    refused.clear();
    const QPoint otherOutput
        = viewPoint(*m_view, m_scene->nodeItem(u"T"_s)->portScenePos(u"features"_s, true));
    drag(m_view->viewport(), from, otherOutput);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().first().toString(),
             m_graph->edgeProblem({{u"I"_s, u"data"_s}, {u"T"_s, u"features"_s}}));
}

void TestPipelineScene::portsLightUpWhileDragging()
{
    using Mark = PipelineNodeItem::PortMark;
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    const PipelineNodeItem *i = m_scene->nodeItem(u"I"_s);
    const PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    const PipelineNodeItem *r = m_scene->nodeItem(u"R"_s);
    const QPoint from = viewPoint(*m_view, i->portScenePos(u"data"_s, true));
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(60, 80));
    QVERIFY(m_scene->isConnecting());
    QCOMPARE(i->portMark(true, i->portIndex(u"data"_s, true)), Mark::Source);
    QCOMPARE(t->portMark(false, t->portIndex(u"data"_s, false)), Mark::Compatible);
    QCOMPARE(r->portMark(false, r->portIndex(u"data"_s, false)), Mark::Incompatible);
    QCOMPARE(t->portMark(true, t->portIndex(u"features"_s, true)), Mark::Incompatible);
    QCOMPARE(i->portMark(false, i->portIndex(u"trigger"_s, false)), Mark::Incompatible);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QVERIFY(!m_scene->isConnecting());
    QCOMPARE(t->portMark(false, 0), Mark::None);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, from + QPoint(60, 80));
}

void TestPipelineScene::connectDroppedOnEmpty()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy dropped(m_scene.get(), &PipelineScene::connectDroppedOnEmpty);
    QSignalSpy requested(m_scene.get(), &PipelineScene::connectRequested);
    QSignalSpy refused(m_scene.get(), &PipelineScene::connectRefused);
    const QPointF port = m_scene->nodeItem(u"T"_s)->portScenePos(u"features"_s, true);
    const QPoint from = viewPoint(*m_view, port);
    drag(m_view->viewport(), from, from + QPoint(40, 300));
    QCOMPARE(requested.size() + refused.size(), 0);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().at(0).value<PortRef>(), (PortRef{u"T"_s, u"features"_s}));
    QCOMPARE(dropped.first().at(1).toBool(), true);
    QCOMPARE(dropped.first().at(2).toPointF(), m_view->mapToScene(from + QPoint(40, 300)));
}

void TestPipelineScene::deleteKeyRequestsDeletion()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy deletion(m_scene.get(), &PipelineScene::deleteRequested);
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QCOMPARE(deletion.size(), 0); // nothing selected
    m_scene->selectIds({u"T"_s});
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QTest::keyClick(m_view.get(), Qt::Key_Backspace);
    QCOMPARE(deletion.size(), 2);
    QCOMPARE(m_graph->nodes().size(), 3); // a request, not a deletion
}

void TestPipelineScene::rubberBandSelectsNodesInside()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    const PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    // Around I and T, from empty canvas above-left to below T's right edge (R is left out).
    const QPoint from = viewPoint(*m_view, QPointF(-60, -60));
    const QPoint to = viewPoint(*m_view, t->pos() + t->rect().bottomRight() + QPointF(30, 40));
    drag(m_view->viewport(), from, to);
    QStringList selected = m_scene->selectedNodeIds();
    selected.sort();
    QCOMPARE(selected, (QStringList{u"I"_s, u"T"_s}));
    // A click on empty canvas clears the selection.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(*m_view, {150, 400}));
    QVERIFY(m_scene->selectedItems().isEmpty());
}

void TestPipelineScene::ctrlClickToggles()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    const auto centre = [this](const QString &id) {
        const PipelineNodeItem *item = m_scene->nodeItem(id);
        return viewPoint(*m_view, item->pos() + QPointF(item->rect().width() / 2, 10));
    };
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre(u"I"_s));
    QCOMPARE(m_scene->selectedNodeIds(), QStringList{u"I"_s});
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ControlModifier, centre(u"R"_s));
    QCOMPARE(m_scene->selectedNodeIds().size(), 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ControlModifier, centre(u"I"_s));
    QCOMPARE(m_scene->selectedNodeIds(), QStringList{u"R"_s});
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre(u"T"_s));
    QCOMPARE(m_scene->selectedNodeIds(), QStringList{u"T"_s});
}

void TestPipelineScene::doubleClicks()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy quickAdd(m_scene.get(), &PipelineScene::quickAddRequested);
    QSignalSpy activated(m_scene.get(), &PipelineScene::nodeActivated);
    const QPoint empty = viewPoint(*m_view, QPointF(160, 420));
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, empty);
    QCOMPARE(quickAdd.size(), 1);
    QCOMPARE(quickAdd.first().first().toPointF(), m_view->mapToScene(empty));
    QCOMPARE(activated.size(), 0);

    const PipelineNodeItem *r = m_scene->nodeItem(u"R"_s);
    QTest::mouseDClick(m_view->viewport(),
                       Qt::LeftButton,
                       {},
                       viewPoint(*m_view, r->pos() + QPointF(r->rect().width() / 2, 12)));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), u"R"_s);
    QCOMPARE(quickAdd.size(), 1);
}

void TestPipelineScene::tabAsksForQuickAdd()
{
    REQUIRE_OK(buildSmallGraph());
    REQUIRE_OK(showView());
    QSignalSpy quickAdd(m_view.get(), &PipelineView::quickAddRequested);
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QCOMPARE(quickAdd.size(), 1);
    QVERIFY(m_view->visibleSceneRect().contains(quickAdd.first().first().toPointF()));
}

void TestPipelineScene::viewZoomAndFit()
{
    REQUIRE_OK(loadTemplate());
    REQUIRE_OK(showView());
    m_view->setZoom(100);
    QCOMPARE(m_view->zoom(), PipelineView::MaximumZoom);
    QTest::keyClick(m_view.get(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(m_view->zoom() < 1.0);
    const QRectF visible = m_view->visibleSceneRect();
    QVERIFY2(visible.contains(m_scene->contentRect()), "fit all shows everything");

    m_scene->selectIds({u"train"_s});
    QTest::keyClick(m_view.get(), Qt::Key_F);
    QVERIFY(
        m_view->visibleSceneRect().contains(m_scene->nodeItem(u"train"_s)->sceneBoundingRect()));
    QVERIFY(
        !m_view->visibleSceneRect().contains(m_scene->nodeItem(u"monitor"_s)->sceneBoundingRect()));

    const double before = m_view->zoom();
    QTest::keyClick(m_view.get(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(m_view->zoom() < before);
}

void TestPipelineScene::minimapMovesTheView()
{
    REQUIRE_OK(loadTemplate());
    REQUIRE_OK(showView());
    m_view->setZoom(1.0);
    m_view->centerOn(QPointF(0, 0));
    PipelineMinimap minimap(m_view.get());
    minimap.resize(300, 150);
    minimap.show();
    QVERIFY(QTest::qWaitForWindowExposed(&minimap));
    const QPointF target = m_scene->nodeItem(u"monitor"_s)->sceneBoundingRect().center();
    QTest::mouseClick(&minimap, Qt::LeftButton, {}, minimap.toWidget(target).toPoint());
    QVERIFY(m_view->visibleSceneRect().contains(target));
    QVERIFY(!m_view->visibleSceneRect().contains(QPointF(0, 0)));
    const QImage picture = minimap.grab().toImage();
    QVERIFY(!picture.isNull());
}

void TestPipelineScene::paintsInEveryThemeAndZoom_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<double>("zoom");
    for (const QString &id : StudioTheme::ids()) {
        for (double zoom : {1.0, 0.5, 0.2}) {
            QTest::addRow("%s at %g", qPrintable(id), zoom) << id << zoom;
        }
    }
}

void TestPipelineScene::paintsInEveryThemeAndZoom()
{
    QFETCH(QString, theme);
    QFETCH(double, zoom);
    REQUIRE_OK(loadTemplate());
    m_scene->setTheme(StudioTheme::byIdOrDefault(theme));
    // The template validates clean: add findings so the badges show.
    QList<PipelineFinding> findings = validatePipeline(*m_graph);
    findings << PipelineFinding{PipelineFinding::Severity::Error,
                                u"deploy"_s,
                                u"No rollback plan"_s,
                                {},
                                u"test"_s}
             << PipelineFinding{PipelineFinding::Severity::Warning,
                                u"train"_s,
                                u"No experiment tracking"_s,
                                {},
                                u"test"_s};
    m_scene->setFindings(findings);
    m_scene->setTopicProgress({{u"train"_s, NodeTopicProgress{2, 3}}});
    const QRectF source = m_scene->contentRect().adjusted(-40, -40, 40, 40);
    QImage image((source.size() * zoom).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(image.rect()), source);
    }
    // The background is the theme's; a node's header shows in its category colour.
    const QColor background = m_scene->theme().background;
    QCOMPARE(image.pixelColor(2, 2), background);
    const PipelineNodeItem *train = m_scene->nodeItem(u"train"_s);
    const QPointF inHeader
        = (train->pos() + QPointF(train->rect().width() * 0.6, 4) - source.topLeft()) * zoom;
    QVERIFY(image.pixelColor(inHeader.toPoint()) != background);
    if (zoom >= 0.5) {
        // The error badge is drawn, in the theme's error colour (beside its "!").
        const PipelineNodeItem *deploy = m_scene->nodeItem(u"deploy"_s);
        const QRectF badge = deploy->badgeRect().translated(deploy->pos());
        const QPointF solid
            = (badge.center() + QPointF(badge.width() * 0.3, 0) - source.topLeft()) * zoom;
        QCOMPARE(image.pixelColor(solid.toPoint()), m_scene->theme().error);
    }
    const QString dir = qEnvironmentVariable("MLOPS_PIPELINE_PNG_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(u"pipeline-canvas-%1-%2.png"_s.arg(theme).arg(zoom)));
}

void TestPipelineScene::bigGraphBuilds()
{
    const GeneratedPipeline::Graph generated = GeneratedPipeline::make(5000, 5000);
    m_graph->reset(generated.nodes, generated.edges, {});
    QCOMPARE(m_graph->nodes().size(), 5000);
    QCOMPARE(m_graph->edges().size(), 5000);
    QCOMPARE(m_scene->nodeItemCount(), 5000);
    QCOMPARE(m_scene->edgeItemCount(), 5000);
    QVERIFY(validatePipeline(*m_graph).size() >= 0);
    const PipelineNodeItem *last = m_scene->nodeItem(u"n4999"_s);
    QVERIFY(last);
    QCOMPARE(m_scene->itemAt(last->sceneBoundingRect().center(), QTransform()), last);
}

QTEST_MAIN(TestPipelineScene)
#include "tst_pipelinescene.moc"
