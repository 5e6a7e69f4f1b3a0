#pragma once

#include "pipeline/pipelinevalidator.h"
#include "support/exportedfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class PipelineGraph;

// The engines a pipeline exports to, so a design on the canvas runs for real.
enum class ExportTarget { Argo, Airflow, GitHubActions, GitLabCi, Dvc };

// Turns a valid pipeline into what an orchestrator runs: an Argo Workflow, an Airflow DAG file,
// a GitHub Actions workflow, a .gitlab-ci.yml, or a dvc.yaml with its params.yaml. README
// "Orchestrator export" explains each; ExportPlan holds what they share.
namespace OrchestratorExport {

struct TargetInfo
{
    ExportTarget target;
    QString id;   // "argo", "airflow", "github-actions", "gitlab-ci", "dvc": what --to takes
    QString name; // "Argo Workflows"
};

const QList<TargetInfo> &targets();
const TargetInfo &info(ExportTarget target);
std::optional<ExportTarget> targetFromId(const QString &id);

struct Result
{
    // The main file first (the workflow, the DAG, dvc.yaml), then any it needs beside it.
    QList<ExportedFile> files;
    // Why the pipeline was refused: its validation errors. Empty when files were written.
    QList<PipelineFinding> problems;
    // What the pipeline has that the export does not carry, one sentence each: what an imported
    // pipeline kept from its source (triggers, runs-on, rules, steps other than its commands …),
    // a dependency's condition, a stage running its kind's default image or command. Shown with
    // the export (standard error, the export dialog), never dropped silently.
    QStringList notCarried;

    bool ok() const { return problems.isEmpty(); }
};

// `title` names the pipeline (its file name without the extension): the workflow or DAG name.
Result exportPipeline(const PipelineGraph &graph, const QString &title, ExportTarget target);

} // namespace OrchestratorExport
