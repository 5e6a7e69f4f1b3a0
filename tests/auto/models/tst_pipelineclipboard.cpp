#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineclipboard.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"

#include <QMimeData>
#include <QSet>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

PipelineNode makeNode(const QString &id, const QString &kind, const QString &name)
{
    PipelineNode node;
    node.id = id;
    node.kind = kind;
    node.name = name;
    node.pos = QPointF(10, 20);
    return node;
}

} // namespace

class TestPipelineClipboard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip();
    void onlyInternalEdges();
    void pasteIntoAnotherGraph();
    void duplicate();
    void numberedNames();
    void mimeData();
    void plainTextPipelineFile();
    void badFragments_data();
    void badFragments();
    void badMimeData();
    void oversizeClipboardIsRefused();

private:
    std::unique_ptr<PipelineGraph> m_graph; // the end-to-end template
};

void TestPipelineClipboard::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    const PipelineFile::ReadResult result = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    QVERIFY(result.ok);
    m_graph->reset(result.nodes, result.edges, result.annotations);
}

void TestPipelineClipboard::cleanup()
{
    m_graph.reset();
}

void TestPipelineClipboard::roundTrip()
{
    const QStringList selected{u"train"_s, u"features"_s, u"store"_s};
    const QByteArray fragment = PipelineClipboard::copy(*m_graph, selected, {u"a2"_s});
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(fragment, *m_graph, QPointF(100, 50));
    QVERIFY2(plan.ok, qPrintable(plan.errorMessage));
    QCOMPARE(plan.nodes.size(), 3);
    QCOMPARE(plan.annotations.size(), 1);

    // In graph order, everything kept but id, name and position.
    const QStringList inGraphOrder{u"features"_s, u"store"_s, u"train"_s};
    QSet<QString> ids;
    for (qsizetype i = 0; i < plan.nodes.size(); ++i) {
        const PipelineNode &pasted = plan.nodes.at(i);
        const PipelineNode &original = *m_graph->node(inGraphOrder.at(i));
        QVERIFY(!m_graph->node(pasted.id));
        QVERIFY(!ids.contains(pasted.id));
        ids.insert(pasted.id);
        QCOMPARE(pasted.name, original.name + u" 2"_s);
        QCOMPARE(pasted.pos, original.pos + QPointF(100, 50));
        PipelineNode same = pasted;
        same.id = original.id;
        same.name = original.name;
        same.pos = original.pos;
        QCOMPARE(same, original);
    }
    const PipelineAnnotation &note = plan.annotations.constFirst();
    QVERIFY(!m_graph->annotation(note.id));
    QCOMPARE(note.text, m_graph->annotation(u"a2"_s)->text);
    QCOMPARE(note.rect, m_graph->annotation(u"a2"_s)->rect.translated(100, 50));

    // What the plan lists, an AddItemsCommand adds, and the names stay unique.
    QUndoStack stack;
    const qsizetype before = m_graph->nodes().size();
    stack.push(new AddItemsCommand(m_graph.get(), plan.nodes, plan.edges, plan.annotations));
    QCOMPARE(m_graph->nodes().size(), before + 3);
    QCOMPARE(m_graph->edges().size(), 17 + 2);
    QSet<QString> names;
    for (const PipelineNode &node : m_graph->nodes())
        names.insert(node.name);
    QCOMPARE(names.size(), m_graph->nodes().size());
    for (const PipelineEdge &edge : plan.edges)
        QVERIFY(m_graph->indexOfEdge(edge) >= 0);
}

