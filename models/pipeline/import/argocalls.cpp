#include "pipeline/import/argodepends.h"
#include "pipeline/import/argoreader.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// A call of an Argo template (a task, a step, the entrypoint, the exit handler) drawn: a call of a
// leaf template is one node; a call of a DAG or steps template is a frame around that template's
// own calls, each drawn the same way (the entrypoint's DAG or steps are the pipeline itself, with
// no frame). The edges come from a DAG's `dependencies` and `depends` and from the order of the
// step groups; the entry and exit nodes of a frame stand for its call in the edges around it.
// Recursion, nesting past MaxNesting and a pipeline past MaxJobs nodes stop the expansion there:
// the call is then one node with a badge saying why.
namespace Argo {

namespace {

struct ArgoCallsText
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

} // namespace

Ends ArgoReader::showCall(const Call &call)
{
    const QString templateName = scalar(member(call.node, "template"));
    const YAML::Node inlineBody = member(call.node, "inline");
    if (isMap(inlineBody))
        return expand(call, {}, inlineBody);
    if (!member(call.node, "templateRef").IsDefined()) {
        if (templateName.isEmpty())
            warn(call.line,
                 ArgoCallsText::tr("%1 '%2' names no template: drawn as an empty step")
                     .arg(call.what, call.name));
        else if (m_templates.contains(templateName))
            return expand(call, templateName, m_templates.value(templateName));
        else
            warn(call.line,
                 ArgoCallsText::tr("%1 '%2' calls the template '%3', which is not in this "
                                   "file")
                     .arg(call.what, call.name, templateName));
    }
    // A template of another WorkflowTemplate, or one that is missing: the call alone.
    const ImportedJob job = plainJob(call);
    m_out.jobs.append(job);
    return {{job.id}, {job.id}};
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
             ArgoCallsText::tr("the template '%1' has no tasks or steps: drawn as one "
                               "node")
                 .arg(templateName));
        stopped = ArgoCallsText::tr("empty");
    } else if (nested && m_stack.contains(templateName) && !templateName.isEmpty()) {
        // https://argo-workflows.readthedocs.io/en/latest/walk-through/recursion/
        warn(call.line,
             ArgoCallsText::tr("%1 '%2' calls '%3' again from inside it (recursion): "
                               "drawn as one node")
                 .arg(call.what, call.name, templateName));
        stopped = ArgoCallsText::tr("recursive");
    } else if (nested && m_frames >= MaxNesting) {
        warn(call.line,
             ArgoCallsText::tr("templates nested more than %1 deep: %2 '%3' is drawn as "
                               "one node")
                 .arg(MaxNesting)
                 .arg(call.what, call.name));
        stopped = ArgoCallsText::tr("not expanded");
    } else if (nested && m_out.jobs.size() >= MaxJobs) {
        if (!m_budgetSaid)
            warn(call.line,
                 ArgoCallsText::tr("more than %1 nodes: %2 '%3' and the calls after it "
                                   "are drawn as one node each")
                     .arg(MaxJobs)
                     .arg(call.what, call.name));
        m_budgetSaid = true;
        stopped = ArgoCallsText::tr("not expanded");
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
            probe.badges << ArgoCallsText::tr("retry");
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
    Ends ends = dag.IsDefined() ? readDag(dag, prefix, group)
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
        warn(lineOf(dag), ArgoCallsText::tr("a DAG without a list of tasks"));
        return {};
    }
    QHash<QString, Ends> ends;
    QList<std::pair<YAML::Node, QString>> shown; // each task and its name
    for (const YAML::Node &task : tasks) {
        if (!isMap(task)) {
            warn(lineOf(task), ArgoCallsText::tr("a task that is not a mapping: ignored"));
            continue;
        }
        QString name = scalar(member(task, "name"));
        if (name.isEmpty()) {
            warn(lineOf(task), ArgoCallsText::tr("a task without a name"));
            name = uniqueId(prefix + u"(unnamed)"_s).mid(prefix.size());
        }
        if (ends.contains(name) || m_ids.contains(prefix + name))
            throw ImportError{lineOf(task),
                              ArgoCallsText::tr("a second task called '%1' in one DAG").arg(name)};
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
             ArgoCallsText::tr("task '%1' has both 'dependencies' and 'depends', which "
                               "Argo refuses: both are drawn")
                 .arg(id));
    if (dependencies.IsDefined() && !dependencies.IsScalar() && !dependencies.IsSequence())
        warn(lineOf(dependencies),
             ArgoCallsText::tr("task '%1': 'dependencies' is not a list of tasks").arg(id));
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
         ArgoCallsText::tr("task '%1': cannot read depends \"%2\" (%3); drawn as depending on "
                           "every task it names: %4")
             .arg(id,
                  text.left(200),
                  depends.IsScalar() ? expression.error : ArgoCallsText::tr("not text"),
                  drawn.isEmpty() ? ArgoCallsText::tr("none") : drawn.join(u", "_s)));
    for (const QString &name : std::as_const(drawn))
        depend(exitsOf(name), ends.entries, lineOf(depends), {});
}

// A steps template (https://argo-workflows.readthedocs.io/en/latest/walk-through/steps/): a list
// of groups run one after the other; the steps of a group run in parallel.
Ends ArgoReader::readSteps(const YAML::Node &steps, const QString &prefix, const QString &group)
{
    if (!isList(steps)) {
        warn(lineOf(steps), ArgoCallsText::tr("'steps' is not a list of step groups"));
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
                 ArgoCallsText::tr("a step group that is not a list (one '-' too few?): "
                                   "read as a group of one step"));
            members.push_back(stepGroup);
        } else {
            warn(lineOf(stepGroup), ArgoCallsText::tr("a step group that is not a list"));
            continue;
        }
        Ends groupEnds;
        for (const YAML::Node &step : members) {
            if (!isMap(step)) {
                warn(lineOf(step), ArgoCallsText::tr("a step that is not a mapping: ignored"));
                continue;
            }
            QString name = scalar(member(step, "name"));
            if (name.isEmpty()) {
                warn(lineOf(step), ArgoCallsText::tr("a step without a name"));
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

} // namespace Argo
