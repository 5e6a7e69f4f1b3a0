#pragma once

#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// What the Argo importer's tests share (tst_argoimport, tst_argotasks, tst_argonesting): a text
// imported as a file, its nodes, edges, frames, details and warnings found by the ids and words of
// the file, and the workflow most tests write their tasks into.
namespace ArgoImportFixtures {

using namespace Qt::StringLiterals;

inline PipelineImport::Result
importText(const QByteArray &yaml, std::optional<PipelineImport::Format> format = std::nullopt)
{
    return PipelineImport::importData(yaml, u"workflow.yaml"_s, NodeCatalog::builtIn(), format);
}

inline const PipelineNode *nodeFromSource(const PipelineImport::Result &result, const QString &id)
{
    for (const PipelineNode &node : result.pipeline.nodes)
        if (node.source.id == id)
            return &node;
    return nullptr;
}

inline QHash<QString, QString> sourceIds(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    return idOf;
}

// "a>b" for each edge, by source ids, sorted.
inline QStringList edgesBySource(const PipelineImport::Result &result)
{
    const QHash<QString, QString> idOf = sourceIds(result);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node);
    edges.sort();
    return edges;
}

// "a>b: condition" for each edge that has one, sorted.
inline QStringList conditionsBySource(const PipelineImport::Result &result)
{
    const QHash<QString, QString> idOf = sourceIds(result);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        if (!edge.condition.isEmpty())
            edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node) + u": "_s
                         + edge.condition;
    edges.sort();
    return edges;
}

inline QString detail(const KeyValueList &details, const QString &key)
{
    for (const auto &[k, v] : details)
        if (k == key)
            return v;
    return {};
}

inline QString detail(const PipelineNode *node, const QString &key)
{
    return node ? detail(node->details, key) : QString();
}

inline QStringList frameTitles(const PipelineImport::Result &result)
{
    QStringList titles;
    for (const PipelineAnnotation &annotation : result.pipeline.annotations)
        if (annotation.kind == PipelineAnnotation::Kind::Group)
            titles << annotation.text;
    titles.sort();
    return titles;
}

inline const PipelineAnnotation *frame(const PipelineImport::Result &result, const QString &title)
{
    for (const PipelineAnnotation &annotation : result.pipeline.annotations)
        if (annotation.text == title)
            return &annotation;
    return nullptr;
}

// The warning whose message contains `text`, or null.
inline const PipelineImport::Note *warning(const PipelineImport::Result &result,
                                           const QString &text)
{
    for (const PipelineImport::Note &note : result.warnings)
        if (note.message.contains(text))
            return &note;
    return nullptr;
}

inline QString warningsText(const PipelineImport::Result &result)
{
    QStringList lines;
    for (const PipelineImport::Note &note : result.warnings)
        lines << u"%1: %2"_s.arg(note.line).arg(note.message);
    return lines.join(u'\n');
}

// A Workflow whose entrypoint is the DAG `main` of `tasks` (YAML lines indented by 6), with the
// leaf template `echo` they call.
inline QByteArray dagWorkflow(const QByteArray &tasks, const QByteArray &more = {})
{
    return "apiVersion: argoproj.io/v1alpha1\n"
           "kind: Workflow\n"
           "metadata: {generateName: dag-}\n"
           "spec:\n"
           "  entrypoint: main\n"
           "  templates:\n"
           "  - name: main\n"
           "    dag:\n"
           "      tasks:\n"
           + tasks
           + "  - name: echo\n"
             "    container: {image: alpine:3.7, command: [echo, hi]}\n"
           + more;
}

} // namespace ArgoImportFixtures
