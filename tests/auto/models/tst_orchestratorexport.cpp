#include "orchestrator/orchestratorwriters.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "support/engineemulation.h"
#include "support/exportcheckers.h"
#include "support/exportreadback.h"
#include "support/hostilepipeline.h"
#include "support/pipelinespec.h"
#include "support/require.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace EngineEmulation;
using namespace ExportReadBack;

Q_DECLARE_METATYPE(ExportTarget)

namespace {

using Edges = QSet<std::pair<QString, QString>>; // upstream id, downstream id

// The dependencies the graph asks for, from its edges (not from the plan): every edge but the
// feedback edge out of a retrain trigger.
Edges graphEdges(const PipelineGraph &graph, const QString &title, ExportTarget target)
{
    QHash<QString, QString> ids; // node id -> step id
    const QHash<QString, PipelineNode> nodes = nodesById(graph, title, target);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        ids.insert(it.value().id, it.key());
    Edges edges;
    for (const PipelineEdge &edge : graph.edges())
        if (graph.node(edge.from.node)->kind != u"retrain-trigger"_s)
            edges.insert({ids.value(edge.from.node), ids.value(edge.to.node)});
    return edges;
}

// The Airflow checker's expectation: dag_id, task ids and edges, from the graph.
QString airflowExpectation(const QString &dir,
                           const QString &dagId,
                           const QHash<QString, PipelineNode> &nodes,
                           const Edges &edges)
{
    QJsonArray edgeList;
    for (const auto &[from, to] : edges)
        edgeList.append(QJsonArray{from, to});
    const QJsonObject expectation{{u"dag_id"_s, dagId},
                                  {u"tasks"_s, QJsonArray::fromStringList(nodes.keys())},
                                  {u"edges"_s, edgeList}};
    const QString path = QDir(dir).filePath(u"expect.json"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(expectation).toJson());
    return path;
}

// Runs the DAG file against the checker's recording stand-in for Airflow and renders every
// templated field with Jinja as Airflow does (sandboxed, strict undefined, trailing newline
// dropped), for a run with the DAG's default params.
const char *AirflowRender = R"(
import json, runpy, sys
sys.path.insert(0, sys.argv[1])
import airflow._stub as stub
import jinja2, jinja2.sandbox
runpy.run_path(sys.argv[2], run_name='__dag_file__')
dag = stub.DAGS[0]
env = jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined)
context = {'params': dag.kw.get('params', {}), 'run_id': 'manual__1'}
def render(value):
    if isinstance(value, str): return env.from_string(value).render(**context)
    if isinstance(value, list): return [render(v) for v in value]
    if isinstance(value, dict): return {k: render(v) for k, v in value.items()}
    return value
tasks = {}
for task_id, task in dag.tasks.items():
    fields = {k: task.kw.get(k) for k in ('cmds', 'arguments', 'env_vars')}
    raw = [s for k in ('cmds', 'arguments') for s in (fields[k] or [])] + list((fields['env_vars'] or {}).values())
    tasks[task_id] = {'rendered': render(fields), 'raw': raw, 'doc_md': task.kw.get('doc_md')}
print(json.dumps({'params': dag.kw.get('params'), 'description': dag.kw.get('description'), 'tasks': tasks}))
)";

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings << item.toString();
    return strings;
}

} // namespace

class TestOrchestratorExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void templatesPassTheCheckers_data();
    void templatesPassTheCheckers();
    void dependenciesFollowTheEdges_data();
    void dependenciesFollowTheEdges();
    void hostileTextPassesTheCheckers_data();
    void hostileTextPassesTheCheckers();
    void hostileTextReachesArgoContainers();
    void hostileTextReachesGitHubJobs();
    void hostileTextReachesDvcStages();
    void hostileTextReachesAirflowPods();
    void hostileNamesAreValidAndUnique();
    void invalidPipelineIsRefused_data();
    void invalidPipelineIsRefused();
    void sameInputSameOutput();

private:
    void loadTemplate(const QString &id);
    void loadHostile();
    OrchestratorExport::Result exportTo(ExportTarget target);
    void passesTheCheckers(ExportTarget target);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineGraph> m_graph;
    QString m_title;
};

void TestOrchestratorExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
}

void TestOrchestratorExport::loadTemplate(const QString &id)
{
    const PipelineFile::ReadResult read
        = PipelineTemplates::load(*PipelineTemplates::find(id), NodeCatalog::builtIn());
    QVERIFY(read.ok);
    m_graph->reset(read.nodes, read.edges, read.annotations);
    m_title = id;
}

