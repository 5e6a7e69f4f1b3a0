#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"
#include "support/require.h"

#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Everything a graph holds, in its lists' order: undo must give back exactly this.
struct Snapshot
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    QList<PipelineAnnotation> annotations;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const PipelineGraph &graph)
{
    return {graph.nodes(), graph.edges(), graph.annotations()};
}

PipelineNode makeNode(const QString &id, const QString &kind, const QString &name, QPointF pos = {})
{
    PipelineNode node;
    node.id = id;
    node.kind = kind;
    node.name = name;
    node.pos = pos;
    return node;
}

PipelineEdge makeEdge(const QString &from, const QString &out, const QString &to, const QString &in)
{
    return {{from, out}, {to, in}};
}

PipelineAnnotation makeNote(const QString &id, const QString &text)
{
    return {id, PipelineAnnotation::Kind::Text, QRectF(0, 400, 300, 80), text};
}

} // namespace

class TestPipelineUndoCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addItems();
    void addItemsText();
    void addAnnotation();
    void connect();
    void connectRefused_data();
    void connectRefused();
    void removeItems_data();
    void removeItems();
    void removeKeepsBrokenEdges();
    void removeNothingIsObsolete();
    void moveItems();
    void movesMerge();
    void moveBackIsDropped();
    void autoLayoutDoesNotMergeWithMoves();
    void editNode();
    void editNodeMerges_data();
    void editNodeMerges();
    void editNodeTypedBackIsDropped();
    void editAnnotation();
    void cleanState();

private:
    // The end-to-end template: 13 nodes, 17 edges (one a feedback edge), 4 annotations.
    void loadTemplate();
    // Pushes, checks the graph changed, undoes to `before`, redoes to the same `after`.
    void checkRoundTrip(QUndoCommand *command);

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<QUndoStack> m_stack;
};

void TestPipelineUndoCommands::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_stack = std::make_unique<QUndoStack>();
}

void TestPipelineUndoCommands::cleanup()
{
    m_stack.reset();
    m_graph.reset();
}

void TestPipelineUndoCommands::loadTemplate()
{
    const PipelineFile::ReadResult result = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    m_graph->reset(result.nodes, result.edges, result.annotations);
}

void TestPipelineUndoCommands::checkRoundTrip(QUndoCommand *command)
{
    const Snapshot before = snapshot(*m_graph);
    const qsizetype count = m_stack->count();
    m_stack->push(command);
    QCOMPARE(m_stack->count(), count + 1);
    const Snapshot after = snapshot(*m_graph);
    QVERIFY(after != before);
    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
    m_stack->redo();
    QCOMPARE(snapshot(*m_graph), after);
    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
    m_stack->redo();
}

void TestPipelineUndoCommands::addItems()
{
    REQUIRE_OK(loadTemplate());
    const QList<PipelineNode> nodes{makeNode(u"n20"_s, u"transform"_s, u"Transform 2"_s),
                                    makeNode(u"n21"_s, u"train"_s, u"Train 2"_s)};
    const QList<PipelineEdge> edges{makeEdge(u"n20"_s, u"features"_s, u"n21"_s, u"data"_s),
                                    makeEdge(u"validate"_s, u"data"_s, u"n20"_s, u"data"_s)};
    const QList<PipelineAnnotation> notes{makeNote(u"a9"_s, u"A second model"_s)};
    const Snapshot before = snapshot(*m_graph);
    REQUIRE_OK(checkRoundTrip(new AddItemsCommand(m_graph.get(), nodes, edges, notes, u"Paste"_s)));
    QCOMPARE(m_stack->undoText(), u"Paste"_s);
    QCOMPARE(m_graph->nodes(), before.nodes + nodes);
    QCOMPARE(m_graph->edges(), before.edges + edges);
    QCOMPARE(m_graph->annotations(), before.annotations + notes);
}

void TestPipelineUndoCommands::addItemsText()
{
    const PipelineNode train = makeNode(u"n1"_s, u"train"_s, u"Train"_s);
    AddItemsCommand one(m_graph.get(), {train}, {}, {});
    QCOMPARE(one.text(), u"Add “Train”"_s);
    QVERIFY(!one.isObsolete());
    AddItemsCommand two(
        m_graph.get(), {train, makeNode(u"n2"_s, u"ingest"_s, u"Ingest"_s)}, {}, {});
    QCOMPARE(two.text(), u"Add 2 items"_s); // the English plural of "Add %n item(s)"
    AddItemsCommand none(m_graph.get(), {}, {}, {});
    QVERIFY(none.isObsolete());
    m_stack->push(new AddItemsCommand(m_graph.get(), {}, {}, {}));
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(m_stack->isClean());
}

