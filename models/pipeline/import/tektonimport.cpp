#include "pipeline/import/importers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// Tekton Pipelines (a Pipeline, or a PipelineRun that embeds its pipelineSpec): a node per
// PipelineTask; `runAfter` and the results a task reads from another (`$(tasks.X.results.Y)`)
// as edges; `finally` tasks after the rest. The task keys this reader gives a place of their own;
// every other key is kept as a detail.
// https://tekton.dev/docs/pipelines/pipelines/
namespace {

struct TektonText
{
    Q_DECLARE_TR_FUNCTIONS(TektonImport)
};

// Strings scanned for `$(tasks.…)` references: enough for any real task, bounded for aliases.
constexpr int ScanBudget = 4000;
constexpr int ScanDepth = 16;

bool isTekton(const YAML::Node &document)
{
    return scalar(member(document, "apiVersion")).startsWith(u"tekton.dev/"_s);
}

QString kindOf(const YAML::Node &document)
{
    return scalar(member(document, "kind"));
}

// `$(tasks.build.results.image)`, `$(tasks.build.results.list[*])`, `$(tasks.build.status)`:
// the tasks that a task's params, when, matrix and workspaces read from.
struct ReferenceScan
{
    QList<std::pair<QString, int>> tasks; // the referenced task and the line of the reference
    int budget = ScanBudget;

    void scan(const YAML::Node &node, int depth)
    {
        if (--budget <= 0 || depth > ScanDepth || !node.IsDefined())
            return;
        if (node.IsScalar()) {
            static const QRegularExpression reference(
                u"\\$\\(\\s*tasks\\.([^.\\s)]+)\\.(results|status|reason)\\b"_s);
            const QString text = scalar(node);
            if (!text.contains(u"$("_s))
                return;
            for (auto it = reference.globalMatch(text); it.hasNext();)
                tasks.append({it.next().captured(1), lineOf(node)});
        } else if (node.IsSequence()) {
            for (const YAML::Node &item : node)
                scan(item, depth + 1);
        } else if (node.IsMap()) {
            for (const auto &entry : node)
                scan(entry.second, depth + 1);
        }
    }
};

// What a taskRef calls: a Task by name (and kind), or a resolver with its params
// (https://tekton.dev/docs/pipelines/resolution/).
QString describeRef(const YAML::Node &ref)
{
    if (!isMap(ref))
        return scalar(ref);
    const QString name = scalar(member(ref, "name"));
    const QString kind = scalar(member(ref, "kind"));
    const QString resolver = scalar(member(ref, "resolver"));
    QString text = name;
    if (!kind.isEmpty())
        text += u" (%1)"_s.arg(kind);
    if (!resolver.isEmpty()) {
        QStringList params;
        for (const YAML::Node &param : member(ref, "params"))
            params << u"%1=%2"_s.arg(scalar(member(param, "name")),
                                     brief(member(param, "value"), 120));
        const QString resolved = u"%1 resolver (%2)"_s.arg(resolver, params.join(u", "_s));
        text = text.isEmpty() ? resolved : text + u" · "_s + resolved;
    }
    return text.isEmpty() ? brief(ref) : text;
}

QString stepLine(const YAML::Node &step)
{
    const QString name = scalar(member(step, "name"));
    const QString image = scalar(member(step, "image"));
    const QString ref = scalar(member(member(step, "ref"), "name"));
    QString line = name.isEmpty() ? TektonText::tr("(unnamed step)") : name;
    if (!image.isEmpty())
        line += u" (%1)"_s.arg(image);
    else if (!ref.isEmpty())
        line += u" (StepAction %1)"_s.arg(ref);
    return line;
}

QStringList stepCommand(const YAML::Node &step)
{
    const QString script = scalar(member(step, "script"));
    if (!script.trimmed().isEmpty())
        return {u"sh"_s, u"-c"_s, script.trimmed()};
    return scalarOrList(member(step, "command")) + scalarOrList(member(step, "args"));
}

// An embedded Task: its steps in the details; one step's image and command are the node's.
void readTaskSpec(const YAML::Node &spec, ImportedJob &job)
{
    const YAML::Node steps = member(spec, "steps");
    if (isList(steps)) {
        QStringList lines;
        QSet<QString> images;
        for (const YAML::Node &step : steps) {
            lines << u"- "_s + stepLine(step);
            images.insert(scalar(member(step, "image")));
            job.kindHints << scalar(member(step, "name")) << scalar(member(step, "script"));
        }
        job.details.append({u"steps"_s, lines.join(u'\n')});
        if (images.size() == 1)
            job.image = *images.cbegin();
        if (steps.size() == 1)
            job.command = stepCommand(steps[0]);
    }
    for (const auto &entry : spec) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key != "steps") // params, results, workspaces, sidecars, stepTemplate, volumes
            job.details.append({u"taskSpec."_s + QString::fromStdString(key), brief(entry.second)});
    }
}

