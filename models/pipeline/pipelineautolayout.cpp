#include "pipeline/pipelineautolayout.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"

#include <QList>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace PipelineAutoLayout {

namespace {

using Adjacency = QList<QList<qsizetype>>;

struct Dag
{
    Adjacency successors;
    Adjacency predecessors;
};

// Node-index arcs without feedback edges, self-loops and repeats, each list sorted so the
// result does not depend on the order of graph.edges().
Adjacency forwardArcs(const PipelineGraph &graph)
{
    Adjacency arcs(graph.nodes().size());
    for (const PipelineEdge &edge : graph.edges()) {
        const qsizetype from = graph.indexOfNode(edge.from.node);
        const qsizetype to = graph.indexOfNode(edge.to.node);
        if (from >= 0 && to >= 0 && from != to && !isFeedbackEdge(graph, edge))
            arcs[from] << to;
    }
    for (QList<qsizetype> &targets : arcs) {
        std::sort(targets.begin(), targets.end());
        targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    }
    return arcs;
}

// Drops the arcs a depth-first search finds going back to a node on its path: what remains
// has no cycle. Iterative, so a 5,000-stage chain cannot overflow the stack.
Dag withoutBackArcs(const Adjacency &arcs)
{
    const qsizetype n = arcs.size();
    enum State : char { Unseen, OnPath, Done };
    QList<State> state(n, Unseen);
    Dag dag{Adjacency(n), Adjacency(n)};
    QList<std::pair<qsizetype, qsizetype>> stack; // node, next arc to follow
    for (qsizetype root = 0; root < n; ++root) {
        if (state.at(root) != Unseen)
            continue;
        state[root] = OnPath;
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next == arcs.at(node).size()) {
                state[node] = Done;
                stack.removeLast();
                continue;
            }
            const qsizetype target = arcs.at(node).at(next++);
            if (state.at(target) == OnPath)
                continue;
            dag.successors[node] << target;
            dag.predecessors[target] << node;
            if (state.at(target) == Unseen) {
                state[target] = OnPath;
                stack.append({target, 0}); // invalidates `node`, `next`: not used after
            }
        }
    }
    return dag;
}

// Longest path from a node without predecessors, in a topological order (Kahn's, by index).
QList<qsizetype> longestPathLayers(const Dag &dag, QList<qsizetype> *order)
{
    const qsizetype n = dag.successors.size();
    QList<qsizetype> pending(n);
    for (qsizetype v = 0; v < n; ++v) {
        pending[v] = dag.predecessors.at(v).size();
        if (pending.at(v) == 0)
            order->append(v);
    }
    QList<qsizetype> layer(n, 0);
    for (qsizetype head = 0; head < order->size(); ++head) {
        const qsizetype v = order->at(head);
        for (const qsizetype w : dag.successors.at(v)) {
            layer[w] = std::max(layer.at(w), layer.at(v) + 1);
            if (--pending[w] == 0)
                order->append(w);
        }
    }
    return layer;
}

class Ordering
{
public:
    Ordering(const Dag &dag, const QList<qsizetype> &layerOf, const QList<qsizetype> &order)
        : m_dag(dag)
        , m_layerOf(layerOf)
        , m_position(layerOf.size())
    {
        const qsizetype count
            = layerOf.isEmpty() ? 0 : *std::max_element(layerOf.cbegin(), layerOf.cend()) + 1;
        m_layers.resize(count);
        for (const qsizetype v : order)
            m_layers[layerOf.at(v)] << v;
        for (qsizetype l = 0; l < count; ++l)
            renumber(l);
    }

    void sweep()
    {
        for (qsizetype l = 1; l < m_layers.size(); ++l)
            sortByBarycenter(l, m_dag.predecessors);
        for (qsizetype l = m_layers.size() - 2; l >= 0; --l)
            sortByBarycenter(l, m_dag.successors);
    }

    const QList<QList<qsizetype>> &layers() const { return m_layers; }

private:
    // Centred, so layers of different sizes compare: the middle of each is 0.
    double centred(qsizetype v) const
    {
        return m_position.at(v) - (m_layers.at(m_layerOf.at(v)).size() - 1) / 2.0;
    }

