#pragma once

#include "pipeline/pipelinefile.h"

#include <QList>
#include <QString>

class NodeCatalog;

// A ready-made pipeline shipped as a .mlpipe resource (curriculum/templates/).
struct PipelineTemplate
{
    QString id;   // "end-to-end": what `pipeline new --template` takes
    QString name; // "End-to-end MLOps pipeline"
    QString description;
    QString resourcePath; // ":/curriculum/templates/end-to-end.mlpipe"
};

namespace PipelineTemplates {

const QList<PipelineTemplate> &all();
QStringList ids();
// By id or display name, ignoring case; nullptr when none matches.
const PipelineTemplate *find(const QString &idOrName);
PipelineFile::ReadResult load(const PipelineTemplate &pipelineTemplate, const NodeCatalog &catalog);

} // namespace PipelineTemplates
