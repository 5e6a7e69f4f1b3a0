#include "curriculum/curriculumloader.h"
#include "pipeline/findingspanel.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/nodepalette.h"
#include "pipeline/nodepropertypanel.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelineminimap.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"
#include "pipeline/pipelineworkspace.h"
#include "pipeline/quickaddpopup.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;

class TestPipelineWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void paletteAddsWithCatalogDefaults();
    void dropFromPaletteAddsWhereDropped();
    void propertyEditsAreOneUndoStepPerField();
    void deleteCopyPasteDuplicate();
    void arrangeIsOneUndoableStep();
    void arrangeInOneRowNeverWraps();
    void groupFrameCarriesItsStagesAndResizes();
    void findingsFollowEdits();
    void emptyCanvasShowsHowToBegin();
    void wireDroppedOnEmptyAddsAndConnects();
    void showTopicFindsOrAddsAStage();
    void topicProgressFollowsTheRoadmap();

private:
    PipelineGraph *graph() const { return m_document->graph(); }
    QUndoStack *stack() const { return m_document->undoStack(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_curriculum;
    std::unique_ptr<PipelineDocument> m_document;
    std::unique_ptr<PipelineWorkspace> m_workspace;
};

void TestPipelineWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPipelineWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"progress.db"_s)));
    m_curriculum = std::make_unique<CurriculumModel>();
    m_curriculum->setCurriculum(CurriculumLoader::loadBuiltIn().curriculum);
    m_curriculum->setStore(m_store.get());
    m_document = std::make_unique<PipelineDocument>(&NodeCatalog::builtIn(),
                                                    m_dir->filePath(u"recovery"_s));
    m_workspace = std::make_unique<PipelineWorkspace>(m_document.get(), m_curriculum.get());
    m_workspace->resize(1400, 900);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void TestPipelineWorkspace::cleanup()
{
    m_workspace.reset();
    m_document.reset();
    m_curriculum.reset();
    m_store.reset();
    m_dir.reset();
}

void TestPipelineWorkspace::paletteAddsWithCatalogDefaults()
{
    emit m_workspace->palette()->kindActivated(u"train"_s);
    QCOMPARE(graph()->nodes().size(), 1);
    const PipelineNode &node = graph()->nodes().first();
    const NodeKind *kind = NodeCatalog::builtIn().kind(u"train"_s);
    QCOMPARE(node.kind, u"train"_s);
    QCOMPARE(node.name, kind->name);
    QCOMPARE(node.tool, kind->tools.first());
    QCOMPARE(node.image, kind->image);
    QCOMPARE(node.command, kind->command);
    QCOMPARE(m_workspace->scene()->selectedNodeIds(), QStringList{node.id});
    // A second one gets a name of its own; undo takes it away again.
    emit m_workspace->palette()->kindActivated(u"train"_s);
    QCOMPARE(graph()->nodes().at(1).name, kind->name + u" 2"_s);
    stack()->undo();
    QCOMPARE(graph()->nodes().size(), 1);
}

