// ChangeNodeKindCommand: a stage becomes another kind in one undo step. The ports each kind has
// (and the artifact type of each) are those of curriculum/pipeline-catalog.json, the catalog the
// app ships; every expected kept or removed edge below follows from that file's "inputs" and
// "outputs" of the kinds named.
#include "pipeline/changenodekindcommand.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelineundocommands.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Snapshot
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const PipelineGraph &graph)
{
    return {graph.nodes(), graph.edges()};
}

// A stage as the palette adds it: its kind's first tool, image and command.
PipelineNode drawnNode(const QString &id, const QString &kindId, const QString &name)
{
    const NodeKind *kind = NodeCatalog::builtIn().kind(kindId);
    PipelineNode node;
    node.id = id;
    node.kind = kindId;
    node.name = name;
    node.tool = kind->tools.value(0);
    node.image = kind->image;
    node.command = kind->command;
    return node;
}

PipelineEdge dataEdge(const QString &from, const QString &out, const QString &to, const QString &in)
{
    return {{from, out}, {to, in}};
}

PipelineEdge orderingEdge(const QString &from, const QString &to)
{
    return {{from, {}}, {to, {}}};
}

// ingest "Load" -data-> validate-data "Check" -data-> transform "Prepare";
// "Check" -report-> register "Publish" (metrics); "Check" runs after step "Setup".
const PipelineEdge loadToCheck = dataEdge(u"n1"_s, u"data"_s, u"n2"_s, u"data"_s);
const PipelineEdge checkToPrepare = dataEdge(u"n2"_s, u"data"_s, u"n3"_s, u"data"_s);
const PipelineEdge checkReport = dataEdge(u"n2"_s, u"report"_s, u"n4"_s, u"metrics"_s);
const PipelineEdge afterSetup = orderingEdge(u"n5"_s, u"n2"_s);

} // namespace

Q_DECLARE_METATYPE(QList<PipelineEdge>)

class TestChangeNodeKind : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void edgesKeptOrRemoved_data();
    void edgesKeptOrRemoved();
    void removalMessageNamesTheReason();
    void undoRestoresEdgeOrderExactly();
    void paletteDefaultsFollowTheKind();
    void importedStageKeepsItsFields();
    void refused_data();
    void refused();
    void changesOfOneNodeMerge();
    void changingBackWithNoEdgeRemovedIsDropped();
    void changesOfTwoNodesDoNotMerge();
    void doesNotMergeWithFieldEdits();
    void graphSignalsTheChange();
    void kindIsSavedInTheFile();

private:
    void loadPipeline();

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<QUndoStack> m_stack;
};

void TestChangeNodeKind::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_stack = std::make_unique<QUndoStack>();
    loadPipeline();
}

void TestChangeNodeKind::cleanup()
{
    m_stack.reset();
    m_graph.reset();
}

void TestChangeNodeKind::loadPipeline()
{
    m_graph->reset({drawnNode(u"n1"_s, u"ingest"_s, u"Load"_s),
                    drawnNode(u"n2"_s, u"validate-data"_s, u"Check"_s),
                    drawnNode(u"n3"_s, u"transform"_s, u"Prepare"_s),
                    drawnNode(u"n4"_s, u"register"_s, u"Publish"_s),
                    drawnNode(u"n5"_s, u"step"_s, u"Setup"_s)},
                   {loadToCheck, checkToPrepare, checkReport, afterSetup},
                   {});
    // Every edge is valid to start with: what a change removes is its doing.
    for (const PipelineEdge &edge : m_graph->edges()) {
        if (!edge.isOrdering()) {
            PipelineGraph check(&NodeCatalog::builtIn());
            check.reset(m_graph->nodes(), {}, {});
            QVERIFY2(check.edgeProblem(edge).isEmpty(), qPrintable(check.edgeProblem(edge)));
        }
    }
}

void TestChangeNodeKind::edgesKeptOrRemoved_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<PipelineEdge>>("removed");

    // step: inputs data (Dataset) …; outputs data (Dataset) … but no 'report'.
    QTest::newRow("step keeps data in and out") << u"step"_s << QList<PipelineEdge>{checkReport};
    // transform: input data (Dataset); output features only.
    QTest::newRow("transform has no data output")
        << u"transform"_s << QList<PipelineEdge>{checkToPrepare, checkReport};
    // ingest: input trigger only; output data (Dataset).
    QTest::newRow("ingest has no data input")
        << u"ingest"_s << QList<PipelineEdge>{loadToCheck, checkReport};
    // train: input data is Features, not Dataset; outputs model and metrics.
    QTest::newRow("train takes features")
        << u"train"_s << QList<PipelineEdge>{loadToCheck, checkToPrepare, checkReport};
}

