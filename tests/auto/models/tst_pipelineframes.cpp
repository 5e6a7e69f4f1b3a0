// Frames and notes follow their stages (issue 15): Auto-arrange, a move and an import keep each
// group frame round its members with its title clear, nested frames inside their parents,
// sibling frames apart and notes beside their stages; every built-in template and real pipeline
// of ../shared/corpus gets a drawing that fits a slide (at most 3:1 either way).
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelineframes.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

const PipelineAutoLayout::Options Options;

QRectF nodeRect(const PipelineNode &node)
{
    return QRectF(node.pos, Options.sizeOf(node));
}

void loadTemplate(PipelineGraph &graph, const QString &id)
{
    const PipelineFile::ReadResult result
        = PipelineTemplates::load(*PipelineTemplates::find(id), NodeCatalog::builtIn());
    graph.reset(result.nodes, result.edges, result.annotations);
}

// Each member stage lies inside its frame, below the title band; each nested frame inside its
// parent; two frames are nested or apart, never overlapping.
void checkFrames(const PipelineGraph &graph, const PipelineAutoLayout::Clusters &clusters)
{
    for (auto it = clusters.frameOfNode.cbegin(); it != clusters.frameOfNode.cend(); ++it) {
        const QRectF frame = graph.annotation(it.value())->rect;
        const QRectF stage = nodeRect(*graph.node(it.key()));
        QVERIFY2(frame.contains(stage), qPrintable(it.key() + u" outside "_s + it.value()));
        QVERIFY2(stage.top() >= frame.top() + PipelineAutoLayout::FrameTitleRoom,
                 qPrintable(it.key() + u" under the title of "_s + it.value()));
    }
    for (auto it = clusters.parentOfFrame.cbegin(); it != clusters.parentOfFrame.cend(); ++it) {
        if (!it.value().isEmpty())
            QVERIFY(graph.annotation(it.value())->rect.contains(graph.annotation(it.key())->rect));
    }
    const QList<PipelineAnnotation> &all = graph.annotations();
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (qsizetype j = i + 1; j < all.size(); ++j) {
            const QRectF a = all.at(i).rect, b = all.at(j).rect;
            if (all.at(i).kind != PipelineAnnotation::Kind::Group
                || all.at(j).kind != PipelineAnnotation::Kind::Group)
                continue;
            QVERIFY2(a.contains(b) || b.contains(a) || !a.intersects(b),
                     qPrintable(all.at(i).id + u" overlaps "_s + all.at(j).id));
        }
    }
}

// The drawing's box, stages and frames; at most 3:1 either way fits a slide.
void checkAspect(const PipelineGraph &graph, const QString &what)
{
    QRectF box;
    for (const PipelineNode &node : graph.nodes())
        box |= nodeRect(node);
    for (const PipelineAnnotation &frame : graph.annotations()) {
        if (frame.kind == PipelineAnnotation::Kind::Group)
            box |= frame.rect;
    }
    QVERIFY2(box.width() <= 3 * box.height() && box.height() <= 3 * box.width(),
             qPrintable(u"%1: %2 x %3"_s.arg(what).arg(box.width()).arg(box.height())));
}

void checkNoOverlap(const PipelineGraph &graph)
{
    const QList<PipelineNode> &nodes = graph.nodes();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        for (qsizetype j = i + 1; j < nodes.size(); ++j)
            QVERIFY2(!nodeRect(nodes.at(i)).intersects(nodeRect(nodes.at(j))),
                     qPrintable(nodes.at(i).id + u" overlaps "_s + nodes.at(j).id));
    }
}

PipelineNode makeNode(const QString &id, const QPointF &pos)
{
    PipelineNode node;
    node.id = id;
    node.kind = u"step"_s;
    node.name = id;
    node.pos = pos;
    return node;
}

} // namespace

class TestPipelineFrames : public QObject
{
    Q_OBJECT

private slots:
    void arrangeKeepsMembers_data();
    void arrangeKeepsMembers();
    void notesStayBesideTheirStage();
    void nestedFrames();
    void moveGrowsFrame();
    void droppedOutsideLeaves();
    void corpus();
    void nestedArgoFrames();
};

