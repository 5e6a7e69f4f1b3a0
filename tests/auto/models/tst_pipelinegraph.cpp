#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "support/require.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

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

PipelineEdge makeEdge(const QString &from, const QString &out, const QString &to, const QString &in)
{
    return {{from, out}, {to, in}};
}

// Every signal of a graph, in the order sent: "nodeAdded n1", "changed" …
class SignalLog : public QObject
{
public:
    explicit SignalLog(PipelineGraph *graph)
    {
        const auto id = [this](const QString &name) {
            return [this, name](const QString &value) {
                m_lines << name + u' ' + value;
            };
        };
        const auto edge = [this](const QString &name) {
            return [this, name](const PipelineEdge &e) {
                m_lines << u"%1 %2.%3>%4.%5"_s.arg(
                    name, e.from.node, e.from.port, e.to.node, e.to.port);
            };
        };
        connect(graph, &PipelineGraph::nodeAdded, this, id(u"nodeAdded"_s));
        connect(graph, &PipelineGraph::nodeRemoved, this, id(u"nodeRemoved"_s));
        connect(graph, &PipelineGraph::nodeChanged, this, id(u"nodeChanged"_s));
        connect(graph, &PipelineGraph::nodeMoved, this, id(u"nodeMoved"_s));
        connect(graph, &PipelineGraph::edgeAdded, this, edge(u"edgeAdded"_s));
        connect(graph, &PipelineGraph::edgeRemoved, this, edge(u"edgeRemoved"_s));
        connect(graph, &PipelineGraph::annotationAdded, this, id(u"annotationAdded"_s));
        connect(graph, &PipelineGraph::annotationRemoved, this, id(u"annotationRemoved"_s));
        connect(graph, &PipelineGraph::annotationChanged, this, id(u"annotationChanged"_s));
        connect(graph, &PipelineGraph::graphReset, this, [this] { m_lines << u"graphReset"_s; });
        connect(graph, &PipelineGraph::changed, this, [this] { m_lines << u"changed"_s; });
    }
    QStringList take() { return std::exchange(m_lines, {}); }

private:
    QStringList m_lines;
};

} // namespace

class TestPipelineGraph : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addNode();
    void addNodeRejects();
    void newIdsAndNames();
    void edgeProblem_data();
    void edgeProblem();
    void addAndRemoveEdge();
    void removeNodeRemovesItsEdges();
    void updateNode();
    void moveNode();
    void annotations();
    void reset();
    void indexesStayInStep();
    void insertAtIndex();
    void restoreEdgeInvertsRemoval();

private:
    // ingest n1 -> validate n2 -> transform n3 -> train n4, plus evaluate n5 (unconnected)
    void buildChain();

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<SignalLog> m_log;
};

void TestPipelineGraph::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_log = std::make_unique<SignalLog>(m_graph.get());
}

void TestPipelineGraph::cleanup()
{
    m_log.reset();
    m_graph.reset();
}

void TestPipelineGraph::buildChain()
{
    QVERIFY(m_graph->addNode(makeNode(u"n1"_s, u"ingest"_s, u"Ingest"_s)));
    QVERIFY(m_graph->addNode(makeNode(u"n2"_s, u"validate-data"_s, u"Validate data"_s)));
    QVERIFY(m_graph->addNode(makeNode(u"n3"_s, u"transform"_s, u"Transform"_s)));
    QVERIFY(m_graph->addNode(makeNode(u"n4"_s, u"train"_s, u"Train"_s)));
    QVERIFY(m_graph->addNode(makeNode(u"n5"_s, u"evaluate"_s, u"Evaluate"_s)));
    QVERIFY(m_graph->addEdge(makeEdge(u"n1"_s, u"data"_s, u"n2"_s, u"data"_s)));
    QVERIFY(m_graph->addEdge(makeEdge(u"n2"_s, u"data"_s, u"n3"_s, u"data"_s)));
    QVERIFY(m_graph->addEdge(makeEdge(u"n3"_s, u"features"_s, u"n4"_s, u"data"_s)));
    m_log->take();
}

void TestPipelineGraph::addNode()
{
    QVERIFY(m_graph->isEmpty());
    const PipelineNode node = makeNode(u"n1"_s, u"train"_s, u"Train"_s);
    QVERIFY(m_graph->addNode(node));
    QCOMPARE(m_log->take(), (QStringList{u"nodeAdded n1"_s, u"changed"_s}));
    QVERIFY(!m_graph->isEmpty());
    QCOMPARE(m_graph->nodes().size(), 1);
    QVERIFY(m_graph->node(u"n1"_s));
    QCOMPARE(*m_graph->node(u"n1"_s), node);
    QVERIFY(!m_graph->node(u"n2"_s));
}