void TestPipelineWorkspace::dropFromPaletteAddsWhereDropped()
{
    PipelineView *view = m_workspace->view();
    auto *data = new QMimeData;
    data->setData(NodePalette::mimeType(), "monitor");
    const QPoint where = view->viewport()->rect().center() + QPoint(100, 50);
    // As a drag does: enter first (only a widget that accepted it gets the drop), then drop.
    QDragEnterEvent enter(where, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(graph()->nodes().size(), 1);
    const QPointF expected = m_workspace->scene()->snapToGrid(view->mapToScene(where));
    QCOMPARE(graph()->nodes().first().pos, expected);
    delete data;
}

void TestPipelineWorkspace::propertyEditsAreOneUndoStepPerField()
{
    const QString id = m_workspace->addNode(u"deploy"_s, QPointF(0, 0));
    QLineEdit *name = m_workspace->properties()->nameField();
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Serve"_s);
    QCOMPARE(graph()->node(id)->name, u"Serve"_s);
    const int steps = stack()->count();
    QTest::keyClicks(name, u" v2"_s);
    QCOMPARE(graph()->node(id)->name, u"Serve v2"_s);
    QCOMPARE(stack()->count(), steps); // typing merged into one step
    stack()->undo();
    QVERIFY(graph()->node(id)->name != u"Serve v2");
    QCOMPARE(name->text(), graph()->node(id)->name); // the panel follows the model
}

void TestPipelineWorkspace::deleteCopyPasteDuplicate()
{
    QString error;
    QVERIFY(m_document->newFromTemplate(u"ci-cd"_s, &error));
    const qsizetype nodes = graph()->nodes().size();
    const QString first = graph()->nodes().first().id;
    m_workspace->scene()->selectIds({first});
    m_workspace->copySelection();
    QVERIFY(
        QApplication::clipboard()->mimeData()->hasFormat(u"application/x-mlops-studio-pipeline"_s));
    m_workspace->deleteSelection();
    QCOMPARE(graph()->nodes().size(), nodes - 1);
    m_workspace->paste();
    QCOMPARE(graph()->nodes().size(), nodes);
    m_workspace->duplicateSelection();
    QCOMPARE(graph()->nodes().size(), nodes + 1);
    stack()->undo();
    stack()->undo();
    stack()->undo();
    QCOMPARE(graph()->nodes().size(), nodes);
    QVERIFY(graph()->node(first));
}

namespace {

void dragOn(QWidget *viewport, QPoint from, QPoint to)
{
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(viewport, from + (to - from) * i / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

} // namespace

// A group frame moves with the stages and notes it frames (one undo step), and its grip
// resizes it on the grid (another).
void TestPipelineWorkspace::groupFrameCarriesItsStagesAndResizes()
{
    PipelineNode inside;
    inside.id = u"n1"_s;
    inside.kind = u"train"_s;
    inside.name = u"Inside"_s;
    inside.pos = QPointF(40, 80);
    PipelineNode outside = inside;
    outside.id = u"n2"_s;
    outside.name = u"Outside"_s;
    outside.pos = QPointF(800, 80);
    const PipelineAnnotation group{
        u"g"_s, PipelineAnnotation::Kind::Group, QRectF(0, 0, 400, 300), u"Training"_s};
    const PipelineAnnotation note{
        u"t"_s, PipelineAnnotation::Kind::Text, QRectF(40, 220, 200, 60), u"note"_s};
    graph()->reset({inside, outside}, {}, {group, note});
    PipelineView *view = m_workspace->view();
    view->setZoom(1.0);
    view->centerOn(QPointF(400, 150));
    QWidget *viewport = view->viewport();

    // Grab the title band and drag by (120, 40): the frame, the stage and the note inside move.
    const QPoint title = view->mapFromScene(QPointF(200, 10));
    dragOn(viewport, title, title + QPoint(120, 40));
    QCOMPARE(graph()->annotation(u"g"_s)->rect.topLeft(), QPointF(120, 40));
    QCOMPARE(graph()->node(u"n1"_s)->pos, QPointF(160, 120));
    QCOMPARE(graph()->annotation(u"t"_s)->rect.topLeft(), QPointF(160, 260));
    QCOMPARE(graph()->node(u"n2"_s)->pos, QPointF(800, 80));
    stack()->undo();
    QCOMPARE(graph()->annotation(u"g"_s)->rect.topLeft(), QPointF(0, 0));
    QCOMPARE(graph()->node(u"n1"_s)->pos, QPointF(40, 80));
    QCOMPARE(graph()->annotation(u"t"_s)->rect.topLeft(), QPointF(40, 220));

    // The grip in the bottom-right corner of the selected frame resizes it.
    m_workspace->scene()->selectIds({}, {u"g"_s});
    const PipelineAnnotationItem *item = m_workspace->scene()->annotationItem(u"g"_s);
    QVERIFY(item->isOnResizeHandle(QPointF(396, 296), 1.0));
    QVERIFY(!item->isOnResizeHandle(QPointF(200, 296), 1.0));
    const int step = stack()->index();
    const QPoint grip = view->mapFromScene(QPointF(396, 296));
    dragOn(viewport, grip, grip + QPoint(203, 98));
    const QPointF corner = m_workspace->scene()->snapToGrid(QPointF(599, 394));
    QCOMPARE(graph()->annotation(u"g"_s)->rect, QRectF(QPointF(0, 0), corner));
    QCOMPARE(stack()->index(), step + 1);
    QCOMPARE(graph()->node(u"n1"_s)->pos, QPointF(40, 80)); // resizing moves nothing
    // Dragged past its top-left it stops at the smallest size.
    dragOn(viewport,
           view->mapFromScene(corner - QPointF(4, 4)),
           view->mapFromScene(QPointF(-300, -300)));
    QCOMPARE(graph()->annotation(u"g"_s)->rect.size(), item->minimumSize());
    stack()->undo();
    stack()->undo();
    QCOMPARE(graph()->annotation(u"g"_s)->rect, group.rect);
}

void TestPipelineWorkspace::arrangeIsOneUndoableStep()
{
    QString error;
    QVERIFY(m_document->newFromTemplate(u"end-to-end"_s, &error));
    for (const PipelineNode &node : graph()->nodes())
        QVERIFY(graph()->moveNode(node.id, QPointF(0, 0))); // all piled up
    const int steps = stack()->count();
    m_workspace->arrange();
    QCOMPARE(stack()->count(), steps + 1);
    QList<QPointF> positions;
    for (const PipelineNode &node : graph()->nodes())
        if (!positions.contains(node.pos))
            positions << node.pos;
    QCOMPARE(positions.size(), graph()->nodes().size());
    stack()->undo();
    for (const PipelineNode &node : graph()->nodes())
        QCOMPARE(node.pos, QPointF(0, 0));
}

// The End-to-end template is a chain of 13 stages, too long for one row in a 16:9 window: Arrange
// (Ctrl+L) wraps it into rows, so some edge runs back to the start of the next row; Arrange in
// One Row (Ctrl+Shift+L) keeps every edge pointing rightwards, but the feedback edge out of the
// Retrain trigger that closes the loop. One undo step.
void TestPipelineWorkspace::arrangeInOneRowNeverWraps()
{
    QString error;
    QVERIFY(m_document->newFromTemplate(u"end-to-end"_s, &error));
    const auto leftwards = [this] {
        int count = 0;
        for (const PipelineEdge &edge : graph()->edges()) {
            const PipelineNodeItem *from = m_workspace->scene()->nodeItem(edge.from.node);
            const PipelineNodeItem *to = m_workspace->scene()->nodeItem(edge.to.node);
            if (!PipelineAutoLayout::isFeedbackEdge(*graph(), edge)
                && from->sceneBoundingRect().right() >= to->sceneBoundingRect().left())
                ++count;
        }
        return count;
    };
    const auto actions = m_workspace->arrangeActions();
    const auto shortcut = [&actions](const QKeySequence &keys) -> QAction * {
        for (QAction *action : actions)
            if (action->shortcut() == keys)
                return action;
        return nullptr;
    };
    QAction *rows = shortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *oneRow = shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QVERIFY(rows && oneRow);

    rows->trigger();
    QVERIFY(leftwards() > 0);
    const QRectF wrapped = m_workspace->scene()->contentRect();
    QVERIFY(wrapped.width() <= 3 * wrapped.height());

    const int steps = stack()->count();
    oneRow->trigger();
    QCOMPARE(stack()->count(), steps + 1);
    QCOMPARE(leftwards(), 0);
    const QRectF row = m_workspace->scene()->contentRect();
    QVERIFY2(row.width() > 3 * row.height(),
             qPrintable(u"%1 x %2"_s.arg(row.width()).arg(row.height())));
    stack()->undo();
    QCOMPARE(m_workspace->scene()->contentRect(), wrapped);
}

void TestPipelineWorkspace::findingsFollowEdits()
{
    const QString deploy = m_workspace->addNode(u"deploy"_s, QPointF(0, 0));
    QTRY_VERIFY(!m_workspace->findings().isEmpty());
    bool monitoringWarning = false;
    for (const PipelineFinding &finding : m_workspace->findings())
        monitoringWarning = monitoringWarning || finding.nodeId == deploy;
    QVERIFY(monitoringWarning);
    QVERIFY(m_workspace->findingsPanel()->list()->topLevelItemCount() > 0);
    stack()->undo();
    QTRY_VERIFY(m_workspace->findings().isEmpty());
    QVERIFY(m_workspace->findingsPanel()->summaryText().contains(u"No stages yet"_s));
}

// How many pixels of the viewport's middle band are drawn in the hint's colour.
static int hintPixels(PipelineView *view)
{
    const QImage image = view->viewport()->grab().toImage();
    const QColor hint = view->pipelineScene()->theme().nodeMutedText;
    int count = 0;
    for (int y = image.height() / 3; y < image.height() * 2 / 3; ++y)
        for (int x = image.width() / 4; x < image.width() * 3 / 4; ++x)
            count += QColor(image.pixel(x, y)) == hint ? 1 : 0;
    return count;
}

void TestPipelineWorkspace::emptyCanvasShowsHowToBegin()
{
    PipelineView *view = m_workspace->view();
    auto *minimap = view->findChild<PipelineMinimap *>();
    QVERIFY(minimap);
    QVERIFY(view->showsEmptyCanvasHint());
    QVERIFY(hintPixels(view) > 50);
    QVERIFY(!minimap->isVisible()); // nothing to navigate
    const QString id = m_workspace->addNode(u"train"_s, QPointF(-2000, -2000)); // out of sight
    QVERIFY(!view->showsEmptyCanvasHint());
    view->centerOn(QPointF(0, 0));
    QTRY_COMPARE(hintPixels(view), 0);
    QTRY_VERIFY(minimap->isVisible());
    stack()->undo();
    QVERIFY(!graph()->node(id));
    QTRY_VERIFY(hintPixels(view) > 50);
    QTRY_VERIFY(!minimap->isVisible());
}

void TestPipelineWorkspace::wireDroppedOnEmptyAddsAndConnects()
{
    const QString ingest = m_workspace->addNode(u"ingest"_s, QPointF(0, 0));
    const int steps = stack()->count();
    const NodeKind *kind = NodeCatalog::builtIn().kind(u"ingest"_s);
    emit m_workspace->scene()->connectDroppedOnEmpty(
        {ingest, kind->outputs.first().name}, true, QPointF(400, 0));
    auto *popup = m_workspace->findChild<QuickAddPopup *>();
    QVERIFY(popup && popup->isVisible());
    emit popup->kindChosen(u"validate-data"_s);
    QCOMPARE(graph()->nodes().size(), 2);
    QCOMPARE(graph()->edges().size(), 1);
    QCOMPARE(graph()->edges().first().from.node, ingest);
    QCOMPARE(stack()->count(), steps + 1); // one macro
    stack()->undo();
    QCOMPARE(graph()->nodes().size(), 1);
    QCOMPARE(graph()->edges().size(), 0);
}

void TestPipelineWorkspace::showTopicFindsOrAddsAStage()
{
    QVERIFY(m_workspace->showTopic(u"feature-stores"_s));
    QCOMPARE(graph()->nodes().size(), 1);
    const QString added = graph()->nodes().first().id;
    QVERIFY(NodeCatalog::builtIn()
                .kind(graph()->nodes().first().kind)
                ->topics.contains(u"feature-stores"_s));
    m_workspace->scene()->selectIds({});
    QVERIFY(m_workspace->showTopic(u"feature-stores"_s)); // found, not added again
    QCOMPARE(graph()->nodes().size(), 1);
    QCOMPARE(m_workspace->scene()->selectedNodeIds(), QStringList{added});
    QVERIFY(!m_workspace->showTopic(u"agile-for-ai-ml-projects"_s) || graph()->nodes().size() == 2);
}

void TestPipelineWorkspace::topicProgressFollowsTheRoadmap()
{
    const QString id = m_workspace->addNode(u"train"_s, QPointF(0, 0));
    const QStringList topics = NodeCatalog::builtIn().kind(u"train"_s)->topics;
    QVERIFY(!topics.isEmpty());
    PipelineNodeItem *item = m_workspace->scene()->nodeItem(id);
    QVERIFY(item);
    QCOMPARE(item->topicsFinished(), 0);
    QVERIFY(item->topicsTotal() > 0);
    QVERIFY(m_store->setStatus(topics.first(), TopicStatus::Done));
    QCOMPARE(item->topicsFinished(), 1);
}

QTEST_MAIN(TestPipelineWorkspace)
#include "tst_pipelineworkspace.moc"