// Tekton's matrix: the product of the array params, plus each `include` that cannot be added to
// any of those combinations without overwriting one of its values
// (https://tekton.dev/docs/pipelines/matrix/). Nothing when an array comes from a result.
std::optional<qint64> matrixSize(const YAML::Node &matrix)
{
    QHash<QString, QSet<QString>> values;
    qint64 combinations = 0;
    for (const YAML::Node &param : member(matrix, "params")) {
        const YAML::Node value = member(param, "value");
        if (!isList(value))
            return std::nullopt; // "$(tasks.get-platforms.results.platforms[*])"
        QSet<QString> &set = values[scalar(member(param, "name"))];
        for (const YAML::Node &item : value)
            set.insert(scalar(item));
        combinations
            = std::min((combinations ? combinations : 1) * qint64(value.size()), qint64(1) << 40);
    }
    qint64 added = 0;
    for (const YAML::Node &include : member(matrix, "include")) {
        bool fits = combinations > 0;
        for (const YAML::Node &param : member(include, "params")) {
            const QString name = scalar(member(param, "name"));
            if (values.contains(name)
                && !values.value(name).contains(scalar(member(param, "value"))))
                fits = false;
        }
        if (!fits)
            ++added;
    }
    return combinations + added;
}

void readParams(const YAML::Node &params, ImportedJob &job)
{
    if (!isList(params)) {
        job.details.append({u"params"_s, brief(params)});
        return;
    }
    for (const YAML::Node &param : params) {
        const YAML::Node value = member(param, "value");
        job.parameters.append(
            {scalar(member(param, "name")), value.IsScalar() ? scalar(value) : brief(value)});
    }
}

QString whenLines(const YAML::Node &when)
{
    if (!isList(when))
        return brief(when);
    QStringList lines;
    for (const YAML::Node &expression : when) {
        if (const QString cel = scalar(member(expression, "cel")); !cel.isEmpty())
            lines << cel;
        else
            lines << u"%1 %2 %3"_s.arg(scalar(member(expression, "input")),
                                       scalar(member(expression, "operator")),
                                       brief(member(expression, "values"), 200));
    }
    return lines.join(u'\n');
}

struct ReadTask
{
    ImportedJob job;
    QList<std::pair<QString, int>> after; // runAfter and referenced results
};

ReadTask readTask(const YAML::Node &task, ImportedPipeline &out)
{
    ReadTask read;
    ImportedJob &job = read.job;
    job.id = scalar(member(task, "name"));
    job.line = lineOf(task);
    ReferenceScan references;
    for (const auto &entry : task) {
        const std::string field = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node &value = entry.second;
        const QString name = QString::fromStdString(field);
        if (field == "name") {
            continue;
        } else if (field == "displayName") {
            job.name = scalar(value);
        } else if (field == "runAfter") {
            for (const QString &after : scalarOrList(value))
                read.after.append({after, lineOf(value)});
        } else if (field == "taskRef") {
            const QString calls = describeRef(value);
            job.details.append({u"calls"_s, calls});
            job.kindHints << calls;
        } else if (field == "taskSpec") {
            readTaskSpec(value, job);
        } else if (field == "pipelineRef" || field == "pipelineSpec") {
            out.warn(
                lineOf(value),
                TektonText::tr("task '%1' runs a whole pipeline: shown as one node").arg(job.id));
            job.details.append({name, brief(value)});
            job.badges << TektonText::tr("pipeline");
        } else if (field == "params") {
            readParams(value, job);
            references.scan(value, 0);
        } else if (field == "when") {
            job.details.append({name, whenLines(value)});
            references.scan(value, 0);
        } else if (field == "matrix") {
            const std::optional<qint64> size = matrixSize(value);
            job.badges << (size ? TektonText::tr("matrix ×%1").arg(*size)
                                : TektonText::tr("matrix"));
            job.details.append({name, brief(value)});
            references.scan(value, 0);
        } else if (field == "workspaces") {
            QStringList lines;
            for (const YAML::Node &workspace : value) {
                const QString bound = scalar(member(workspace, "workspace"));
                const QString own = scalar(member(workspace, "name"));
                lines << (bound.isEmpty() || bound == own ? own : u"%1 ← %2"_s.arg(own, bound));
            }
            job.details.append({name, isList(value) ? lines.join(u'\n') : brief(value)});
            references.scan(value, 0);
        } else if (field == "retries") {
            job.badges << TektonText::tr("retries ×%1").arg(scalar(value));
            job.details.append({name, scalar(value)});
        } else {
            job.details.append({name, brief(value)}); // timeout, description, onError…
        }
    }
    if (references.budget <= 0)
        out.warn(job.line,
                 TektonText::tr("task '%1' is too large to look through for all the results it "
                                "reads: some dependencies may be missing")
                     .arg(job.id));
    read.after += references.tasks;
    return read;
}