void TestPipelineUndoCommands::addAnnotation()
{
    REQUIRE_OK(loadTemplate());
    PipelineAnnotation group{
        u"a5"_s, PipelineAnnotation::Kind::Group, QRectF(0, 0, 500, 200), u"Serving"_s};
    REQUIRE_OK(checkRoundTrip(new AddAnnotationCommand(m_graph.get(), group)));
    QCOMPARE(m_stack->undoText(), u"Add group"_s);
    QCOMPARE(m_graph->annotations().constLast(), group);
    REQUIRE_OK(
        checkRoundTrip(new AddAnnotationCommand(m_graph.get(), makeNote(u"a6"_s, u"Why"_s))));
    QCOMPARE(m_stack->undoText(), u"Add note"_s);
}

void TestPipelineUndoCommands::connect()
{
    REQUIRE_OK(loadTemplate());
    // The template's Evaluate has its optional features input fed; Train's trigger is free.
    QVERIFY(m_graph->removeEdge(makeEdge(u"store"_s, u"features"_s, u"evaluate"_s, u"data"_s)));
    const PipelineEdge edge = makeEdge(u"features"_s, u"features"_s, u"evaluate"_s, u"data"_s);
    REQUIRE_OK(checkRoundTrip(new ConnectCommand(m_graph.get(), edge)));
    QCOMPARE(m_stack->undoText(), u"Connect “Engineer features” to “Evaluate on holdout”"_s);
    QVERIFY(m_graph->indexOfEdge(edge) >= 0);
}

void TestPipelineUndoCommands::connectRefused_data()
{
    QTest::addColumn<PipelineEdge>("edge");
    QTest::newRow("duplicate") << makeEdge(u"ingest"_s, u"data"_s, u"validate"_s, u"data"_s);
    QTest::newRow("input taken") << makeEdge(u"ingest"_s, u"data"_s, u"features"_s, u"data"_s);
    QTest::newRow("type mismatch") << makeEdge(u"train"_s, u"model"_s, u"alert"_s, u"signal"_s);
    QTest::newRow("missing node") << makeEdge(u"nope"_s, u"data"_s, u"validate"_s, u"data"_s);
}

void TestPipelineUndoCommands::connectRefused()
{
    QFETCH(PipelineEdge, edge);
    REQUIRE_OK(loadTemplate());
    const Snapshot before = snapshot(*m_graph);
    m_stack->push(new ConnectCommand(m_graph.get(), edge));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_graph), before);
}

void TestPipelineUndoCommands::removeItems_data()
{
    QTest::addColumn<QStringList>("nodeIds");
    QTest::addColumn<QList<PipelineEdge>>("edges");
    QTest::addColumn<QStringList>("annotationIds");
    QTest::addColumn<QString>("text");
    QTest::newRow("one node") << QStringList{u"evaluate"_s} << QList<PipelineEdge>{}
                              << QStringList{} << u"Delete “Evaluate on holdout”"_s;
    QTest::newRow("scattered nodes, selected in any order")
        << QStringList{u"monitor"_s, u"store"_s, u"ingest"_s, u"store"_s} << QList<PipelineEdge>{}
        << QStringList{} << u"Delete 3 items"_s;
    QTest::newRow("edges only")
        << QStringList{}
        << QList<PipelineEdge>{makeEdge(u"train"_s, u"model"_s, u"evaluate"_s, u"model"_s),
                               makeEdge(u"retrain"_s, u"trigger"_s, u"ingest"_s, u"trigger"_s)}
        << QStringList{} << u"Delete 2 items"_s;
    QTest::newRow("node and one of its edges")
        << QStringList{u"evaluate"_s}
        << QList<PipelineEdge>{makeEdge(u"train"_s, u"model"_s, u"evaluate"_s, u"model"_s)}
        << QStringList{} << u"Delete “Evaluate on holdout”"_s;
    QTest::newRow("annotations") << QStringList{} << QList<PipelineEdge>{}
                                 << QStringList{u"a3"_s, u"a1"_s} << u"Delete 2 items"_s;
    QTest::newRow("everything") << QStringList{u"ingest"_s,
                                               u"validate"_s,
                                               u"features"_s,
                                               u"store"_s,
                                               u"train"_s,
                                               u"evaluate"_s,
                                               u"register"_s,
                                               u"gate"_s,
                                               u"package"_s,
                                               u"deploy"_s,
                                               u"monitor"_s,
                                               u"alert"_s,
                                               u"retrain"_s}
                                << QList<PipelineEdge>{}
                                << QStringList{u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s}
                                << u"Delete 17 items"_s;
}