void TestPipelineGraph::addNodeRejects()
{
    QVERIFY(m_graph->addNode(makeNode(u"n1"_s, u"train"_s, u"Train"_s)));
    m_log->take();
    QVERIFY(!m_graph->addNode(makeNode(u"n1"_s, u"ingest"_s, u"Other"_s))); // id taken
    QVERIFY(!m_graph->addNode(makeNode(u"n2"_s, u"trainer"_s, u"X"_s)));    // unknown kind
    QVERIFY(!m_graph->addNode(makeNode(QString(), u"train"_s, u"X"_s)));    // no id
    QCOMPARE(m_log->take(), QStringList());
    QCOMPARE(m_graph->nodes().size(), 1);
    QCOMPARE(m_graph->node(u"n1"_s)->kind, u"train"_s);
}

void TestPipelineGraph::newIdsAndNames()
{
    QCOMPARE(m_graph->newNodeId(), u"n1"_s);
    QCOMPARE(m_graph->newAnnotationId(), u"a1"_s);
    QVERIFY(m_graph->addNode(makeNode(u"n2"_s, u"train"_s, u"Train"_s)));
    QCOMPARE(m_graph->newNodeId(), u"n3"_s); // n2 is taken: never reuse a live id
    QVERIFY(m_graph->addNode(makeNode(u"n3"_s, u"train"_s, u"Train 2"_s)));
    QCOMPARE(m_graph->uniqueNodeName(u"Train"_s), u"Train 3"_s);
    QCOMPARE(m_graph->uniqueNodeName(u"Deploy"_s), u"Deploy"_s);
    QVERIFY(m_graph->removeNode(u"n2"_s));
    QCOMPARE(m_graph->uniqueNodeName(u"Train"_s), u"Train"_s);
    QCOMPARE(m_graph->newNodeId(), u"n2"_s);
}

void TestPipelineGraph::edgeProblem_data()
{
    QTest::addColumn<PipelineEdge>("edge");
    QTest::addColumn<QString>("problem");

    QTest::newRow("fine") << makeEdge(u"n4"_s, u"model"_s, u"n5"_s, u"model"_s) << QString();
    QTest::newRow("optional input")
        << makeEdge(u"n3"_s, u"features"_s, u"n5"_s, u"data"_s) << QString();
    QTest::newRow("unknown source")
        << makeEdge(u"n9"_s, u"data"_s, u"n2"_s, u"data"_s) << u"there is no node 'n9'"_s;
    QTest::newRow("unknown target")
        << makeEdge(u"n1"_s, u"data"_s, u"n9"_s, u"data"_s) << u"there is no node 'n9'"_s;
    QTest::newRow("from an input")
        << makeEdge(u"n4"_s, u"data"_s, u"n5"_s, u"model"_s)
        << u"'data' is an input of 'Train', not an output: an edge starts at an output"_s;
    QTest::newRow("to an output")
        << makeEdge(u"n4"_s, u"model"_s, u"n5"_s, u"metrics"_s)
        << u"'metrics' is an output of 'Evaluate', not an input: an edge ends at an input"_s;
    QTest::newRow("no such port") << makeEdge(u"n4"_s, u"weights"_s, u"n5"_s, u"model"_s)
                                  << u"'Train' has no output 'weights'"_s;
    QTest::newRow("types differ")
        << makeEdge(u"n4"_s, u"model"_s, u"n2"_s, u"data"_s)
        << u"Model output 'model' cannot feed the Dataset input 'data' of 'Validate data'"_s;
    QTest::newRow("self") << makeEdge(u"n2"_s, u"data"_s, u"n2"_s, u"data"_s)
                          << u"'Validate data' cannot feed itself"_s;
    QTest::newRow("duplicate") << makeEdge(u"n1"_s, u"data"_s, u"n2"_s, u"data"_s)
                               << u"'Ingest' already feeds the input 'data' of 'Validate data'"_s;
    QTest::newRow("input taken")
        << makeEdge(u"n1"_s, u"data"_s, u"n3"_s, u"data"_s)
        << u"the input 'data' of 'Transform' is already connected: an input takes one edge"_s;
    // Ordering edges ("runs after", no ports): no port or type rule, an input may have several.
    QTest::newRow("ordering") << makeEdge(u"n4"_s, {}, u"n2"_s, {}) << QString();
    QTest::newRow("ordering beside a data edge") << makeEdge(u"n1"_s, {}, u"n2"_s, {}) << QString();
    QTest::newRow("ordering into a taken input's node")
        << makeEdge(u"n5"_s, {}, u"n3"_s, {}) << QString();
    QTest::newRow("ordering self")
        << makeEdge(u"n2"_s, {}, u"n2"_s, {}) << u"'Validate data' cannot run after itself"_s;
    QTest::newRow("ordering unknown node")
        << makeEdge(u"n1"_s, {}, u"n9"_s, {}) << u"there is no node 'n9'"_s;
    QTest::newRow("half ordering")
        << makeEdge(u"n1"_s, u"data"_s, u"n5"_s, {})
        << u"an edge joins two ports, or (an ordering edge) no port at either end"_s;
}