void TestChangeNodeKind::edgesKeptOrRemoved()
{
    QFETCH(QString, kind);
    QFETCH(QList<PipelineEdge>, removed);
    const Snapshot before = snapshot(*m_graph);
    auto *command = new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, kind);
    QCOMPARE(command->removedEdges(), removed);
    m_stack->push(command);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_graph->node(u"n2"_s)->kind, kind);
    for (const PipelineEdge &edge : before.edges)
        QCOMPARE(m_graph->indexOfEdge(edge) >= 0, !removed.contains(edge));
    QVERIFY(m_graph->indexOfEdge(afterSetup) >= 0); // ordering edges always stay
    const Snapshot after = snapshot(*m_graph);

    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
    m_stack->redo();
    QCOMPARE(snapshot(*m_graph), after);
}

void TestChangeNodeKind::removalMessageNamesTheReason()
{
    // ingest: no 'data' input; no 'report' output: two reasons, two edges.
    ChangeNodeKindCommand toIngest(m_graph.get(), u"n2"_s, u"ingest"_s);
    QVERIFY2(toIngest.removalMessage().startsWith(u"2 connection"_s),
             qPrintable(toIngest.removalMessage()));
    QVERIFY(toIngest.removalMessage().contains(u"“Ingest data” has no 'data' input"_s));
    QVERIFY(toIngest.removalMessage().contains(u"“Ingest data” has no 'report' output"_s));
    // train: its 'data' input takes Features where the edge brings a Dataset.
    ChangeNodeKindCommand toTrain(m_graph.get(), u"n2"_s, u"train"_s);
    QVERIFY(toTrain.removalMessage().startsWith(u"3 connection"_s));
    QVERIFY2(toTrain.removalMessage().contains(
                 u"the 'data' input of “Train model” takes Features, not Dataset"_s),
             qPrintable(toTrain.removalMessage()));
    // A change that removes nothing has nothing to say.
    m_graph->reset({drawnNode(u"n1"_s, u"train"_s, u"Fit"_s)}, {}, {});
    ChangeNodeKindCommand lone(m_graph.get(), u"n1"_s, u"tune"_s);
    QVERIFY(lone.removalMessage().isEmpty());
    QCOMPARE(lone.text(), u"Change kind of “Fit” to Tune hyperparameters"_s);
}

void TestChangeNodeKind::undoRestoresEdgeOrderExactly()
{
    // More edges around than the node has, so removing swaps others into the gaps.
    m_graph->reset({drawnNode(u"n1"_s, u"ingest"_s, u"A"_s),
                    drawnNode(u"n2"_s, u"validate-data"_s, u"B"_s),
                    drawnNode(u"n3"_s, u"validate-data"_s, u"C"_s),
                    drawnNode(u"n4"_s, u"transform"_s, u"D"_s),
                    drawnNode(u"n5"_s, u"transform"_s, u"E"_s),
                    drawnNode(u"n6"_s, u"register"_s, u"F"_s)},
                   {dataEdge(u"n1"_s, u"data"_s, u"n2"_s, u"data"_s),
                    dataEdge(u"n1"_s, u"data"_s, u"n3"_s, u"data"_s),
                    dataEdge(u"n2"_s, u"data"_s, u"n4"_s, u"data"_s),
                    dataEdge(u"n3"_s, u"data"_s, u"n5"_s, u"data"_s),
                    dataEdge(u"n2"_s, u"report"_s, u"n6"_s, u"metrics"_s),
                    orderingEdge(u"n3"_s, u"n6"_s)},
                   {});
    const Snapshot before = snapshot(*m_graph);
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"alert"_s));
    QCOMPARE(m_graph->edges().size(), 3); // alert: one 'signal' input, no outputs
    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
}

void TestChangeNodeKind::paletteDefaultsFollowTheKind()
{
    PipelineNode custom = drawnNode(u"n6"_s, u"train"_s, u"Fit"_s);
    custom.image = u"registry.example.com/fit:2"_s; // typed by the user
    custom.parameters = {{u"epochs"_s, u"10"_s}};
    custom.notes = u"GPU"_s;
    QVERIFY(m_graph->addNode(custom));
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n6"_s, u"evaluate"_s));
    const NodeKind *evaluate = NodeCatalog::builtIn().kind(u"evaluate"_s);
    const PipelineNode *changed = m_graph->node(u"n6"_s);
    QCOMPARE(changed->kind, u"evaluate"_s);
    QCOMPARE(changed->tool, evaluate->tools.first());
    QCOMPARE(changed->command, evaluate->command);
    QCOMPARE(changed->image, u"registry.example.com/fit:2"_s);
    QCOMPARE(changed->parameters, custom.parameters);
    QCOMPARE(changed->notes, u"GPU"_s);
    QCOMPARE(changed->name, u"Fit"_s);
    m_stack->undo();
    QCOMPARE(*m_graph->node(u"n6"_s), custom);
}

void TestChangeNodeKind::importedStageKeepsItsFields()
{
    PipelineNode imported = drawnNode(u"n6"_s, u"train"_s, u"fit"_s);
    imported.source = {u"github-actions"_s, u"fit"_s, 12};
    imported.details = {{u"runs-on"_s, u"ubuntu-latest"_s}};
    imported.badges = {u"manual"_s};
    QVERIFY(m_graph->addNode(imported));
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n6"_s, u"deploy"_s));
    PipelineNode expected = imported;
    expected.kind = u"deploy"_s;
    QCOMPARE(*m_graph->node(u"n6"_s), expected);
}

