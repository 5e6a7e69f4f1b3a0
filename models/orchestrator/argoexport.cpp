#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"
#include "orchestrator/yamlwriter.h"
#include "pipeline/import/stagemarkers.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ArgoExport {

namespace {

const QString DagTemplate = u"pipeline"_s;

QString inputPath(const ExportInput &input)
{
    return u"/mlops/inputs/"_s + input.portId;
}

QString outputPath(const ExportOutput &output)
{
    return u"/mlops/outputs/"_s + output.portId;
}

// Everything user-written that a container of the step gets, escaped for Argo and Kubernetes:
// whether the escapes need the brace variable is known before the env list is written.
struct ContainerText
{
    QStringList command;
    QString name;
    QString notes;
    bool usesBrace = false;

    ContainerText(const ExportStep &step, const QHash<QString, QString> &parameterValues)
    {
        for (const QString &argument : step.command)
            command << ExportEscapes::argo(argument, &usesBrace);
        name = ExportEscapes::argo(step.name, &usesBrace);
        notes = ExportEscapes::argo(step.notes, &usesBrace);
        for (const ExportParameter &parameter : step.parameters)
            usesBrace |= parameterValues.value(parameter.id).contains(ExportEscapes::BraceVariable);
    }
};

void writeEnv(YamlWriter &yaml, const QString &name, const QString &value)
{
    yaml.beginMap();
    yaml.entry(u"name"_s, name);
    yaml.entry(u"value"_s, value);
    yaml.endMap();
}

void writeArtifacts(YamlWriter &yaml,
                    const QString &key,
                    const QList<std::pair<QString, QString>> &artifacts,
                    const QString &source)
{
    yaml.key(key);
    yaml.beginMap();
    yaml.key(u"artifacts"_s);
    yaml.beginList();
    for (const auto &[name, location] : artifacts) {
        yaml.beginMap();
        yaml.entry(u"name"_s, name);
        yaml.entry(source, location);
        yaml.endMap();
    }
    yaml.endList();
    yaml.endMap();
}

void writeTask(YamlWriter &yaml, const ExportPlan &plan, const ExportStep &step)
{
    yaml.beginMap();
    yaml.entry(u"name"_s, step.id);
    yaml.entry(u"template"_s, step.id);
    QStringList depends;
    for (const qsizetype upstream : step.upstream)
        depends << plan.steps.at(upstream).id;
    if (!depends.isEmpty())
        yaml.entry(u"depends"_s, depends.join(u" && "_s));
    if (!step.inputs.isEmpty()) {
        QList<std::pair<QString, QString>> artifacts;
        for (const ExportInput &input : step.inputs)
            artifacts.append({input.portId,
                              u"{{tasks.%1.outputs.artifacts.%2}}"_s.arg(
                                  plan.steps.at(input.producer).id, input.producerPortId)});
        writeArtifacts(yaml, u"arguments"_s, artifacts, u"from"_s);
    }
    yaml.endMap();
}

void writeDag(YamlWriter &yaml, const ExportPlan &plan)
{
    yaml.beginMap();
    yaml.entry(u"name"_s, DagTemplate);
    yaml.key(u"dag"_s);
    yaml.beginMap();
    yaml.key(u"tasks"_s);
    yaml.beginList();
    for (const ExportStep &step : plan.steps)
        writeTask(yaml, plan, step);
    yaml.endList();
    yaml.endMap();
    yaml.endMap();
}

void writeContainer(YamlWriter &yaml, const ExportStep &step, const ContainerText &text)
{
    yaml.key(u"container"_s);
    yaml.beginMap();
    yaml.entry(u"image"_s, step.image);
    yaml.list(u"command"_s, text.command.mid(0, 1), YamlWriter::Layout::FlowWhenShort);
    if (text.command.size() > 1)
        yaml.list(u"args"_s, text.command.mid(1), YamlWriter::Layout::FlowWhenShort);
    yaml.key(u"env"_s);
    yaml.beginList();
    if (text.usesBrace) // first: later values refer to it
        writeEnv(yaml, ExportEscapes::BraceVariable.toString(), u"{"_s);
    writeEnv(yaml, StageMarkers::NameVariable.toString(), text.name);
    if (!step.notes.isEmpty())
        writeEnv(yaml, u"MLOPS_STEP_NOTES"_s, text.notes);
    for (const ExportInput &input : step.inputs)
        writeEnv(yaml, input.envName, inputPath(input));
    for (const ExportOutput &output : step.outputs)
        writeEnv(yaml, output.envName, outputPath(output));
    for (const ExportParameter &parameter : step.parameters)
        writeEnv(yaml, parameter.envName, u"{{workflow.parameters.%1}}"_s.arg(parameter.id));
    yaml.endList();
    yaml.endMap();
}

void writeStepTemplate(YamlWriter &yaml, const ExportStep &step, const ContainerText &text)
{
    yaml.beginMap();
    yaml.entry(u"name"_s, step.id);
    // The stage's kind for an import to read back: a catalog id, nothing for Argo to evaluate.
    yaml.key(u"metadata"_s);
    yaml.beginMap();
    yaml.key(u"annotations"_s);
    yaml.beginMap();
    yaml.entry(StageMarkers::KindAnnotation.toString(), step.kind);
    yaml.endMap();
    yaml.endMap();
    if (!step.inputs.isEmpty()) {
        QList<std::pair<QString, QString>> artifacts;
        for (const ExportInput &input : step.inputs)
            artifacts.append({input.portId, inputPath(input)});
        writeArtifacts(yaml, u"inputs"_s, artifacts, u"path"_s);
    }
    if (!step.outputs.isEmpty()) {
        QList<std::pair<QString, QString>> artifacts;
        for (const ExportOutput &output : step.outputs)
            artifacts.append({output.portId, outputPath(output)});
        writeArtifacts(yaml, u"outputs"_s, artifacts, u"path"_s);
    }
    writeContainer(yaml, step, text);
    yaml.endMap();
}

void writeHeader(YamlWriter &yaml, const ExportPlan &plan)
{
    const QStringList header{u"An Argo Workflow exported by MLOps Roadmap Studio."_s,
                             u"Run it: argo submit --watch %1.argo.yaml (artifacts go through "
                             "the artifact repository of your Argo install)."_s.arg(plan.id),
                             ExportPlan::variablesNote()};
    yaml.comment((header + plan.feedbackNotes()).join(u'\n'));
}

} // namespace

