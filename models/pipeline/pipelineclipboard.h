#pragma once

#include "pipeline/pipelinegraph.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

class QMimeData;

// Copy, cut, paste and duplicate of pipeline items. A copied selection is a .mlpipe fragment:
// the selected nodes and annotations, with only the edges among the selected nodes. Pasting
// plans what an AddItemsCommand adds: fresh ids, unique names, remapped edges, moved items.
namespace PipelineClipboard {

inline constexpr QStringView MimeType = u"application/x-mlops-studio-pipeline";
inline constexpr QPointF DuplicateOffset{40, 40};

// The fragment, in the graph's order; ids the graph lacks are skipped.
QByteArray
copy(const PipelineGraph &graph, const QStringList &nodeIds, const QStringList &annotationIds);
// The fragment under MimeType, and as text too, so a text editor gets the JSON.
QMimeData *
mimeData(const PipelineGraph &graph, const QStringList &nodeIds, const QStringList &annotationIds);
bool canPaste(const QMimeData *mimeData);

struct PastePlan
{
    bool ok = false;
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    QList<PipelineAnnotation> annotations;
    QString errorMessage;
};

// Reads a fragment (or a whole .mlpipe file) against the graph's catalog: a node of a kind the
// catalog lacks, or anything that is not a pipeline, fails; so does a fragment with nothing in
// it. Positions move by `offset`.
PastePlan planPaste(const QByteArray &fragment, const PipelineGraph &graph, QPointF offset);
// Prefers MimeType; plain text is accepted when it is a whole pipeline file.
PastePlan planPaste(const QMimeData *mimeData, const PipelineGraph &graph, QPointF offset);
// Copy and paste in one go, DuplicateOffset down and to the right.
PastePlan planDuplicate(const PipelineGraph &graph,
                        const QStringList &nodeIds,
                        const QStringList &annotationIds);

} // namespace PipelineClipboard