    void renumber(qsizetype l)
    {
        for (qsizetype i = 0; i < m_layers.at(l).size(); ++i)
            m_position[m_layers.at(l).at(i)] = i;
    }

    // A node without neighbours on that side keeps its place; ties keep the current order.
    void sortByBarycenter(qsizetype l, const Adjacency &neighbours)
    {
        QList<std::pair<double, qsizetype>> keyed;
        keyed.reserve(m_layers.at(l).size());
        for (const qsizetype v : std::as_const(m_layers.at(l))) {
            const QList<qsizetype> &near = neighbours.at(v);
            double key = centred(v);
            if (!near.isEmpty()) {
                double sum = 0;
                for (const qsizetype u : near)
                    sum += centred(u);
                key = sum / near.size();
            }
            keyed.append({key, v});
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            return a.first < b.first;
        });
        for (qsizetype i = 0; i < keyed.size(); ++i)
            m_layers[l][i] = keyed.at(i).second;
        renumber(l);
    }

    const Dag &m_dag;
    const QList<qsizetype> &m_layerOf;
    QList<qsizetype> m_position; // index within its layer
    QList<QList<qsizetype>> m_layers;
};

// Rows of one layer: each node as near its predecessors' mean row as the order and the spacing
// allow. Pushing down from the top and up from the bottom gives two valid placements; their
// mean is valid too and favours neither end.
void placeLayer(const QList<qsizetype> &layer,
                const Adjacency &predecessors,
                double step,
                QList<double> *y)
{
    const qsizetype k = layer.size();
    QList<double> wanted(k);
    for (qsizetype i = 0; i < k; ++i) {
        const QList<qsizetype> &near = predecessors.at(layer.at(i));
        double sum = 0;
        for (const qsizetype u : near)
            sum += y->at(u);
        wanted[i] = near.isEmpty() ? (i - (k - 1) / 2.0) * step : sum / near.size();
    }
    QList<double> down(wanted);
    for (qsizetype i = 1; i < k; ++i)
        down[i] = std::max(wanted.at(i), down.at(i - 1) + step);
    QList<double> up(wanted);
    for (qsizetype i = k - 2; i >= 0; --i)
        up[i] = std::min(wanted.at(i), up.at(i + 1) - step);
    for (qsizetype i = 0; i < k; ++i)
        (*y)[layer.at(i)] = (down.at(i) + up.at(i)) / 2;
}

} // namespace

bool isFeedbackEdge(const PipelineGraph &graph, const PipelineEdge &edge)
{
    const PipelineNode *from = graph.node(edge.from.node);
    const NodeKind *kind = from ? graph.catalog()->kind(from->kind) : nullptr;
    return kind && kind->feedback;
}

QHash<QString, QPointF> layout(const PipelineGraph &graph, const Options &options)
{
    const QList<PipelineNode> &nodes = graph.nodes();
    if (nodes.isEmpty())
        return {};
    const Dag dag = withoutBackArcs(forwardArcs(graph));
    QList<qsizetype> order;
    const QList<qsizetype> layerOf = longestPathLayers(dag, &order);
    Ordering ordering(dag, layerOf, order);
    for (int i = 0; i < options.sweeps; ++i)
        ordering.sweep();

    const double step = options.nodeSize.height() + options.rowGap;
    QList<double> y(nodes.size(), 0);
    for (const QList<qsizetype> &layer : ordering.layers())
        placeLayer(layer, dag.predecessors, step, &y);

    // Keep the old top-left corner, in whole units so arranging twice moves nothing.
    QPointF origin(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    for (const PipelineNode &node : nodes)
        origin = QPointF(std::min(origin.x(), node.pos.x()), std::min(origin.y(), node.pos.y()));
    origin = QPointF(std::round(origin.x()), std::round(origin.y()));
    const double top = *std::min_element(y.cbegin(), y.cend());
    const double column = options.nodeSize.width() + options.layerGap;

    QHash<QString, QPointF> positions;
    positions.reserve(nodes.size());
    for (qsizetype v = 0; v < nodes.size(); ++v) {
        positions.insert(
            nodes.at(v).id,
            origin + QPointF(std::round(layerOf.at(v) * column), std::round(y.at(v) - top)));
    }
    return positions;
}

} // namespace PipelineAutoLayout
