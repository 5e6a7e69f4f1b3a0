#pragma once

#include "roadmap/layereddag.h"

#include <QList>
#include <QMap>
#include <utility>

// One row of columns of a roadmap, laid out Sugiyama-style: edges spanning several columns get
// a dummy node in each column between, the order within each column comes from barycenter
// sweeps, and the vertical positions from aligning each node with its neighbours. x is left
// to the caller: every column has the same width.
struct BandLayout
{
    struct Node
    {
        int section = -1; // index into the curriculum's sections, -1 for a dummy
        int column = 0;
        double height = 0;
        double port = 0; // where edges attach, measured from the node's top
        double top = 0;
        QList<int> preds; // node indices in the previous column
        QList<int> succs; // node indices in the next column
    };

    QList<Node> nodes;
    QList<QList<int>> columns;                     // node indices, top to bottom
    QMap<std::pair<int, int>, QList<int>> dummies; // (prerequisite, dependent) -> dummy nodes

    // `sectionColumns` lists the section indices of each column of this band; edges of `dag`
    // between sections of other bands are left out.
    static BandLayout compute(const QList<QList<int>> &sectionColumns,
                              const LayeredDag &dag,
                              const QList<double> &sectionHeights,
                              double headerHeight,
                              double rowGap);

    double top() const;
    double bottom() const;
};
