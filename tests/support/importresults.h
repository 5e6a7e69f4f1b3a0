#pragma once

#include "pipeline/import/pipelineimport.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

// What the importer tests read back from an import's result: nodes by the id their source file
// gives them, edges by those ids, details and warnings.
namespace ImportResults {

using namespace Qt::StringLiterals;

inline const PipelineNode *nodeFromSource(const PipelineImport::Result &result, const QString &id)
{
    for (const PipelineNode &node : result.pipeline.nodes)
        if (node.source.id == id)
            return &node;
    return nullptr;
}

inline QStringList sourceIds(const PipelineImport::Result &result)
{
    QStringList ids;
    for (const PipelineNode &node : result.pipeline.nodes)
        ids << node.source.id;
    return ids;
}

// "a>b" for each edge, by source ids, sorted.
inline QStringList edgesBySource(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node);
    edges.sort();
    return edges;
}

inline QString detail(const PipelineNode *node, const QString &key)
{
    for (const auto &[k, v] : node->details)
        if (k == key)
            return v;
    return {};
}

inline QString pipelineDetail(const PipelineImport::Result &result, const QString &key)
{
    for (const auto &[k, v] : result.pipeline.source.details)
        if (k == key)
            return v;
    return {};
}

// The titles of the group frames in reading order: left to right along a band of the drawing,
// then the bands top to bottom (a band's frames share some height; the next band is below).
inline QStringList stageColumns(const PipelineImport::Result &result)
{
    QList<PipelineAnnotation> frames = result.pipeline.annotations;
    std::stable_sort(frames.begin(), frames.end(), [](const auto &a, const auto &b) {
        if (a.rect.bottom() < b.rect.top() || b.rect.bottom() < a.rect.top())
            return a.rect.top() < b.rect.top();
        return a.rect.x() < b.rect.x();
    });
    QStringList titles;
    for (const PipelineAnnotation &frame : std::as_const(frames))
        titles << frame.text;
    return titles;
}

inline bool hasWarning(const PipelineImport::Result &result, int line, const QString &start)
{
    return std::any_of(result.warnings.cbegin(), result.warnings.cend(), [&](const auto &note) {
        return note.line == line && note.message.startsWith(start);
    });
}

inline QString warningsText(const PipelineImport::Result &result)
{
    QStringList lines;
    for (const PipelineImport::Note &note : result.warnings)
        lines << u"%1: %2"_s.arg(note.line).arg(note.message);
    return lines.join(u'\n');
}

} // namespace ImportResults
