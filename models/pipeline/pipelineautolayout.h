#pragma once

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

class PipelineGraph;
struct PipelineEdge;
struct PipelineNode;

// Arrange: a layered left-to-right drawing of a pipeline's nodes (Sugiyama style) that uses a
// target aspect ratio. Layers are longest paths over the graph without its feedback edges (and
// without any edge that closes another loop, so a broken pipeline still gets a picture); a layer
// taller than the drawing should be spills into the next column; an edge skipping layers gets a
// dummy node in each, so it has a lane of its own; barycenter sweeps order each layer to cut
// crossings; rows are placed near their neighbours without overlapping. Then the columns wrap
// into bands, read left to right and top to bottom like text, as many columns a band as brings
// the whole drawing nearest the target aspect.
//
// Clusters (group frames) are laid out as blocks: each frame's members first, as a drawing of
// their own, then the frame round them is one box among its parent's members. So members stay
// together, nested frames sit inside their parents and sibling frames never overlap.
// Deterministic; O((nodes + dummies) log nodes) per sweep, plus O(layers²) to choose the bands.
namespace PipelineAutoLayout {

struct Options
{
    QSizeF nodeSize{200, 96}; // what the canvas draws, for a node nodeSizeOf does not answer
    qreal layerGap = 80;      // between columns
    qreal rowGap = 40;        // between nodes in a column, and between bands
    int sweeps = 4;           // down-and-up passes of barycenter ordering
    // Width over height the drawing aims at (16:9 is a window, a slide); 0 keeps one row.
    qreal targetAspect = 16.0 / 9.0;
    // The real size of a node (names wrap, so heights differ); empty means nodeSize for all.
    std::function<QSizeF(const PipelineNode &)> nodeSizeOf;

    QSizeF sizeOf(const PipelineNode &node) const;
};

// The room a group frame leaves round its members: its sides, and the title band on top.
constexpr qreal FramePadding = 24;
constexpr qreal FrameTitleRoom = 36;

// What belongs to which group frame (annotation ids): a node to the innermost frame it sits
// in, a frame to the frame it is nested in. Frames missing from both are laid out empty.
// PipelineFrames::membership derives it from the canvas; an import knows it from the file.
struct Clusters
{
    QHash<QString, QString> frameOfNode;
    QHash<QString, QString> parentOfFrame;
    // Top-level frames that must follow one another in this order (GitLab's stages).
    QStringList frameSequence;
};

struct Arrangement
{
    QHash<QString, QPointF> nodes; // new top-left of every node
    QHash<QString, QRectF> frames; // new rect of every clustered frame
};

// An edge out of a stage whose kind is marked "feedback" in the catalog (a Retrain trigger): it
// starts an earlier stage again, closing the one loop a pipeline may have, so it runs right to
// left.
bool isFeedbackEdge(const PipelineGraph &graph, const PipelineEdge &edge);

// Nodes and the frames of `clusters` (their current rects give their size when empty); the
// drawing keeps the old top-left corner of the nodes and frames. Notes are not moved: see
// PipelineFrames::arrange, which moves them with their stages.
Arrangement
arrange(const PipelineGraph &graph, const Clusters &clusters, const Options &options = {});

// New top-left positions of every node, by id, without frames.
QHash<QString, QPointF> layout(const PipelineGraph &graph, const Options &options = {});

} // namespace PipelineAutoLayout