void TestOrchestratorExport::loadHostile()
{
    const HostilePipeline hostile = HostilePipeline::make();
    m_graph->reset(hostile.nodes, hostile.edges, {});
    m_title = u"on: {{x}} ${{y}} ${z} $(w) {% raw %}"_s;
}

OrchestratorExport::Result TestOrchestratorExport::exportTo(ExportTarget target)
{
    return OrchestratorExport::exportPipeline(*m_graph, m_title, target);
}

// The export of the loaded pipeline passes its engine's checker (with the Airflow structure
// expectation), and a file beside it passes yamllint.
void TestOrchestratorExport::passesTheCheckers(ExportTarget target)
{
    QString expectation;
    if (target == ExportTarget::Airflow) {
        const ExportPlan plan = ExportPlan::build(*m_graph, m_title, namingOf(target));
        expectation = airflowExpectation(m_dir->path(),
                                         plan.id,
                                         nodesById(*m_graph, m_title, target),
                                         graphEdges(*m_graph, m_title, target));
    }
    ExportReadBack::passesTheCheckers(exportTo(target), target, m_dir->path(), expectation);
}

void TestOrchestratorExport::templatesPassTheCheckers_data()
{
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<ExportTarget>("target");
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all())
        for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets())
            QTest::addRow("%s to %s", qPrintable(pipelineTemplate.id), qPrintable(target.id))
                << pipelineTemplate.id << target.target;
}

void TestOrchestratorExport::templatesPassTheCheckers()
{
    QFETCH(QString, templateId);
    QFETCH(ExportTarget, target);
    REQUIRE_SHARED_REFERENCE(u"validators/check-export"_s);
    REQUIRE_OK(loadTemplate(templateId));
    REQUIRE_OK(passesTheCheckers(target));
}

void TestOrchestratorExport::dependenciesFollowTheEdges_data()
{
    QTest::addColumn<ExportTarget>("target");
    QTest::newRow("argo") << ExportTarget::Argo;
    QTest::newRow("github-actions") << ExportTarget::GitHubActions;
    QTest::newRow("gitlab-ci") << ExportTarget::GitLabCi;
    QTest::newRow("dvc") << ExportTarget::Dvc;
}

// What each YAML engine reads as the DAG: Argo's depends, GitHub's and GitLab's needs, DVC's
// deps matched with the outs of other stages.
void TestOrchestratorExport::dependenciesFollowTheEdges()
{
    QFETCH(ExportTarget, target);
    REQUIRE_OK(loadTemplate(u"end-to-end"_s));
    const OrchestratorExport::Result result = exportTo(target);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    Edges found;
    if (target == ExportTarget::Argo) {
        const YAML::Node dag = root["spec"]["templates"][0]["dag"]["tasks"];
        for (const YAML::Node &task : dag) {
            if (!task["depends"])
                continue;
            for (const QString &upstream : text(task["depends"]).split(u" && "_s))
                found.insert({upstream, text(task["name"])});
        }
    } else if (target == ExportTarget::GitHubActions) {
        for (const auto &job : root["jobs"])
            for (const YAML::Node &need : job.second["needs"])
                found.insert({text(need), text(job.first)});
    } else if (target == ExportTarget::GitLabCi) {
        for (const auto &[job, definition] : gitlabJobs(root))
            for (const QString &need : strings(definition["needs"]))
                found.insert({need, job});
    } else {
        QHash<QString, QString> producerOf; // out path -> stage
        for (const auto &stage : root["stages"])
            for (const YAML::Node &out : stage.second["outs"])
                producerOf.insert(text(out), text(stage.first));
        for (const auto &stage : root["stages"])
            for (const YAML::Node &dep : stage.second["deps"])
                found.insert({producerOf.value(text(dep)), text(stage.first)});
    }
    QCOMPARE(found, graphEdges(*m_graph, m_title, target));
}

void TestOrchestratorExport::hostileTextPassesTheCheckers_data()
{
    QTest::addColumn<ExportTarget>("target");
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets())
        QTest::newRow(qPrintable(target.id)) << target.target;
}

void TestOrchestratorExport::hostileTextPassesTheCheckers()
{
    QFETCH(ExportTarget, target);
    REQUIRE_SHARED_REFERENCE(u"validators/check-export"_s);
    loadHostile();
    REQUIRE_OK(passesTheCheckers(target));
}