// Reads `tasks` or `finally`; returns the ids, in order.
QStringList readTasks(const YAML::Node &tasks,
                      const QString &group,
                      QList<ReadTask> &read,
                      ImportedPipeline &out)
{
    QStringList ids;
    if (!tasks.IsDefined())
        return ids;
    if (!isList(tasks)) {
        out.warn(lineOf(tasks), TektonText::tr("'tasks' is not a list of tasks"));
        return ids;
    }
    for (const YAML::Node &task : tasks) {
        ReadTask one = readTask(task, out);
        if (one.job.id.isEmpty()) {
            out.warn(lineOf(task), TektonText::tr("a task without a name: skipped"));
            continue;
        }
        one.job.group = group;
        ids << one.job.id;
        read.append(one);
    }
    return ids;
}

// The spec of a Pipeline, or a PipelineRun's embedded pipelineSpec.
YAML::Node pipelineSpec(const YAML::Node &document)
{
    const YAML::Node spec = member(document, "spec");
    return kindOf(document) == u"PipelineRun"_s ? member(spec, "pipelineSpec") : spec;
}

int recognise(const YAML::Node &document)
{
    if (!isTekton(document))
        return 0;
    const QString kind = kindOf(document);
    if (kind == u"Pipeline"_s || (kind == u"PipelineRun"_s && isMap(pipelineSpec(document))))
        return isList(member(pipelineSpec(document), "tasks")) ? 2 : 1;
    // A PipelineRun of a Pipeline named by reference is Tekton's, but has nothing to draw: read()
    // says which Pipeline it names. It scores less than a Pipeline in the same file.
    if (kind == u"PipelineRun"_s)
        return 1;
    return 0; // a Task, a TaskRun: no pipeline in them
}

bool isUsualName(const QString &)
{
    return false; // Tekton files have no usual name: any .yaml of a repository's tekton/ folder
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    const YAML::Node spec = member(document, "spec");
    const QString kind = kindOf(document);
    if (kind == u"PipelineRun"_s && !isMap(member(spec, "pipelineSpec"))) {
        const YAML::Node ref = member(spec, "pipelineRef");
        throw ImportError{
            lineOf(ref.IsDefined() ? ref : document),
            ref.IsDefined()
                ? TektonText::tr("this PipelineRun runs the Pipeline '%1' by reference and holds "
                                 "no tasks: open the file that defines that Pipeline")
                      .arg(describeRef(ref))
                : TektonText::tr("this PipelineRun has neither a pipelineSpec nor a pipelineRef")};
    }
    out.details.append({u"kind"_s, kind});
    out.details.append({u"apiVersion"_s, scalar(member(document, "apiVersion"))});
    for (const auto &entry : document) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key != "spec" && key != "kind" && key != "apiVersion")
            out.details.append({QString::fromStdString(key), brief(entry.second)});
    }
    const YAML::Node pipeline = pipelineSpec(document);
    if (kind == u"PipelineRun"_s)
        for (const auto &entry : spec) // the run's params, workspaces, timeouts
            if (!(entry.first.IsScalar() && entry.first.Scalar() == "pipelineSpec"))
                out.details.append({u"run."_s + scalar(entry.first), brief(entry.second)});
    for (const auto &entry : pipeline) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key != "tasks" && key != "finally") // params, workspaces, results, description
            out.details.append({QString::fromStdString(key), brief(entry.second)});
    }

    QList<ReadTask> tasks;
    const QStringList main = readTasks(member(pipeline, "tasks"), {}, tasks, out);
    const YAML::Node finallyNode = member(pipeline, "finally");
    const QStringList last = readTasks(finallyNode, u"finally"_s, tasks, out);
    if (main.isEmpty())
        out.warn(lineOf(pipeline), TektonText::tr("the pipeline has no tasks"));
    QSet<QString> runBefore; // tasks of `tasks` that another one runs after
    for (const ReadTask &task : std::as_const(tasks)) {
        out.jobs.append(task.job);
        for (const auto &[after, line] : task.after) {
            out.dependencies.append({after, task.job.id, line, {}});
            if (!last.contains(task.job.id))
                runBefore.insert(after);
        }
    }
    if (last.isEmpty())
        return;
    out.groups.append({u"finally"_s, u"finally"_s, {}});
    // "finally tasks are executed after all PipelineTasks under tasks have completed": an edge
    // from each task that nothing else runs after stands for all of them.
    for (const QString &task : main)
        if (!runBefore.contains(task))
            for (const QString &final : last)
                out.dependencies.append({task, final, lineOf(finallyNode), u"finally"_s});
}

} // namespace

const PipelineImporter &Importers::tekton()
{
    static const PipelineImporter importer{
        PipelineImport::Format::Tekton, "tekton", "Tekton", recognise, isUsualName, read};
    return importer;
}