void TestPipelineClipboard::onlyInternalEdges()
{
    // Store feeds train, evaluate and deploy; Engineer features feeds store. Of those, only
    // edges between selected nodes travel.
    const QByteArray fragment
        = PipelineClipboard::copy(*m_graph, {u"features"_s, u"store"_s, u"train"_s}, {});
    const PipelineFile::ReadResult read = PipelineFile::read(fragment, NodeCatalog::builtIn());
    QVERIFY(read.ok);
    QCOMPARE(read.edges.size(), 2);
    QVERIFY(read.edges.contains(
        PipelineEdge{{u"features"_s, u"features"_s}, {u"store"_s, u"features"_s}}));
    QVERIFY(
        read.edges.contains(PipelineEdge{{u"store"_s, u"features"_s}, {u"train"_s, u"data"_s}}));

    const PipelineClipboard::PastePlan plan = PipelineClipboard::planPaste(fragment, *m_graph, {});
    QVERIFY(plan.ok);
    QHash<QString, QString> nameOf;
    for (const PipelineNode &node : plan.nodes)
        nameOf.insert(node.id, node.name);
    QCOMPARE(plan.edges.size(), 2);
    for (const PipelineEdge &edge : plan.edges) {
        QVERIFY(nameOf.contains(edge.from.node)); // remapped to pasted nodes
        QVERIFY(nameOf.contains(edge.to.node));
    }
    const PipelineEdge first = plan.edges.constFirst();
    QCOMPARE(nameOf.value(first.from.node), u"Engineer features 2"_s);
    QCOMPARE(first.from.port, u"features"_s);
    QCOMPARE(nameOf.value(first.to.node), u"Feature store 2"_s);

    // Ids the graph lacks are skipped.
    const QByteArray none = PipelineClipboard::copy(*m_graph, {u"ghost"_s}, {u"a99"_s});
    QVERIFY(!PipelineClipboard::planPaste(none, *m_graph, {}).ok);
}

void TestPipelineClipboard::pasteIntoAnotherGraph()
{
    const QByteArray fragment = PipelineClipboard::copy(*m_graph, {u"deploy"_s, u"monitor"_s}, {});
    PipelineGraph other(&NodeCatalog::builtIn());
    other.addNode(makeNode(u"n1"_s, u"ingest"_s, u"Ingest"_s));
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(fragment, other, QPointF(-5, 0));
    QVERIFY(plan.ok);
    QCOMPARE(plan.nodes.size(), 2);
    QCOMPARE(plan.nodes.at(0).name, u"Serve on Kubernetes"_s); // free there: kept
    QCOMPARE(plan.nodes.at(1).name, u"Monitor drift and latency"_s);
    QVERIFY(plan.nodes.at(0).id != u"n1"_s && plan.nodes.at(1).id != u"n1"_s);
    QVERIFY(plan.nodes.at(0).id != plan.nodes.at(1).id);
    QCOMPARE(plan.edges.size(), 1);
    QCOMPARE(plan.edges.constFirst().from.node, plan.nodes.at(0).id);
    QCOMPARE(plan.edges.constFirst().to.node, plan.nodes.at(1).id);
}

void TestPipelineClipboard::duplicate()
{
    QUndoStack stack;
    for (const QString &expected : {u"CI gate 2"_s, u"CI gate 3"_s}) {
        const PipelineClipboard::PastePlan plan
            = PipelineClipboard::planDuplicate(*m_graph, {u"gate"_s}, {});
        QVERIFY(plan.ok);
        QCOMPARE(plan.nodes.size(), 1);
        QCOMPARE(plan.nodes.constFirst().name, expected);
        QCOMPARE(plan.nodes.constFirst().pos,
                 m_graph->node(u"gate"_s)->pos + PipelineClipboard::DuplicateOffset);
        QVERIFY(plan.edges.isEmpty());
        stack.push(new AddItemsCommand(m_graph.get(), plan.nodes, plan.edges, {}, u"Duplicate"_s));
    }
    QCOMPARE(m_graph->nodes().size(), 15);
}

void TestPipelineClipboard::numberedNames()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.addNode(makeNode(u"n1"_s, u"train"_s, u"Train"_s));
    graph.addNode(makeNode(u"n2"_s, u"train"_s, u"Train 2"_s));
    graph.addNode(makeNode(u"n3"_s, u"train"_s, u"Model 7"_s));
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planDuplicate(graph, {u"n1"_s, u"n2"_s, u"n3"_s}, {});
    QVERIFY(plan.ok);
    QStringList names;
    for (const PipelineNode &node : plan.nodes)
        names << node.name;
    QCOMPARE(names, (QStringList{u"Train 3"_s, u"Train 4"_s, u"Model 8"_s}));
    QCOMPARE(plan.nodes.at(0).id, u"n4"_s);
    QCOMPARE(plan.nodes.at(1).id, u"n5"_s);
    QCOMPARE(plan.nodes.at(2).id, u"n6"_s);
}

