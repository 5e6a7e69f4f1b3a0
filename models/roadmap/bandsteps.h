#pragma once

#include "roadmap/bandlayout.h"

// The two passes of BandLayout::compute, kept apart to keep each file short.

// Reorders each column by barycenter sweeps, keeping the order with the fewest crossings.
void orderBandColumns(BandLayout &band);

// Gives every node its top: columns are stacked, centred, then aligned with their neighbours.
void placeBandColumns(BandLayout &band, double rowGap);
