#include "pipeline/import/gitlabcistages.h"
#include "pipeline/import/gitlabcitemplates.h"
#include "pipeline/import/importers.h"
#include "pipeline/import/stagemarkers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;
using namespace YamlSource;
using GitLabCiStages::JobPlan;

// GitLab CI files (.gitlab-ci.yml): a node per job, each stage a column framed as a group, `needs`
// or else GitLab's stage order as edges (gitlabcistages.h). The templates GitLab resolves before
// it runs anything (merge keys, `!reference`, `extends`) are resolved first (gitlabcitemplates.h).
// The job keys this reader gives a place of their own; every other key is kept as a detail.
// https://docs.gitlab.com/ci/yaml/
namespace {

struct GitLabCiText
{
    Q_DECLARE_TR_FUNCTIONS(GitLabCiImport)
};

// Top-level keys that configure the pipeline, not jobs
// (https://docs.gitlab.com/ci/yaml/#global-keywords; image, services, cache, before_script and
// after_script at the top are the deprecated forms of `default:`; `spec` heads a CI/CD component's
// file).
constexpr const char *PipelineKeys[] = {"stages",
                                        "variables",
                                        "workflow",
                                        "include",
                                        "default",
                                        "image",
                                        "services",
                                        "before_script",
                                        "after_script",
                                        "cache",
                                        "spec"};

// GitLab refuses more levels of `extends` (https://docs.gitlab.com/ci/yaml/#extends).
constexpr int MaxExtendsLevels = 11;
// A matrix past this many combinations is not counted: the badge then says "matrix".
constexpr qint64 MaxMatrix = 1'000'000;
// Script lines past this many are not read: a script is text, an alias bomb is not.
constexpr int MaxScriptLines = 10000;

bool isPipelineKey(const QString &key)
{
    return std::any_of(std::cbegin(PipelineKeys), std::cend(PipelineKeys), [&](const char *k) {
        return key == QLatin1StringView(k);
    });
}

bool isHidden(const QString &key)
{
    return key.startsWith(u'.');
}

// What the pipeline's `default:` (or the deprecated top-level keyword) gives the jobs that do not
// say otherwise.
struct Defaults
{
    YAML::Node image{YAML::NodeType::Undefined};
    YAML::Node beforeScript{YAML::NodeType::Undefined};
    YAML::Node afterScript{YAML::NodeType::Undefined};
};

// `inherit: default: false` or a list of the keywords to take
// (https://docs.gitlab.com/ci/yaml/#inheritdefault); `inherit`: the job's `inherit:` value.
bool inheritsDefault(const YAML::Node &inherit, const char *keyword)
{
    const YAML::Node fromDefault = member(inherit, "default");
    if (!fromDefault.IsDefined() || fromDefault.IsNull())
        return true;
    if (fromDefault.IsScalar())
        return scalar(fromDefault) != u"false"_s;
    return scalarOrList(fromDefault).contains(QLatin1StringView(keyword));
}

// The keys of a job's body that decide what `default:` still gives it, noted while the body is
// read once (a 2,000-job file looked each up again, five times a job).
struct JobKeys
{
    YAML::Node inherit{YAML::NodeType::Undefined};
    bool image = false;
    bool beforeScript = false;
    bool afterScript = false;
    bool extends = false;
};

// The lines of a script: a string, or a list of strings and lists of strings, which GitLab
// flattens (https://docs.gitlab.com/ci/yaml/#script).
void scriptLines(const YAML::Node &node, QStringList &lines, int depth, bool &odd)
{
    if (!node.IsDefined() || node.IsNull() || lines.size() >= MaxScriptLines)
        return;
    if (node.IsScalar()) {
        lines << scalar(node);
    } else if (node.IsSequence() && depth < 10) {
        for (const YAML::Node &item : node) {
            if (lines.size() >= MaxScriptLines)
                break;
            scriptLines(item, lines, depth + 1, odd);
        }
    } else {
        // `- echo key: value` unquoted is a mapping, not a line: kept as text, said.
        lines << brief(node, 200);
        odd = true;
    }
}

QStringList
readScript(const YAML::Node &node, const QString &job, const char *key, ImportedPipeline &out)
{
    QStringList lines;
    bool odd = false;
    scriptLines(node, lines, 0, odd);
    if (odd)
        out.warn(lineOf(node),
                 GitLabCiText::tr("job '%1': '%2' has an entry that is not a line of text (a "
                                  "mapping or a list nested too deep): kept as text")
                     .arg(job, QLatin1StringView(key)));
    return lines;
}

// The jobs `parallel: matrix:` runs: for each entry, the product of its lists' lengths (a single
// value counts once), added up (https://docs.gitlab.com/ci/yaml/#parallelmatrix).
std::optional<qint64> matrixSize(const YAML::Node &matrix)
{
    if (!isList(matrix))
        return std::nullopt;
    qint64 total = 0;
    for (const YAML::Node &entry : matrix) {
        if (!isMap(entry))
            return std::nullopt;
        qint64 product = 1;
        for (const auto &variable : entry) {
            const qint64 values = variable.second.IsSequence() ? qint64(variable.second.size()) : 1;
            if (values > 0 && product > MaxMatrix / values)
                return std::nullopt;
            product *= values;
        }
        total += product;
        if (total > MaxMatrix)
            return std::nullopt;
    }
    return total;
}

void readParallel(const YAML::Node &parallel, ImportedJob &job)
{
    job.details.append({u"parallel"_s, brief(parallel)});
    if (isMap(parallel)) {
        const std::optional<qint64> size = matrixSize(member(parallel, "matrix"));
        job.badges << (size ? GitLabCiText::tr("matrix ×%1").arg(*size)
                            : GitLabCiText::tr("matrix"));
        return;
    }
    bool isNumber = false;
    const int count = scalar(parallel).toInt(&isNumber);
    job.badges << (isNumber ? GitLabCiText::tr("parallel ×%1").arg(count)
                            : GitLabCiText::tr("parallel"));
}

void readImage(const YAML::Node &image, ImportedJob &job)
{
    job.image = isMap(image) ? scalar(member(image, "name")) : scalar(image);
    if (isMap(image))
        job.details.append({u"image"_s, brief(image)});
}

// A downstream pipeline: another project's, or a child pipeline from files of this one
// (https://docs.gitlab.com/ci/yaml/#trigger).
void readTrigger(const YAML::Node &trigger, ImportedJob &job)
{
    job.details.append({u"trigger"_s, brief(trigger)});
    const QString project = isMap(trigger) ? scalar(member(trigger, "project")) : scalar(trigger);
    if (!project.isEmpty()) {
        job.badges << GitLabCiText::tr("triggers %1").arg(project);
        job.kindHints << project;
    } else {
        job.badges << GitLabCiText::tr("triggers a child pipeline");
    }
}

void readEnvironment(const YAML::Node &environment, ImportedJob &job)
{
    const QString name
        = isMap(environment) ? scalar(member(environment, "name")) : scalar(environment);
    const QString action = scalar(member(environment, "action"));
    job.details.append({u"environment"_s, name.isEmpty() ? brief(environment) : name});
    if (!action.isEmpty())
        job.details.append({u"environment action"_s, action});
    if (isMap(environment) && environment.size() > (action.isEmpty() ? 1u : 2u))
        job.details.append({u"environment settings"_s, brief(environment)});
    // An environment is where a job deploys, unless it only stops or looks at it
    // (https://docs.gitlab.com/ci/yaml/#environmentaction).
    if (action.isEmpty() || action == u"start"_s)
        job.kindHints << u"deploy"_s;
}

void readVariables(const YAML::Node &variables, ImportedJob &job)
{
    if (!isMap(variables)) {
        job.details.append({u"variables"_s, brief(variables)});
        return;
    }
    for (const auto &variable : variables) {
        // `NAME: {value: …, description: …}` (https://docs.gitlab.com/ci/yaml/#variables).
        const YAML::Node value
            = isMap(variable.second) ? member(variable.second, "value") : variable.second;
        const QString name = scalar(variable.first);
        // The stage name and kind an export of the app writes (StageMarkers), with `expand:
        // false`: the value as written.
        if (name == StageMarkers::NameVariable && value.IsScalar())
            job.name = scalar(value);
        else if (name == StageMarkers::KindVariable && value.IsScalar())
            job.kind = scalar(value).trimmed();
        else
            job.parameters.append(
                {name, value.IsScalar() ? scalar(value) : brief(variable.second)});
    }
}

void readWhen(const YAML::Node &when, ImportedJob &job, JobPlan &plan)
{
    const QString value = scalar(when);
    job.details.append({u"when"_s, brief(when)});
    // https://docs.gitlab.com/ci/yaml/#when
    if (value == u"manual"_s)
        job.badges << GitLabCiText::tr("manual");
    else if (value == u"delayed"_s)
        job.badges << GitLabCiText::tr("delayed");
    else if (value == u"never"_s)
        job.badges << GitLabCiText::tr("never runs");
    else if (value == u"on_failure"_s || value == u"always"_s)
        plan.condition = value; // it runs after the jobs before it fail (or whatever they do)
}

void noteKey(const std::string &field, const YAML::Node &value, JobKeys &keys)
{
    if (field == "inherit")
        keys.inherit.reset(value); // rebinds: `=` would rewrite the source node
    keys.image = keys.image || field == "image";
    keys.beforeScript = keys.beforeScript || field == "before_script";
    keys.afterScript = keys.afterScript || field == "after_script";
    keys.extends = keys.extends || field == "extends";
}

ImportedJob readJob(const QString &id,
                    const YAML::Node &keyNode,
                    const YAML::Node &body,
                    const Defaults &defaults,
                    bool hasIncludes,
                    JobPlan &plan,
                    ImportedPipeline &out)
{
    ImportedJob job;
    job.id = id;
    job.line = lineOf(keyNode);
    plan.id = id;
    QStringList before, script, after;
    bool hasScript = false;
    JobKeys keys;
    for (const auto &entry : body) {
        const std::string field = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node &value = entry.second;
        const QString name = QString::fromStdString(field);
        noteKey(field, value, keys);
        if (field == "script") {
            script = readScript(value, id, "script", out);
            hasScript = true;
        } else if (field == "before_script" || field == "after_script") {
            (field == "before_script" ? before : after) = readScript(value, id, field.c_str(), out);
            job.details.append({name, brief(value)});
        } else if (field == "stage") {
            plan.stage = scalar(value);
            plan.stageLine = lineOf(value);
            job.kindHints << plan.stage;
            job.details.append({name, brief(value)});
        } else if (field == "needs") {
            plan.needs.reset(value); // rebinds: `=` would rewrite the source node
            job.details.append({name, brief(value)});
        } else if (field == "image") {
            readImage(value, job);
        } else if (field == "when") {
            readWhen(value, job, plan);
        } else if (field == "parallel") {
            readParallel(value, job);
        } else if (field == "trigger") {
            readTrigger(value, job);
            hasScript = true;
        } else if (field == "environment") {
            readEnvironment(value, job);
        } else if (field == "variables") {
            readVariables(value, job);
        } else if (field == "extends") {
            job.kindHints << scalarOrList(value);
            job.details.append({name, brief(value)});
        } else if (field == "allow_failure") {
            if (scalar(value) == u"true"_s || isMap(value)) // `{exit_codes: …}` allows some
                job.badges << GitLabCiText::tr("may fail");
            job.details.append({name, brief(value)});
        } else {
            // run (CI steps), rules, only, except, artifacts, cache, services, tags, retry,
            // timeout, resource_group, interruptible, coverage, dependencies, inherit, …
            hasScript = hasScript || field == "run";
            job.details.append({name, brief(value)});
        }
    }
    if (!keys.image && inheritsDefault(keys.inherit, "image"))
        job.image = isMap(defaults.image) ? scalar(member(defaults.image, "name"))
                                          : scalar(defaults.image);
    if (!keys.beforeScript && inheritsDefault(keys.inherit, "before_script"))
        before = readScript(defaults.beforeScript, id, "before_script", out);
    if (!keys.afterScript && inheritsDefault(keys.inherit, "after_script"))
        after = readScript(defaults.afterScript, id, "after_script", out);
    // The shell lines as the stage's command, for exports to other engines: `sh -c` of them.
    const QStringList lines = before + script + after;
    if (!lines.isEmpty())
        job.command = {u"sh"_s, u"-c"_s, lines.join(u'\n')};
    // A job that extends what an included file defines gets its script there, most likely.
    if (!hasScript && !(hasIncludes && keys.extends))
        out.warn(job.line,
                 GitLabCiText::tr("job '%1' has no 'script', 'trigger' or 'run' here (an "
                                  "included template may give it one)")
                     .arg(id));
    return job;
}

// `include:` brings jobs and templates from other files, which this import does not read
// (https://docs.gitlab.com/ci/yaml/#include).
void noteIncludes(const YAML::Node &include, ImportedPipeline &out)
{
    QStringList names;
    const auto add = [&](const YAML::Node &entry) {
        if (!isMap(entry)) {
            names << brief(entry, 200);
            return;
        }
        const QString project = scalar(member(entry, "project"));
        const YAML::Node file = member(entry, "file");
        for (const char *key : {"local", "remote", "template", "component"})
            if (const QString value = scalar(member(entry, key)); !value.isEmpty())
                names << u"%1: %2"_s.arg(QLatin1StringView(key), value);
        if (!project.isEmpty())
            names << u"project: %1 (%2)"_s.arg(project, scalarOrList(file).join(u", "_s));
        if (names.isEmpty() || (project.isEmpty() && file.IsDefined()))
            names << brief(entry, 200);
    };
    if (isList(include))
        for (const YAML::Node &entry : include)
            add(entry);
    else
        add(include);
    out.details.append({u"include"_s, names.join(u'\n')});
    out.warn(lineOf(include),
             GitLabCiText::tr("'include' is not followed: the jobs and templates of %n included "
                              "file(s) are not part of this import",
                              nullptr,
                              int(names.size())));
}

int recognise(const YAML::Node &document)
{
    if (!isMap(document))
        return 0;
    const YAML::Node stages = member(document, "stages");
    if (isMap(stages)) // DVC's stages: a mapping of stages with `cmd`
        return 0;
    bool stageList = isList(stages) && stages.size() > 0;
    if (stageList)
        for (const YAML::Node &stage : stages)
            stageList = stageList && stage.IsScalar();
    int shaped = 0, specific = 0;
    for (const auto &entry : document) {
        const QString key = scalar(entry.first);
        const YAML::Node &job = entry.second;
        if (isPipelineKey(key) || !isMap(job))
            continue;
        const bool stageish = member(job, "stage").IsDefined() || member(job, "needs").IsDefined()
                              || member(job, "rules").IsDefined() || member(job, "only").IsDefined()
                              || member(job, "except").IsDefined()
                              || member(job, "when").IsDefined() || member(job, "image").IsDefined()
                              || member(job, "artifacts").IsDefined();
        const YAML::Node script = member(job, "script");
        const bool runs = (script.IsScalar() || script.IsSequence())
                          || member(job, "trigger").IsDefined()
                          || member(job, "extends").IsDefined() || isList(member(job, "run"))
                          || (member(job, "stage").IsScalar() && stageish);
        shaped += runs ? 1 : 0;
        specific += runs && (stageish || member(job, "extends").IsDefined()) ? 1 : 0;
    }
    if (shaped == 0)
        return 0;
    const bool pipelineKeys = member(document, "include").IsDefined()
                              || member(document, "workflow").IsDefined()
                              || member(document, "default").IsDefined();
    return stageList || specific > 0 || pipelineKeys ? 2 : 1;
}

bool isUsualName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name == u".gitlab-ci.yml"_s || name.endsWith(u".gitlab-ci.yml"_s)
           || name.endsWith(u".gitlab-ci.yaml"_s) || path.contains(u".gitlab/ci/"_s);
}

