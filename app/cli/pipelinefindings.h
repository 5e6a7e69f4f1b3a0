#pragma once

#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinevalidator.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

// Findings as the pipeline commands print them. A finding about a stage of an imported pipeline
// names the line that stage comes from in its source file, as a compiler names a line:
// "ci.yml:12: error: node 'train': … [topic]"; a finding about the whole pipeline, or a stage
// drawn in the app, names only the file.
class PipelineFindingText
{
public:
    // `nodes` must outlive this.
    PipelineFindingText(const QString &path, const QList<PipelineNode> &nodes);

    QString line(const PipelineFinding &finding) const;
    // {"severity", "code", "message", "topic", "node" (its name), "sourceLine"}: the last two
    // only when the finding has them.
    QJsonObject json(const PipelineFinding &finding) const;

private:
    QString m_path;
    QHash<QString, const PipelineNode *> m_nodes;
};
