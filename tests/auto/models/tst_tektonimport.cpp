#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/importresults.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using Format = PipelineImport::Format;

// The rules come from Tekton's documentation of Pipelines
// (https://tekton.dev/docs/pipelines/pipelines/), PipelineRuns
// (https://tekton.dev/docs/pipelines/pipelineruns/) and Matrix
// (https://tekton.dev/docs/pipelines/matrix/).
using ImportResults::detail;
using ImportResults::nodeFromSource;
using ImportResults::sourceIds;

namespace {

PipelineImport::Result importText(const QByteArray &yaml)
{
    return PipelineImport::importData(yaml, u"pipeline.yaml"_s, NodeCatalog::builtIn());
}

// "a>b" (or "a>b [condition]") for each edge, by source ids, sorted.
QStringList edgesBySource(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node)
                     + (edge.condition.isEmpty() ? QString() : u" ["_s + edge.condition + u']');
    edges.sort();
    return edges;
}

// Every `$(tasks.X.…)` in a node, walked directly (the corpus files are small and alias-free).
void referencedTasks(const YAML::Node &node, QSet<QString> &tasks)
{
    static const QRegularExpression reference(
        u"\\$\\(tasks\\.([a-z0-9-]+)\\.(?:results|status|reason)"_s);
    if (!node.IsDefined())
        return;
    if (node.IsScalar()) {
        for (auto it = reference.globalMatch(QString::fromStdString(node.Scalar())); it.hasNext();)
            tasks.insert(it.next().captured(1));
    } else if (node.IsSequence() || node.IsMap()) {
        for (const auto &item : node)
            referencedTasks(node.IsMap() ? item.second : YAML::Node(item), tasks);
    }
}

} // namespace

class TestTektonImport : public QObject
{
    Q_OBJECT

private slots:
    void runAfterAndResults();
    void finallyRunsAfterTheRest();
    void pipelineRunWithPipelineSpec();
    void pipelineRunByReference();
    void pipelinePickedAmongDocuments();
    void loneTaskIsNoPipeline();
    void missingRunAfterNamesItsLine();
    void whatATaskKeeps();
    void matrixSize_data();
    void matrixSize();
    void realTektonPipelines();
};

// "runAfter", and "Passing one Task's Results into the Parameters or when expressions of
// another ... Tekton ensures that the Task producing the Result runs first."
void TestTektonImport::runAfterAndResults()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1
kind: Pipeline
metadata:
  name: build-and-deploy
spec:
  tasks:
    - name: fetch
      taskRef: {name: git-clone}
    - name: build
      runAfter: [fetch]
      taskRef: {name: kaniko}
    - name: test
      taskRef: {name: pytest}
      params:
        - name: image
          value: "$(tasks.build.results.IMAGE_DIGEST)"
    - name: deploy
      taskRef: {name: kubectl}
      when:
        - input: "$(tasks.test.results.passed)"
          operator: in
          values: ["true"]
      matrix:
        params:
          - name: cluster
            value: $(tasks.fetch.results.clusters[*])
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Tekton);
    QCOMPARE(sourceIds(result), (QStringList{u"fetch"_s, u"build"_s, u"test"_s, u"deploy"_s}));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"build>test"_s, u"fetch>build"_s, u"fetch>deploy"_s, u"test>deploy"_s}));
    QCOMPARE(nodeFromSource(result, u"build"_s)->source.line, 9);
    QCOMPARE(nodeFromSource(result, u"build"_s)->source.format, u"tekton"_s);
}