void TestPipelineUndoCommands::removeItems()
{
    QFETCH(QStringList, nodeIds);
    QFETCH(QList<PipelineEdge>, edges);
    QFETCH(QStringList, annotationIds);
    QFETCH(QString, text);
    REQUIRE_OK(loadTemplate());
    REQUIRE_OK(
        checkRoundTrip(new RemoveItemsCommand(m_graph.get(), nodeIds, edges, annotationIds)));
    QCOMPARE(m_stack->undoText(), text);
    for (const QString &id : std::as_const(nodeIds)) {
        QVERIFY(!m_graph->node(id));
        QVERIFY(m_graph->edgesOf(id).isEmpty());
    }
    for (const PipelineEdge &edge : std::as_const(edges))
        QCOMPARE(m_graph->indexOfEdge(edge), -1);
    for (const QString &id : std::as_const(annotationIds))
        QVERIFY(!m_graph->annotation(id));
}

void TestPipelineUndoCommands::removeKeepsBrokenEdges()
{
    // A file may bring edges the port rules refuse (validation reports them): undo must put
    // them back all the same.
    const QList<PipelineNode> nodes{makeNode(u"n1"_s, u"train"_s, u"Train"_s),
                                    makeNode(u"n2"_s, u"alert"_s, u"Alert"_s),
                                    makeNode(u"n3"_s, u"ingest"_s, u"Ingest"_s)};
    const PipelineEdge mismatch = makeEdge(u"n1"_s, u"model"_s, u"n2"_s, u"signal"_s);
    const PipelineEdge fine = makeEdge(u"n3"_s, u"data"_s, u"n1"_s, u"data"_s);
    m_graph->reset(nodes, {mismatch, fine}, {});
    QVERIFY(m_graph->indexOfEdge(mismatch) >= 0);
    REQUIRE_OK(checkRoundTrip(new RemoveItemsCommand(m_graph.get(), {u"n1"_s}, {}, {})));
    QCOMPARE(m_graph->nodes().size(), 2);
    QVERIFY(m_graph->edges().isEmpty());
}

void TestPipelineUndoCommands::removeNothingIsObsolete()
{
    REQUIRE_OK(loadTemplate());
    RemoveItemsCommand command(m_graph.get(),
                               {u"missing"_s},
                               {makeEdge(u"ingest"_s, u"data"_s, u"train"_s, u"data"_s)},
                               {u"a99"_s});
    QVERIFY(command.isObsolete());
}

void TestPipelineUndoCommands::moveItems()
{
    REQUIRE_OK(loadTemplate());
    const QPointF trainAt = m_graph->node(u"train"_s)->pos;
    const QRectF noteAt = m_graph->annotation(u"a1"_s)->rect;
    ItemPositions to;
    to.nodes.insert(u"train"_s, trainAt + QPointF(100, 50));
    to.nodes.insert(u"ghost"_s, QPointF(1, 1)); // not in the graph: ignored
    to.annotations.insert(u"a1"_s, QPointF(-20, 600));
    REQUIRE_OK(checkRoundTrip(new MoveItemsCommand(m_graph.get(), to)));
    QCOMPARE(m_stack->undoText(), u"Move 2 items"_s);
    QCOMPARE(m_graph->node(u"train"_s)->pos, trainAt + QPointF(100, 50));
    QCOMPARE(m_graph->annotation(u"a1"_s)->rect, QRectF(QPointF(-20, 600), noteAt.size()));
    m_stack->undo();
    QCOMPARE(m_graph->node(u"train"_s)->pos, trainAt);
    QCOMPARE(m_graph->annotation(u"a1"_s)->rect, noteAt);
    ItemPositions single;
    single.nodes.insert(u"gate"_s, QPointF(5, 5));
    MoveItemsCommand move(m_graph.get(), single);
    QCOMPARE(move.text(), u"Move “CI gate”"_s);
}