void TestPipelineGraph::edgeProblem()
{
    QFETCH(PipelineEdge, edge);
    QFETCH(QString, problem);
    REQUIRE_OK(buildChain());
    QCOMPARE(m_graph->edgeProblem(edge), problem);
    const qsizetype before = m_graph->edges().size();
    QCOMPARE(m_graph->addEdge(edge), problem.isEmpty());
    QCOMPARE(m_graph->edges().size(), before + (problem.isEmpty() ? 1 : 0));
    QCOMPARE(m_log->take().isEmpty(), !problem.isEmpty());
}

void TestPipelineGraph::addAndRemoveEdge()
{
    REQUIRE_OK(buildChain());
    const PipelineEdge edge = makeEdge(u"n4"_s, u"model"_s, u"n5"_s, u"model"_s);
    QVERIFY(m_graph->addEdge(edge));
    QCOMPARE(m_log->take(), (QStringList{u"edgeAdded n4.model>n5.model"_s, u"changed"_s}));
    QVERIFY(m_graph->edges().contains(edge));
    QCOMPARE(m_graph->edgesOf(u"n5"_s), QList<PipelineEdge>{edge});

    const PipelineEdge first = makeEdge(u"n1"_s, u"data"_s, u"n2"_s, u"data"_s);
    QVERIFY(m_graph->removeEdge(first));
    QCOMPARE(m_log->take(), (QStringList{u"edgeRemoved n1.data>n2.data"_s, u"changed"_s}));
    QVERIFY(!m_graph->edges().contains(first));
    QVERIFY(m_graph->edgesOf(u"n1"_s).isEmpty());
    QVERIFY(!m_graph->removeEdge(first));
    QCOMPARE(m_log->take(), QStringList());
    // The input is free again, and the moved edge can still be removed.
    QVERIFY(m_graph->addEdge(first));
    QVERIFY(m_graph->removeEdge(edge));
    QCOMPARE(m_graph->edges().size(), 3);
}

void TestPipelineGraph::removeNodeRemovesItsEdges()
{
    REQUIRE_OK(buildChain());
    QVERIFY(m_graph->removeNode(u"n2"_s));
    QCOMPARE(m_log->take(),
             (QStringList{u"edgeRemoved n1.data>n2.data"_s,
                          u"edgeRemoved n2.data>n3.data"_s,
                          u"nodeRemoved n2"_s,
                          u"changed"_s}));
    QCOMPARE(m_graph->edges(),
             QList<PipelineEdge>{makeEdge(u"n3"_s, u"features"_s, u"n4"_s, u"data"_s)});
    QVERIFY(m_graph->edgesOf(u"n1"_s).isEmpty());
    QCOMPARE(m_graph->edgesOf(u"n3"_s).size(), 1);
    // The nodes after it keep their order and are still found by id.
    QCOMPARE(m_graph->nodes().at(1).id, u"n3"_s);
    for (const QString &id : {u"n1"_s, u"n3"_s, u"n4"_s, u"n5"_s})
        QCOMPARE(m_graph->node(id)->id, id);
    QVERIFY(!m_graph->node(u"n2"_s));
    QVERIFY(!m_graph->removeNode(u"n2"_s));
    QVERIFY(m_graph->addEdge(makeEdge(u"n1"_s, u"data"_s, u"n3"_s, u"data"_s)));
}

