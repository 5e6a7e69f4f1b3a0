// The Argo Workflows reader (models/pipeline/import/argoimport.cpp) on whole files: the kinds it
// reads, the templates it draws without an entrypoint or does not draw, the pipeline's details,
// several documents, hostile YAML, which files it claims, real workflows and our own exports.
// Its tasks and steps are tested in tst_argotasks, its frames in tst_argonesting. Expected values
// come from Argo's documentation, cited at each test:
// https://argo-workflows.readthedocs.io/en/latest/
#include "orchestrator/orchestratorexport.h"
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelinevalidator.h"
#include "support/argoimportfixtures.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace ArgoImportFixtures;
using Format = PipelineImport::Format;

class TestArgoImport : public QObject
{
    Q_OBJECT

private slots:
    void missingAndUnusedTemplates();
    void pipelineDetails();
    void kinds_data();
    void kinds();
    void templatesWithoutEntrypoint();
    void severalDocuments();
    void aliasBombEndsQuickly();
    void detection_data();
    void detection();
    void realArgoWorkflows();
    void ourOwnExportsReadBack();
};

void TestArgoImport::missingAndUnusedTemplates()
{
    const PipelineImport::Result result
        = importText(dagWorkflow("      - {name: A, template: echo}\n"
                                 "      - {name: B, template: nothere, dependencies: [A]}\n"
                                 "      - {name: C}\n",
                                 "  - name: spare\n"
                                 "    container: {image: alpine}\n"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 3);
    QCOMPARE(edgesBySource(result), QStringList{u"A>B"_s});
    const PipelineImport::Note *missing = warning(result, u"'nothere'"_s);
    QVERIFY2(missing, qPrintable(warningsText(result)));
    QCOMPARE(missing->line, 11);
    QCOMPARE(missing->message,
             u"task 'B' calls the template 'nothere', which is not in this file"_s);
    const PipelineImport::Note *none = warning(result, u"task 'C' names no template"_s);
    QVERIFY(none);
    QCOMPARE(none->line, 12);
    const PipelineImport::Note *unused = warning(result, u"'spare'"_s);
    QVERIFY(unused);
    QCOMPARE(unused->line, 15);
    QCOMPARE(unused->message,
             u"the template 'spare' is not called from the entrypoint: not drawn"_s);

    const PipelineImport::Result noEntry
        = importText(dagWorkflow("      - {name: A, template: echo}\n")
                         .replace("entrypoint: main",
                                  "entrypoint: "
                                  "mian"));
    QVERIFY2(noEntry.ok, qPrintable(noEntry.errorMessage));
    const PipelineImport::Note *entry = warning(noEntry, u"'mian'"_s);
    QVERIFY2(entry, qPrintable(warningsText(noEntry)));
    QCOMPARE(entry->line, 5);
    QVERIFY(nodeFromSource(noEntry, u"A"_s)); // the one template nobody calls is drawn
}

// The workflow's name and its arguments.parameters are the pipeline's details.
void TestArgoImport::pipelineDetails()
{
    const PipelineImport::Result result = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-world-parameters-
  labels: {team: ml}
spec:
  entrypoint: print-message
  serviceAccountName: argo
  arguments:
    parameters:
    - name: message
      value: hello world
    - name: os-list
  templates:
  - name: print-message
    container: {image: busybox, command: [echo]}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const KeyValueList &details = result.pipeline.source.details;
    QCOMPARE(detail(details, u"generateName"_s), u"hello-world-parameters-"_s);
    QCOMPARE(detail(details, u"kind"_s), u"Workflow"_s);
    QCOMPARE(detail(details, u"metadata.labels"_s), u"{team: ml}"_s);
    QCOMPARE(detail(details, u"parameters.message"_s), u"hello world"_s);
    QVERIFY(details.contains(std::pair(u"parameters.os-list"_s, QString())));
    QCOMPARE(detail(details, u"serviceAccountName"_s), u"argo"_s);
    QCOMPARE(detail(details, u"entrypoint"_s), u"print-message"_s);
    // A leaf entrypoint is the one node.
    QCOMPARE(result.pipeline.nodes.size(), 1);
    QCOMPARE(result.pipeline.nodes.first().source.id, u"print-message"_s);
    QCOMPARE(result.pipeline.nodes.first().source.line, 15);
}

// https://argo-workflows.readthedocs.io/en/latest/workflow-templates/ and
// https://argo-workflows.readthedocs.io/en/latest/cron-workflows/: the same spec under other
// kinds; a CronWorkflow's is at spec.workflowSpec, beside its schedule.
void TestArgoImport::kinds_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("detailKey");
    QTest::addColumn<QString>("detailValue");
    const QByteArray templates = "  entrypoint: main\n  templates:\n  - name: main\n    dag:\n"
                                 "      tasks:\n      - {name: A, template: echo}\n"
                                 "      - {name: B, template: echo, depends: A}\n"
                                 "  - {name: echo, container: {image: alpine}}\n";
    QTest::newRow("WorkflowTemplate")
        << "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: wt}\nspec:\n"
               + templates
        << u"name"_s << u"wt"_s;
    QTest::newRow("ClusterWorkflowTemplate")
        << "apiVersion: argoproj.io/v1alpha1\nkind: ClusterWorkflowTemplate\nmetadata: {name: "
           "cwt}\nspec:\n"
               + templates
        << u"kind"_s << u"ClusterWorkflowTemplate"_s;
    QByteArray cronSpec = templates;
    cronSpec.replace("\n  ", "\n    ").prepend("  ");
    QTest::newRow("CronWorkflow")
        << "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: hello}\nspec:\n"
           "  schedule: \"* * * * *\"\n  concurrencyPolicy: Replace\n  workflowSpec:\n"
               + cronSpec
        << u"schedule"_s << u"* * * * *"_s;
    QTest::newRow("CronWorkflow schedules")
        << "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: hello}\nspec:\n"
           "  schedules: [\"*/2 * * * *\", \"10 * * * *\"]\n  workflowSpec:\n"
               + cronSpec
        << u"schedules"_s << u"[*/2 * * * *, 10 * * * *]"_s;
}