// Argo substitutes {{…}} in the whole workflow, Kubernetes expands $(VAR): after both, each
// container gets the stage's argv, name, notes and parameter values exactly.
void TestOrchestratorExport::hostileTextReachesArgoContainers()
{
    loadHostile();
    const OrchestratorExport::Result result = exportTo(ExportTarget::Argo);
    QVERIFY(result.ok());
    const QString file = QString::fromUtf8(result.files.first().contents);
    static const QRegularExpression ours(
        u"\\{\\{(tasks\\.[a-z0-9-]+\\.outputs\\.artifacts\\.[a-z0-9-]+|workflow\\.parameters\\.[a-z0-9-]+)\\}\\}"_s);
    QVERIFY2(!QString(file).remove(ours).contains(u"{{"_s), "a {{ that Argo would evaluate");

    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    QHash<QString, QString> arguments; // workflow parameter -> value
    for (const YAML::Node &parameter : root["spec"]["arguments"]["parameters"])
        arguments.insert(text(parameter["name"]), text(parameter["value"]));
    const QHash<QString, PipelineNode> nodes = nodesById(*m_graph, m_title, ExportTarget::Argo);
    int containers = 0;
    for (const YAML::Node &templ : root["spec"]["templates"]) {
        if (!templ["container"])
            continue;
        ++containers;
        const PipelineNode node = nodes.value(text(templ["name"]));
        QHash<QString, QString> env;
        for (const YAML::Node &variable : templ["container"]["env"]) {
            QString value = text(variable["value"]);
            static const QRegularExpression parameter(
                u"^\\{\\{workflow\\.parameters\\.(.+)\\}\\}$"_s);
            if (const auto match = parameter.match(value); match.hasMatch())
                value = arguments.value(match.captured(1)); // one pass: Argo does not rescan
            env.insert(text(variable["name"]), kubernetesExpand(value, env));
        }
        QStringList argv;
        for (const char *field : {"command", "args"})
            for (const YAML::Node &word : templ["container"][field])
                argv << kubernetesExpand(text(word), env);
        QCOMPARE(argv, node.command);
        QCOMPARE(env.value(u"MLOPS_STEP_NAME"_s), node.name);
        QCOMPARE(env.value(u"MLOPS_STEP_NOTES"_s), node.notes);
        QStringList values;
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            if (it.key().startsWith(u"MLOPS_PARAM_"_s))
                values << it.value();
        values.sort();
        QCOMPARE(values, parameterValues(node));
    }
    QCOMPARE(containers, m_graph->nodes().size());
}

// GitHub evaluates ${{ }} in the jobs, then the shell reads the run script: each job shows the
// stage's name and runs its argv; its parameters come from the inputs as written.
void TestOrchestratorExport::hostileTextReachesGitHubJobs()
{
    loadHostile();
    const OrchestratorExport::Result result = exportTo(ExportTarget::GitHubActions);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    QHash<QString, QString> inputs;
    for (const auto &input : root["on"]["workflow_dispatch"]["inputs"]) {
        // GitHub shows a manual run's inputs as written, but actionlint reads their description
        // and default as expressions: no user text may open one there.
        QVERIFY(!text(input.second["description"]).contains(u"${{"_s));
        QVERIFY(!text(input.second["default"]).contains(u"${{"_s));
        inputs.insert(text(input.first), text(input.second["default"]));
    }
    QVERIFY2(!inputs.isEmpty(), "the hostile pipeline's plain parameters are manual-run inputs");
    bool ok = true;
    QCOMPARE(githubEvaluate(text(root["name"]), inputs, &ok), m_title);
    const QHash<QString, PipelineNode> nodes
        = nodesById(*m_graph, m_title, ExportTarget::GitHubActions);
    QCOMPARE(root["jobs"].size(), std::size_t(nodes.size()));
    for (const auto &job : root["jobs"]) {
        const PipelineNode node = nodes.value(text(job.first));
        QCOMPARE(githubEvaluate(text(job.second["name"]), inputs, &ok), node.name);
        const YAML::Node env = job.second["env"];
        QCOMPARE(githubEvaluate(text(env["MLOPS_STEP_NOTES"]), inputs, &ok), node.notes);
        QStringList values;
        for (const auto &variable : env)
            if (text(variable.first).startsWith(u"MLOPS_PARAM_"_s))
                values << githubEvaluate(text(variable.second), inputs, &ok);
        values.sort();
        QCOMPARE(values, parameterValues(node));
        for (const YAML::Node &step : job.second["steps"]) {
            if (!step["run"])
                continue;
            const QString script = githubEvaluate(text(step["run"]), inputs, &ok);
            QCOMPARE(shellArgv(script, &ok), node.command);
        }
        QVERIFY2(ok, qPrintable(text(job.first)));
    }
}

