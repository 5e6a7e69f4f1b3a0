#pragma once

#include <QList>
#include <QSizeF>

#include <utility>

// The layered ("Sugiyama") steps of PipelineAutoLayout on a graph of boxes numbered 0..n-1:
// break cycles, assign layers, cut long arcs into one-layer pieces through dummy boxes, and order
// each layer by barycentres to cut crossings. Placing the boxes is PipelineAutoLayout's.
namespace LayeredGraph {

using Adjacency = QList<QList<qsizetype>>;

struct Dag
{
    Adjacency successors;
    Adjacency predecessors;
};

// Drops the arcs a depth-first search finds going back to a node on its path: what remains
// has no cycle. Iterative, so a 5,000-stage chain cannot overflow the stack.
Dag withoutBackArcs(const Adjacency &arcs);

// Longest path from a node without predecessors, except that a layer already as tall as
// `maxHeight` sends the next box on to a later one.
QList<qsizetype> cappedLayers(const Dag &dag, const QList<QSizeF> &sizes, double maxHeight);

// Each arc spanning several layers is cut into one-layer arcs through dummies (size 0) appended
// after the boxes; returns the layer of every box and dummy. Dummies grow with the arcs times
// their spans (a complete DAG of n stages would need n^3/6), so at most MaxDummies are made: the
// shortest arcs get theirs, and arcs longer than the budget allows are left out of the ordering
// (their layers are already set; the canvas still routes them).
inline constexpr qsizetype MaxDummies = 250000;
QList<qsizetype> addDummies(Dag &dag, QList<qsizetype> layerOf, QList<QSizeF> &sizes);

// The boxes of each layer, in an order that sweeps of barycentre sorting improve.
class Ordering
{
public:
    Ordering(const Dag &dag, const QList<qsizetype> &layerOf);

    void sweep(); // down, then up
    const QList<QList<qsizetype>> &layers() const { return m_layers; }

private:
    void renumber(qsizetype l);
    void sortByBarycenter(qsizetype l, const Adjacency &neighbours);

    const Dag &m_dag;
    QList<double> m_centred; // place in its layer, the layer's middle at 0
    QList<QList<qsizetype>> m_layers;
    QList<std::pair<double, qsizetype>> m_keyed; // reused: no allocation a layer
    QList<qsizetype> m_previous;                 // likewise
};

} // namespace LayeredGraph