void TestArgoImport::kinds()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, detailKey);
    QFETCH(QString, detailValue);
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Argo);
    QCOMPARE(edgesBySource(result), QStringList{u"A>B"_s});
    QCOMPARE(detail(result.pipeline.source.details, detailKey), detailValue);
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// A WorkflowTemplate is a library: without an entrypoint, one template is the pipeline; with
// several, those no other calls are drawn side by side, and that is said.
void TestArgoImport::templatesWithoutEntrypoint()
{
    const PipelineImport::Result one = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: ClusterWorkflowTemplate
metadata:
  name: cluster-workflow-template-print-message
spec:
  templates:
  - name: print-message
    inputs:
      parameters:
      - name: message
    container:
      image: busybox
      command: [echo]
      args: ["{{inputs.parameters.message}}"]
)");
    QVERIFY2(one.ok, qPrintable(one.errorMessage));
    QCOMPARE(one.pipeline.nodes.size(), 1);
    QCOMPARE(one.pipeline.nodes.first().command,
             (QStringList{u"echo"_s, u"{{inputs.parameters.message}}"_s}));
    QVERIFY2(one.warnings.isEmpty(), qPrintable(warningsText(one)));

    const PipelineImport::Result several = importText(R"(apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: library}
spec:
  templates:
  - {name: print-message, container: {image: busybox}}
  - name: inner-steps
    steps:
    - - {name: hello1, template: print-message}
    - - {name: hello2, template: print-message}
  - name: lonely
    container: {image: alpine}
)");
    QVERIFY2(several.ok, qPrintable(several.errorMessage));
    const PipelineImport::Note *note = warning(several, u"no entrypoint"_s);
    QVERIFY2(note, qPrintable(warningsText(several)));
    QCOMPARE(note->line, 5);
    QCOMPARE(edgesBySource(several), QStringList{u"inner-steps/hello1>inner-steps/hello2"_s});
    QVERIFY(nodeFromSource(several, u"lonely"_s));
    QCOMPARE(frameTitles(several), QStringList{u"inner-steps"_s});
}

// The framework imports the first workflow of a file of several and says the others are not.
void TestArgoImport::severalDocuments()
{
    const QByteArray workflow = dagWorkflow("      - {name: A, template: echo}\n");
    const PipelineImport::Result result
        = importText(workflow + "---\n" + QByteArray(workflow).replace("name: A", "name: Z"));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(nodeFromSource(result, u"A"_s));
    QVERIFY(!nodeFromSource(result, u"Z"_s));
    QVERIFY2(warning(result, u"more YAML document"_s), qPrintable(warningsText(result)));
}

