#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"
#include "orchestrator/yamlwriter.h"
#include "pipeline/import/stagemarkers.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace GitLabCiExport {

namespace {

// GitLab takes at most 50 jobs in one `needs` list (the default limit on self-managed
// instances, the fixed one on GitLab.com): https://docs.gitlab.com/ci/yaml/#needs
constexpr qsizetype MaxNeeds = 50;

// How user text reaches a GitLab job literally, after "Where variables can be used"
// (https://docs.gitlab.com/ci/variables/where_variables_can_be_used/):
// - `script` is expanded by the job's shell only, never by GitLab: the argv is written as shell
//   words, single-quoted when they hold anything but plain characters, so no shell expands
//   `$VAR`, `${VAR}`, `$( )` or backticks in them.
// - `variables` values are expanded by GitLab itself ($VAR, ${VAR} and %VAR%), then by the
//   runner ($VAR, ${VAR}, with "$$" for "$"). Doubling '$' would leave %VAR% to GitLab, so every
//   variable holding user text is written with `expand: false`, which turns both off:
//   https://docs.gitlab.com/ci/yaml/#variablesexpand
// - `image` is expanded by the runner (Go's os.Expand, "$$" for "$"): each '$' is doubled.

// The stage of each step, by index: one after the latest of the steps it needs (the plan lists
// steps in a topological order), so the stages are the columns of the drawing's auto layout and
// a job only ever needs jobs of earlier stages.
QList<int> layers(const ExportPlan &plan)
{
    QList<int> layer(plan.steps.size(), 0);
    for (qsizetype s = 0; s < plan.steps.size(); ++s)
        for (const qsizetype upstream : plan.steps.at(s).upstream)
            layer[s] = std::max(layer.at(s), layer.at(upstream) + 1);
    return layer;
}

QString stageName(int layer)
{
    return u"stage-%1"_s.arg(layer + 1);
}

void writeRawVariable(YamlWriter &yaml, const QString &name, const QString &value)
{
    yaml.key(name);
    yaml.beginMap();
    yaml.entry(u"value"_s, value);
    yaml.entry(u"expand"_s, false);
    yaml.endMap();
}

// The artifact paths are the plan's own ("artifacts/<step>/<port>", ids of a-z 0-9 '-'):
// nothing in them to expand, so they stay plain.
void writeVariables(YamlWriter &yaml, const ExportPlan &plan, const ExportStep &step)
{
    const qsizetype self = &step - plan.steps.constData();
    yaml.key(u"variables"_s);
    yaml.beginMap();
    writeRawVariable(yaml, StageMarkers::NameVariable.toString(), step.name);
    writeRawVariable(yaml, StageMarkers::KindVariable.toString(), step.kind);
    if (!step.notes.isEmpty())
        writeRawVariable(yaml, u"MLOPS_STEP_NOTES"_s, step.notes);
    for (const ExportInput &input : step.inputs)
        yaml.entry(input.envName, plan.artifactPath(input.producer, input.producerPortId));
    for (const ExportOutput &output : step.outputs)
        yaml.entry(output.envName, plan.artifactPath(self, output.portId));
    for (const ExportParameter &parameter : step.parameters)
        writeRawVariable(yaml, parameter.envName, parameter.value);
    yaml.endMap();
}

void writeJob(YamlWriter &yaml, const ExportPlan &plan, const ExportStep &step, int layer)
{
    const qsizetype self = &step - plan.steps.constData();
    yaml.key(step.id);
    yaml.beginMap();
    yaml.entry(u"stage"_s, stageName(layer));
    yaml.key(u"image"_s);
    yaml.beginMap();
    yaml.entry(u"name"_s, ExportEscapes::gitlabRunner(step.image));
    // The runner starts the image's entrypoint with a shell as its argument: an image whose
    // entrypoint is a program (a server, a CLI) would not run the script. An empty entrypoint
    // runs the shell itself, as Argo's command and GitHub's container do:
    // https://docs.gitlab.com/ci/docker/using_docker_images/#override-the-entrypoint-of-an-image
    yaml.list(u"entrypoint"_s, {QString()}, YamlWriter::Layout::FlowWhenShort);
    yaml.endMap();
    // A root needs nothing and is in the first stage, which starts at once: no `needs: []`. A
    // job needing more jobs than GitLab takes waits for the earlier stages instead, which hold
    // all of them, and then gets the artifacts of all of them.
    if (!step.upstream.isEmpty() && step.upstream.size() <= MaxNeeds) {
        QStringList needs;
        for (const qsizetype upstream : step.upstream)
            needs << plan.steps.at(upstream).id;
        yaml.list(u"needs"_s, needs, YamlWriter::Layout::FlowWhenShort);
    }
    writeVariables(yaml, plan, step);
    yaml.list(u"script"_s, {ExportEscapes::shellCommand(step.command)});
    if (!step.outputs.isEmpty()) {
        QStringList paths;
        for (const ExportOutput &output : step.outputs)
            paths << plan.artifactPath(self, output.portId);
        yaml.key(u"artifacts"_s);
        yaml.beginMap();
        yaml.list(u"paths"_s, paths);
        yaml.endMap();
    }
    yaml.endMap();
}

void writeHeader(YamlWriter &yaml, const ExportPlan &plan)
{
    QStringList header{
        u"A GitLab CI/CD pipeline exported by MLOps Roadmap Studio."_s,
        u"Commit it as .gitlab-ci.yml at the root of the repository: GitLab runs it on each "
        "push, and Build > Pipelines > Run pipeline runs it by hand."_s,
        u"Each job runs its stage in the stage's image; a stage is a column of the drawing, and "
        "`needs` starts a job as soon as the jobs it needs finish and brings their artifacts."_s,
        ExportPlan::variablesNote(),
        u"The pipeline's text stays text: variables holding it have `expand: false`, a '$' in an "
        "image is written '$$' and commands are quoted shell words."_s};
    const bool tooManyNeeds
        = std::any_of(plan.steps.cbegin(), plan.steps.cend(), [](const ExportStep &step) {
              return step.upstream.size() > MaxNeeds;
          });
    if (tooManyNeeds)
        header << u"GitLab takes %1 jobs in `needs`: a job after more than %1 has none and "
                  "waits for the earlier stages instead."_s.arg(MaxNeeds);
    yaml.comment((header + plan.feedbackNotes()).join(u'\n'));
}

// The keywords GitLab does not take as job names, the names it reads as something else (YAML
// booleans and nil, the Pages job, the top-level keywords) and the removed `types`:
// https://docs.gitlab.com/ci/jobs/#job-names. Kebab-case ids cannot spell the ones with '_',
// nor start with '.' (a hidden job), but the list is GitLab's as written.
QStringList reservedJobNames()
{
    return {u"image"_s,
            u"services"_s,
            u"stages"_s,
            u"types"_s,
            u"before_script"_s,
            u"after_script"_s,
            u"variables"_s,
            u"cache"_s,
            u"include"_s,
            u"true"_s,
            u"false"_s,
            u"nil"_s,
            u"pages"_s,
            u"default"_s,
            u"workflow"_s,
            u"spec"_s};
}

} // namespace

ExportNaming naming()
{
    return {ExportNames::Style::Kebab, ExportNames::Style::Snake, reservedJobNames(), {}};
}

QList<ExportedFile> write(const ExportPlan &plan)
{
    const QList<int> layer = layers(plan);
    QStringList stages;
    for (int l = 0; l <= *std::max_element(layer.cbegin(), layer.cend()); ++l)
        stages << stageName(l);

    YamlWriter yaml;
    writeHeader(yaml, plan);
    yaml.beginMap();
    yaml.list(u"stages"_s, stages);
    for (qsizetype s = 0; s < plan.steps.size(); ++s)
        writeJob(yaml, plan, plan.steps.at(s), layer.at(s));
    yaml.endMap();
    return {{u".gitlab-ci.yml"_s, yaml.toUtf8()}};
}

} // namespace GitLabCiExport
