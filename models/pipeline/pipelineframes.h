#pragma once

#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelineundocommands.h"

#include <QHash>
#include <QRectF>
#include <QString>

class PipelineGraph;

// What a group frame holds and what a note annotates, and how both follow their stages. The one
// place these rules live; Auto-arrange, a drag and an import all use them.
//
// Membership, read from the canvas before an operation changes it:
// - a stage belongs to the innermost (smallest) frame that contains its centre;
// - a frame belongs to the smallest other frame that wholly contains it;
// - a note annotates the stage nearest to it (the gap between their rects; the first in the
//   graph's order on a tie), and keeps its offset from that stage's top-left corner.
namespace PipelineFrames {

struct Membership
{
    PipelineAutoLayout::Clusters clusters;
    QHash<QString, QString> stageOfNote; // note id -> node id
};

Membership membership(const PipelineGraph &graph, const PipelineAutoLayout::Options &options);

// Auto-arrange: stages laid out with every frame as a block round its members (title band
// clear of them), nested frames inside their parents, notes beside their stages. One
// MoveItemsCommand applies it, so it is one undo step.
ItemPositions arrange(const PipelineGraph &graph, const PipelineAutoLayout::Options &options);

// The rect of a frame fitted round `members` (the union of its members' rects).
QRectF frameAround(const QRectF &members);

// A move of stages (a drag, a nudge) with the frames it changes: a frame grows to keep enclosing
// a member that moved and still overlaps it, and its parents grow round it; a member dropped
// wholly outside its frame leaves it, and the frame stays as it was. Frames never shrink on a
// move (the user sized them). Frames moved by `move` itself are taken where they land.
ItemPositions followMove(const PipelineGraph &graph,
                         const ItemPositions &move,
                         const PipelineAutoLayout::Options &options);

} // namespace PipelineFrames