// "Billion laughs": nine levels of ten aliases each, used where the reader looks into lists and
// maps. yaml-cpp shares the aliased nodes and the reader never expands them past a budget, so
// this imports at once instead of walking 10^9 nodes.
void TestArgoImport::aliasBombEndsQuickly()
{
    QByteArray bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        QByteArray refs;
        for (int i = 0; i < 10; ++i)
            refs += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
        bomb += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + refs
                + "]\n";
    }
    const PipelineImport::Result result = importText(
        "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  labels:\n    "
        + bomb.replace("\n", "\n    ")
        + "\nspec:\n  entrypoint: main\n  arguments: {parameters: *a9}\n  templates:\n"
          "  - name: main\n    steps: [[{name: s, template: echo, withItems: *a9, depends: *a9, "
          "arguments: {parameters: *a9}}]]\n"
          "  - {name: echo, inputs: {parameters: *a9}, container: {image: x, command: *a9, args: "
          "*a9}}\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *step = nodeFromSource(result, u"s"_s);
    QVERIFY(step);
    QCOMPARE(step->badges, QStringList{u"loop ×10"_s});
    QVERIFY(detail(step, u"withItems"_s).size() <= 401);
    QVERIFY(step->command.isEmpty()); // a command of lists is not a command
}

void TestArgoImport::detection_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("argo");
    QTest::newRow("workflow") << dagWorkflow("      - {name: A, template: echo}\n") << true;
    QTest::newRow("workflow as JSON")
        << QByteArray(R"({"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow", "spec":
            {"entrypoint": "a", "templates": [{"name": "a", "container": {"image": "x"}}]}})")
        << true;
    QTest::newRow("kind without apiVersion")
        << QByteArray("kind: Workflow\nspec: {entrypoint: a, templates: [{name: a, container: "
                      "{image: x}}]}\n")
        << true;
    QTest::newRow("tekton pipeline")
        << QByteArray("apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n"
                      "  tasks:\n  - {name: build, taskRef: {name: kaniko}}\n")
        << false;
    QTest::newRow("a Workflow kind of another API")
        << QByteArray("apiVersion: example.com/v1\nkind: Workflow\nspec: {templates: []}\n")
        << false;
    QTest::newRow("kubernetes deployment")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: "
                      "{replicas: 1}\n")
        << false;
    QTest::newRow("argo events sensor")
        << QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nspec: {triggers: []}\n")
        << false;
    QTest::newRow("github workflow")
        << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: []}\n") << false;
}

void TestArgoImport::detection()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, argo);
    const PipelineImport::Result detected = importText(yaml);
    QCOMPARE(detected.ok && detected.format == Format::Argo, argo);
    // Forced, the Argo reader still refuses what is not Argo.
    QCOMPARE(importText(yaml, Format::Argo).ok, argo);
}

