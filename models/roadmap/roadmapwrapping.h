#pragma once

#include "roadmap/layereddag.h"
#include "roadmap/roadmaplayout.h"

#include <QList>
#include <QSizeF>

// How the layers of a roadmap are cut into columns and the columns into bands (rows), so that
// a long chain or a tall layer does not give a picture of absurd proportions.

// One column per layer, or several side by side for a layer with more than `maxRows` sections.
QList<QList<int>> layerColumns(const LayeredDag &dag, int maxRows);

// Consecutive columns in `bandCount` bands, the first ones taking the remainder.
QList<QList<QList<int>>> splitIntoBands(const QList<QList<int>> &columns, int bandCount);

// How far the proportions of `size` are from `targetAspectRatio`, as |log(ratio)|: 0 is exact.
double aspectError(QSizeF size, double targetAspectRatio);

struct WrapChoice
{
    int maxRows = 1;
    int bandCount = 1;
};

// The wrapping whose estimated size (sections stacked, edges ignored) comes closest to the
// target aspect ratio; the simpler one on a tie.
WrapChoice estimateWrap(const LayeredDag &dag,
                        const QList<double> &sectionHeights,
                        const RoadmapMetrics &metrics);
