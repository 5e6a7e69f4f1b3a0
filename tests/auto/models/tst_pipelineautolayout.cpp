#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"
#include "support/require.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const PipelineAutoLayout::Options Options{QSizeF(200, 96), 80, 40, 4, 16.0 / 9.0, {}};
const PipelineAutoLayout::Options OneRow{QSizeF(200, 96), 80, 40, 4, 0, {}};

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

// Every edge but the feedback ones runs in reading order: to a later column of the same band,
// or down to a later band (the bands are separated by a gap no node crosses).
void checkReadingOrder(const PipelineGraph &graph, const QHash<QString, QPointF> &positions)
{
    for (const PipelineEdge &edge : graph.edges()) {
        const QPointF from = positions.value(edge.from.node);
        const QPointF to = positions.value(edge.to.node);
        if (PipelineAutoLayout::isFeedbackEdge(graph, edge))
            continue;
        const bool laterColumn = from.x() + Options.nodeSize.width() < to.x();
        const bool laterBand = to.y() > from.y() + Options.nodeSize.height();
        QVERIFY2(laterColumn || laterBand, qPrintable(edge.from.node + u" -> "_s + edge.to.node));
    }
}

QRectF boundingBox(const QHash<QString, QPointF> &positions)
{
    QRectF box;
    for (const QPointF &pos : positions)
        box |= QRectF(pos, Options.nodeSize);
    return box;
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
    void chainWrapsIntoRows();
    void oneRowWhenAsked();
    void parallelBranchesSideBySide();
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
    REQUIRE_OK(checkReadingOrder(graph, positions));
    // Fits a slide: at most 3:1 either way (issue 15, "Exports").
    const QRectF box = boundingBox(positions);
    QVERIFY2(box.width() <= 3 * box.height() && box.height() <= 3 * box.width(),
             qPrintable(u"%1 x %2"_s.arg(box.width()).arg(box.height())));
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
    stack.push(new AutoLayoutCommand(&graph, ItemPositions{positions, {}, {}}));
    QCOMPARE(stack.count(), 1);
    stack.push(new AutoLayoutCommand(
        &graph, ItemPositions{PipelineAutoLayout::layout(graph, Options), {}, {}}));
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
    stack.push(new AutoLayoutCommand(&graph, ItemPositions{positions, {}, {}}));
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
    // Against reading order: neither to a later column of its band nor down to a later band.
    int backwards = 0;
    for (const PipelineEdge &edge : graph.edges()) {
        const QPointF from = positions.value(edge.from.node);
        const QPointF to = positions.value(edge.to.node);
        if (edge.from.node != edge.to.node && to.x() <= from.x()
            && to.y() <= from.y() + Options.nodeSize.height())
            ++backwards;
    }
    QCOMPARE(backwards, 1);
}

void TestPipelineAutoLayout::emptyGraph()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    QVERIFY(PipelineAutoLayout::layout(graph).isEmpty());
}

QList<PipelineNode> chainNodes(int n, QList<PipelineEdge> *edges)
{
    QList<PipelineNode> nodes;
    for (int i = 0; i < n; ++i) {
        nodes << makeNode(u"s"_s + QString::number(i), u"step"_s);
        if (i > 0)
            *edges << makeEdge(nodes.at(i - 1).id, u"data"_s, nodes.at(i).id, u"data"_s);
    }
    return nodes;
}

void TestPipelineAutoLayout::chainWrapsIntoRows()
{
    // Thirteen stages in a chain, as the End-to-end template: one row would be 13 x 280 wide
    // and 96 tall (38:1); at 16:9 the chain wraps into rows that read like text.
    QList<PipelineEdge> edges;
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(chainNodes(13, &edges), edges, {});
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    REQUIRE_OK(checkNoOverlap(graph, positions));
    QSet<double> rows;
    QSet<double> rowStarts;
    for (const QPointF &pos : positions)
        rows << pos.y();
    QVERIFY2(rows.size() >= 3, "the chain did not wrap");
    // Reading order: sorted by row, then by x, the stages come in chain order.
    QList<QString> read = positions.keys();
    std::sort(read.begin(), read.end(), [&](const QString &a, const QString &b) {
        const QPointF pa = positions.value(a), pb = positions.value(b);
        return std::pair(pa.y(), pa.x()) < std::pair(pb.y(), pb.x());
    });
    for (int i = 0; i < 13; ++i)
        QCOMPARE(read.at(i), u"s"_s + QString::number(i));
    // Each row starts at the left edge.
    for (const double row : std::as_const(rows)) {
        double left = 1e9;
        for (const QPointF &pos : positions)
            if (pos.y() == row)
                left = std::min(left, pos.x());
        rowStarts << left;
    }
    QCOMPARE(rowStarts.size(), 1);
    const QRectF box = boundingBox(positions);
    const double aspect = box.width() / box.height();
    QVERIFY2(aspect >= 1 && aspect <= 3, qPrintable(QString::number(aspect)));
}

void TestPipelineAutoLayout::oneRowWhenAsked()
{
    QList<PipelineEdge> edges;
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(chainNodes(13, &edges), edges, {});
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, OneRow);
    for (int i = 1; i < 13; ++i) {
        const QPointF before = positions.value(u"s"_s + QString::number(i - 1));
        const QPointF after = positions.value(u"s"_s + QString::number(i));
        QCOMPARE(after.y(), before.y());
        QCOMPARE(after.x(), before.x() + 200 + 80);
    }
}

void TestPipelineAutoLayout::parallelBranchesSideBySide()
{
    // a feeds b, c and d, which all feed e: the three branches share a column, one under another.
    QList<PipelineNode> nodes;
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        nodes << makeNode(id, u"step"_s);
    QList<PipelineEdge> edges;
    for (const QString &middle : {u"b"_s, u"c"_s, u"d"_s}) {
        edges << PipelineEdge{{u"a"_s, {}}, {middle, {}}};
        edges << PipelineEdge{{middle, {}}, {u"e"_s, {}}};
    }
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(nodes, edges, {});
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, Options);
    REQUIRE_OK(checkNoOverlap(graph, positions));
    QCOMPARE(positions.value(u"c"_s).x(), positions.value(u"b"_s).x());
    QCOMPARE(positions.value(u"d"_s).x(), positions.value(u"b"_s).x());
    QVERIFY(positions.value(u"a"_s).x() < positions.value(u"b"_s).x());
    QVERIFY(positions.value(u"b"_s).x() < positions.value(u"e"_s).x());
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
        REQUIRE_OK(checkReadingOrder(graph, positions));
}

QTEST_GUILESS_MAIN(TestPipelineAutoLayout)
#include "tst_pipelineautolayout.moc"