namespace {

// The task names a `depends` expression mentions: its words, less the results after a dot.
QSet<QString> dependsNames(const QString &expression)
{
    static const QRegularExpression word(u"[A-Za-z0-9_-]+(\\.[A-Za-z]+)?"_s);
    QSet<QString> names;
    for (auto match = word.globalMatch(expression); match.hasNext();)
        names.insert(match.next().captured(0).section(u'.', 0, 0));
    return names;
}

QString text(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

// Every real Argo file of ../shared/corpus imports (the Kubeflow v1 compiled ones too, which are
// Argo Workflows), and its entrypoint's tasks and dependencies are there: counted here with
// yaml-cpp directly. A task calling a DAG or steps template of the file is a frame of nodes whose
// ids start with the task's; an edge between two tasks may join their inner nodes.
void TestArgoImport::realArgoWorkflows()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/argo"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/argo"_s));
    const QStringList files = folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::Argo);

        std::vector<YAML::Node> documents;
        try {
            documents = YAML::LoadAllFromFile(path.toStdString());
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(file + u": "_s + QString::fromStdString(error.what())));
        }
        YAML::Node document; // the first Argo workflow of the file
        for (YAML::Node &candidate : documents)
            if (candidate.IsMap() && text(candidate["apiVersion"]).startsWith(u"argoproj.io"_s)) {
                document = candidate;
                break;
            }
        QVERIFY2(document.IsMap(), qPrintable(file));
        YAML::Node spec = document["spec"];
        if (text(document["kind"]) == u"CronWorkflow")
            spec = spec["workflowSpec"];
        QHash<QString, YAML::Node> templates;
        for (YAML::Node body : spec["templates"])
            templates.insert(text(body["name"]), body);
        QString entrypoint = text(spec["entrypoint"]);
        if (entrypoint.isEmpty() && templates.size() == 1)
            entrypoint = templates.keys().first();
        QVERIFY2(templates.contains(entrypoint), qPrintable(file));
        YAML::Node main = templates.value(entrypoint);

        // The entrypoint's calls, and for each the calls it waits for.
        QStringList calls;
        QSet<std::pair<QString, QString>> expected;
        QHash<QString, int> lines;
        QHash<QString, YAML::Node> callNodes;
        if (main["dag"]) {
            for (YAML::Node task : main["dag"]["tasks"]) {
                const QString name = text(task["name"]);
                calls << name;
                lines.insert(name, task.Mark().line + 1);
                callNodes.insert(name, task);
                for (YAML::Node dependency : task["dependencies"])
                    expected.insert({text(dependency), name});
                for (const QString &dependency : dependsNames(text(task["depends"])))
                    expected.insert({dependency, name});
            }
        } else if (main["steps"]) {
            QStringList previous;
            for (YAML::Node group : main["steps"]) {
                QStringList current;
                for (YAML::Node step : group) {
                    const QString name = text(step["name"]);
                    current << name;
                    lines.insert(name, step.Mark().line + 1);
                    callNodes.insert(name, step);
                    for (const QString &before : std::as_const(previous))
                        expected.insert({before, name});
                }
                calls << current;
                previous = current;
            }
        } else {
            calls << entrypoint;
            lines.insert(entrypoint, main.Mark().line + 1);
        }

        // Each call is a node (a leaf template, a templateRef) or a frame of nodes.
        for (const QString &call : std::as_const(calls)) {
            const YAML::Node called = templates.value(text(callNodes.value(call)["template"]));
            const bool framed = called.IsMap() && (called["dag"] || called["steps"]);
            const PipelineNode *node = nodeFromSource(result, call);
            if (!framed) {
                QVERIFY2(node, qPrintable(file + u": "_s + call));
                QCOMPARE(node->source.line, lines.value(call));
                continue;
            }
            const bool inside
                = std::any_of(result.pipeline.nodes.cbegin(),
                              result.pipeline.nodes.cend(),
                              [&](const auto &n) { return n.source.id.startsWith(call + u'/'); });
            QVERIFY2(inside || (node && node->badges.contains(u"recursive"_s)),
                     qPrintable(file + u": "_s + call));
        }
        // Each edge, seen from the entrypoint's calls, joins two of them the file says.
        const QHash<QString, QString> idOf = sourceIds(result);
        QSet<std::pair<QString, QString>> drawn;
        for (const PipelineEdge &edge : result.pipeline.edges) {
            const QString from = idOf.value(edge.from.node).section(u'/', 0, 0);
            const QString to = idOf.value(edge.to.node).section(u'/', 0, 0);
            if (from != to && edge.condition != u"exit"_s)
                drawn.insert({from, to});
        }
        QCOMPARE(drawn, expected);
        qInfo("%s: %lld calls, %lld dependencies; %lld nodes, %lld edges, %lld frames, %lld "
              "warnings",
              qPrintable(file),
              qlonglong(calls.size()),
              qlonglong(expected.size()),
              qlonglong(result.pipeline.nodes.size()),
              qlonglong(result.pipeline.edges.size()),
              qlonglong(result.pipeline.annotations.size()),
              qlonglong(result.warnings.size()));
        for (const PipelineImport::Note &note : result.warnings)
            qInfo("  %d: %s", note.line, qPrintable(note.message));
        // A well-formed workflow opens without errors: only the warnings that teach.
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

// What `pipeline export --to argo` writes of each template opens again with its stages and their
// dependencies (README "Orchestrator export": a DAG task per stage, `depends` from the edges).
void TestArgoImport::ourOwnExportsReadBack()
{
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        const PipelineFile::ReadResult read
            = PipelineTemplates::load(pipelineTemplate, NodeCatalog::builtIn());
        QVERIFY(read.ok);
        PipelineGraph graph(&NodeCatalog::builtIn());
        graph.reset(read.nodes, read.edges, read.annotations);
        const OrchestratorExport::Result exported
            = OrchestratorExport::exportPipeline(graph, pipelineTemplate.id, ExportTarget::Argo);
        QVERIFY(exported.ok());
        const PipelineImport::Result result = importText(exported.files.first().contents);
        QVERIFY2(result.ok, qPrintable(result.errorMessage));
        QCOMPARE(result.format, Format::Argo);
        QCOMPARE(result.pipeline.nodes.size(), read.nodes.size());
        // The edges the export wrote ("a && b"), read here with yaml-cpp.
        YAML::Node workflow = YAML::Load(exported.files.first().contents.toStdString());
        QStringList depends;
        for (YAML::Node body : workflow["spec"]["templates"]) // copies: a missing key is null
            for (YAML::Node task : body["dag"]["tasks"])
                for (const QString &from :
                     text(task["depends"]).split(u" && "_s, Qt::SkipEmptyParts))
                    depends << from + u'>' + text(task["name"]);
        depends.sort();
        QVERIFY(!depends.isEmpty());
        QCOMPARE(edgesBySource(result), depends);
        QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
    }
}

QTEST_GUILESS_MAIN(TestArgoImport)
#include "tst_argoimport.moc"
