#include "pipeline/import/argodepends.h"
#include "pipeline/import/importers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// Argo Workflows (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow): the
// entrypoint template drawn as the pipeline. A DAG's tasks are nodes and their `dependencies` /
// `depends` edges; a steps template's groups run one after the other, the steps of a group in
// parallel; a task or step that calls another DAG or steps template is drawn as a frame around
// that template's nodes. Leaf templates (container, script, resource, …) are nodes; what has no
// place of its own is kept as a detail, what cannot be drawn is a warning with its line.
// https://argo-workflows.readthedocs.io/en/latest/walk-through/
namespace {

struct ArgoImportText
{
    Q_DECLARE_TR_FUNCTIONS(ArgoImport)
};

// Frames nested deeper than this are not expanded. Kubeflow's compiler nests a dozen levels
// (conditions in loops in conditions, each component a DAG of its own); a recursive call is
// stopped where it starts, so only a chain of distinct templates gets this deep.
constexpr int MaxNesting = 30;
// Past this many nodes, calls of DAG or steps templates stay single nodes: a template used by
// many tasks, each calling another used by many, grows exponentially with the nesting.
constexpr qsizetype MaxJobs = 2000;
// Each step of a group depends on each step of the group before: the edges grow with the
// product of the groups' sizes.
constexpr qsizetype MaxDependencies = 20000;

const QStringList &workflowKinds()
{
    static const QStringList kinds{
        u"Workflow"_s, u"WorkflowTemplate"_s, u"ClusterWorkflowTemplate"_s, u"CronWorkflow"_s};
    return kinds;
}

std::string keyOf(const YAML::Node &key)
{
    return key.IsScalar() ? key.Scalar() : std::string();
}

// --- Loops ------------------------------------------------------------------------------------

std::optional<qint64> integer(const YAML::Node &node)
{
    bool ok = false;
    const qint64 value = scalar(node).trimmed().toLongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

// "loop ×N" when the number of runs is written in the file: withItems' length, withSequence's
// count (https://argo-workflows.readthedocs.io/en/latest/walk-through/loops/); "loop" when it
// comes at run time (withParam, a count that is an expression).
QString loopBadge(const YAML::Node &call)
{
    const YAML::Node items = member(call, "withItems");
    const YAML::Node sequence = member(call, "withSequence");
    std::optional<qint64> count;
    if (isList(items))
        count = qint64(items.size());
    else if (isMap(sequence))
        count = integer(member(sequence, "count"));
    return count && *count >= 0 ? ArgoImportText::tr("loop ×%1").arg(*count)
                                : ArgoImportText::tr("loop");
}

// --- The reader -------------------------------------------------------------------------------

// The node ids a call of a template starts with and ends with: one node's own id, or the entry
// and exit nodes of the DAG or steps drawn in its frame.
struct Ends
{
    QStringList entries;
    QStringList exits;
};

// A task of a DAG, a step of a steps template, the entrypoint or the exit handler: something that
// runs a template.
struct Call
{
    YAML::Node node; // the task or step; null for a template drawn without a call
    QString id;      // the node id, or the frame's id and its nodes' id prefix
    QString name;    // as written: the task or step name
    QString group;   // the frame it sits in
    int line = 0;
    // "task", "step", "template", "onExit" (Argo's words, as in the file); empty for the
    // entrypoint, whose DAG or steps are the pipeline itself.
    QString what;
};

class ArgoReader
{
public:
    explicit ArgoReader(ImportedPipeline &out)
        : m_out(out)
    {}

    void read(const YAML::Node &document);

private:
    void readSpec(const YAML::Node &spec, const QString &kind);
    void readTemplates(const YAML::Node &templates);
    void readArguments(const YAML::Node &arguments);
    Ends showEntrypoint(const QString &name);
    Ends showRoots(int line);
    void showExitHandler(const YAML::Node &onExit, const Ends &main);

    Ends showCall(const Call &call);
    Ends expand(const Call &call, const QString &templateName, const YAML::Node &body);
    Ends readDag(const YAML::Node &dag, const QString &prefix, const QString &group);
    Ends readSteps(const YAML::Node &steps, const QString &prefix, const QString &group);
    void dependOnTasks(const YAML::Node &task,
                       const QString &id,
                       const QHash<QString, Ends> &tasks,
                       const Ends &ends,
                       const QString &prefix);

    ImportedJob plainJob(const Call &call);
    void readCallKeys(const Call &call, ImportedJob &job);
    void readTemplate(const QString &name, const YAML::Node &body, ImportedJob &job);
    void describeTemplate(const QString &name, const YAML::Node &body);
    void checkHooks(const YAML::Node &value, const QString &key, const QString &owner);
    void useTemplate(const QString &name, int line, const QString &owner);

    QString uniqueId(const QString &base) const;
    void warn(int line, const QString &message);
    void depend(const QStringList &from, const QStringList &to, int line, const QString &condition);

    ImportedPipeline &m_out;
    QHash<QString, YAML::Node> m_templates;
    QList<std::pair<QString, int>> m_templateOrder; // names and lines, in file order
    QSet<QString> m_used;                           // templates drawn or named by a node
    QSet<QString> m_described;                      // templates whose own keys were kept
    QStringList m_stack; // the DAG and steps templates being expanded, outermost first
    int m_frames = 0;    // the frames the call being read sits in
    QSet<QString> m_ids; // node and frame ids so far
    QSet<std::pair<int, QString>> m_said; // a template drawn twice says its problems once
    bool m_budgetSaid = false;
    bool m_edgesSaid = false;
};

QString ArgoReader::uniqueId(const QString &base) const
{
    QString id = base;
    for (int k = 2; m_ids.contains(id); ++k)
        id = u"%1@%2"_s.arg(base).arg(k);
    return id;
}

void ArgoReader::warn(int line, const QString &message)
{
    if (!m_said.contains({line, message}))
        m_out.warn(line, message);
    m_said.insert({line, message});
}

void ArgoReader::depend(const QStringList &from,
                        const QStringList &to,
                        int line,
                        const QString &condition)
{
    for (const QString &f : from) {
        for (const QString &t : to) {
            if (m_out.dependencies.size() >= MaxDependencies) {
                if (!m_edgesSaid)
                    warn(line,
                         ArgoImportText::tr("more than %1 dependencies: the rest are not "
                                            "drawn")
                             .arg(MaxDependencies));
                m_edgesSaid = true;
                return;
            }
            m_out.dependencies.append({f, t, line, condition});
        }
    }
}

void ArgoReader::useTemplate(const QString &name, int line, const QString &owner)
{
    if (name.isEmpty())
        return;
    if (!m_templates.contains(name))
        warn(line,
             ArgoImportText::tr("%1 names the template '%2', which is not in this file")
                 .arg(owner, name));
    m_used.insert(name);
}

// Lifecycle hooks (https://argo-workflows.readthedocs.io/en/latest/lifecyclehook/) and exit
// handlers of a task or template are kept as details; the templates they name must exist.
void ArgoReader::checkHooks(const YAML::Node &value, const QString &key, const QString &owner)
{
    if (key == u"onExit") {
        useTemplate(scalar(value), lineOf(value), owner);
        return;
    }
    if (!isMap(value))
        return;
    for (const auto &hook : value)
        useTemplate(scalar(member(hook.second, "template")), lineOf(hook.second), owner);
}

void ArgoReader::read(const YAML::Node &document)
{
    const QString kind = scalar(member(document, "kind"));
    YAML::Node spec;
    for (const auto &entry : document) {
        const std::string key = keyOf(entry.first);
        const YAML::Node &value = entry.second;
        if (key == "spec") {
            spec = value;
        } else if (key == "metadata" && isMap(value)) {
            for (const auto &field : value) {
                const QString name = QString::fromStdString(keyOf(field.first));
                // The workflow's name is the pipeline's; the rest is Kubernetes bookkeeping.
                m_out.details.append(
                    {name == u"name" || name == u"generateName" ? name : u"metadata."_s + name,
                     brief(field.second)});
            }
        } else {
            m_out.details.append({QString::fromStdString(key), brief(value)});
        }
    }
    if (!isMap(spec)) {
        warn(lineOf(document),
             ArgoImportText::tr("the %1 has no spec: no templates to draw").arg(kind));
        return;
    }
    if (kind != u"CronWorkflow") {
        readSpec(spec, kind);
        return;
    }
    // https://argo-workflows.readthedocs.io/en/latest/cron-workflows/: the schedule(s) and
    // policies are the CronWorkflow's own, the workflow it starts is at spec.workflowSpec.
    YAML::Node workflowSpec;
    for (const auto &entry : spec) {
        const std::string key = keyOf(entry.first);
        if (key == "workflowSpec")
            workflowSpec = entry.second;
        else
            m_out.details.append({QString::fromStdString(key), brief(entry.second)});
    }
    if (!isMap(workflowSpec)) {
        warn(lineOf(spec),
             ArgoImportText::tr("the CronWorkflow has no workflowSpec: no templates to "
                                "draw"));
        return;
    }
    readSpec(workflowSpec, kind);
}

void ArgoReader::readArguments(const YAML::Node &arguments)
{
    for (const auto &entry : arguments) {
        const std::string key = keyOf(entry.first);
        if (key == "parameters" && isList(entry.second)) {
            // The workflow's parameters, with the value they have unless the submitter sets one.
            for (const YAML::Node &parameter : entry.second) {
                const QString name = scalar(member(parameter, "name"));
                YAML::Node value = member(parameter, "value");
                if (!value.IsDefined())
                    value = member(parameter, "default");
                if (!value.IsDefined())
                    value = member(parameter, "valueFrom");
                m_out.details.append({u"parameters."_s + name, brief(value)});
            }
        } else {
            m_out.details.append(
                {u"arguments."_s + QString::fromStdString(key), brief(entry.second)});
        }
    }
}

void ArgoReader::readTemplates(const YAML::Node &templates)
{
    if (templates.IsDefined() && !isList(templates))
        warn(lineOf(templates), ArgoImportText::tr("'templates' is not a list: ignored"));
    if (!isList(templates))
        return;
    for (const YAML::Node &body : templates) {
        const QString name = scalar(member(body, "name"));
        if (!isMap(body) || name.isEmpty()) {
            warn(lineOf(body), ArgoImportText::tr("a template without a name: ignored"));
            continue;
        }
        if (m_templates.contains(name)) {
            warn(lineOf(body),
                 ArgoImportText::tr("a second template called '%1': ignored").arg(name));
            continue;
        }
        m_templates.insert(name, body);
        m_templateOrder.append({name, lineOf(body)});
    }
}

void ArgoReader::readSpec(const YAML::Node &spec, const QString &kind)
{
    YAML::Node onExit, templateRef;
    for (const auto &entry : spec) {
        const std::string key = keyOf(entry.first);
        const YAML::Node &value = entry.second;
        if (key == "templates") {
            readTemplates(value);
        } else if (key == "arguments" && isMap(value)) {
            readArguments(value);
        } else {
            if (key == "onExit")
                onExit = value;
            else if (key == "workflowTemplateRef")
                templateRef = value;
            m_out.details.append({QString::fromStdString(key), brief(value)});
        }
    }
    for (const auto &entry : spec)
        if (keyOf(entry.first) == "hooks")
            checkHooks(entry.second, u"hooks"_s, ArgoImportText::tr("the workflow's hooks"));

    const YAML::Node entrypoint = member(spec, "entrypoint");
    const QString name = scalar(entrypoint);
    Ends main;
    if (!name.isEmpty() && m_templates.contains(name)) {
        main = showEntrypoint(name);
    } else if (!name.isEmpty()) {
        warn(lineOf(entrypoint),
             ArgoImportText::tr("the entrypoint '%1' is not a template of this file").arg(name));
        main = showRoots(lineOf(entrypoint));
    } else if (isMap(templateRef) || templateRef.IsScalar()) {
        // https://argo-workflows.readthedocs.io/en/latest/workflow-templates/: a Workflow that
        // runs a WorkflowTemplate kept elsewhere.
        ImportedJob job;
        job.id = scalar(member(templateRef, "name"));
        if (job.id.isEmpty())
            job.id = u"workflowTemplateRef"_s;
        job.line = lineOf(templateRef);
        job.details.append({u"calls"_s, brief(templateRef)});
        job.badges << ArgoImportText::tr("external template");
        job.kindHints << job.id;
        m_ids.insert(job.id);
        m_out.jobs.append(job);
        main = {{job.id}, {job.id}};
    } else if (m_templateOrder.size() == 1 && kind != u"Workflow" && kind != u"CronWorkflow") {
        // A WorkflowTemplate of one template is that template.
        main = showEntrypoint(m_templateOrder.first().first);
    } else {
        warn(lineOf(spec),
             ArgoImportText::tr("no entrypoint: the templates no other template calls are "
                                "drawn side by side"));
        main = showRoots(lineOf(spec));
    }
    if (onExit.IsDefined())
        showExitHandler(onExit, main);

    for (const auto &[unused, line] : std::as_const(m_templateOrder))
        if (!m_used.contains(unused))
            warn(line,
                 ArgoImportText::tr("the template '%1' is not called from the entrypoint: "
                                    "not drawn")
                     .arg(unused));
}

// The entrypoint's own DAG or steps are the pipeline, without a frame.
Ends ArgoReader::showEntrypoint(const QString &name)
{
    const YAML::Node body = m_templates.value(name);
    m_used.insert(name);
    if (member(body, "dag").IsDefined() || member(body, "steps").IsDefined())
        return expand({{}, {}, name, {}, lineOf(body), {}}, name, body);
    ImportedJob job;
    job.id = name;
    job.line = lineOf(body);
    readTemplate(name, body, job);
    m_ids.insert(job.id);
    m_out.jobs.append(job);
    return {{job.id}, {job.id}};
}

// Without an entrypoint, each template no other one calls is drawn as if it were called.
Ends ArgoReader::showRoots(int line)
{
    QSet<QString> called;
    for (const auto &[name, templateLine] : std::as_const(m_templateOrder)) {
        const YAML::Node body = m_templates.value(name);
        const YAML::Node tasks = member(member(body, "dag"), "tasks");
        for (const YAML::Node &task : isList(tasks) ? tasks : YAML::Node())
            called.insert(scalar(member(task, "template")));
        const YAML::Node steps = member(body, "steps");
        for (const YAML::Node &group : isList(steps) ? steps : YAML::Node())
            for (const YAML::Node &step : isList(group) ? group : YAML::Node())
                called.insert(scalar(member(step, "template")));
    }
    QStringList roots;
    for (const auto &[name, templateLine] : std::as_const(m_templateOrder))
        if (!called.contains(name))
            roots << name;
    if (roots.isEmpty() && !m_templateOrder.isEmpty())
        roots << m_templateOrder.first().first; // they all call each other
    if (roots.size() == 1)
        return showEntrypoint(roots.first());
    if (roots.isEmpty())
        warn(line, ArgoImportText::tr("no templates: nothing to draw"));
    Ends ends;
    for (const QString &root : std::as_const(roots)) {
        const YAML::Node body = m_templates.value(root);
        Call call{{}, uniqueId(root), root, {}, lineOf(body), u"template"_s};
        m_used.insert(root);
        const Ends shown = expand(call, root, body);
        ends.entries << shown.entries;
        ends.exits << shown.exits;
    }
    return ends;
}

// The workflow's exit handler runs after everything else, whatever the result
// (https://argo-workflows.readthedocs.io/en/latest/walk-through/exit-handlers/).
void ArgoReader::showExitHandler(const YAML::Node &onExit, const Ends &main)
{
    const QString name = scalar(onExit);
    useTemplate(name, lineOf(onExit), ArgoImportText::tr("the workflow's onExit"));
    if (!m_templates.contains(name))
        return;
    Call call{{}, uniqueId(u"onExit"_s), name, {}, lineOf(onExit), u"onExit"_s};
    const Ends handler = expand(call, name, m_templates.value(name));
    depend(main.exits, handler.entries, lineOf(onExit), u"exit"_s);
}

Ends ArgoReader::showCall(const Call &call)
{
    const QString templateName = scalar(member(call.node, "template"));
    const YAML::Node inlineBody = member(call.node, "inline");
    if (isMap(inlineBody))
        return expand(call, {}, inlineBody);
    if (!member(call.node, "templateRef").IsDefined()) {
        if (templateName.isEmpty())
            warn(call.line,
                 ArgoImportText::tr("%1 '%2' names no template: drawn as an empty step")
                     .arg(call.what, call.name));
        else if (m_templates.contains(templateName))
            return expand(call, templateName, m_templates.value(templateName));
        else
            warn(call.line,
                 ArgoImportText::tr("%1 '%2' calls the template '%3', which is not in this "
                                    "file")
                     .arg(call.what, call.name, templateName));
    }
    // A template of another WorkflowTemplate, or one that is missing: the call alone.
    const ImportedJob job = plainJob(call);
    m_out.jobs.append(job);
    return {{job.id}, {job.id}};
}

// Whether a DAG or steps template has a task or step to draw inside a frame.
bool hasMembers(const YAML::Node &body)
{
    const YAML::Node tasks = member(member(body, "dag"), "tasks");
    for (const YAML::Node &task : isList(tasks) ? tasks : YAML::Node())
        if (isMap(task))
            return true;
    const YAML::Node steps = member(body, "steps");
    for (const YAML::Node &group : isList(steps) ? steps : YAML::Node()) {
        if (isMap(group))
            return true;
        for (const YAML::Node &step : isList(group) ? group : YAML::Node())
            if (isMap(step))
                return true;
    }
    return false;
}

// A call of `body`: a frame around its DAG or steps, or a node for a leaf template (and for a DAG
// or steps that cannot be expanded: recursive, too deep, too many nodes).
Ends ArgoReader::expand(const Call &call, const QString &templateName, const YAML::Node &body)
{
    const bool nested = member(body, "dag").IsDefined() || member(body, "steps").IsDefined();
    if (!templateName.isEmpty())
        m_used.insert(templateName);
    QString stopped;
    if (nested && !hasMembers(body)) {
        warn(lineOf(body),
             ArgoImportText::tr("the template '%1' has no tasks or steps: drawn as one "
                                "node")
                 .arg(templateName));
        stopped = ArgoImportText::tr("empty");
    } else if (nested && m_stack.contains(templateName) && !templateName.isEmpty()) {
        // https://argo-workflows.readthedocs.io/en/latest/walk-through/recursion/
        warn(call.line,
             ArgoImportText::tr("%1 '%2' calls '%3' again from inside it (recursion): "
                                "drawn as one node")
                 .arg(call.what, call.name, templateName));
        stopped = ArgoImportText::tr("recursive");
    } else if (nested && m_frames >= MaxNesting) {
        warn(call.line,
             ArgoImportText::tr("templates nested more than %1 deep: %2 '%3' is drawn as "
                                "one node")
                 .arg(MaxNesting)
                 .arg(call.what, call.name));
        stopped = ArgoImportText::tr("not expanded");
    } else if (nested && m_out.jobs.size() >= MaxJobs) {
        if (!m_budgetSaid)
            warn(call.line,
                 ArgoImportText::tr("more than %1 nodes: %2 '%3' and the calls after it "
                                    "are drawn as one node each")
                     .arg(MaxJobs)
                     .arg(call.what, call.name));
        m_budgetSaid = true;
        stopped = ArgoImportText::tr("not expanded");
    }
    if (!nested || !stopped.isEmpty()) {
        ImportedJob job = plainJob(call);
        readTemplate(templateName, body, job);
        if (!stopped.isEmpty())
            job.badges << stopped;
        m_out.jobs.append(job);
        return {{job.id}, {job.id}};
    }

    // The entrypoint's DAG or steps are the pipeline itself; any other call gets a frame.
    const bool framed = !call.what.isEmpty();
    const QString prefix = framed ? call.id + u'/' : QString();
    const QString group = framed ? call.id : call.group;
    if (framed) {
        // The frame holds the call's title; what the call says besides is kept with the
        // pipeline's details, under the call's id.
        ImportedJob probe;
        readCallKeys(call, probe);
        if (member(body, "retryStrategy").IsDefined())
            probe.badges << ArgoImportText::tr("retry");
        const QString title = call.what == u"onExit" ? u"onExit: %1"_s.arg(templateName)
                              : templateName.isEmpty() || templateName == call.name
                                  ? call.name
                                  : u"%1: %2"_s.arg(call.name, templateName);
        m_out.groups.append(
            {call.id,
             probe.badges.isEmpty() ? title : title + u" · "_s + probe.badges.join(u" · "_s),
             call.group});
        m_ids.insert(call.id);
        for (const auto &[key, value] : std::as_const(probe.details))
            m_out.details.append({u"%1 %2: %3"_s.arg(call.what, call.id, key), value});
        for (const auto &[key, value] : std::as_const(probe.parameters))
            m_out.details.append({u"%1 %2: parameters.%3"_s.arg(call.what, call.id, key), value});
    }
    describeTemplate(templateName, body);
    m_stack.append(templateName);
    m_frames += framed ? 1 : 0;
    const YAML::Node dag = member(body, "dag");
    const Ends ends = dag.IsDefined() ? readDag(dag, prefix, group)
                                      : readSteps(member(body, "steps"), prefix, group);
    m_stack.removeLast();
    m_frames -= framed ? 1 : 0;
    return ends;
}

// A DAG (https://argo-workflows.readthedocs.io/en/latest/walk-through/dag/): every task first,
// then the edges, since a task may depend on one written after it.
Ends ArgoReader::readDag(const YAML::Node &dag, const QString &prefix, const QString &group)
{
    const YAML::Node tasks = member(dag, "tasks");
    if (!isList(tasks)) {
        warn(lineOf(dag), ArgoImportText::tr("a DAG without a list of tasks"));
        return {};
    }
    QHash<QString, Ends> ends;
    QList<std::pair<YAML::Node, QString>> shown; // each task and its name
    for (const YAML::Node &task : tasks) {
        if (!isMap(task)) {
            warn(lineOf(task), ArgoImportText::tr("a task that is not a mapping: ignored"));
            continue;
        }
        QString name = scalar(member(task, "name"));
        if (name.isEmpty()) {
            warn(lineOf(task), ArgoImportText::tr("a task without a name"));
            name = uniqueId(prefix + u"(unnamed)"_s).mid(prefix.size());
        }
        if (ends.contains(name) || m_ids.contains(prefix + name))
            throw ImportError{lineOf(task),
                              ArgoImportText::tr("a second task called '%1' in one DAG").arg(name)};
        const Call call{task, prefix + name, name, group, lineOf(task), u"task"_s};
        m_ids.insert(call.id);
        ends.insert(name, showCall(call));
        shown.append({task, name});
    }
    QSet<QString> dependedOn;
    QStringList entries;
    for (const auto &[task, name] : std::as_const(shown)) {
        const qsizetype before = m_out.dependencies.size();
        dependOnTasks(task, prefix + name, ends, ends.value(name), prefix);
        if (m_out.dependencies.size() == before)
            entries << ends.value(name).entries;
        for (qsizetype d = before; d < m_out.dependencies.size(); ++d)
            dependedOn.insert(m_out.dependencies.at(d).from);
    }
    Ends dagEnds;
    dagEnds.entries = entries;
    for (const auto &[task, name] : std::as_const(shown))
        for (const QString &exit : ends.value(name).exits)
            if (!dependedOn.contains(exit))
                dagEnds.exits << exit;
    return dagEnds;
}

// The edges into a task from its `dependencies` and its `depends` expression.
void ArgoReader::dependOnTasks(const YAML::Node &task,
                               const QString &id,
                               const QHash<QString, Ends> &tasks,
                               const Ends &ends,
                               const QString &prefix)
{
    const auto exitsOf = [&](const QString &name) {
        // A task not in the DAG stays a missing job: finishImport() names it with its line.
        return tasks.contains(name) ? tasks.value(name).exits : QStringList{prefix + name};
    };
    const YAML::Node dependencies = member(task, "dependencies");
    const YAML::Node depends = member(task, "depends");
    if (dependencies.IsDefined() && depends.IsDefined())
        warn(lineOf(depends),
             ArgoImportText::tr("task '%1' has both 'dependencies' and 'depends', which "
                                "Argo refuses: both are drawn")
                 .arg(id));
    if (dependencies.IsDefined() && !dependencies.IsScalar() && !dependencies.IsSequence())
        warn(lineOf(dependencies),
             ArgoImportText::tr("task '%1': 'dependencies' is not a list of tasks").arg(id));
    for (const QString &name : scalarOrList(dependencies))
        depend(exitsOf(name), ends.entries, lineOf(dependencies), {});
    if (!depends.IsDefined())
        return;
    const QString text = scalar(depends);
    if (depends.IsScalar() && text.trimmed().isEmpty())
        return; // no condition: like no `depends` at all
    const ArgoDepends::Parsed expression = ArgoDepends::parse(text);
    if (expression.ok()) {
        QStringList names;
        for (const ArgoDepends::Operand &operand : expression.operands)
            if (!names.contains(operand.task))
                names << operand.task;
        for (const QString &name : std::as_const(names))
            depend(exitsOf(name),
                   ends.entries,
                   lineOf(depends),
                   ArgoDepends::conditionFor(name, expression.operands));
        return;
    }
    QStringList drawn;
    for (const QString &name : ArgoDepends::namesIn(text))
        if (tasks.contains(name))
            drawn << name;
    warn(lineOf(depends),
         ArgoImportText::tr("task '%1': cannot read depends \"%2\" (%3); drawn as depending on "
                            "every task it names: %4")
             .arg(id,
                  text.left(200),
                  depends.IsScalar() ? expression.error : ArgoImportText::tr("not text"),
                  drawn.isEmpty() ? ArgoImportText::tr("none") : drawn.join(u", "_s)));
    for (const QString &name : std::as_const(drawn))
        depend(exitsOf(name), ends.entries, lineOf(depends), {});
}

// A steps template (https://argo-workflows.readthedocs.io/en/latest/walk-through/steps/): a list
// of groups run one after the other; the steps of a group run in parallel.
Ends ArgoReader::readSteps(const YAML::Node &steps, const QString &prefix, const QString &group)
{
    if (!isList(steps)) {
        warn(lineOf(steps), ArgoImportText::tr("'steps' is not a list of step groups"));
        return {};
    }
    Ends all;
    QStringList previous;
    for (const YAML::Node &stepGroup : steps) {
        std::vector<YAML::Node> members;
        if (isList(stepGroup)) {
            for (const YAML::Node &step : stepGroup)
                members.push_back(step);
        } else if (isMap(stepGroup)) {
            warn(lineOf(stepGroup),
                 ArgoImportText::tr("a step group that is not a list (one '-' too few?): "
                                    "read as a group of one step"));
            members.push_back(stepGroup);
        } else {
            warn(lineOf(stepGroup), ArgoImportText::tr("a step group that is not a list"));
            continue;
        }
        Ends groupEnds;
        for (const YAML::Node &step : members) {
            if (!isMap(step)) {
                warn(lineOf(step), ArgoImportText::tr("a step that is not a mapping: ignored"));
                continue;
            }
            QString name = scalar(member(step, "name"));
            if (name.isEmpty()) {
                warn(lineOf(step), ArgoImportText::tr("a step without a name"));
                name = u"(unnamed)"_s;
            }
            // A repeated step name gets a number: the ids of the nodes stay unique.
            const QString id = uniqueId(prefix + name);
            m_ids.insert(id);
            const Ends ends = showCall({step, id, name, group, lineOf(step), u"step"_s});
            depend(previous, ends.entries, lineOf(step), {});
            groupEnds.entries << ends.entries;
            groupEnds.exits << ends.exits;
        }
        if (groupEnds.entries.isEmpty())
            continue;
        if (all.entries.isEmpty())
            all.entries = groupEnds.entries;
        previous = groupEnds.exits;
    }
    all.exits = previous;
    return all;
}

ImportedJob ArgoReader::plainJob(const Call &call)
{
    ImportedJob job;
    job.id = call.id.isEmpty() ? uniqueId(call.name) : call.id;
    job.name = call.name;
    job.line = call.line;
    job.group = call.group;
    m_ids.insert(job.id);
    readCallKeys(call, job);
    if (call.what == u"onExit")
        job.badges << ArgoImportText::tr("exit handler");
    return job;
}

// What a task or step says about its call: arguments, loops, conditions, hooks.
void ArgoReader::readCallKeys(const Call &call, ImportedJob &job)
{
    if (!call.node.IsDefined())
        return;
    const QString owner = u"%1 '%2'"_s.arg(call.what, call.name);
    for (const auto &entry : call.node) {
        const std::string key = keyOf(entry.first);
        const YAML::Node &value = entry.second;
        const QString name = QString::fromStdString(key);
        if (key == "name" || key == "inline") {
            continue;
        } else if (key == "template") {
            job.details.append({name, scalar(value)});
            job.kindHints << scalar(value);
        } else if (key == "templateRef") {
            // https://argo-workflows.readthedocs.io/en/latest/workflow-templates/
            const QString target = scalar(member(value, "name"));
            const QString inner = scalar(member(value, "template"));
            job.details.append(
                {u"calls"_s,
                 u"%1 / %2%3"_s.arg(target,
                                    inner,
                                    scalar(member(value, "clusterScope")) == u"true"
                                        ? ArgoImportText::tr(" (ClusterWorkflowTemplate)")
                                        : QString())});
            job.badges << ArgoImportText::tr("external template");
            job.kindHints << inner << target;
        } else if (key == "arguments" && isMap(value)) {
            for (const auto &argument : value) {
                const std::string kind = keyOf(argument.first);
                if (kind == "parameters" && isList(argument.second)) {
                    for (const YAML::Node &parameter : argument.second)
                        job.parameters.append(
                            {scalar(member(parameter, "name")), brief(member(parameter, "value"))});
                } else {
                    job.details.append(
                        {u"arguments."_s + QString::fromStdString(kind), brief(argument.second)});
                }
            }
        } else if (key == "withItems" || key == "withParam" || key == "withSequence") {
            if (!job.badges.contains(loopBadge(call.node)))
                job.badges << loopBadge(call.node);
            job.details.append({name, brief(value)});
        } else {
            // when, continueOn, depends, dependencies, hooks, onExit …: as written.
            if (key == "onExit" || key == "hooks")
                checkHooks(value, name, owner);
            job.details.append({name, brief(value)});
        }
    }
}

// A template's own keys when its call is a frame: kept with the pipeline's details, once.
void ArgoReader::describeTemplate(const QString &name, const YAML::Node &body)
{
    if (name.isEmpty() || m_described.contains(name))
        return;
    m_described.insert(name);
    for (const auto &entry : body) {
        const std::string key = keyOf(entry.first);
        if (key == "name" || key == "dag" || key == "steps")
            continue;
        if (key == "onExit" || key == "hooks")
            checkHooks(entry.second,
                       QString::fromStdString(key),
                       ArgoImportText::tr("template '%1'").arg(name));
        m_out.details.append(
            {u"template %1: %2"_s.arg(name, QString::fromStdString(key)), brief(entry.second)});
    }
    // A DAG's own options (target, failFast) are the template's too.
    for (const auto &entry : member(body, "dag"))
        if (keyOf(entry.first) != "tasks")
            m_out.details.append(
                {u"template %1: dag.%2"_s.arg(name, QString::fromStdString(keyOf(entry.first))),
                 brief(entry.second)});
}

void readContainer(const YAML::Node &container, const QString &prefix, ImportedJob &job)
{
    job.image = scalar(member(container, "image"));
    job.command = scalarOrList(member(container, "command"));
    if (!job.image.isEmpty())
        job.kindHints << job.image;
    for (const auto &entry : container) {
        const std::string key = keyOf(entry.first);
        if (key == "image" || key == "command")
            continue;
        if (key == "args" && (entry.second.IsSequence() || entry.second.IsScalar())) {
            job.command << scalarOrList(entry.second);
            continue;
        }
        if (key == "source" && entry.second.IsScalar()) {
            // A script: Argo writes the source to a file and runs the command on it; as one
            // command line for the exports, the interpreter is given the source with -c.
            if (job.command.isEmpty())
                job.command << u"sh"_s;
            job.command << u"-c"_s << scalar(entry.second);
            continue;
        }
        job.details.append({prefix + QString::fromStdString(key), brief(entry.second)});
    }
}

void readContainerSet(const YAML::Node &set, ImportedJob &job)
{
    for (const auto &entry : set) {
        if (keyOf(entry.first) != "containers" || !isList(entry.second)) {
            job.details.append({u"containerSet."_s + QString::fromStdString(keyOf(entry.first)),
                                brief(entry.second)});
            continue;
        }
        QStringList lines;
        for (const YAML::Node &container : entry.second) {
            const QString image = scalar(member(container, "image"));
            const QStringList argv = scalarOrList(member(container, "command"))
                                     + scalarOrList(member(container, "args"));
            lines << u"- %1 (%2): %3"_s.arg(
                scalar(member(container, "name")), image, argv.join(u' '));
            job.kindHints << image << argv.join(u' ');
        }
        job.details.append({u"containerSet.containers"_s, lines.join(u'\n')});
        if (entry.second.size() == 1)
            job.image = scalar(member(entry.second[0], "image"));
    }
}

// The kind of template a leaf is, and its body: what runs, kept as the node's image, command and
// details (https://argo-workflows.readthedocs.io/en/latest/fields/#template).
void readLeafBody(const std::string &type, const YAML::Node &value, ImportedJob &job)
{
    const QString name = QString::fromStdString(type);
    job.details.append({u"template type"_s, name});
    if (type == "container" || type == "script") {
        readContainer(value, name + u'.', job);
    } else if (type == "containerSet") {
        readContainerSet(value, job);
    } else if (type == "resource" && isMap(value)) {
        // https://argo-workflows.readthedocs.io/en/latest/walk-through/kubernetes-resources/
        const QString action = scalar(member(value, "action"));
        static const QRegularExpression kindLine(u"^kind:\\s*(\\S+)"_s,
                                                 QRegularExpression::MultilineOption);
        const QString manifest = scalar(member(value, "manifest"));
        job.kindHints << u"kubectl %1 %2"_s.arg(action, kindLine.match(manifest).captured(1));
        for (const auto &entry : value)
            job.details.append({u"resource."_s + QString::fromStdString(keyOf(entry.first)),
                                brief(entry.second, 300)});
    } else {
        // suspend, http, plugin, data: what they do is in their few keys.
        job.kindHints << name;
        if (type == "plugin" && isMap(value) && value.size() > 0)
            job.kindHints << QString::fromStdString(keyOf(value.begin()->first));
        job.details.append({name, brief(value)});
    }
}

// A template drawn as one node: its body, its inputs as parameters (the call's arguments win),
// its retries as a badge; every other key as a detail.
void ArgoReader::readTemplate(const QString &name, const YAML::Node &body, ImportedJob &job)
{
    static const std::set<std::string> leafTypes{
        "container", "script", "resource", "suspend", "http", "plugin", "data", "containerSet"};
    if (!name.isEmpty())
        job.kindHints << name;
    bool typed = false;
    for (const auto &entry : body) {
        const std::string key = keyOf(entry.first);
        const YAML::Node &value = entry.second;
        const QString keyName = QString::fromStdString(key);
        if (key == "name") {
            continue;
        } else if (leafTypes.count(key)) {
            typed = true;
            readLeafBody(key, value, job);
        } else if (key == "dag" || key == "steps") {
            typed = true; // a call that was not expanded: its tasks in brief
            job.details.append({keyName, brief(value, 200)});
        } else if (key == "inputs" && isMap(value)) {
            for (const auto &input : value) {
                if (keyOf(input.first) != "parameters" || !isList(input.second)) {
                    job.details.append({u"inputs."_s + QString::fromStdString(keyOf(input.first)),
                                        brief(input.second)});
                    continue;
                }
                for (const YAML::Node &parameter : input.second) {
                    const QString parameterName = scalar(member(parameter, "name"));
                    const bool passed
                        = std::any_of(job.parameters.cbegin(),
                                      job.parameters.cend(),
                                      [&](const auto &p) { return p.first == parameterName; });
                    YAML::Node fallback = member(parameter, "value");
                    if (!fallback.IsDefined())
                        fallback = member(parameter, "default");
                    if (!passed)
                        job.parameters.append({parameterName, brief(fallback)});
                }
            }
        } else if (key == "retryStrategy") {
            // https://argo-workflows.readthedocs.io/en/latest/walk-through/
            // retrying-failed-or-errored-steps/
            job.badges << ArgoImportText::tr("retry");
            job.details.append({keyName, brief(value)});
        } else {
            if (key == "onExit" || key == "hooks")
                checkHooks(value, keyName, ArgoImportText::tr("template '%1'").arg(name));
            job.details.append({keyName, brief(value)});
        }
    }
    if (!typed && isMap(body))
        warn(lineOf(body),
             ArgoImportText::tr("the template '%1' says nothing to run (no container, "
                                "script, resource, dag, steps …): drawn as an empty step")
                 .arg(name));
}

int recognise(const YAML::Node &document)
{
    const QString api = scalar(member(document, "apiVersion"));
    const QString kind = scalar(member(document, "kind"));
    if (!workflowKinds().contains(kind))
        return 0;
    if (api.startsWith(u"argoproj.io"_s))
        return 2;
    // The kind without its apiVersion: still Argo if the spec has templates.
    const YAML::Node spec = member(document, "spec");
    const YAML::Node workflow = kind == u"CronWorkflow" ? member(spec, "workflowSpec") : spec;
    return api.isEmpty() && isList(member(workflow, "templates")) ? 1 : 0;
}

bool isUsualName(const QString &)
{
    return false; // Argo files have no name of their own: the content decides
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    ArgoReader(out).read(document);
}

} // namespace

const PipelineImporter &Importers::argo()
{
    static const PipelineImporter importer{
        PipelineImport::Format::Argo, "argo", "Argo Workflows", recognise, isUsualName, read};
    return importer;
}