// The pipeline's own keywords: its details, `stages:`, `include:` and what `default:` (or the
// deprecated top-level keywords) gives the jobs.
struct PipelineKeywords
{
    Defaults defaults;
    YAML::Node stages;
    YAML::Node include;
};

PipelineKeywords readPipelineKeywords(const std::vector<GitLabCiTemplates::Entry> &entries,
                                      GitLabCiTemplates &templates,
                                      ImportedPipeline &out)
{
    PipelineKeywords keywords;
    Defaults &defaults = keywords.defaults;
    YAML::Node &stages = keywords.stages;
    YAML::Node &include = keywords.include;
    for (const GitLabCiTemplates::Entry &entry : entries) {
        const QString key = scalar(entry.key);
        if (!isPipelineKey(key))
            continue;
        const YAML::Node value = templates.expand(entry.value);
        // Nodes are rebound with reset(): yaml-cpp's `=` would rewrite the node held before.
        if (key == u"include"_s) {
            include.reset(value);
            continue; // noteIncludes() lists them
        }
        out.details.append({key, brief(value)});
        if (key == u"stages"_s) {
            stages.reset(value);
        } else if (key == u"default"_s) {
            defaults.image.reset(member(value, "image"));
            defaults.beforeScript.reset(member(value, "before_script"));
            defaults.afterScript.reset(member(value, "after_script"));
        }
    }
    // The deprecated top-level forms, when `default:` does not say.
    for (const GitLabCiTemplates::Entry &entry : entries) {
        const QString key = scalar(entry.key);
        YAML::Node *slot = key == u"image"_s           ? &defaults.image
                           : key == u"before_script"_s ? &defaults.beforeScript
                           : key == u"after_script"_s  ? &defaults.afterScript
                                                       : nullptr;
        if (slot && !slot->IsDefined())
            slot->reset(templates.expand(entry.value));
    }
    return keywords;
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    const std::vector<GitLabCiTemplates::Entry> entries
        = GitLabCiTemplates::topLevel(document, out);
    GitLabCiTemplates templates(entries, out);
    QHash<QString, qsizetype> lastOf; // GitLab, like YAML readers, keeps the last of a repeat
    for (qsizetype e = 0; e < qsizetype(entries.size()); ++e)
        lastOf.insert(scalar(entries.at(e).key), e);

    const PipelineKeywords keywords = readPipelineKeywords(entries, templates, out);
    const Defaults &defaults = keywords.defaults;
    const YAML::Node &stages = keywords.stages;
    const YAML::Node &include = keywords.include;
    const bool hasIncludes = include.IsDefined() && !include.IsNull();
    if (hasIncludes)
        noteIncludes(include, out);

    QList<JobPlan> plans;
    for (qsizetype e = 0; e < qsizetype(entries.size()); ++e) {
        const GitLabCiTemplates::Entry &entry = entries.at(e);
        if (!entry.key.IsScalar()) {
            out.warn(lineOf(entry.key), GitLabCiText::tr("a job whose name is not text: skipped"));
            continue;
        }
        const QString id = scalar(entry.key);
        if (isPipelineKey(id) || isHidden(id))
            continue; // hidden jobs are templates (https://docs.gitlab.com/ci/jobs/#hide-a-job)
        if (lastOf.value(id) != e) {
            out.warn(lineOf(entry.key),
                     GitLabCiText::tr("job '%1' is defined again further down; the later one is "
                                      "kept, as GitLab does")
                         .arg(id));
            continue;
        }
        const auto [body, levels] = templates.resolved(entry.key.Scalar());
        JobPlan plan;
        if (!isMap(body)) {
            out.warn(lineOf(entry.key),
                     GitLabCiText::tr("job '%1' is not a mapping: kept as an empty job").arg(id));
            ImportedJob job;
            job.id = plan.id = id;
            job.line = lineOf(entry.key);
            out.jobs.append(job);
            plans.append(plan);
            continue;
        }
        if (levels > MaxExtendsLevels)
            out.warn(lineOf(entry.key),
                     GitLabCiText::tr("job '%1' stands on %2 levels of 'extends'; GitLab takes at "
                                      "most %3")
                         .arg(id)
                         .arg(levels)
                         .arg(MaxExtendsLevels));
        out.jobs.append(readJob(id, entry.key, body, defaults, hasIncludes, plan, out));
        plans.append(plan);
    }
    GitLabCiStages::placeInStages(plans, GitLabCiStages::readStages(stages, out), hasIncludes, out);
    out.groupColumns = true;
}

} // namespace

const PipelineImporter &Importers::gitLabCi()
{
    static const PipelineImporter importer{
        PipelineImport::Format::GitLabCi, "gitlab-ci", "GitLab CI", recognise, isUsualName, read};
    return importer;
}
