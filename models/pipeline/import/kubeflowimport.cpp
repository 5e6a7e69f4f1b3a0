#include "pipeline/import/importers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// Kubeflow Pipelines v2, as the SDK compiles them (the PipelineSpec IR): a node per task of the
// root DAG; a task whose component is itself a DAG (a sub-pipeline, a condition branch, a
// ParallelFor loop, an exit handler) is a frame holding its own tasks. Edges come from
// `dependentTasks` and from the task outputs a task reads; the container a task runs comes from
// its component's executor in `deploymentSpec`.
// https://www.kubeflow.org/docs/components/pipelines/ and
// https://github.com/kubeflow/pipelines/blob/master/api/v2alpha1/pipeline_spec.proto
namespace {

struct KubeflowText
{
    Q_DECLARE_TR_FUNCTIONS(KubeflowImport)
};

// DAGs nested deeper than this are drawn as one node: the SDK nests a level for each pipeline,
// condition or loop, and real pipelines stay far below.
constexpr int MaxDepth = 12;
// Tasks past this many, frames included, are not drawn: a component reused at every level
// multiplies them.
constexpr int MaxTasks = 5000;

QString keyText(const YAML::Node &key)
{
    return key.IsScalar() ? QString::fromStdString(key.Scalar()) : QString();
}

// The job ids a task starts with and ends with: itself, or the first and last tasks of its DAG.
struct Ends
{
    QStringList entries;
    QStringList exits;
};

struct Reader
{
    YAML::Node components;
    YAML::Node executors;
    ImportedPipeline &out;
    int tasks = 0;
    bool warnedTooMany = false;

