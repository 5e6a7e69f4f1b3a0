#pragma once

#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QString>

class PipelineGraph;
struct PipelineEdge;

// Arrange: a layered left-to-right drawing of a pipeline's nodes (Sugiyama style, without
// dummy nodes). Layers are longest paths over the graph without its feedback edges (and
// without any edge that closes another loop, so a broken pipeline still gets a picture);
// barycenter sweeps order each layer to cut crossings; rows are placed near their neighbours
// without overlapping. Deterministic, and O((nodes + edges) log nodes) per sweep.
namespace PipelineAutoLayout {

struct Options
{
    QSizeF nodeSize{200, 96}; // what the canvas draws
    qreal layerGap = 80;      // between columns
    qreal rowGap = 40;        // between nodes in a column
    int sweeps = 4;           // down-and-up passes of barycenter ordering
};

// An edge out of a stage whose kind is marked "feedback" in the catalog (a Retrain trigger): it
// starts an earlier stage again, closing the one loop a pipeline may have, so it runs right to
// left.
bool isFeedbackEdge(const PipelineGraph &graph, const PipelineEdge &edge);

// New top-left positions of every node, by id; the drawing keeps the nodes' old top-left
// corner. Annotations are not moved.
QHash<QString, QPointF> layout(const PipelineGraph &graph, const Options &options = {});

} // namespace PipelineAutoLayout
