#include <algorithm>

#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"
#include "orchestrator/yamlwriter.h"
#include "pipeline/import/stagemarkers.h"

using namespace Qt::StringLiterals;

namespace GitHubActionsExport {

namespace {

// GitHub takes at most 25 inputs for a manual run; later parameters keep their value.
constexpr int MaxDispatchInputs = 25;

using ExportEscapes::githubActions;

// Unique per run: step ids are kebab case, so they hold no '_'.
QString artifactName(const ExportStep &step, const QString &portId)
{
    return step.id + u'_' + portId;
}

using Parameters = QList<std::pair<const ExportStep *, const ExportParameter *>>;

// A manual run's inputs: the first MaxDispatchInputs parameters whose value GitHub can take as a
// default. actionlint reads an input's default as an expression (GitHub does not say it never
// will), so a value holding "${{" is never one: its job gets the value itself, escaped.
Parameters dispatchInputs(const Parameters &parameters)
{
    Parameters inputs;
    for (const auto &entry : parameters) {
        if (inputs.size() == MaxDispatchInputs)
            break;
        if (!ExportEscapes::hasGitHubExpression(entry.second->value))
            inputs << entry;
    }
    return inputs;
}

bool isInput(const Parameters &inputs, const ExportParameter &parameter)
{
    return std::any_of(inputs.cbegin(), inputs.cend(), [&parameter](const auto &entry) {
        return entry.second == &parameter;
    });
}

void writeTrigger(YamlWriter &yaml, const Parameters &inputs)
{
    // Quoted: a YAML 1.1 reader takes a bare `on` for true.
    yaml.key(u"on"_s);
    yaml.beginMap();
    yaml.key(u"workflow_dispatch"_s);
    if (inputs.isEmpty()) {
        yaml.emptyMap();
    } else {
        yaml.beginMap();
        yaml.key(u"inputs"_s);
        yaml.beginMap();
        // GitHub shows a description without evaluating it, but actionlint reads one as an
        // expression: user text there must not spell "${{".
        for (const auto &[step, parameter] : inputs) {
            yaml.key(parameter->id);
            yaml.beginMap();
            yaml.entry(u"description"_s,
                       ExportEscapes::githubActionsShown(step->name + u": "_s + parameter->key));
            yaml.entry(u"type"_s, u"string"_s);
            yaml.entry(u"default"_s, parameter->value);
            yaml.entry(u"required"_s, false);
            yaml.endMap();
        }
        yaml.endMap();
        yaml.endMap();
    }
    yaml.endMap();
}

void writeEnv(YamlWriter &yaml,
              const ExportPlan &plan,
              const ExportStep &step,
              const Parameters &inputs)
{
    yaml.key(u"env"_s);
    yaml.beginMap();
    yaml.entry(StageMarkers::NameVariable.toString(), githubActions(step.name));
    yaml.entry(StageMarkers::KindVariable.toString(), githubActions(step.kind));
    if (!step.notes.isEmpty())
        yaml.entry(u"MLOPS_STEP_NOTES"_s, githubActions(step.notes));
    for (const ExportInput &input : step.inputs)
        yaml.entry(input.envName, plan.artifactPath(input.producer, input.producerPortId));
    const qsizetype self = &step - plan.steps.constData();
    for (const ExportOutput &output : step.outputs)
        yaml.entry(output.envName, plan.artifactPath(self, output.portId));
    for (const ExportParameter &parameter : step.parameters)
        yaml.entry(parameter.envName,
                   isInput(inputs, parameter) ? u"${{ inputs.%1 }}"_s.arg(parameter.id)
                                              : githubActions(parameter.value));
    yaml.endMap();
}

void writeArtifactStep(
    YamlWriter &yaml, const QString &port, const QString &name, const QString &path, bool upload)
{
    yaml.beginMap();
    yaml.entry(u"name"_s, githubActions((upload ? u"Upload "_s : u"Download "_s) + port));
    yaml.entry(u"uses"_s,
               upload ? u"actions/upload-artifact@v4"_s : u"actions/download-artifact@v4"_s);
    yaml.key(u"with"_s);
    yaml.beginMap();
    yaml.entry(u"name"_s, name);
    yaml.entry(u"path"_s, path);
    if (upload) // a missing output fails here, not in the job that needs it
        yaml.entry(u"if-no-files-found"_s, u"error"_s);
    yaml.endMap();
    yaml.endMap();
}

void writeJob(YamlWriter &yaml,
              const ExportPlan &plan,
              const ExportStep &step,
              const Parameters &inputs)
{
    const qsizetype self = &step - plan.steps.constData();
    yaml.key(step.id);
    yaml.beginMap();
    yaml.entry(u"name"_s, githubActions(step.name));
    if (!step.upstream.isEmpty()) {
        QStringList needs;
        for (const qsizetype upstream : step.upstream)
            needs << plan.steps.at(upstream).id;
        yaml.list(u"needs"_s, needs, YamlWriter::Layout::FlowWhenShort);
    }
    yaml.entry(u"runs-on"_s, u"ubuntu-latest"_s);
    yaml.key(u"container"_s);
    yaml.beginMap();
    yaml.entry(u"image"_s, githubActions(step.image)); // GitHub evaluates expressions here
    yaml.endMap();
    writeEnv(yaml, plan, step, inputs);
    yaml.key(u"steps"_s);
    yaml.beginList();
    yaml.beginMap();
    yaml.entry(u"uses"_s, u"actions/checkout@v4"_s);
    yaml.endMap();
    for (const ExportInput &input : step.inputs) {
        const ExportStep &producer = plan.steps.at(input.producer);
        writeArtifactStep(yaml,
                          input.port,
                          artifactName(producer, input.producerPortId),
                          plan.artifactPath(input.producer, input.producerPortId),
                          false);
    }
    yaml.beginMap();
    yaml.entry(u"name"_s, u"Run the stage"_s);
    // The command as shell words: GitHub's escape first, then the shell's quotes keep it argv.
    yaml.entry(u"run"_s, githubActions(ExportEscapes::shellCommand(step.command)));
    yaml.endMap();
    for (const ExportOutput &output : step.outputs)
        writeArtifactStep(yaml,
                          output.port,
                          artifactName(step, output.portId),
                          plan.artifactPath(self, output.portId),
                          true);
    yaml.endList();
    yaml.endMap();
}

void writeHeader(YamlWriter &yaml,
                 const ExportPlan &plan,
                 qsizetype parameterCount,
                 qsizetype inputCount)
{
    QStringList header{u"A GitHub Actions workflow exported by MLOps Roadmap Studio."_s,
                       u"Commit it as .github/workflows/%1.yml, then run it from the Actions "
                       "tab (Run workflow)."_s.arg(plan.id),
                       u"Each job runs its stage in the stage's image; artifacts pass between "
                       "jobs through upload-artifact and download-artifact."_s,
                       ExportPlan::variablesNote()};
    if (parameterCount > MaxDispatchInputs)
        header << u"GitHub takes %1 inputs for a manual run: the parameters after the first %1 "
                  "keep the values written in their jobs."_s.arg(MaxDispatchInputs);
    if (inputCount < std::min<qsizetype>(parameterCount, MaxDispatchInputs))
        header << u"A parameter whose value holds \"${{\" is not a manual run's input (its "
                  "default would be read as an expression): it keeps the value written in its "
                  "job."_s;
    yaml.comment((header + plan.feedbackNotes()).join(u'\n'));
}

} // namespace

ExportNaming naming()
{
    return {ExportNames::Style::Kebab, ExportNames::Style::Snake, {}, {}};
}

QList<ExportedFile> write(const ExportPlan &plan)
{
    const Parameters parameters = plan.parameters();
    const Parameters inputs = dispatchInputs(parameters);
    YamlWriter yaml;
    writeHeader(yaml, plan, parameters.size(), inputs.size());
    yaml.beginMap();
    yaml.entry(u"name"_s, githubActions(plan.title));
    writeTrigger(yaml, inputs);
    yaml.key(u"permissions"_s);
    yaml.beginMap();
    yaml.entry(u"contents"_s, u"read"_s);
    yaml.endMap();
    yaml.key(u"jobs"_s);
    yaml.beginMap();
    for (const ExportStep &step : plan.steps)
        writeJob(yaml, plan, step, inputs);
    yaml.endMap();
    yaml.endMap();
    return {{plan.id + u".yml"_s, yaml.toUtf8()}};
}

} // namespace GitHubActionsExport
