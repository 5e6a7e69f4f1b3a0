#include "pipeline/import/argoreader.h"
#include "pipeline/import/stagemarkers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <set>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// What one node of an Argo pipeline holds: from its task or step, the call's arguments, loops,
// conditions and hooks; from the leaf template it runs (container, script, containerSet,
// resource, suspend, http, plugin, data), the image and command, its inputs as parameters and its
// retries as a badge. Every key without a place of its own is kept as a detail.
// https://argo-workflows.readthedocs.io/en/latest/fields/#template
namespace Argo {

namespace {

struct ArgoLeavesText
{
    Q_DECLARE_TR_FUNCTIONS(ArgoImport)
};

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
    return count && *count >= 0 ? ArgoLeavesText::tr("loop ×%1").arg(*count)
                                : ArgoLeavesText::tr("loop");
}

// --- Leaf templates ------------------------------------------------------------------------------

// The stage name an export of the app writes into the container's env (StageMarkers), as
// Kubernetes expands it: the export writes '$' as "$$" and a second '{' as $(MLOPS_LBRACE). Only
// for a template its own task runs (same name, as the export writes them): a template several
// tasks share names none of them. The env itself stays a detail.
void readMarkedName(const YAML::Node &env, ImportedJob &job)
{
    QHash<QString, QString> earlier;
    for (const YAML::Node &variable : env) {
        const QString name = scalar(member(variable, "name"));
        const YAML::Node value = member(variable, "value");
        if (!value.IsScalar())
            continue;
        const QString expanded = StageMarkers::kubernetesExpand(scalar(value), earlier);
        if (name == StageMarkers::NameVariable)
            job.name = expanded;
        earlier.insert(name, expanded);
    }
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

} // namespace

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
        job.badges << ArgoLeavesText::tr("exit handler");
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
                                        ? ArgoLeavesText::tr(" (ClusterWorkflowTemplate)")
                                        : QString())});
            job.badges << ArgoLeavesText::tr("external template");
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
                       ArgoLeavesText::tr("template '%1'").arg(name));
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
                    if (!fallback.IsDefined()) // reset(): `=` copies the whole document's memory
                        fallback.reset(member(parameter, "default"));
                    if (!passed)
                        job.parameters.append({parameterName, brief(fallback)});
                }
            }
        } else if (key == "metadata" && isMap(value)) {
            // The stage kind an export of the app writes (StageMarkers); the rest is the pod's.
            const YAML::Node annotations = member(value, "annotations");
            for (const auto &annotation : annotations)
                if (isMap(annotations) && scalar(annotation.first) == StageMarkers::KindAnnotation)
                    job.kind = scalar(annotation.second).trimmed();
            job.details.append({keyName, brief(value)});
        } else if (key == "retryStrategy") {
            // https://argo-workflows.readthedocs.io/en/latest/walk-through/
            // retrying-failed-or-errored-steps/
            job.badges << ArgoLeavesText::tr("retry");
            job.details.append({keyName, brief(value)});
        } else {
            if (key == "onExit" || key == "hooks")
                checkHooks(value, keyName, ArgoLeavesText::tr("template '%1'").arg(name));
            job.details.append({keyName, brief(value)});
        }
    }
    if (!name.isEmpty() && name == job.name)
        for (const char *type : {"container", "script"})
            if (const YAML::Node env = member(member(body, type), "env"); isList(env))
                readMarkedName(env, job);
    if (!typed && isMap(body))
        warn(lineOf(body),
             ArgoLeavesText::tr("the template '%1' says nothing to run (no container, "
                                "script, resource, dag, steps …): drawn as an empty step")
                 .arg(name));
}

} // namespace Argo
