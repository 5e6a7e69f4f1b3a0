#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"
#include "support/require.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const PipelineAutoLayout::Options Options{QSizeF(200, 96), 80, 40, 4};

PipelineNode makeNode(const QString &id, const QString &kind)
{
    PipelineNode node;
    node.id = id;
    node.kind = kind;
    node.name = id;
    node.pos = QPointF(0, 0);
    return node;
}

PipelineEdge makeEdge(const QString &from, const QString &out, const QString &to, const QString &in)
{
    return {{from, out}, {to, in}};
}

// "step" nodes s0..s(n-1); each input of s(i) fed, with probability, by an earlier node; with
// `backEdges`, some edges also run from later to earlier nodes, making loops.
void randomGraph(PipelineGraph &graph, int n, quint32 seed, bool backEdges)
{
    QRandomGenerator random(seed);
    QList<PipelineNode> nodes;
    for (int i = 0; i < n; ++i)
        nodes << makeNode(u"s"_s + QString::number(i), u"step"_s);
    QList<PipelineEdge> edges;
    const QStringList ports{u"data"_s, u"features"_s, u"model"_s, u"signal"_s};
    for (int i = 1; i < n; ++i) {
        for (const QString &port : ports) {
            if (port != u"data"_s && random.bounded(3) != 0)
                continue;
            const bool back = backEdges && random.bounded(20) == 0;
            const int other = back ? i + 1 + int(random.bounded(n - i)) : int(random.bounded(i));
            if (other >= n)
                continue;
            edges << makeEdge(nodes.at(other).id, port, nodes.at(i).id, port);
        }
    }
    graph.reset(nodes, edges, {});
}