void TestPipelineGraph::updateNode()
{
    REQUIRE_OK(buildChain());
    PipelineNode node = *m_graph->node(u"n4"_s);
    node.name = u"Train churn model"_s;
    node.tool = u"PyTorch"_s;
    node.parameters = {{u"epochs"_s, u"10"_s}};
    node.pos = QPointF(999, 999); // ignored: moveNode moves
    QVERIFY(m_graph->updateNode(node));
    QCOMPARE(m_log->take(), (QStringList{u"nodeChanged n4"_s, u"changed"_s}));
    QCOMPARE(m_graph->node(u"n4"_s)->tool, u"PyTorch"_s);
    QCOMPARE(m_graph->node(u"n4"_s)->pos, QPointF(10, 20));
    QCOMPARE(m_graph->uniqueNodeName(u"Train"_s), u"Train"_s);
    QCOMPARE(m_graph->uniqueNodeName(u"Train churn model"_s), u"Train churn model 2"_s);

    QVERIFY(m_graph->updateNode(node)); // the same again: nothing to tell
    QCOMPARE(m_log->take(), QStringList());
    node.kind = u"tune"_s;
    QVERIFY(!m_graph->updateNode(node));
    QVERIFY(!m_graph->updateNode(makeNode(u"n9"_s, u"train"_s, u"X"_s)));
    QCOMPARE(m_log->take(), QStringList());
}

void TestPipelineGraph::moveNode()
{
    REQUIRE_OK(buildChain());
    QVERIFY(m_graph->moveNode(u"n3"_s, QPointF(260, 160)));
    QCOMPARE(m_log->take(), (QStringList{u"nodeMoved n3"_s, u"changed"_s}));
    QCOMPARE(m_graph->node(u"n3"_s)->pos, QPointF(260, 160));
    QVERIFY(m_graph->moveNode(u"n3"_s, QPointF(260, 160)));
    QVERIFY(!m_graph->moveNode(u"n9"_s, QPointF()));
    QCOMPARE(m_log->take(), QStringList());
}

void TestPipelineGraph::annotations()
{
    const PipelineAnnotation note{
        u"a1"_s, PipelineAnnotation::Kind::Text, {0, 0, 200, 80}, u"Hi"_s};
    const PipelineAnnotation group{
        u"a2"_s, PipelineAnnotation::Kind::Group, {0, 0, 600, 300}, u"Data"_s};
    QVERIFY(m_graph->addAnnotation(note));
    QVERIFY(m_graph->addAnnotation(group));
    QVERIFY(!m_graph->isEmpty());
    QCOMPARE(m_log->take(),
             (QStringList{
                 u"annotationAdded a1"_s, u"changed"_s, u"annotationAdded a2"_s, u"changed"_s}));
    QVERIFY(!m_graph->addAnnotation(note));

    PipelineAnnotation edited = note;
    edited.text = u"Drift is checked hourly"_s;
    QVERIFY(m_graph->updateAnnotation(edited));
    QCOMPARE(m_log->take(), (QStringList{u"annotationChanged a1"_s, u"changed"_s}));
    QCOMPARE(m_graph->annotation(u"a1"_s)->text, edited.text);

    QVERIFY(m_graph->removeAnnotation(u"a1"_s));
    QCOMPARE(m_log->take(), (QStringList{u"annotationRemoved a1"_s, u"changed"_s}));
    QVERIFY(!m_graph->annotation(u"a1"_s));
    QCOMPARE(m_graph->annotation(u"a2"_s)->text, u"Data"_s);
    QVERIFY(!m_graph->removeAnnotation(u"a1"_s));
    QVERIFY(!m_graph->updateAnnotation(edited));
    QCOMPARE(m_log->take(), QStringList());
}

void TestPipelineGraph::reset()
{
    REQUIRE_OK(buildChain());
    const QList<PipelineNode> nodes{makeNode(u"x"_s, u"train"_s, u"Train"_s),
                                    makeNode(u"y"_s, u"validate-data"_s, u"Check"_s),
                                    makeNode(u"x"_s, u"ingest"_s, u"Repeated id"_s)};
    // A type mismatch stays (validation reports it); the dangling and repeated edges go.
    const PipelineEdge mismatch = makeEdge(u"x"_s, u"model"_s, u"y"_s, u"data"_s);
    const QList<PipelineEdge> edges{
        mismatch, mismatch, makeEdge(u"x"_s, u"model"_s, u"gone"_s, u"data"_s)};
    m_graph->reset(nodes, edges, {});
    QCOMPARE(m_log->take(), (QStringList{u"graphReset"_s, u"changed"_s}));
    QCOMPARE(m_graph->nodes(), nodes.first(2));
    QCOMPARE(m_graph->edges(), QList<PipelineEdge>{mismatch});
    QCOMPARE(m_graph->edgesOf(u"y"_s), QList<PipelineEdge>{mismatch});
    QVERIFY(!m_graph->node(u"n1"_s));
    QCOMPARE(m_graph->uniqueNodeName(u"Train"_s), u"Train 2"_s);

    m_graph->clear();
    QCOMPARE(m_log->take(), (QStringList{u"graphReset"_s, u"changed"_s}));
    QVERIFY(m_graph->isEmpty());
    QVERIFY(m_graph->edges().isEmpty());
    QVERIFY(!m_graph->node(u"x"_s));
}

