#pragma once

#include "pipeline/pipelinegraph.h"

#include <QByteArray>
#include <QList>
#include <QString>

class NodeCatalog;

// The pipeline file format (.mlpipe, README "Pipeline files"): JSON with "format":
// "mlops-studio-pipeline" and "version": 2, holding nodes, edges and annotations, and for an
// imported pipeline its source. Version 2 added the sources, details, badges and ordering edges;
// version 1 files read as before.
namespace PipelineFile {

inline constexpr QStringView FormatName = u"mlops-studio-pipeline";
inline constexpr int FormatVersion = 2;
inline constexpr QStringView Suffix = u"mlpipe";
// Far above any hand-made pipeline (5,000 nodes take about 2 MB): a bigger file is a mistake.
inline constexpr qint64 MaxFileBytes = qint64(50) * 1000 * 1000;

struct ReadResult
{
    bool ok = false;
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    QList<PipelineAnnotation> annotations;
    PipelineSource source;
    int errorLine = 0;    // 1-based, 0 when the problem is not tied to a line
    QString errorMessage; // with the JSON path: "edges[2].to.port: 'Train' has no input 'x'"
};

// Checks structure, not pipeline rules: ids unique, kinds in the catalog, edges between
// existing nodes and ports. Type mismatches and cycles load, for validation to explain.
ReadResult read(const QByteArray &json, const NodeCatalog &catalog);
// Reads a file; errorMessage then starts with the path ("a.mlpipe:3: invalid JSON …").
ReadResult load(const QString &path, const NodeCatalog &catalog);

// Indented, keys in a fixed order, ends with a newline.
QByteArray write(const QList<PipelineNode> &nodes,
                 const QList<PipelineEdge> &edges,
                 const QList<PipelineAnnotation> &annotations,
                 const PipelineSource &source = {});
QByteArray write(const PipelineGraph &graph);
// Atomic (AtomicFile): the old file stays whole until the new one is complete. On failure
// returns false and sets `error`, which names the file.
bool save(const QString &path, const QByteArray &data, QString *error);
bool save(const QString &path, const PipelineGraph &graph, QString *error);

} // namespace PipelineFile