// Every node placed, no two overlapping: sorted by x, each is compared only with the nodes
// that start before it ends, so a 5,000-node check stays quick.
void checkNoOverlap(const PipelineGraph &graph, const QHash<QString, QPointF> &positions)
{
    QCOMPARE(positions.size(), graph.nodes().size());
    QList<QRectF> rects;
    for (const PipelineNode &node : graph.nodes()) {
        QVERIFY2(positions.contains(node.id), qPrintable(node.id));
        rects << QRectF(positions.value(node.id), Options.nodeSize);
    }
    std::sort(rects.begin(), rects.end(), [](const QRectF &a, const QRectF &b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    for (qsizetype i = 0; i < rects.size(); ++i) {
        for (qsizetype j = i + 1; j < rects.size() && rects.at(j).x() < rects.at(i).right(); ++j)
            QVERIFY2(!rects.at(i).intersects(rects.at(j)), "two nodes overlap");
    }
}

// Every edge but the feedback ones runs left to right, from one column to a later one.
void checkLeftToRight(const PipelineGraph &graph, const QHash<QString, QPointF> &positions)
{
    for (const PipelineEdge &edge : graph.edges()) {
        const QPointF from = positions.value(edge.from.node);
        const QPointF to = positions.value(edge.to.node);
        if (PipelineAutoLayout::isFeedbackEdge(graph, edge))
            QVERIFY(from.x() > to.x());
        else
            QVERIFY2(from.x() + Options.nodeSize.width() < to.x(),
                     qPrintable(edge.from.node + u" -> "_s + edge.to.node));
    }
}

} // namespace

class TestPipelineAutoLayout : public QObject
{
    Q_OBJECT

private slots:
    void templates_data();
    void templates();
    void deterministic();
    void keepsTopLeftAndSettles();
    void annotationsUntouched();
    void loopsStillLayOut();
    void emptyGraph();
    void largeGraphs_data();
    void largeGraphs();
};

void TestPipelineAutoLayout::templates_data()
{
    QTest::addColumn<QString>("templateId");
    for (const QString &id : PipelineTemplates::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineAutoLayout::templates()
{
    QFETCH(QString, templateId);
    const PipelineFile::ReadResult result
        = PipelineTemplates::load(*PipelineTemplates::find(templateId), NodeCatalog::builtIn());
    QVERIFY(result.ok);
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(result.nodes, result.edges, result.annotations);
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    REQUIRE_OK(checkNoOverlap(graph, positions));
    REQUIRE_OK(checkLeftToRight(graph, positions));
}

void TestPipelineAutoLayout::deterministic()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    randomGraph(graph, 300, 11, false);
    const QHash<QString, QPointF> first = PipelineAutoLayout::layout(graph, Options);
    QCOMPARE(PipelineAutoLayout::layout(graph, Options), first);
    // The order of edges() carries no meaning, so it must not change the drawing.
    QList<PipelineEdge> reversed = graph.edges();
    std::reverse(reversed.begin(), reversed.end());
    PipelineGraph same(&NodeCatalog::builtIn());
    same.reset(graph.nodes(), reversed, {});
    QCOMPARE(PipelineAutoLayout::layout(same, Options), first);
}

void TestPipelineAutoLayout::keepsTopLeftAndSettles()
{
    const PipelineFile::ReadResult result = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(result.nodes, result.edges, result.annotations);
    graph.moveNode(u"ingest"_s, QPointF(-300, -200));
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    double left = 1e9;
    double top = 1e9;
    for (const QPointF &pos : positions) {
        left = std::min(left, pos.x());
        top = std::min(top, pos.y());
    }
    QCOMPARE(QPointF(left, top), QPointF(-300, -200));

    // Arranging an arranged pipeline moves nothing: the second command is dropped.
    QUndoStack stack;
    stack.push(new AutoLayoutCommand(&graph, positions));
    QCOMPARE(stack.count(), 1);
    stack.push(new AutoLayoutCommand(&graph, PipelineAutoLayout::layout(graph, Options)));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(PipelineAutoLayout::layout(graph, Options), positions);
}

void TestPipelineAutoLayout::annotationsUntouched()
{
    const PipelineFile::ReadResult result = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(result.nodes, result.edges, result.annotations);
    const QList<PipelineAnnotation> annotations = graph.annotations();
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    for (const PipelineAnnotation &annotation : annotations)
        QVERIFY(!positions.contains(annotation.id));
    QUndoStack stack;
    stack.push(new AutoLayoutCommand(&graph, positions));
    QCOMPARE(graph.annotations(), annotations);
    for (const PipelineNode &node : graph.nodes())
        QCOMPARE(node.pos, positions.value(node.id));
}

void TestPipelineAutoLayout::loopsStillLayOut()
{
    // A loop not through a Retrain trigger is an error for validation, yet Arrange must give
    // a picture: one edge of it runs backwards, the rest forwards.
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset({makeNode(u"a"_s, u"step"_s),
                 makeNode(u"b"_s, u"step"_s),
                 makeNode(u"c"_s, u"step"_s),
                 makeNode(u"d"_s, u"step"_s)},
                {makeEdge(u"a"_s, u"data"_s, u"b"_s, u"data"_s),
                 makeEdge(u"b"_s, u"data"_s, u"c"_s, u"data"_s),
                 makeEdge(u"c"_s, u"data"_s, u"a"_s, u"data"_s),
                 makeEdge(u"c"_s, u"model"_s, u"d"_s, u"model"_s),
                 makeEdge(u"d"_s, u"signal"_s, u"d"_s, u"signal"_s)},
                {});
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    REQUIRE_OK(checkNoOverlap(graph, positions));
    int backwards = 0;
    for (const PipelineEdge &edge : graph.edges()) {
        if (edge.from.node != edge.to.node
            && positions.value(edge.from.node).x() >= positions.value(edge.to.node).x())
            ++backwards;
    }
    QCOMPARE(backwards, 1);
}

void TestPipelineAutoLayout::emptyGraph()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    QVERIFY(PipelineAutoLayout::layout(graph).isEmpty());
}

void TestPipelineAutoLayout::largeGraphs_data()
{
    QTest::addColumn<int>("shape");
    QTest::newRow("random DAG") << 0;
    QTest::newRow("random with loops") << 1;
    QTest::newRow("one long chain") << 2;
}

void TestPipelineAutoLayout::largeGraphs()
{
    QFETCH(int, shape);
    constexpr int n = 5000;
    PipelineGraph graph(&NodeCatalog::builtIn());
    if (shape < 2) {
        randomGraph(graph, n, 5, shape == 1);
    } else {
        QList<PipelineNode> nodes;
        QList<PipelineEdge> edges;
        for (int i = 0; i < n; ++i) {
            nodes << makeNode(u"s"_s + QString::number(i), u"step"_s);
            if (i > 0)
                edges << makeEdge(nodes.at(i - 1).id, u"data"_s, nodes.at(i).id, u"data"_s);
        }
        graph.reset(nodes, edges, {});
    }
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    REQUIRE_OK(checkNoOverlap(graph, positions));
    if (shape != 1)
        REQUIRE_OK(checkLeftToRight(graph, positions));
}

QTEST_GUILESS_MAIN(TestPipelineAutoLayout)
#include "tst_pipelineautolayout.moc"
