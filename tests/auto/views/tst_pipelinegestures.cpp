// What a user does on the pipeline canvas, in a shown view: drags that move (snapped, or free
// with Alt) and connect ports, the rubber band, clicks and double-clicks, keys, zoom, fit and the
// minimap. The scene only requests changes (moveRequested, connectRequested…); the graph is left
// as it was unless a test acts on the request as the workspace would.
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelineminimap.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"
#include "support/pipelinecanvas.h"
#include "support/require.h"
#include "theme/studiotheme.h"

#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

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

class TestPipelineGestures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
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

private:
    void showView();

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
    std::unique_ptr<PipelineView> m_view;
};

void TestPipelineGestures::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPipelineGestures::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineGestures::cleanup()
{
    m_view.reset();
    m_scene.reset();
    m_graph.reset();
}

void TestPipelineGestures::showView()
{
    m_view = std::make_unique<PipelineView>(m_scene.get());
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setZoom(1.0);
    m_view->centerOn(QPointF(450, 80));
}

void TestPipelineGestures::dragMovesOnceSnapped_data()
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

void TestPipelineGestures::dragMovesOnceSnapped()
{
    QFETCH(QPoint, delta);
    QFETCH(bool, alt);
    QFETCH(QPointF, expected);
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::movedItemsStayWhenTheGraphFollows()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::dragMovesTheWholeSelection()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::connectToCompatiblePort()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::connectFromAnInput()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::connectToIncompatiblePortIsRefused()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::portsLightUpWhileDragging()
{
    using Mark = PipelineNodeItem::PortMark;
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::connectDroppedOnEmpty()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::deleteKeyRequestsDeletion()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::rubberBandSelectsNodesInside()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::ctrlClickToggles()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::doubleClicks()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
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

void TestPipelineGestures::tabAsksForQuickAdd()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    REQUIRE_OK(showView());
    QSignalSpy quickAdd(m_view.get(), &PipelineView::quickAddRequested);
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QCOMPARE(quickAdd.size(), 1);
    QVERIFY(m_view->visibleSceneRect().contains(quickAdd.first().first().toPointF()));
}

void TestPipelineGestures::viewZoomAndFit()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
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

void TestPipelineGestures::minimapMovesTheView()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
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

QTEST_MAIN(TestPipelineGestures)
#include "tst_pipelinegestures.moc"