// "finally tasks are guaranteed to be executed in parallel after all PipelineTasks under tasks
// have completed". Drawn as an edge from each task no other task runs after; `$(tasks.X.status)`
// is only valid in finally.
void TestTektonImport::finallyRunsAfterTheRest()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1beta1
kind: Pipeline
metadata: {name: p}
spec:
  tasks:
    - name: a
      taskRef: {name: t}
    - name: b
      runAfter: [a]
      taskRef: {name: t}
    - name: c
      taskRef: {name: t}
  finally:
    - name: cleanup
      taskRef: {name: cleanup}
    - name: notify
      taskRef: {name: slack}
      when:
        - input: $(tasks.b.status)
          operator: in
          values: [Failed]
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"a>b"_s,
                          u"b>cleanup [finally]"_s,
                          u"b>notify [finally]"_s,
                          u"c>cleanup [finally]"_s,
                          u"c>notify [finally]"_s}));
    QCOMPARE(detail(nodeFromSource(result, u"notify"_s), u"when"_s),
             u"$(tasks.b.status) in [Failed]"_s);
    QCOMPARE(result.pipeline.annotations.size(), 1);
    QCOMPARE(result.pipeline.annotations.first().text, u"finally"_s);
}

void TestTektonImport::pipelineRunWithPipelineSpec()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1
kind: PipelineRun
metadata:
  name: pipelinerun-echo-greetings
spec:
  pipelineSpec:
    params:
      - name: MORNING_GREETINGS
        type: string
    tasks:
      - name: echo-good-morning
        taskRef:
          name: task-echo-message
        params:
          - name: MESSAGE
            value: $(params.MORNING_GREETINGS)
  params:
    - name: MORNING_GREETINGS
      value: "Good Morning, Bob!"
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Tekton);
    QCOMPARE(sourceIds(result), QStringList{u"echo-good-morning"_s});
    const PipelineNode *node = nodeFromSource(result, u"echo-good-morning"_s);
    QCOMPARE(node->parameters, (KeyValueList{{u"MESSAGE"_s, u"$(params.MORNING_GREETINGS)"_s}}));
    QCOMPARE(detail(node, u"calls"_s), u"task-echo-message"_s);
    const KeyValueList &details = result.pipeline.source.details;
    QVERIFY(details.contains(std::pair(u"kind"_s, u"PipelineRun"_s)));
    QVERIFY(details.contains(
        std::pair(u"run.params"_s, u"[{name: MORNING_GREETINGS, value: Good Morning, Bob!}]"_s)));
    QVERIFY(
        details.contains(std::pair(u"params"_s, u"[{name: MORNING_GREETINGS, type: string}]"_s)));
}

// A PipelineRun that names its Pipeline ("pipelineRef") has no task to draw.
void TestTektonImport::pipelineRunByReference()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1
kind: PipelineRun
metadata:
  generateName: recipe-time-
spec:
  pipelineRef:
    name: fetch-and-print-recipe
)y");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 7); // where the Pipeline is named
    QCOMPARE(result.errorMessage,
             u"this PipelineRun runs the Pipeline 'fetch-and-print-recipe' by reference and holds "
             "no tasks: open the file that defines that Pipeline"_s);
    const PipelineImport::Result resolved = importText(R"y(apiVersion: tekton.dev/v1
kind: PipelineRun
metadata: {name: r}
spec:
  pipelineRef:
    resolver: git
    params:
      - {name: pathInRepo, value: pipeline.yaml}
)y");
    QVERIFY(!resolved.ok);
    QVERIFY2(resolved.errorMessage.contains(u"'git resolver (pathInRepo=pipeline.yaml)'"_s),
             qPrintable(resolved.errorMessage));
}

// Files often hold the Tasks, the Pipeline and a PipelineRun of it: the Pipeline is drawn.
void TestTektonImport::pipelinePickedAmongDocuments()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1
kind: Task
metadata: {name: sleep-task}
spec:
  steps: [{name: sleep, image: alpine, script: sleep 10}]
---
apiVersion: tekton.dev/v1
kind: Pipeline
metadata: {name: p}
spec:
  tasks:
    - name: sleep
      taskRef: {name: sleep-task, kind: Task}