// DVC resolves ${ } in dvc.yaml and runs cmd in a shell; params.yaml is data, read by YAML 1.1.
void TestOrchestratorExport::hostileTextReachesDvcStages()
{
    loadHostile();
    const OrchestratorExport::Result result = exportTo(ExportTarget::Dvc);
    QVERIFY(result.ok());
    QCOMPARE(result.files.size(), 2);
    QCOMPARE(result.files.at(1).fileName, u"params.yaml"_s);
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    const QHash<QString, PipelineNode> nodes = nodesById(*m_graph, m_title, ExportTarget::Dvc);
    const ExportPlan plan = ExportPlan::build(*m_graph, m_title, DvcExport::naming());
    bool ok = true;
    for (const ExportStep &step : plan.steps) {
        const YAML::Node stage = root["stages"][step.id.toStdString()];
        const PipelineNode node = nodes.value(step.id);
        QCOMPARE(dvcResolve(text(stage["desc"]), &ok), node.name);
        QCOMPARE(dvcResolve(text(stage["meta"]["notes"]), &ok), node.notes);
        QCOMPARE(dvcResolve(text(stage["meta"]["tool"]), &ok), node.tool);
        // The command after the artifact variables: one NAME=path word each.
        QStringList argv = shellArgv(dvcResolve(text(stage["cmd"]), &ok), &ok);
        const qsizetype variables = step.inputs.size() + step.outputs.size();
        for (const QString &assignment : argv.mid(0, variables))
            QVERIFY(assignment.startsWith(u"MLOPS_"_s) && assignment.contains(u"=artifacts/"_s));
        QCOMPARE(argv.mid(variables), node.command);
        QVERIFY2(ok, qPrintable(step.id));
    }

    // A YAML 1.1 reader (PyYAML, as DVC uses) gets every value back as the same string.
    const QString params = writeFiles(m_dir->path(), result.files.mid(1));
    const CheckerRun json = runPython(
        u"import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"_s,
        {params});
    QVERIFY2(json.exitCode == 0, qPrintable(json.output));
    const QJsonObject read = QJsonDocument::fromJson(json.output.toUtf8()).object();
    for (const ExportStep &step : plan.steps) {
        const QJsonObject values = read.value(step.id).toObject();
        for (const ExportParameter &parameter : step.parameters) {
            QVERIFY(values.value(parameter.keyId).isString());
            QCOMPARE(values.value(parameter.keyId).toString(), parameter.value);
        }
    }
}

// Airflow renders Jinja in the pod's fields, then Kubernetes expands $(VAR): each pod gets the
// stage's argv, name and parameters exactly; no field is taken for a template file.
void TestOrchestratorExport::hostileTextReachesAirflowPods()
{
    REQUIRE_SHARED_REFERENCE(u"validators/airflow_stub"_s);
    loadHostile();
    const OrchestratorExport::Result result = exportTo(ExportTarget::Airflow);
    QVERIFY(result.ok());
    const QString dag = writeFiles(m_dir->path(), result.files);
    const CheckerRun run = runPython(QString::fromUtf8(AirflowRender),
                                     {sharedReferencePath(u"validators/airflow_stub"_s), dag});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    const QJsonObject read = QJsonDocument::fromJson(run.output.toUtf8()).object();
    QCOMPARE(read.value(u"description"_s).toString(), m_title);
    const QJsonObject params = read.value(u"params"_s).toObject();
    const QHash<QString, PipelineNode> nodes = nodesById(*m_graph, m_title, ExportTarget::Airflow);
    const QJsonObject tasks = read.value(u"tasks"_s).toObject();
    QCOMPARE(tasks.size(), nodes.size());
    for (auto it = tasks.constBegin(); it != tasks.constEnd(); ++it) {
        const PipelineNode node = nodes.value(it.key());
        const QJsonObject task = it.value().toObject();
        const QJsonObject rendered = task.value(u"rendered"_s).toObject();
        QStringList argv;
        for (const QString &word :
             jsonStrings(rendered.value(u"cmds"_s)) + jsonStrings(rendered.value(u"arguments"_s)))
            argv << kubernetesExpand(word, {});
        QCOMPARE(argv, node.command);
        const QJsonObject env = rendered.value(u"env_vars"_s).toObject();
        QCOMPARE(kubernetesExpand(env.value(u"MLOPS_STEP_NAME"_s).toString(), {}), node.name);
        QCOMPARE(kubernetesExpand(env.value(u"MLOPS_STEP_NOTES"_s).toString(), {}), node.notes);
        QCOMPARE(task.value(u"doc_md"_s).toString(), node.notes);
        QStringList values;
        for (auto variable = env.constBegin(); variable != env.constEnd(); ++variable)
            if (variable.key().startsWith(u"MLOPS_PARAM_"_s))
                values << kubernetesExpand(variable.value().toString(), {});
        values.sort();
        QCOMPARE(values, parameterValues(node));
        static const QRegularExpression templateFile(u"(ya?ml|json)$"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
        for (const QString &raw : jsonStrings(task.value(u"raw"_s)))
            QVERIFY2(!templateFile.match(raw).hasMatch(), qPrintable(raw));
    }
    for (const ExportStep &step :
         ExportPlan::build(*m_graph, m_title, AirflowExport::naming()).steps)
        for (const ExportParameter &parameter : step.parameters)
            QCOMPARE(params.value(parameter.id).toString(), parameter.value);
}

void TestOrchestratorExport::hostileNamesAreValidAndUnique()
{
    loadHostile();
    static const QRegularExpression dnsLabel(u"^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$"_s);
    static const QRegularExpression identifier(u"^[a-z][a-z0-9_]{0,62}$"_s);
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets()) {
        const ExportNaming naming = namingOf(target.target);
        const ExportPlan plan = ExportPlan::build(*m_graph, m_title, naming);
        QVERIFY(plan.ok());
        const QRegularExpression &rule
            = naming.steps == ExportNames::Style::Kebab ? dnsLabel : identifier;
        QSet<QString> ids;
        QSet<QString> parameterIds;
        for (const ExportStep &step : plan.steps) {
            QVERIFY2(rule.match(step.id).hasMatch(), qPrintable(step.id));
            ids.insert(step.id);
            for (const ExportParameter &parameter : step.parameters)
                parameterIds.insert(parameter.id);
        }
        QCOMPARE(ids.size(), plan.steps.size());
        QCOMPARE(parameterIds.size(), plan.parameters().size());
    }
}

