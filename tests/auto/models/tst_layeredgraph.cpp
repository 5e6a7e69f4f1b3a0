#include "pipeline/layeredgraph.h"

#include <QTest>

using namespace Qt::StringLiterals;
using LayeredGraph::Adjacency;
using LayeredGraph::Dag;

// The layered-graph steps of the auto-layout: long arcs cut into one-layer pieces through dummy
// boxes (Sugiyama et al. 1981), within a budget of dummies.
class TestLayeredGraph : public QObject
{
    Q_OBJECT

private slots:
    void longArcGetsADummyPerLayer();
    void denseGraphStaysWithinTheBudget();
};

namespace {

// The arcs reached from `u` through dummies (boxes at or past `boxes`), as the box they end at
// and how many dummies lie on the way.
QList<std::pair<qsizetype, qsizetype>> ends(const Dag &dag, qsizetype u, qsizetype boxes)
{
    QList<std::pair<qsizetype, qsizetype>> found;
    for (qsizetype next : dag.successors.at(u)) {
        qsizetype dummies = 0;
        while (next >= boxes) {
            if (dag.successors.at(next).size() != 1 || dag.predecessors.at(next).size() != 1)
                qFatal("a dummy with other than one arc in and one out");
            next = dag.successors.at(next).first();
            ++dummies;
        }
        found.append({next, dummies});
    }
    return found;
}

Dag withPredecessors(const Adjacency &successors)
{
    Adjacency predecessors(successors.size());
    for (qsizetype u = 0; u < successors.size(); ++u)
        for (const qsizetype v : successors.at(u))
            predecessors[v] << u;
    return {successors, predecessors};
}

} // namespace

void TestLayeredGraph::longArcGetsADummyPerLayer()
{
    // a -> b -> c -> d, and a -> d across the two layers between.
    Dag dag = withPredecessors({{1, 3}, {2}, {3}, {}});
    QList<QSizeF> sizes(4, QSizeF(200, 96));
    const QList<qsizetype> layerOf = LayeredGraph::addDummies(dag, {0, 1, 2, 3}, sizes);
    QCOMPARE(sizes.size(), 6);
    QCOMPARE(layerOf.mid(4), (QList<qsizetype>{1, 2}));
    QCOMPARE(sizes.at(4), QSizeF(0, 0));
    const auto fromA = ends(dag, 0, 4);
    QCOMPARE(fromA.size(), 2);
    QVERIFY(fromA.contains(std::pair<qsizetype, qsizetype>(1, 0)));
    QVERIFY(fromA.contains(std::pair<qsizetype, qsizetype>(3, 2)));
    QCOMPARE(ends(dag, 1, 4), (QList<std::pair<qsizetype, qsizetype>>{{2, 0}}));
}

// A complete DAG of n stages in n layers: arc i -> j spans j - i layers and needs j - i - 1
// dummies, n^3/6 in all. The shortest arcs get theirs up to LayeredGraph::MaxDummies; longer
// ones are left out of the ordering.
void TestLayeredGraph::denseGraphStaysWithinTheBudget()
{
    constexpr qsizetype n = 200;
    Adjacency successors(n);
    QList<qsizetype> layers(n);
    for (qsizetype i = 0; i < n; ++i) {
        layers[i] = i;
        for (qsizetype j = i + 1; j < n; ++j)
            successors[i] << j;
    }
    // Spans 2..limit fit: there are n - s arcs of span s, each with s - 1 dummies.
    qsizetype limit = 1, expected = 0;
    while (limit + 1 < n && expected + (n - limit - 1) * limit <= LayeredGraph::MaxDummies) {
        ++limit;
        expected += (n - limit) * (limit - 1);
    }
    QVERIFY(limit < n - 1); // the budget does bind here

    Dag dag = withPredecessors(successors);
    QList<QSizeF> sizes(n, QSizeF(200, 96));
    LayeredGraph::addDummies(dag, layers, sizes);
    QCOMPARE(sizes.size() - n, expected);
    for (qsizetype i = 0; i < n; ++i) {
        QList<qsizetype> reached;
        for (const auto &[target, dummies] : ends(dag, i, n)) {
            QCOMPARE(dummies, target - i - 1);
            reached << target;
        }
        std::sort(reached.begin(), reached.end());
        QList<qsizetype> kept;
        for (qsizetype j = i + 1; j < n && j - i <= limit; ++j)
            kept << j;
        QCOMPARE(reached, kept);
    }
}

QTEST_GUILESS_MAIN(TestLayeredGraph)
#include "tst_layeredgraph.moc"