void TestChangeNodeKind::refused_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("kind");
    QTest::newRow("unknown kind") << u"n2"_s << u"no-such-kind"_s;
    QTest::newRow("empty kind") << u"n2"_s << QString();
    QTest::newRow("its own kind") << u"n2"_s << u"validate-data"_s;
    QTest::newRow("unknown node") << u"n99"_s << u"train"_s;
}

void TestChangeNodeKind::refused()
{
    QFETCH(QString, node);
    QFETCH(QString, kind);
    const Snapshot before = snapshot(*m_graph);
    auto *command = new ChangeNodeKindCommand(m_graph.get(), node, kind);
    QVERIFY(command->isObsolete());
    QVERIFY(command->removalMessage().isEmpty());
    m_stack->push(command);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_graph), before);
    // Nor does the graph take an unknown kind when asked directly.
    PipelineNode unknown = *m_graph->node(u"n2"_s);
    unknown.kind = u"no-such-kind"_s;
    QVERIFY(!m_graph->changeNodeKind(unknown));
    QCOMPARE(snapshot(*m_graph), before);
}

void TestChangeNodeKind::changesOfOneNodeMerge()
{
    const Snapshot before = snapshot(*m_graph);
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"step"_s));      // -report
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"transform"_s)); // -data out
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_graph->node(u"n2"_s)->kind, u"transform"_s);
    QCOMPARE(m_graph->edges().size(), 2);
    QCOMPARE(m_stack->undoText(), u"Change kind of “Check” to Transform"_s);
    const Snapshot after = snapshot(*m_graph);
    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
    m_stack->redo();
    QCOMPARE(snapshot(*m_graph), after);
    // Back to where it started but with edges gone: still a step, undo brings them back.
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"validate-data"_s));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_graph->node(u"n2"_s)->kind, u"validate-data"_s);
    QCOMPARE(m_graph->edges().size(), 2);
    m_stack->undo();
    QCOMPARE(snapshot(*m_graph), before);
}

void TestChangeNodeKind::changingBackWithNoEdgeRemovedIsDropped()
{
    m_graph->reset({drawnNode(u"n1"_s, u"train"_s, u"Fit"_s)}, {}, {});
    const Snapshot before = snapshot(*m_graph);
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n1"_s, u"tune"_s));
    QCOMPARE(m_stack->count(), 1);
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n1"_s, u"train"_s));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(snapshot(*m_graph), before);
}

void TestChangeNodeKind::changesOfTwoNodesDoNotMerge()
{
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"step"_s));
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n3"_s, u"step"_s));
    QCOMPARE(m_stack->count(), 2);
    // An unknown kind right after a change is dropped, not merged into it.
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n3"_s, u"no-such-kind"_s));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_graph->node(u"n3"_s)->kind, u"step"_s);
    m_stack->undo();
    QCOMPARE(m_graph->node(u"n3"_s)->kind, u"transform"_s);
    QCOMPARE(m_graph->node(u"n2"_s)->kind, u"step"_s);
}

void TestChangeNodeKind::doesNotMergeWithFieldEdits()
{
    PipelineNode renamed = *m_graph->node(u"n2"_s);
    renamed.name = u"Validate"_s;
    m_stack->push(new EditNodeCommand(m_graph.get(), renamed));
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"step"_s));
    QCOMPARE(m_stack->count(), 2);
    // An edit made for the old kind no longer applies once the kind changed.
    QVERIFY(EditNodeCommand(m_graph.get(), renamed).isObsolete());
    m_stack->undo();
    QCOMPARE(m_graph->node(u"n2"_s)->kind, u"validate-data"_s);
    QCOMPARE(m_graph->node(u"n2"_s)->name, u"Validate"_s);
}

void TestChangeNodeKind::graphSignalsTheChange()
{
    QSignalSpy changed(m_graph.get(), &PipelineGraph::nodeChanged);
    QSignalSpy removed(m_graph.get(), &PipelineGraph::edgeRemoved);
    QSignalSpy anyChange(m_graph.get(), &PipelineGraph::changed);
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"transform"_s));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"n2"_s);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(anyChange.count(), 3); // validation and the modified marker follow this
}

void TestChangeNodeKind::kindIsSavedInTheFile()
{
    m_stack->push(new ChangeNodeKindCommand(m_graph.get(), u"n2"_s, u"transform"_s));
    const PipelineFile::ReadResult read
        = PipelineFile::read(PipelineFile::write(*m_graph), NodeCatalog::builtIn());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.nodes, m_graph->nodes());
    QCOMPARE(read.edges.size(), m_graph->edges().size());
}

QTEST_GUILESS_MAIN(TestChangeNodeKind)
#include "tst_changenodekind.moc"
