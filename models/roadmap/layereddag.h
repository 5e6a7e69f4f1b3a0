#pragma once

#include "curriculum/curriculum.h"

#include <QList>

// The prerequisite graph of a curriculum as section indices, reduced to a DAG that is safe to
// lay out: unknown ids, self-references, duplicates and edges that would close a cycle are
// dropped, so a broken file still gives a picture instead of a hang.
struct LayeredDag
{
    QList<QList<int>> prerequisites; // per section, the kept ones, in the section's own order
    QList<QList<int>> dependents;    // per section, in curriculum order
    QList<int> layers;               // longest path from a section without prerequisites
    int layerCount = 0;

    static LayeredDag build(const QList<Section> &sections);
};