void TestPipelineUndoCommands::movesMerge()
{
    REQUIRE_OK(loadTemplate());
    const QPointF a = m_graph->node(u"train"_s)->pos;
    const QPointF b = m_graph->node(u"evaluate"_s)->pos;
    const auto nudge = [&](QPointF by) {
        ItemPositions to;
        to.nodes.insert(u"train"_s, m_graph->node(u"train"_s)->pos + by);
        to.nodes.insert(u"evaluate"_s, m_graph->node(u"evaluate"_s)->pos + by);
        m_stack->push(new MoveItemsCommand(m_graph.get(), to));
    };
    nudge({10, 0});
    nudge({10, 0});
    nudge({0, 10});
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_graph->node(u"train"_s)->pos, a + QPointF(20, 10));
    // Another set of ids starts a new step.
    ItemPositions other;
    other.nodes.insert(u"train"_s, QPointF(0, 0));
    m_stack->push(new MoveItemsCommand(m_graph.get(), other));
    QCOMPARE(m_stack->count(), 2);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(m_graph->node(u"train"_s)->pos, a);
    QCOMPARE(m_graph->node(u"evaluate"_s)->pos, b);
}

void TestPipelineUndoCommands::moveBackIsDropped()
{
    REQUIRE_OK(loadTemplate());
    const Snapshot before = snapshot(*m_graph);
    ItemPositions same;
    same.nodes.insert(u"train"_s, m_graph->node(u"train"_s)->pos);
    m_stack->push(new MoveItemsCommand(m_graph.get(), same));
    QCOMPARE(m_stack->count(), 0);
    ItemPositions away;
    away.nodes.insert(u"train"_s, QPointF(-500, -500));
    m_stack->push(new MoveItemsCommand(m_graph.get(), away));
    m_stack->push(new MoveItemsCommand(m_graph.get(), same)); // nudged back where it was
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_graph), before);
    QVERIFY(m_stack->isClean());
}

void TestPipelineUndoCommands::autoLayoutDoesNotMergeWithMoves()
{
    REQUIRE_OK(loadTemplate());
    const auto shifted = [&](QPointF by) {
        QHash<QString, QPointF> positions;
        for (const PipelineNode &node : m_graph->nodes())
            positions.insert(node.id, node.pos + by);
        return positions;
    };
    m_stack->push(new MoveItemsCommand(m_graph.get(), ItemPositions{shifted({0, 1000}), {}}));
    REQUIRE_OK(checkRoundTrip(
        new AutoLayoutCommand(m_graph.get(), ItemPositions{shifted({0, 1000}), {}, {}})));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->undoText(), u"Arrange pipeline"_s);
    AutoLayoutCommand again(m_graph.get(), ItemPositions{shifted({0, 0}), {}, {}});
    QVERIFY(again.isObsolete());
}

void TestPipelineUndoCommands::editNode()
{
    REQUIRE_OK(loadTemplate());
    PipelineNode node = *m_graph->node(u"train"_s);
    node.tool = u"XGBoost"_s;
    node.parameters = {{u"max_depth"_s, u"6"_s}};
    node.pos = QPointF(-999, -999); // not the edit's business
    REQUIRE_OK(checkRoundTrip(new EditNodeCommand(m_graph.get(), node)));
    QCOMPARE(m_stack->undoText(), u"Edit “Train churn model”"_s);
    QCOMPARE(m_graph->node(u"train"_s)->tool, u"XGBoost"_s);
    QVERIFY(m_graph->node(u"train"_s)->pos != QPointF(-999, -999));

    EditNodeCommand same(m_graph.get(), *m_graph->node(u"train"_s));
    QVERIFY(same.isObsolete());
    PipelineNode otherKind = *m_graph->node(u"train"_s);
    otherKind.kind = u"tune"_s;
    otherKind.name = u"Tune"_s;
    EditNodeCommand refused(m_graph.get(), otherKind);
    QVERIFY(refused.isObsolete());
}

void TestPipelineUndoCommands::editNodeMerges_data()
{
    QTest::addColumn<QString>("secondNode");
    QTest::addColumn<QString>("secondField");
    QTest::addColumn<int>("steps");
    QTest::newRow("same node, same field") << u"train"_s << u"name"_s << 1;
    QTest::newRow("same node, other field") << u"train"_s << u"notes"_s << 2;
    QTest::newRow("other node, same field") << u"evaluate"_s << u"name"_s << 2;
}

