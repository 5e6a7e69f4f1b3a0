#include "pipeline/import/argoreader.h"
#include "pipeline/import/importers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// Argo Workflows (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow): the
// entrypoint template drawn as the pipeline. A DAG's tasks are nodes and their `dependencies` /
// `depends` edges; a steps template's groups run one after the other, the steps of a group in
// parallel; a task or step that calls another DAG or steps template is drawn as a frame around
// that template's nodes. Leaf templates (container, script, resource, …) are nodes; what has no
// place of its own is kept as a detail, what cannot be drawn is a warning with its line.
// https://argo-workflows.readthedocs.io/en/latest/walk-through/
//
// This file reads the document and what is drawn as the pipeline; argoreader.h says where the
// rest of the reader is.
namespace Argo {

namespace {

struct ArgoImportText
{
    Q_DECLARE_TR_FUNCTIONS(ArgoImport)
};

// Each step of a group depends on each step of the group before: the edges grow with the
// product of the groups' sizes.
constexpr qsizetype MaxDependencies = 20000;

} // namespace

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
            spec.reset(value); // rebinds: `=` would rewrite the node held before
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
            workflowSpec.reset(entry.second);
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
                    value.reset(member(parameter, "default"));
                if (!value.IsDefined())
                    value.reset(member(parameter, "valueFrom"));
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
                onExit.reset(value);
            else if (key == "workflowTemplateRef")
                templateRef.reset(value);
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

} // namespace Argo

namespace {

const QStringList &workflowKinds()
{
    static const QStringList kinds{
        u"Workflow"_s, u"WorkflowTemplate"_s, u"ClusterWorkflowTemplate"_s, u"CronWorkflow"_s};
    return kinds;
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
    Argo::ArgoReader(out).read(document);
}

} // namespace

const PipelineImporter &Importers::argo()
{
    static const PipelineImporter importer{
        PipelineImport::Format::Argo, "argo", "Argo Workflows", recognise, isUsualName, read};
    return importer;
}