void TestOrchestratorExport::invalidPipelineIsRefused_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("code");
    QTest::newRow("cycle") << u"a>b b>a"_s << u"python:3.11-slim"_s << u"cycle"_s;
    QTest::newRow("image with a template")
        << u"a>b"_s << u"python:{{workflow.name}}"_s << u"invalid-image"_s;
    QTest::newRow("no stages") << QString() << QString() << u"empty-pipeline"_s;
}

void TestOrchestratorExport::invalidPipelineIsRefused()
{
    QFETCH(QString, spec);
    QFETCH(QString, image);
    QFETCH(QString, code);
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    for (const QString &edge : spec.split(u' ', Qt::SkipEmptyParts)) {
        for (const QString &id : edge.split(u'>')) {
            if (std::none_of(nodes.cbegin(), nodes.cend(), [&](const PipelineNode &n) {
                    return n.id == id;
                })) {
                PipelineNode node;
                node.id = node.name = id;
                node.kind = u"step"_s;
                node.image = image;
                nodes.append(node);
            }
        }
        edges.append(PipelineEdge{{edge.section(u'>', 0, 0), u"data"_s},
                                  {edge.section(u'>', 1), u"data"_s}});
    }
    m_graph->reset(nodes, edges, {});
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets()) {
        const OrchestratorExport::Result result
            = OrchestratorExport::exportPipeline(*m_graph, u"p"_s, target.target);
        QVERIFY(!result.ok());
        QVERIFY(result.files.isEmpty());
        QVERIFY(std::any_of(result.problems.cbegin(),
                            result.problems.cend(),
                            [&](const PipelineFinding &finding) { return finding.code == code; }));
    }
}

// The same pipeline gives the same bytes, whatever order its edges are stored in.
void TestOrchestratorExport::sameInputSameOutput()
{
    REQUIRE_OK(loadTemplate(u"end-to-end"_s));
    QList<PipelineEdge> reversed = m_graph->edges();
    std::reverse(reversed.begin(), reversed.end());
    PipelineGraph other(&NodeCatalog::builtIn());
    other.reset(m_graph->nodes(), reversed, {});
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets()) {
        const OrchestratorExport::Result first = exportTo(target.target);
        const OrchestratorExport::Result again
            = OrchestratorExport::exportPipeline(other, m_title, target.target);
        QCOMPARE(first.files.size(), again.files.size());
        for (qsizetype i = 0; i < first.files.size(); ++i)
            QCOMPARE(first.files.at(i).contents, again.files.at(i).contents);
    }
}
QTEST_GUILESS_MAIN(TestOrchestratorExport)
#include "tst_orchestratorexport.moc"