---
apiVersion: tekton.dev/v1
kind: PipelineRun
metadata: {name: r}
spec:
  pipelineRef: {name: p}
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), QStringList{u"sleep"_s});
    QCOMPARE(detail(nodeFromSource(result, u"sleep"_s), u"calls"_s), u"sleep-task (Task)"_s);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().line, 7);
    QCOMPARE(result.warnings.first().message,
             u"the file holds 2 more YAML documents; only this one is imported"_s);

    // The run first, then the Pipeline it names: the Pipeline is still the one drawn.
    const PipelineImport::Result runFirst = importText(R"y(apiVersion: tekton.dev/v1
kind: PipelineRun
metadata: {name: r}
spec:
  pipelineRef: {name: p}
---
apiVersion: tekton.dev/v1
kind: Pipeline
metadata: {name: p}
spec:
  tasks:
    - {name: fetch, taskRef: {name: git-clone}}
    - {name: build, runAfter: [fetch], taskRef: {name: make}}
)y");
    QVERIFY2(runFirst.ok, qPrintable(runFirst.errorMessage));
    QStringList ids = sourceIds(runFirst);
    ids.sort();
    QCOMPARE(ids, (QStringList{u"build"_s, u"fetch"_s}));
}

void TestTektonImport::loneTaskIsNoPipeline()
{
    const PipelineImport::Result result = importText(
        "apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps: [{image: "
        "alpine, script: echo}]\n");
    QVERIFY(!result.ok);
    QVERIFY2(result.errorMessage.endsWith(u"; it is a Task (tekton.dev/v1)"_s),
             qPrintable(result.errorMessage));
}

void TestTektonImport::missingRunAfterNamesItsLine()
{
    const PipelineImport::Result result = importText(
        "apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  tasks:\n    - "
        "name: a\n      taskRef: {name: t}\n      runAfter: [ghost]\n");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 8);
    QCOMPARE(result.errorMessage, u"'a' depends on 'ghost', which is not a job of this file"_s);
}

