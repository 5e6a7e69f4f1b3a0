#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"
#include "orchestrator/yamlwriter.h"

using namespace Qt::StringLiterals;

namespace DvcExport {

namespace {

using ExportEscapes::dvc;

// The command as DVC runs it, through the shell: the artifact paths in variables first, then
// the argv as shell words; DVC's escape goes over all of it.
QString command(const ExportPlan &plan, const ExportStep &step)
{
    const qsizetype self = &step - plan.steps.constData();
    QStringList words;
    for (const ExportInput &input : step.inputs)
        words << input.envName + u'=' + plan.artifactPath(input.producer, input.producerPortId);
    for (const ExportOutput &output : step.outputs)
        words << output.envName + u'=' + plan.artifactPath(self, output.portId);
    words << ExportEscapes::shellCommand(step.command);
    return dvc(words.join(u' '));
}

void writeStage(YamlWriter &yaml, const ExportPlan &plan, const ExportStep &step)
{
    const qsizetype self = &step - plan.steps.constData();
    yaml.key(step.id);
    yaml.beginMap();
    yaml.entry(u"desc"_s, dvc(step.name));
    yaml.entry(u"cmd"_s, command(plan, step));
    QStringList deps;
    for (const ExportInput &input : step.inputs)
        deps << plan.artifactPath(input.producer, input.producerPortId);
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
    if (!outs.isEmpty())
        yaml.list(u"outs"_s, outs);
    yaml.key(u"meta"_s);
    yaml.beginMap();
    yaml.entry(u"kind"_s, dvc(step.kind));
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
    for (const ExportStep &step : plan.steps)
        writeStage(yaml, plan, step);
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