ExportNaming naming()
{
    return {ExportNames::Style::Kebab, ExportNames::Style::Kebab, {DagTemplate}, {}};
}

QList<ExportedFile> write(const ExportPlan &plan)
{
    QHash<QString, QString> parameterValues; // id -> escaped value
    for (const auto &[step, parameter] : plan.parameters()) {
        bool usesBrace = false;
        parameterValues.insert(parameter->id, ExportEscapes::argo(parameter->value, &usesBrace));
    }

    YamlWriter yaml;
    writeHeader(yaml, plan);
    yaml.beginMap();
    yaml.entry(u"apiVersion"_s, u"argoproj.io/v1alpha1"_s);
    yaml.entry(u"kind"_s, u"Workflow"_s);
    yaml.key(u"metadata"_s);
    yaml.beginMap();
    // The controller adds five characters; a workflow name has at most 63.
    yaml.entry(u"generateName"_s,
               ExportNames::sanitize(plan.title, ExportNames::Style::Kebab, u"pipeline"_s, 57)
                   + u'-');
    yaml.endMap();
    yaml.key(u"spec"_s);
    yaml.beginMap();
    yaml.entry(u"entrypoint"_s, DagTemplate);
    const auto parameters = plan.parameters();
    if (!parameters.isEmpty()) {
        yaml.key(u"arguments"_s);
        yaml.beginMap();
        yaml.key(u"parameters"_s);
        yaml.beginList();
        for (const auto &[step, parameter] : parameters) {
            yaml.beginMap();
            yaml.entry(u"name"_s, parameter->id);
            yaml.entry(u"value"_s, parameterValues.value(parameter->id));
            yaml.endMap();
        }
        yaml.endList();
        yaml.endMap();
    }
    yaml.key(u"templates"_s);
    yaml.beginList();
    writeDag(yaml, plan);
    for (const ExportStep &step : plan.steps)
        writeStepTemplate(yaml, step, ContainerText(step, parameterValues));
    yaml.endList();
    yaml.endMap();
    yaml.endMap();
    return {{plan.id + u".argo.yaml"_s, yaml.toUtf8()}};
}

} // namespace ArgoExport