void TestTektonImport::whatATaskKeeps()
{
    const PipelineImport::Result result = importText(R"y(apiVersion: tekton.dev/v1
kind: Pipeline
metadata: {name: p}
spec:
  workspaces: [{name: shared-data}]
  tasks:
    - name: fetch
      displayName: Fetch the sources
      taskRef:
        resolver: hub
        params:
          - {name: name, value: git-clone}
          - {name: version, value: "0.9"}
      workspaces:
        - name: output
          workspace: shared-data
      retries: 3
      timeout: 1h30m
    - name: train
      runAfter: [fetch]
      taskSpec:
        steps:
          - name: fit
            image: python:3.12
            script: |
              python train.py
    - name: report
      runAfter: [train]
      taskSpec:
        steps:
          - name: echo
            image: alpine
            command: [echo]
            args: [done]
          - name: upload
            image: alpine
            script: upload.sh
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *fetch = nodeFromSource(result, u"fetch"_s);
    QCOMPARE(fetch->name, u"Fetch the sources"_s);
    QCOMPARE(detail(fetch, u"calls"_s), u"hub resolver (name=git-clone, version=0.9)"_s);
    QCOMPARE(detail(fetch, u"workspaces"_s), u"output ← shared-data"_s);
    QCOMPARE(detail(fetch, u"timeout"_s), u"1h30m"_s);
    QVERIFY(fetch->badges.contains(u"retries ×3"_s));
    const PipelineNode *train = nodeFromSource(result, u"train"_s);
    QCOMPARE(train->image, u"python:3.12"_s);
    QCOMPARE(train->command, (QStringList{u"sh"_s, u"-c"_s, u"python train.py"_s}));
    QCOMPARE(detail(train, u"steps"_s), u"- fit (python:3.12)"_s);
    const PipelineNode *report = nodeFromSource(result, u"report"_s);
    QCOMPARE(report->image, u"alpine"_s);
    QVERIFY(report->command.isEmpty()); // two steps: no one command stands for them
    QCOMPARE(detail(report, u"steps"_s), u"- echo (alpine)\n- upload (alpine)"_s);
    QVERIFY(result.pipeline.source.details.contains(
        std::pair(u"workspaces"_s, u"[{name: shared-data}]"_s)));
}

// The counts of the Matrix documentation's own examples.
void TestTektonImport::matrixSize_data()
{
    QTest::addColumn<QByteArray>("matrix");
    QTest::addColumn<QString>("badge");
    QTest::newRow("params") << QByteArray("{params: [{name: platform, value: [linux, mac]}, "
                                          "{name: browser, value: [safari, chrome]}]}")
                            << u"matrix ×4"_s;
    // "adds url only to the combinations with platform linux; the second ... is added as an
    // additional combination"
    QTest::newRow("params and include")
        << QByteArray("{params: [{name: platform, value: [linux, mac]}, {name: browser, value: "
                      "[safari, chrome]}], include: [{name: linux-url, params: [{name: platform, "
                      "value: linux}, {name: url, value: some-url}]}, {name: "
                      "non-existent-browser, params: [{name: browser, value: "
                      "i-do-not-exist}]}]}")
        << u"matrix ×5"_s;
    QTest::newRow("include only") << QByteArray(
        "{include: [{name: build-1, params: [{name: IMAGE, value: image-1}]}, "
        "{name: build-2, params: [{name: IMAGE, value: image-2}]}, {name: build-3, "
        "params: [{name: IMAGE, value: image-3}]}]}")
                                  << u"matrix ×3"_s;
    QTest::newRow("array from a result")
        << QByteArray("{params: [{name: platform, value: '$(tasks.p.results.platforms[*])'}]}")
        << u"matrix"_s;
}

void TestTektonImport::matrixSize()
{
    QFETCH(QByteArray, matrix);
    QFETCH(QString, badge);
    const PipelineImport::Result result = importText(
        "apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  tasks:\n    - "
        "name: p\n      taskRef: {name: t}\n    - name: t\n      taskRef: {name: browser-test}\n "
        "     matrix: "
        + matrix + "\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(nodeFromSource(result, u"t"_s)->badges, QStringList{badge});
}

// Every real Tekton file of ../shared/corpus imports; the tasks of its Pipeline (or of its
// PipelineRun's pipelineSpec), runAfter and result references are counted here with yaml-cpp
// directly, not through the importer.
void TestTektonImport::realTektonPipelines()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/tekton"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/tekton"_s));
    const QStringList files = folder.entryList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::Tekton);
        YAML::Node spec;
        bool found = false;
        for (YAML::Node document : YAML::LoadAllFromFile(path.toStdString())) {
            const std::string kind = document["kind"] ? document["kind"].as<std::string>() : "";
            found
                = kind == "Pipeline" || (kind == "PipelineRun" && document["spec"]["pipelineSpec"]);
            if (found) {
                spec.reset(kind == "Pipeline" ? document["spec"]
                                              : document["spec"]["pipelineSpec"]);
                break;
            }
        }
        QVERIFY2(found, qPrintable(file));
        QSet<std::pair<QString, QString>> edges;
        QStringList tasks, notRunBefore;
        for (const YAML::Node &task : spec["tasks"]) {
            const QString name = QString::fromStdString(task["name"].Scalar());
            tasks << name;
            notRunBefore << name;
        }
        for (YAML::Node task : spec["tasks"]) { // a copy: a const node's missing key throws
            const QString name = QString::fromStdString(task["name"].Scalar());
            QSet<QString> before;
            for (const YAML::Node &after : task["runAfter"])
                before.insert(QString::fromStdString(after.Scalar()));
            for (const char *field : {"params", "when", "matrix", "workspaces"})
                referencedTasks(task[field], before);
            for (const QString &from : std::as_const(before)) {
                edges.insert({from, name});
                notRunBefore.removeAll(from);
            }
        }
        for (YAML::Node task : spec["finally"]) {
            const QString name = QString::fromStdString(task["name"].Scalar());
            tasks << name;
            QSet<QString> before(notRunBefore.cbegin(), notRunBefore.cend());
            for (const char *field : {"params", "when", "matrix", "workspaces"})
                referencedTasks(task[field], before);
            for (const QString &from : std::as_const(before))
                edges.insert({from, name});
        }
        QCOMPARE(sourceIds(result), tasks);
        QCOMPARE(result.pipeline.edges.size(), edges.size());
        qInfo("%s: %lld tasks, %lld dependencies, %lld warnings",
              qPrintable(file),
              qlonglong(tasks.size()),
              qlonglong(edges.size()),
              qlonglong(result.warnings.size()));
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

QTEST_GUILESS_MAIN(TestTektonImport)
#include "tst_tektonimport.moc"