void TestPipelineFrames::arrangeKeepsMembers_data()
{
    QTest::addColumn<QString>("templateId");
    for (const QString &id : PipelineTemplates::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineFrames::arrangeKeepsMembers()
{
    QFETCH(QString, templateId);
    PipelineGraph graph(&NodeCatalog::builtIn());
    loadTemplate(graph, templateId);
    const QList<PipelineNode> nodesBefore = graph.nodes();
    const QList<PipelineAnnotation> annotationsBefore = graph.annotations();
    const PipelineFrames::Membership before = PipelineFrames::membership(graph, Options);

    QUndoStack stack;
    stack.push(new AutoLayoutCommand(&graph, PipelineFrames::arrange(graph, Options)));
    QCOMPARE(stack.count(), 1);
    REQUIRE_OK(checkNoOverlap(graph));
    REQUIRE_OK(checkFrames(graph, before.clusters));
    REQUIRE_OK(checkAspect(graph, templateId));
    // Read again from the new drawing, every stage and frame belongs where it did.
    const PipelineFrames::Membership after = PipelineFrames::membership(graph, Options);
    QCOMPARE(after.clusters.frameOfNode, before.clusters.frameOfNode);
    QCOMPARE(after.clusters.parentOfFrame, before.clusters.parentOfFrame);

    // One undo step puts back every stage, frame and note.
    stack.undo();
    QCOMPARE(graph.nodes(), nodesBefore);
    QCOMPARE(graph.annotations(), annotationsBefore);
    // And arranging an arranged pipeline moves nothing.
    stack.redo();
    stack.push(new AutoLayoutCommand(&graph, PipelineFrames::arrange(graph, Options)));
    QCOMPARE(stack.count(), 1);
}

void TestPipelineFrames::notesStayBesideTheirStage()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset({makeNode(u"a"_s, {0, 0}), makeNode(u"b"_s, {600, 0}), makeNode(u"c"_s, {0, 600})},
                {{{u"a"_s, {}}, {u"b"_s, {}}}, {{u"b"_s, {}}, {u"c"_s, {}}}},
                {{u"note"_s, PipelineAnnotation::Kind::Text, QRectF(610, 120, 150, 60), u"b"_s}});
    const PipelineFrames::Membership members = PipelineFrames::membership(graph, Options);
    QCOMPARE(members.stageOfNote.value(u"note"_s), u"b"_s); // 24 below b, far from a and c
    QUndoStack stack;
    stack.push(new AutoLayoutCommand(&graph, PipelineFrames::arrange(graph, Options)));
    QVERIFY(graph.node(u"b"_s)->pos != QPointF(600, 0));
    QCOMPARE(graph.annotation(u"note"_s)->rect.topLeft() - graph.node(u"b"_s)->pos,
             QPointF(10, 120));
    QCOMPARE(graph.annotation(u"note"_s)->rect.size(), QSizeF(150, 60));
}

void TestPipelineFrames::nestedFrames()
{
    // outer holds x and the frame inner, which holds y and z; w is outside both.
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(
        {makeNode(u"x"_s, {40, 80}),
         makeNode(u"y"_s, {400, 200}),
         makeNode(u"z"_s, {700, 200}),
         makeNode(u"w"_s, {2000, 0})},
        {{{u"x"_s, {}}, {u"y"_s, {}}}, {{u"y"_s, {}}, {u"z"_s, {}}}, {{u"z"_s, {}}, {u"w"_s, {}}}},
        {{u"outer"_s, PipelineAnnotation::Kind::Group, QRectF(0, 0, 1200, 500), u"O"_s},
         {u"inner"_s, PipelineAnnotation::Kind::Group, QRectF(350, 120, 700, 300), u"I"_s}});
    const PipelineFrames::Membership before = PipelineFrames::membership(graph, Options);
    QCOMPARE(before.clusters.frameOfNode.value(u"x"_s), u"outer"_s);
    QCOMPARE(before.clusters.frameOfNode.value(u"y"_s), u"inner"_s);
    QCOMPARE(before.clusters.frameOfNode.value(u"z"_s), u"inner"_s);
    QVERIFY(!before.clusters.frameOfNode.contains(u"w"_s));
    QCOMPARE(before.clusters.parentOfFrame.value(u"inner"_s), u"outer"_s);
    QUndoStack stack;
    stack.push(new AutoLayoutCommand(&graph, PipelineFrames::arrange(graph, Options)));
    REQUIRE_OK(checkNoOverlap(graph));
    REQUIRE_OK(checkFrames(graph, before.clusters));
    QVERIFY(!graph.annotation(u"outer"_s)->rect.intersects(nodeRect(*graph.node(u"w"_s))));
    QCOMPARE(PipelineFrames::membership(graph, Options).clusters.frameOfNode,
             before.clusters.frameOfNode);
}

void TestPipelineFrames::moveGrowsFrame()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset({makeNode(u"a"_s, {40, 80}), makeNode(u"b"_s, {300, 80})},
                {},
                {{u"f"_s, PipelineAnnotation::Kind::Group, QRectF(0, 0, 560, 220), u"F"_s}});
    const QRectF before = graph.annotation(u"f"_s)->rect;
    // b dragged half out of the right side: the frame grows round it, in the same step.
    ItemPositions move;
    move.nodes.insert(u"b"_s, QPointF(460, 80));
    QUndoStack stack;
    stack.push(new MoveItemsCommand(&graph, PipelineFrames::followMove(graph, move, Options)));
    QCOMPARE(stack.count(), 1);
    const QRectF after = graph.annotation(u"f"_s)->rect;
    QVERIFY(after.contains(nodeRect(*graph.node(u"b"_s))));
    QCOMPARE(after.right(), 460 + 200 + PipelineAutoLayout::FramePadding);
    QCOMPARE(after.topLeft(), before.topLeft()); // grown, not moved
    // A second nudge of the same stage merges, and the frame keeps growing with it.
    move.nodes.insert(u"b"_s, QPointF(480, 80));
    stack.push(new MoveItemsCommand(&graph, PipelineFrames::followMove(graph, move, Options)));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(graph.annotation(u"f"_s)->rect.right(), 480 + 200 + PipelineAutoLayout::FramePadding);
    stack.undo();
    QCOMPARE(graph.annotation(u"f"_s)->rect, before);
    QCOMPARE(graph.node(u"b"_s)->pos, QPointF(300, 80));
}