void TestPipelineClipboard::mimeData()
{
    std::unique_ptr<QMimeData> data(
        PipelineClipboard::mimeData(*m_graph, {u"train"_s, u"evaluate"_s}, {u"a1"_s}));
    QVERIFY(data->hasFormat(u"application/x-mlops-studio-pipeline"_s));
    QVERIFY(data->hasText());
    QVERIFY(PipelineClipboard::canPaste(data.get()));
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(data.get(), *m_graph, QPointF(0, 300));
    QVERIFY(plan.ok);
    QCOMPARE(plan.nodes.size(), 2);
    QCOMPARE(plan.edges.size(), 1);
    QCOMPARE(plan.annotations.size(), 1);
}

void TestPipelineClipboard::plainTextPipelineFile()
{
    // A whole .mlpipe file copied from a text editor pastes as well.
    QMimeData data;
    data.setText(QString::fromUtf8(PipelineFile::write(*m_graph)));
    QVERIFY(PipelineClipboard::canPaste(&data));
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(&data, *m_graph, QPointF(0, 1000));
    QVERIFY2(plan.ok, qPrintable(plan.errorMessage));
    QCOMPARE(plan.nodes.size(), 13);
    QCOMPARE(plan.edges.size(), 17);
    QCOMPARE(plan.annotations.size(), 4);
}

void TestPipelineClipboard::badFragments_data()
{
    QTest::addColumn<QByteArray>("fragment");
    QTest::addColumn<QString>("error");
    QTest::newRow("plain words") << QByteArray("Train the model") << u""_s;
    QTest::newRow("other JSON") << QByteArray(R"({"nodes": []})") << u"format"_s;
    QTest::newRow("unknown kind") << QByteArray(
        R"({"format": "mlops-studio-pipeline", "version": 1,
            "nodes": [{"id": "n1", "kind": "teleport", "name": "Beam"}]})")
                                  << u"teleport"_s;
    QTest::newRow("edge to a node not copied") << QByteArray(
        R"({"format": "mlops-studio-pipeline", "version": 1,
            "nodes": [{"id": "n1", "kind": "ingest", "name": "I"}],
            "edges": [{"from": {"node": "n1", "port": "data"},
                       "to": {"node": "n2", "port": "data"}}]})")
                                               << u"n2"_s;
    QTest::newRow("nothing in it")
        << QByteArray(R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": []})")
        << u"nothing"_s;
}

void TestPipelineClipboard::badFragments()
{
    QFETCH(QByteArray, fragment);
    QFETCH(QString, error);
    const qsizetype before = m_graph->nodes().size();
    const PipelineClipboard::PastePlan plan = PipelineClipboard::planPaste(fragment, *m_graph, {});
    QVERIFY(!plan.ok);
    QVERIFY(plan.nodes.isEmpty() && plan.edges.isEmpty() && plan.annotations.isEmpty());
    QVERIFY(!plan.errorMessage.isEmpty());
    QVERIFY2(plan.errorMessage.contains(error), qPrintable(plan.errorMessage));
    QCOMPARE(m_graph->nodes().size(), before);
}

void TestPipelineClipboard::badMimeData()
{
    QMimeData empty;
    QVERIFY(!PipelineClipboard::canPaste(&empty));
    QVERIFY(!PipelineClipboard::canPaste(nullptr));
    QVERIFY(!PipelineClipboard::planPaste(&empty, *m_graph, {}).ok);
    QMimeData image;
    image.setData(u"image/png"_s, QByteArray("\x89PNG"));
    QVERIFY(!PipelineClipboard::planPaste(&image, *m_graph, {}).ok);
}

// Another program can put anything on the clipboard: more than a pipeline file may hold is
// refused before it is parsed.
void TestPipelineClipboard::oversizeClipboardIsRefused()
{
    QByteArray fragment = PipelineClipboard::copy(*m_graph, {u"train"_s}, {});
    fragment.append(PipelineFile::MaxFileBytes + 1 - fragment.size(), ' ');
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(fragment, *m_graph, QPointF());
    QVERIFY(!plan.ok);
    QVERIFY2(plan.errorMessage.startsWith(u"too large"_s), qPrintable(plan.errorMessage));
    fragment.chop(1);
    QVERIFY(PipelineClipboard::planPaste(fragment, *m_graph, QPointF()).ok);
}

QTEST_GUILESS_MAIN(TestPipelineClipboard)
#include "tst_pipelineclipboard.moc"
