#include "orchestrator/exportescapes.h"
#include "orchestrator/orchestratorwriters.h"

using namespace Qt::StringLiterals;

namespace AirflowExport {

namespace {

const QString ArtifactRoot = u"artifact_root"_s;
constexpr qsizetype LineWidth = 99;

using ExportEscapes::pythonString;

// Text for a templated field of the pod operator: Airflow renders Jinja in it, then Kubernetes
// expands $(VAR) in the pod's command, args and env: undo both, then make it a Python literal.
QString podText(const QString &text)
{
    return pythonString(ExportEscapes::jinja(ExportEscapes::kubernetes(text)));
}

// A DAG param as Jinja renders it for the pod: its value with every '$' doubled for Kubernetes,
// since a value given when the DAG is triggered reaches the pod the same way.
QString paramTemplate(const QString &id)
{
    return u"{{ params['%1'] | replace('$', '$$') }}"_s.arg(id);
}

// "[a, b]" when it fits on the line after `prefix`, else one item a line.
QString pythonList(const QStringList &items, const QString &prefix, const QString &indent)
{
    QString oneLine = u"["_s + items.join(u", "_s) + u"]"_s;
    if (indent.size() + prefix.size() + oneLine.size() + 1 <= LineWidth)
        return oneLine;
    QString text = u"[\n"_s;
    for (const QString &item : items)
        text += indent + u"    "_s + item + u",\n"_s;
    return text + indent + u"]"_s;
}

// A dict literal, one "key": value a line; values are Python expressions already.
QString pythonDict(const QList<std::pair<QString, QString>> &entries, const QString &indent)
{
    QString text = u"{\n"_s;
    for (const auto &[key, value] : entries)
        text += indent + u"    "_s + pythonString(key) + u": "_s + value + u",\n"_s;
    return text + indent + u"}"_s;
}

// ARTIFACTS (defined in the file: the artifact root and a folder per run) joined with
// "<step>/<port>", as a Python expression.
QString artifactPath(const ExportPlan &plan, qsizetype step, const QString &portId)
{
    return u"ARTIFACTS + "_s
           + pythonString(u'/' + plan.artifactPath(step, portId).section(u'/', 1));
}

QString task(const ExportPlan &plan, qsizetype s)
{
    const ExportStep &step = plan.steps.at(s);
    const QString indent = u"        "_s;
    QList<std::pair<QString, QString>> env{{u"MLOPS_STEP_NAME"_s, podText(step.name)}};
    if (!step.notes.isEmpty())
        env.append({u"MLOPS_STEP_NOTES"_s, podText(step.notes)});
    for (const ExportInput &input : step.inputs)
        env.append({input.envName, artifactPath(plan, input.producer, input.producerPortId)});
    for (const ExportOutput &output : step.outputs)
        env.append({output.envName, artifactPath(plan, s, output.portId)});
    for (const ExportParameter &parameter : step.parameters)
        env.append({parameter.envName, pythonString(paramTemplate(parameter.id))});
    QStringList cmds;
    QStringList arguments;
    for (const QString &argument : step.command)
        (cmds.isEmpty() ? cmds : arguments) << podText(argument);

    QString text = u"    t%1 = KubernetesPodOperator(\n"_s.arg(s);
    const auto argument = [&](const QString &name, const QString &value) {
        text += indent + name + u'=' + value + u",\n"_s;
    };
    argument(u"task_id"_s, pythonString(step.id));
    argument(u"name"_s,
             pythonString(ExportNames::sanitize(step.id, ExportNames::Style::Kebab, u"step"_s)));
    argument(u"image"_s, pythonString(step.image));
    argument(u"cmds"_s, pythonList(cmds, u"cmds="_s, indent));
    if (!arguments.isEmpty())
        argument(u"arguments"_s, pythonList(arguments, u"arguments="_s, indent));
    argument(u"env_vars"_s, pythonDict(env, indent));
    argument(u"get_logs"_s, u"True"_s);
    argument(u"on_finish_action"_s, pythonString(u"delete_pod"_s));
    if (!step.notes.isEmpty())
        argument(u"doc_md"_s, pythonString(step.notes)); // Markdown, not a template
    return text + u"    )\n"_s;
}

QString dependencies(const ExportPlan &plan)
{
    QList<QStringList> downstream(plan.steps.size());
    for (qsizetype s = 0; s < plan.steps.size(); ++s)
        for (const qsizetype upstream : plan.steps.at(s).upstream)
            downstream[upstream] << u"t%1"_s.arg(s);
    QString text;
    for (qsizetype s = 0; s < plan.steps.size(); ++s) {
        const QStringList &next = downstream.at(s);
        if (next.size() == 1)
            text += u"    t%1 >> %2\n"_s.arg(s).arg(next.first());
        else if (!next.isEmpty())
            text += u"    t%1 >> [%2]\n"_s.arg(s).arg(next.join(u", "_s));
    }
    for (const QString &note : plan.feedbackNotes())
        text += u"    # "_s + note + u'\n';
    return text;
}

QString header(const ExportPlan &plan)
{
    return u"# An Airflow DAG exported by MLOps Roadmap Studio: put this file in Airflow's dags\n"
           "# folder (%1.py). Each task runs its stage's container with the KubernetesPodOperator\n"
           "# (apache-airflow-providers-cncf-kubernetes). Each step finds its inputs, outputs and\n"
           "# parameters in MLOPS_INPUT_*, MLOPS_OUTPUT_* and MLOPS_PARAM_* variables.\n"
           "# Pods share no disk: set the artifact_root param to storage every pod reaches.\n"
           "# Kubernetes expands $(VAR) in pod commands and env, so each '$' is written twice;\n"
           "# Airflow renders Jinja in them and loads a text ending in yml, yaml or json as a\n"
           "# template file, so such texts are wrapped in {% raw %}.\n"_s.arg(plan.id);
}

} // namespace

ExportNaming naming()
{
    return {ExportNames::Style::Snake, ExportNames::Style::Snake, {}, {ArtifactRoot}};
}

QList<ExportedFile> write(const ExportPlan &plan)
{
    QList<std::pair<QString, QString>> params{{ArtifactRoot, pythonString(u"/mlops/artifacts"_s)}};
    for (const auto &[step, parameter] : plan.parameters())
        params.append({parameter->id, pythonString(parameter->value)});

    QString text = header(plan);
    text
        += u"from datetime import datetime\n\n"
           "from airflow import DAG\n"
           "from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator\n\n"
           "# Where the steps keep their artifacts: a folder per run under the artifact_root param.\n"_s;
    text += u"ARTIFACTS = %1\n\n"_s.arg(
        pythonString(paramTemplate(ArtifactRoot) + u"/{{ run_id }}"_s));
    text += u"with DAG(\n"_s;
    text += u"    dag_id=%1,\n"_s.arg(pythonString(plan.id));
    text += u"    description=%1,\n"_s.arg(pythonString(plan.title));
    text += u"    schedule=None,\n"
            "    start_date=datetime(2024, 1, 1),\n"
            "    catchup=False,\n"
            "    tags=[\"mlops-studio\"],\n"_s;
    text += u"    params=%1,\n"_s.arg(pythonDict(params, u"    "_s));
    text += u") as dag:\n"_s;
    for (qsizetype s = 0; s < plan.steps.size(); ++s)
        text += task(plan, s) + u'\n';
    text += dependencies(plan);
    return {{plan.id + u".py"_s, text.toUtf8()}};
}

} // namespace AirflowExport