void TestPipelineUndoCommands::editNodeMerges()
{
    QFETCH(QString, secondNode);
    QFETCH(QString, secondField);
    QFETCH(int, steps);
    REQUIRE_OK(loadTemplate());
    const Snapshot before = snapshot(*m_graph);
    PipelineNode node = *m_graph->node(u"train"_s);
    for (const QString &typed : {u"T"_s, u"Tr"_s, u"Tra"_s}) {
        node.name = typed;
        m_stack->push(new EditNodeCommand(m_graph.get(), node));
    }
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), u"Rename “Train churn model” to “Tra”"_s);
    PipelineNode second = *m_graph->node(secondNode);
    if (secondField == u"name"_s)
        second.name = u"Other"_s;
    else
        second.notes = u"typed"_s;
    m_stack->push(new EditNodeCommand(m_graph.get(), second));
    QCOMPARE(m_stack->count(), steps);
    while (m_stack->canUndo())
        m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);

    // Changing several fields at once never merges, either way.
    PipelineNode several = *m_graph->node(u"train"_s);
    several.name = u"A"_s;
    several.tool = u"B"_s;
    m_stack->clear();
    m_stack->push(new EditNodeCommand(m_graph.get(), several));
    several.name = u"AB"_s;
    m_stack->push(new EditNodeCommand(m_graph.get(), several));
    QCOMPARE(m_stack->count(), 2);
}

void TestPipelineUndoCommands::editNodeTypedBackIsDropped()
{
    REQUIRE_OK(loadTemplate());
    PipelineNode node = *m_graph->node(u"train"_s);
    const QString name = node.name;
    node.name = name + u'x';
    m_stack->push(new EditNodeCommand(m_graph.get(), node));
    node.name = name; // backspace
    m_stack->push(new EditNodeCommand(m_graph.get(), node));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(m_graph->node(u"train"_s)->name, name);
}

void TestPipelineUndoCommands::editAnnotation()
{
    REQUIRE_OK(loadTemplate());
    const Snapshot before = snapshot(*m_graph);
    PipelineAnnotation note = *m_graph->annotation(u"a1"_s);
    note.text = u"A"_s;
    REQUIRE_OK(checkRoundTrip(new EditAnnotationCommand(m_graph.get(), note)));
    QCOMPARE(m_stack->undoText(), u"Edit note"_s);
    note.text = u"AB"_s;
    m_stack->push(new EditAnnotationCommand(m_graph.get(), note));
    QCOMPARE(m_stack->count(), 1); // typing merges
    QCOMPARE(m_graph->annotation(u"a1"_s)->text, u"AB"_s);

    note.rect.setWidth(50);
    m_stack->push(new EditAnnotationCommand(m_graph.get(), note));
    QCOMPARE(m_stack->undoText(), u"Resize note"_s);
    note.rect.setWidth(60);
    m_stack->push(new EditAnnotationCommand(m_graph.get(), note));
    QCOMPARE(m_stack->count(), 2); // resizing merges, apart from typing

    note.kind = PipelineAnnotation::Kind::Group;
    m_stack->push(new EditAnnotationCommand(m_graph.get(), note));
    QCOMPARE(m_stack->count(), 3);
    QCOMPARE(m_stack->undoText(), u"Edit group"_s);
    QCOMPARE(*m_graph->annotation(u"a1"_s), note);

    EditAnnotationCommand same(m_graph.get(), note);
    QVERIFY(same.isObsolete());
    while (m_stack->canUndo())
        m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
}

void TestPipelineUndoCommands::cleanState()
{
    REQUIRE_OK(loadTemplate());
    QVERIFY(m_stack->isClean());
    ItemPositions to;
    to.nodes.insert(u"train"_s, QPointF(0, 0));
    m_stack->push(new MoveItemsCommand(m_graph.get(), to));
    QVERIFY(!m_stack->isClean());
    m_stack->setClean(); // saved
    to.nodes[u"train"_s] = QPointF(10, 0);
    m_stack->push(new MoveItemsCommand(m_graph.get(), to));
    // A move after a save does not merge into the saved step: undo returns to the saved state.
    QCOMPARE(m_stack->count(), 2);
    QVERIFY(!m_stack->isClean());
    m_stack->undo();
    QVERIFY(m_stack->isClean());
    QCOMPARE(m_graph->node(u"train"_s)->pos, QPointF(0, 0));
}

QTEST_GUILESS_MAIN(TestPipelineUndoCommands)
#include "tst_pipelineundocommands.moc"