    QHash<QString, Ends> readDag(const YAML::Node &dag,
                                 const QString &prefix,
                                 const QString &group,
                                 int depth,
                                 const ImportedJob &inherited);
    Ends readTask(const QString &name,
                  int line,
                  const YAML::Node &task,
                  const QString &prefix,
                  const QString &group,
                  int depth,
                  const ImportedJob &inherited);
    void readExecutor(const YAML::Node &component, ImportedJob &job);
};

// The sibling tasks a task waits for: `dependentTasks`, and the producers of the outputs it
// reads (taskOutputParameter, taskOutputArtifact, and an exit task's taskFinalStatus).
QList<std::pair<QString, int>> upstreamOf(const YAML::Node &task)
{
    QList<std::pair<QString, int>> upstream;
    const YAML::Node dependent = member(task, "dependentTasks");
    for (const QString &name : scalarOrList(dependent))
        upstream.append({name, lineOf(dependent)});
    const YAML::Node inputs = member(task, "inputs");
    for (const char *kind : {"parameters", "artifacts"}) {
        for (const auto &input : member(inputs, kind)) {
            for (const char *source :
                 {"taskOutputParameter", "taskOutputArtifact", "taskFinalStatus"}) {
                const YAML::Node producer = member(member(input.second, source), "producerTask");
                if (const QString name = scalar(producer); !name.isEmpty())
                    upstream.append({name, lineOf(producer)});
            }
        }
    }
    return upstream;
}

// A task input as one line: a constant, the pipeline's input, or another task's output.
QString inputText(const YAML::Node &input)
{
    if (const YAML::Node constant = member(member(input, "runtimeValue"), "constant");
        constant.IsDefined())
        return constant.IsScalar() ? scalar(constant) : brief(constant, 200);
    if (const QString parent = scalar(member(input, "componentInputParameter")); !parent.isEmpty())
        return u"{{%1}}"_s.arg(parent);
    if (const QString parent = scalar(member(input, "componentInputArtifact")); !parent.isEmpty())
        return u"{{%1}}"_s.arg(parent);
    for (const char *source : {"taskOutputParameter", "taskOutputArtifact"}) {
        const YAML::Node output = member(input, source);
        if (isMap(output))
            return u"%1.%2"_s.arg(scalar(member(output, "producerTask")),
                                  scalar(member(output, "outputParameterKey"))
                                      + scalar(member(output, "outputArtifactKey")));
    }
    return brief(input, 200);
}

void Reader::readExecutor(const YAML::Node &component, ImportedJob &job)
{
    const QString label = scalar(member(component, "executorLabel"));
    if (label.isEmpty())
        return;
    const YAML::Node executor = member(executors, label.toStdString().c_str());
    if (!isMap(executor)) {
        out.warn(lineOf(component),
                 KubeflowText::tr("task '%1': its executor '%2' is not in deploymentSpec")
                     .arg(job.id, label));
        return;
    }
    job.details.append({u"executor"_s, label});
    for (const auto &entry : executor) {
        const QString kind = keyText(entry.first);
        const YAML::Node &body = entry.second;
        if (kind == u"container"_s) {
            job.image = scalar(member(body, "image"));
            job.command
                = scalarOrList(member(body, "command")) + scalarOrList(member(body, "args"));
            job.kindHints << job.command.join(u' ');
            for (const auto &field : body) {
                const QString key = keyText(field.first);
                if (key != u"image"_s && key != u"command"_s && key != u"args"_s)
                    job.details.append({u"container."_s + key, brief(field.second)});
            }
        } else if (kind == u"importer"_s) { // dsl.importer: brings an existing artifact in
            job.badges << KubeflowText::tr("importer");
            job.kind = u"ingest"_s;
            job.details.append({u"importer"_s, brief(body)});
        } else {
            job.details.append({kind, brief(body)}); // resolver, custom job
        }
    }
}

// What a task says of itself besides its name, component and dependencies: its inputs as
// parameters, its condition, loop and caching as details.
void readTaskFields(const YAML::Node &task, const QString &componentName, ImportedJob &job)
{
    bool loop = false;
    for (const auto &entry : task) {
        const QString field = keyText(entry.first);
        const YAML::Node &value = entry.second;
        if (field == u"componentRef"_s) {
            job.details.append({u"component"_s, componentName});
            job.kindHints << componentName;
        } else if (field == u"taskInfo"_s || field == u"dependentTasks"_s) {
            continue;
        } else if (field == u"inputs"_s) {
            for (const auto &parameter : member(value, "parameters"))
                job.parameters.append({keyText(parameter.first), inputText(parameter.second)});
            if (const YAML::Node artifacts = member(value, "artifacts"); artifacts.IsDefined())
                job.details.append({u"inputs.artifacts"_s, brief(artifacts)});
        } else if (field == u"triggerPolicy"_s) {
            if (const QString condition = scalar(member(value, "condition")); !condition.isEmpty())
                job.details.append({u"condition"_s, condition});
            if (const QString strategy = scalar(member(value, "strategy")); !strategy.isEmpty())
                job.details.append({u"trigger strategy"_s, strategy});
        } else if (field == u"iteratorPolicy"_s || field == u"parameterIterator"_s
                   || field == u"artifactIterator"_s) {
            loop = loop || field != u"iteratorPolicy"_s;
            job.details.append({field, brief(value)});
        } else if (field == u"cachingOptions"_s) {
            job.details.append({u"caching"_s, brief(value)});
        } else {
            job.details.append({field, brief(value)}); // retryPolicy, …
        }
    }
    if (loop)
        job.badges << KubeflowText::tr("loop");
}

Ends Reader::readTask(const QString &name,
                      int line,
                      const YAML::Node &task,
                      const QString &prefix,
                      const QString &group,
                      int depth,
                      const ImportedJob &inherited)
{
    // Counted before nesting, so that a component whose DAG runs itself ends here too.
    if (++tasks > MaxTasks) {
        if (!std::exchange(warnedTooMany, true))
            out.warn(line,
                     KubeflowText::tr("more than %1 tasks: the rest are not drawn").arg(MaxTasks));
        return {};
    }
    ImportedJob job = inherited;
    job.id = prefix + name;
    job.name = scalar(member(member(task, "taskInfo"), "name"));
    if (job.name.isEmpty())
        job.name = name;
    job.line = line;
    job.group = group;
    const QString componentName = scalar(member(member(task, "componentRef"), "name"));
    const YAML::Node component = member(components, componentName.toStdString().c_str());
    if (!componentName.isEmpty() && !isMap(component))
        out.warn(job.line,
                 KubeflowText::tr("task '%1' runs the component '%2', which is not in the file")
                     .arg(job.id, componentName));
    readTaskFields(task, componentName, job);

    const YAML::Node dag = member(component, "dag");
    if (isMap(dag) && depth >= MaxDepth) {
        out.warn(job.line,
                 KubeflowText::tr("task '%1' nests pipelines more than %2 deep: drawn as one node")
                     .arg(job.id)
                     .arg(MaxDepth));
    } else if (isMap(dag)) {
        // A frame with the inner tasks; they inherit what the group says of all of them.
        ImportedGroup frame{job.id, job.name, group};
        out.groups.append(frame);
        ImportedJob shared;
        shared.badges = job.badges;
        for (const auto &[key, value] : std::as_const(job.details))
            if (key == u"condition"_s || key == u"trigger strategy"_s
                || key == u"parameterIterator"_s || key == u"artifactIterator"_s)
                shared.details.append({key, value});
        const QHash<QString, Ends> inner = readDag(dag, job.id + u'/', job.id, depth + 1, shared);
        Ends ends;
        QSet<QString> hasUpstream, hasDownstream;
        for (const auto &entry : member(dag, "tasks")) {
            for (const auto &[upstream, line] : upstreamOf(entry.second)) {
                hasUpstream.insert(keyText(entry.first));
                hasDownstream.insert(upstream);
            }
        }
        for (const auto &entry : member(dag, "tasks")) {
            const QString innerName = keyText(entry.first);
            if (!hasUpstream.contains(innerName))
                ends.entries += inner.value(innerName).entries;
            if (!hasDownstream.contains(innerName))
                ends.exits += inner.value(innerName).exits;
        }
        if (!ends.entries.isEmpty())
            return ends;
        // An empty DAG: the task is drawn as one node.
        out.groups.removeIf([&](const ImportedGroup &g) { return g.id == frame.id; });
    }
    readExecutor(component, job);
    out.jobs.append(job);
    return {{job.id}, {job.id}};
}

QHash<QString, Ends> Reader::readDag(const YAML::Node &dag,
                                     const QString &prefix,
                                     const QString &group,
                                     int depth,
                                     const ImportedJob &inherited)
{
    QHash<QString, Ends> ends;
    const YAML::Node tasks = member(dag, "tasks");
    for (const auto &entry : tasks) {
        const QString name = keyText(entry.first);
        if (name.isEmpty()) {
            out.warn(lineOf(entry.first),
                     KubeflowText::tr("a task whose name is not text: skipped"));
            continue;
        }
        ends.insert(
            name,
            readTask(name, lineOf(entry.first), entry.second, prefix, group, depth, inherited));
    }
    for (const auto &entry : tasks) {
        const QString name = keyText(entry.first);
        const YAML::Node policy = member(entry.second, "triggerPolicy");
        QString condition = scalar(member(policy, "condition"));
        if (scalar(member(policy, "strategy")) == u"ALL_UPSTREAM_TASKS_COMPLETED"_s)
            condition = KubeflowText::tr("after upstream tasks, whatever their status");
        QSet<QString> seen;
        for (const auto &[upstream, line] : upstreamOf(entry.second)) {
            if (seen.contains(upstream))
                continue;
            seen.insert(upstream);
            if (!ends.contains(upstream)) { // finishImport() names the missing task
                out.dependencies.append({prefix + upstream, prefix + name, line, {}});
                continue;
            }
            for (const QString &from : ends.value(upstream).exits)
                for (const QString &to : ends.value(name).entries)
                    out.dependencies.append({from, to, line, condition});
        }
    }
    return ends;
}

int recognise(const YAML::Node &document)
{
    if (!isMap(member(document, "pipelineInfo")) || !isMap(member(document, "root")))
        return 0;
    return member(document, "components").IsDefined()
                   || member(document, "deploymentSpec").IsDefined()
                   || isMap(member(member(document, "root"), "dag"))
               ? 2
               : 1;
}

bool isUsualName(const QString &)
{
    return false; // the SDK writes whatever name it is given (pipeline.yaml, *.json)
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    const YAML::Node root = member(document, "root");
    for (const auto &entry : document) {
        const QString key = keyText(entry.first);
        if (key != u"components"_s && key != u"deploymentSpec"_s && key != u"root"_s)
            out.details.append({key, brief(entry.second)}); // pipelineInfo, sdkVersion…
    }
    for (const auto &entry : root)
        if (keyText(entry.first) != u"dag"_s) // the pipeline's inputs and outputs
            out.details.append({u"root."_s + keyText(entry.first), brief(entry.second)});
    Reader reader{member(document, "components"),
                  member(member(document, "deploymentSpec"), "executors"),
                  out};
    const YAML::Node dag = member(root, "dag");
    if (!isMap(dag)) {
        out.warn(lineOf(root), KubeflowText::tr("the pipeline's root has no DAG of tasks"));
        return;
    }
    reader.readDag(dag, {}, {}, 0, {});
}

} // namespace

const PipelineImporter &Importers::kubeflow()
{
    static const PipelineImporter importer{PipelineImport::Format::Kubeflow,
                                           "kubeflow",
                                           "Kubeflow Pipelines",
                                           recognise,
                                           isUsualName,
                                           read};
    return importer;
}