void TestPipelineGraph::indexesStayInStep()
{
    // Random adds and removes; after each, every lookup must agree with a plain scan.
    QRandomGenerator random(7);
    const QStringList kinds{u"transform"_s, u"feature-store"_s, u"train"_s};
    for (int step = 0; step < 400; ++step) {
        const auto &nodes = m_graph->nodes();
        const int choice = int(random.bounded(12));
        const auto anyNode = [&] {
            return nodes.at(random.bounded(int(nodes.size()))).id;
        };
        if (nodes.size() < 3 || choice < 4) {
            const QString id = m_graph->newNodeId();
            m_graph->addNode(makeNode(id, kinds.at(random.bounded(3)), id));
        } else if (choice < 6) {
            m_graph->removeNode(anyNode());
        } else if (choice < 11) {
            m_graph->addEdge(makeEdge(anyNode(), u"features"_s, anyNode(), u"features"_s));
        } else if (!m_graph->edges().isEmpty()) {
            m_graph->removeEdge(
                m_graph->edges().value(random.bounded(int(m_graph->edges().size()))));
        }
        for (qsizetype i = 0; i < m_graph->nodes().size(); ++i)
            QCOMPARE(m_graph->node(m_graph->nodes().at(i).id), &m_graph->nodes().at(i));
        for (const PipelineEdge &edge : m_graph->edges()) {
            QVERIFY(m_graph->edgesOf(edge.from.node).contains(edge));
            QVERIFY(m_graph->edgesOf(edge.to.node).contains(edge));
            QVERIFY(!m_graph->edgeProblem(edge).isEmpty()); // it exists: a duplicate now
        }
    }
    QVERIFY(m_graph->nodes().size() > 20);
    QVERIFY(!m_graph->edges().isEmpty());
}

void TestPipelineGraph::insertAtIndex()
{
    REQUIRE_OK(buildChain());
    const QList<PipelineNode> before = m_graph->nodes();
    QVERIFY(m_graph->removeNode(u"n2"_s));
    QVERIFY(m_graph->insertNode(1, before.at(1)));
    QCOMPARE(m_graph->nodes(), before);
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(m_graph->indexOfNode(before.at(i).id), i);
    QVERIFY(!m_graph->insertNode(0, before.at(0))); // the id is taken

    const PipelineAnnotation a{u"a1"_s, PipelineAnnotation::Kind::Text, QRectF(0, 0, 10, 10), {}};
    PipelineAnnotation b = a;
    b.id = u"a2"_s;
    QVERIFY(m_graph->addAnnotation(b));
    QVERIFY(m_graph->insertAnnotation(0, a));
    QCOMPARE(m_graph->annotations(), (QList<PipelineAnnotation>{a, b}));
    QCOMPARE(m_graph->indexOfAnnotation(u"a2"_s), 1);
}

void TestPipelineGraph::restoreEdgeInvertsRemoval()
{
    // Remove edges one by one noting their indexes; restoring them backwards at those indexes
    // gives edges() back in its exact order, even for an edge the port rules refuse.
    REQUIRE_OK(buildChain());
    const PipelineEdge mismatch = makeEdge(u"n4"_s, u"model"_s, u"n2"_s, u"data"_s);
    QVERIFY(!m_graph->addEdge(mismatch));
    QVERIFY(m_graph->restoreEdge(mismatch));
    QVERIFY(!m_graph->restoreEdge(mismatch)); // a duplicate
    QVERIFY(!m_graph->restoreEdge(makeEdge(u"n9"_s, u"data"_s, u"n2"_s, u"data"_s)));
    const QList<PipelineEdge> before = m_graph->edges();
    const QList<PipelineEdge> order{before.at(1), before.at(3), before.at(0)};
    QList<qsizetype> indexes;
    for (const PipelineEdge &edge : order) {
        indexes << m_graph->indexOfEdge(edge);
        QVERIFY(m_graph->removeEdge(edge));
    }
    for (qsizetype i = order.size() - 1; i >= 0; --i)
        QVERIFY(m_graph->restoreEdge(order.at(i), indexes.at(i)));
    QCOMPARE(m_graph->edges(), before);
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(m_graph->indexOfEdge(before.at(i)), i);
}

QTEST_GUILESS_MAIN(TestPipelineGraph)
#include "tst_pipelinegraph.moc"