void TestPipelineFrames::droppedOutsideLeaves()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset({makeNode(u"a"_s, {40, 80}), makeNode(u"b"_s, {300, 80})},
                {},
                {{u"f"_s, PipelineAnnotation::Kind::Group, QRectF(0, 0, 560, 220), u"F"_s}});
    const QRectF before = graph.annotation(u"f"_s)->rect;
    ItemPositions move;
    move.nodes.insert(u"b"_s, QPointF(900, 80)); // wholly outside
    QUndoStack stack;
    stack.push(new MoveItemsCommand(&graph, PipelineFrames::followMove(graph, move, Options)));
    QCOMPARE(graph.annotation(u"f"_s)->rect, before);
    QVERIFY(!PipelineFrames::membership(graph, Options).clusters.frameOfNode.contains(u"b"_s));
}

// Every real pipeline of the corpus: imported (which lays it out with its frames), no two stages
// overlap, every stage sits in its group's frame, and the drawing fits a slide; Auto-arrange of
// the imported pipeline does the same.
void TestPipelineFrames::corpus()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines"_s);
    const QDir corpus(sharedReferencePath(u"corpus/real-pipelines"_s));
    int files = 0;
    for (const QString &format : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir folder(corpus.filePath(format));
        for (const QString &file : folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files)) {
            const QString what = format + u'/' + file;
            const PipelineImport::Result result
                = PipelineImport::importFile(folder.filePath(file), NodeCatalog::builtIn());
            if (!result.ok)
                continue; // a file the importers refuse is their tests' business
            PipelineGraph graph(&NodeCatalog::builtIn());
            graph.reset(result.pipeline.nodes, result.pipeline.edges, result.pipeline.annotations);
            REQUIRE_OK(checkNoOverlap(graph));
            REQUIRE_OK(checkAspect(graph, what));
            const PipelineFrames::Membership members = PipelineFrames::membership(graph, Options);
            REQUIRE_OK(checkFrames(graph, members.clusters));

            QUndoStack stack;
            stack.push(new AutoLayoutCommand(&graph, PipelineFrames::arrange(graph, Options)));
            REQUIRE_OK(checkNoOverlap(graph));
            REQUIRE_OK(checkAspect(graph, what + u" (arranged)"_s));
            REQUIRE_OK(checkFrames(graph, members.clusters));
            ++files;
        }
    }
    QVERIFY(files >= 40);
}

// Argo's nested DAGs (examples/parallelism-nested-dag.yaml): the entry DAG runs the DAG template
// B five times (b1..b5), each a frame round its own tasks c1..c3; the five sibling frames sit
// side by side, never overlapping (they used to, when frames were drawn round a flat layout).
void TestPipelineFrames::nestedArgoFrames()
{
    const QString path = u"corpus/real-pipelines/argo/"
                         "argoproj__argo-workflows__examples__parallelism-nested-dag.yaml"_s;
    REQUIRE_SHARED_REFERENCE(path);
    const PipelineImport::Result result
        = PipelineImport::importFile(sharedReferencePath(path), NodeCatalog::builtIn());
    QVERIFY(result.ok);
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(result.pipeline.nodes, result.pipeline.edges, result.pipeline.annotations);
    const PipelineFrames::Membership members = PipelineFrames::membership(graph, Options);
    QCOMPARE(members.clusters.parentOfFrame.size(), 5);
    for (const QString &frame : members.clusters.parentOfFrame.keys())
        QCOMPARE(members.clusters.frameOfNode.keys(frame).size(), 3);
    REQUIRE_OK(checkFrames(graph, members.clusters));
    REQUIRE_OK(checkNoOverlap(graph));
}

QTEST_GUILESS_MAIN(TestPipelineFrames)
#include "tst_pipelineframes.moc"
