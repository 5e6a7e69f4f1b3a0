#pragma once

#include "pipeline/import/importedpipeline.h"

#include <QString>

#include <yaml-cpp/yaml.h>

// One reader a format (README "Opening other pipelines"): each recognises its documents and reads
// one into an ImportedPipeline; finishImport() does the rest the same way for all.
struct PipelineImporter
{
    PipelineImport::Format format;
    const char *id;   // "github-actions": the --from value and a node source's format
    const char *name; // "GitHub Actions"
    // How sure the content makes it (0: not this format; 2: only this format has these keys).
    int (*recognise)(const YAML::Node &document);
    // True when the file's name is the one this format's files usually have.
    bool (*isUsualName)(const QString &path);
    void (*read)(const YAML::Node &document, ImportedPipeline &out);
};

namespace Importers {
const PipelineImporter &gitHubActions();
const PipelineImporter &argo();
const PipelineImporter &gitLabCi();
const PipelineImporter &dvc();
const PipelineImporter &tekton();
const PipelineImporter &kubeflow();
} // namespace Importers
