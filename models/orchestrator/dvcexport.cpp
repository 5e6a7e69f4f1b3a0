#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"
#include "orchestrator/yamlwriter.h"
#include "pipeline/import/stagemarkers.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace DvcExport {

namespace {

using ExportEscapes::dvc;

// DVC orders stages by their files only: a stage runs after another when it depends on one of its
// outputs (https://dvc.org/doc/user-guide/pipelines/defining-pipelines). A step that another
// follows without taking an artifact from it (an ordering edge) writes this file when it
// succeeds, and the follower depends on it. Not a port id: those hold no '.'.
QString finishedPath(const ExportPlan &plan, qsizetype step)
{
    return plan.artifactPath(step, u".finished"_s);
}

// The steps `step` runs after without taking an artifact from them, in the plan's order.
QList<qsizetype> orderingUpstream(const ExportStep &step)
{
    QList<qsizetype> upstream = step.upstream;
    for (const ExportInput &input : step.inputs)
        upstream.removeAll(input.producer);
    return upstream;
}

// The steps some other step follows without taking an artifact from them.
QSet<qsizetype> followedInOrder(const ExportPlan &plan)
{
    QSet<qsizetype> followed;
    for (const ExportStep &step : plan.steps)
        for (const qsizetype upstream : orderingUpstream(step))
            followed.insert(upstream);
    return followed;
}

// The command as DVC runs it, through the shell: the artifact paths in variables first, then
// the argv as shell words; DVC's escape goes over all of it.
QString command(const ExportPlan &plan, const ExportStep &step, bool followed)
{
    const qsizetype self = &step - plan.steps.constData();
    QStringList words;
    for (const ExportInput &input : step.inputs)
        words << input.envName + u'=' + plan.artifactPath(input.producer, input.producerPortId);
    for (const ExportOutput &output : step.outputs)
        words << output.envName + u'=' + plan.artifactPath(self, output.portId);
    words << ExportEscapes::shellCommand(step.command);
    QString line = words.join(u' ');
    if (followed) {
        const QString finished = finishedPath(plan, self);
        line += u" && mkdir -p %1 && touch %2"_s.arg(finished.section(u'/', 0, -2), finished);
    }
    return dvc(line);
}

void writeStage(YamlWriter &yaml, const ExportPlan &plan, const ExportStep &step, bool followed)
{
    const qsizetype self = &step - plan.steps.constData();
    yaml.key(step.id);
    yaml.beginMap();
    yaml.entry(u"desc"_s, dvc(step.name));
    yaml.entry(u"cmd"_s, command(plan, step, followed));
    QStringList deps;
    for (const ExportInput &input : step.inputs)
        deps << plan.artifactPath(input.producer, input.producerPortId);
    for (const qsizetype upstream : orderingUpstream(step))
        deps << finishedPath(plan, upstream);
    if (!deps.isEmpty())
        yaml.list(u"deps"_s, deps);
    QStringList params;
    for (const ExportParameter &parameter : step.parameters)
        params << step.id + u'.' + parameter.keyId;
    if (!params.isEmpty())
        yaml.list(u"params"_s, params);
    QStringList outs;
    for (const ExportOutput &output : step.outputs)
        outs << plan.artifactPath(self, output.portId);
    if (followed)
        outs << finishedPath(plan, self);
    if (!outs.isEmpty())
        yaml.list(u"outs"_s, outs);
    yaml.key(u"meta"_s);
    yaml.beginMap();
    // The stage's name and kind for an import to read back: the stage id is sanitized.
    yaml.entry(StageMarkers::MetaName.toString(), dvc(step.name));
    yaml.entry(StageMarkers::MetaKind.toString(), dvc(step.kind));
    if (!step.tool.isEmpty())
        yaml.entry(u"tool"_s, dvc(step.tool));
    yaml.entry(u"image"_s, dvc(step.image));
    if (!step.notes.isEmpty())
        yaml.entry(u"notes"_s, dvc(step.notes));
    yaml.endMap();
    yaml.endMap();
}

QByteArray pipelineFile(const ExportPlan &plan)
{
    YamlWriter yaml;
    const QStringList header{
        u"A DVC pipeline exported by MLOps Roadmap Studio; its parameters are in params.yaml."_s,
        u"Run it with `dvc repro` in a DVC repository (git init && dvc init)."_s,
        u"Each stage writes its outputs under artifacts/; its command finds their paths in "
        "MLOPS_INPUT_* and MLOPS_OUTPUT_* variables and reads its parameters from params.yaml."_s};
    yaml.comment((header + plan.feedbackNotes()).join(u'\n'));
    yaml.beginMap();
    yaml.key(u"stages"_s);
    yaml.beginMap();
    const QSet<qsizetype> followed = followedInOrder(plan);
    for (qsizetype s = 0; s < plan.steps.size(); ++s)
        writeStage(yaml, plan, plan.steps.at(s), followed.contains(s));
    yaml.endMap();
    yaml.endMap();
    return yaml.toUtf8();
}

// Plain data, which DVC does not interpolate: the values stay as written.
QByteArray parameterFile(const ExportPlan &plan)
{
    YamlWriter yaml;
    yaml.comment(u"Parameters of the stages in dvc.yaml, exported by MLOps Roadmap Studio."_s);
    yaml.beginMap();
    for (const ExportStep &step : plan.steps) {
        if (step.parameters.isEmpty())
            continue;
        yaml.key(step.id);
        yaml.beginMap();
        for (const ExportParameter &parameter : step.parameters)
            yaml.entry(parameter.keyId, parameter.value);
        yaml.endMap();
    }
    yaml.endMap();
    return yaml.toUtf8();
}

} // namespace

ExportNaming naming()
{
    return {ExportNames::Style::Snake, ExportNames::Style::Snake, {}, {}};
}

QList<ExportedFile> write(const ExportPlan &plan)
{
    QList<ExportedFile> files{{u"dvc.yaml"_s, pipelineFile(plan)}};
    if (!plan.parameters().isEmpty())
        files.append({u"params.yaml"_s, parameterFile(plan)});
    return files;
}

} // namespace DvcExport
