#pragma once

#include "orchestrator/exportnames.h"
#include "pipeline/pipelinevalidator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class PipelineGraph;

// What one target calls things: the style of step, port and parameter names, and the names its
// own generated parts use (so no step takes them).
struct ExportNaming
{
    ExportNames::Style steps = ExportNames::Style::Kebab;
    ExportNames::Style parameters = ExportNames::Style::Kebab;
    QStringList reservedSteps;
    QStringList reservedParameters;
};

struct ExportInput
{
    QString port;           // the input port, as the catalog names it
    QString portId;         // sanitized, unique among the step's inputs
    QString envName;        // MLOPS_INPUT_<PORT>
    qsizetype producer = 0; // the step that feeds it: an index into ExportPlan::steps
    QString producerPortId; // the producer's output, an ExportOutput::portId
};

struct ExportOutput
{
    QString port;
    QString portId;  // sanitized, unique among the step's outputs
    QString envName; // MLOPS_OUTPUT_<PORT>
};

struct ExportParameter
{
    QString key;     // as the user wrote it
    QString value;   // as the user wrote it
    QString keyId;   // sanitized key, unique within the step
    QString id;      // pipeline-wide: the step id and the key (a workflow input, a DAG param)
    QString envName; // MLOPS_PARAM_<KEY>
};

// One stage as every target runs it: a container image and an argv command, the artifacts it
// takes and makes along the edges, its parameters.
struct ExportStep
{
    QString nodeId;
    QString id;   // unique in the plan, in the target's style
    QString name; // the stage's name as the user wrote it
    QString kind;
    QString tool;
    QString image;       // the stage's, or its kind's default
    QStringList command; // argv: the stage's, or its kind's default
    QString notes;
    QList<qsizetype> upstream; // steps it depends on, by index, ascending
    QList<ExportInput> inputs; // in the kind's port order
    QList<ExportOutput> outputs;
    QList<ExportParameter> parameters;
};

// A valid pipeline as the exporters need it, built once so the four targets do not repeat the
// work: steps in a topological order (ties in the graph's order, so the same file always gives
// the same output), names made valid and unique for the target, and the artifact each edge
// carries. The feedback edge out of a Retrain trigger is left out of the DAG: it starts the
// pipeline again rather than waiting for anything.
struct ExportPlan
{
    QString title; // what the user calls the pipeline (its file name)
    QString id;    // the title in the steps' style: a workflow or DAG name
    QList<ExportStep> steps;
    QList<std::pair<qsizetype, qsizetype>> feedback; // retrain trigger -> step it restarts
    // Why the pipeline cannot be exported: its validation errors, or that it is empty. When
    // this is not empty, steps is.
    QList<PipelineFinding> problems;

    bool ok() const { return problems.isEmpty(); }
    // For the header comment of a generated file: one line for each feedback edge left out.
    QStringList feedbackNotes() const;
    // For the header comment: how a step finds its artifacts and parameters.
    static QString variablesNote();
    // Every step's parameters, in step order: what becomes workflow arguments or DAG params.
    QList<std::pair<const ExportStep *, const ExportParameter *>> parameters() const;
    // Where a workspace-based target (GitHub Actions, DVC, Airflow's artifact root) keeps the
    // artifact a step's output makes: "artifacts/<step>/<port>".
    QString artifactPath(qsizetype step, const QString &portId) const;

    static ExportPlan
    build(const PipelineGraph &graph, const QString &title, const ExportNaming &naming);
};
