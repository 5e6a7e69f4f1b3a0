#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/importresults.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QHash>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using Format = PipelineImport::Format;

// The rules come from the PipelineSpec the Kubeflow Pipelines v2 SDK compiles to
// (https://github.com/kubeflow/pipelines/blob/master/api/v2alpha1/pipeline_spec.proto:
// PipelineTaskSpec.dependent_tasks, TaskInputsSpec's task_output_parameter and
// task_output_artifact with their producer_task, TriggerPolicy, ComponentSpec's dag or
// executor_label, PipelineDeploymentConfig's executors).
using ImportResults::detail;
using ImportResults::nodeFromSource;
using ImportResults::sourceIds;

namespace {

PipelineImport::Result importText(const QByteArray &yaml, const QString &name = u"pipeline.yaml"_s)
{
    return PipelineImport::importData(yaml, name, NodeCatalog::builtIn());
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

// The corpus expectations, worked out with yaml-cpp alone: a task whose component has a DAG
// stands for its inner tasks; an edge joins each last task of the upstream to each first task
// of the downstream.
struct Expected
{
    QSet<QString> jobs;
    QSet<std::pair<QString, QString>> edges;
};

QSet<QString> upstreamNames(YAML::Node task)
{
    QSet<QString> names;
    for (const YAML::Node &name : task["dependentTasks"])
        names.insert(QString::fromStdString(name.Scalar()));
    for (const char *kind : {"parameters", "artifacts"})
        for (const auto &input : task["inputs"][kind])
            for (const char *source :
                 {"taskOutputParameter", "taskOutputArtifact", "taskFinalStatus"})
                if (YAML::Node producer = YAML::Node(input.second)[source]["producerTask"])
                    names.insert(QString::fromStdString(producer.Scalar()));
    return names;
}

// Returns, for each task of the DAG, its first and last jobs.
QHash<QString, std::pair<QStringList, QStringList>>
expectDag(YAML::Node dag, const YAML::Node &components, const QString &prefix, Expected &expected)
{
    QHash<QString, std::pair<QStringList, QStringList>> ends;
    for (const auto &entry : dag["tasks"]) {
        const QString name = QString::fromStdString(entry.first.Scalar());
        YAML::Node task = entry.second;
        YAML::Node component = YAML::Node(components)[task["componentRef"]["name"].Scalar()];
        if (component["dag"] && component["dag"]["tasks"].size() > 0) {
            const auto inner
                = expectDag(component["dag"], components, prefix + name + u'/', expected);
            QSet<QString> hasUpstream, hasDownstream;
            for (const auto &innerTask : component["dag"]["tasks"]) {
                const QSet<QString> upstream = upstreamNames(innerTask.second);
                if (!upstream.isEmpty())
                    hasUpstream.insert(QString::fromStdString(innerTask.first.Scalar()));
                hasDownstream.unite(upstream);
            }
            for (auto at = inner.cbegin(); at != inner.cend(); ++at) {
                if (!hasUpstream.contains(at.key()))
                    ends[name].first += at->first;
                if (!hasDownstream.contains(at.key()))
                    ends[name].second += at->second;
            }
        } else {
            expected.jobs.insert(prefix + name);
            ends[name] = {{prefix + name}, {prefix + name}};
        }
    }
    for (const auto &entry : dag["tasks"]) {
        const QString name = QString::fromStdString(entry.first.Scalar());
        for (const QString &upstream : upstreamNames(entry.second))
            for (const QString &from : ends.value(upstream).second)
                for (const QString &to : ends.value(name).first)
                    expected.edges.insert({from, to});
    }
    return ends;
}

// A pipeline in the shape the SDK compiles: `train` reads `prepare`'s output, `report` runs
// after both (`.after()`), `cleanup` is an exit task.
const QByteArray TwoStepPipeline = R"y(# PIPELINE DEFINITION
# Name: two-step
components:
  comp-prepare:
    executorLabel: exec-prepare
    outputDefinitions:
      artifacts:
        dataset: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}
  comp-train:
    executorLabel: exec-train
  comp-report:
    executorLabel: exec-report
  comp-load:
    executorLabel: exec-load
deploymentSpec:
  executors:
    exec-prepare:
      container:
        image: python:3.11
        command: [sh, -c, python prepare.py]
        args: [--out, '{{$.outputs.artifacts[''dataset''].path}}']
    exec-train:
      container:
        image: ghcr.io/acme/trainer:2
        command: [python, train.py]
        resources: {cpuLimit: 4.0}
    exec-report:
      container: {image: alpine, command: [echo, done]}
    exec-load:
      importer:
        artifactUri: {constant: gs://bucket/data.csv}
        typeSchema: {schemaTitle: system.Dataset}
pipelineInfo:
  name: two-step
root:
  inputDefinitions:
    parameters:
      epochs: {parameterType: NUMBER_INTEGER}
  dag:
    tasks:
      prepare:
        cachingOptions: {enableCache: true}
        componentRef: {name: comp-prepare}
        taskInfo: {name: prepare}
      load:
        componentRef: {name: comp-load}
        taskInfo: {name: load}
      train:
        componentRef: {name: comp-train}
        inputs:
          artifacts:
            dataset:
              taskOutputArtifact: {outputArtifactKey: dataset, producerTask: prepare}
          parameters:
            epochs: {componentInputParameter: epochs}
            rate: {runtimeValue: {constant: 0.1}}
        taskInfo: {name: train model}
      report:
        componentRef: {name: comp-report}
        dependentTasks: [load, train]
        inputs:
          parameters:
            loss:
              taskOutputParameter: {outputParameterKey: loss, producerTask: train}
        retryPolicy: {maxRetryCount: 2}
        taskInfo: {name: report}
schemaVersion: 2.1.0
sdkVersion: kfp-2.13.0
)y";

} // namespace

class TestKubeflowImport : public QObject
{
    Q_OBJECT

private slots:
    void dependentTasksAndProducers();
    void executorImageAndCommand();
    void nestedDagsAreFrames();
    void conditionsLoopsAndExitHandlers();
    void missingProducerNamesIt();
    void selfNestingComponentEnds();
    void detectionAcrossFormats_data();
    void detectionAcrossFormats();
    void realKubeflowPipelines();
};

void TestKubeflowImport::dependentTasksAndProducers()
{
    const PipelineImport::Result result = importText(TwoStepPipeline);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Kubeflow);
    QCOMPARE(sourceIds(result), (QStringList{u"prepare"_s, u"load"_s, u"train"_s, u"report"_s}));
    // One edge a pair, whether it comes from dependentTasks, an output read, or both.
    QCOMPARE(edgesBySource(result),
             (QStringList{u"load>report"_s, u"prepare>train"_s, u"train>report"_s}));
    const PipelineNode *train = nodeFromSource(result, u"train"_s);
    QCOMPARE(train->name, u"train model"_s);
    QCOMPARE(train->source.format, u"kubeflow"_s);
    QCOMPARE(train->source.line, 48); // the line of "train:"
    QCOMPARE(train->parameters,
             (KeyValueList{{u"epochs"_s, u"{{epochs}}"_s}, {u"rate"_s, u"0.1"_s}}));
    QCOMPARE(detail(nodeFromSource(result, u"report"_s), u"retryPolicy"_s),
             u"{maxRetryCount: 2}"_s);
    QCOMPARE(detail(nodeFromSource(result, u"prepare"_s), u"caching"_s), u"{enableCache: true}"_s);
    const KeyValueList &details = result.pipeline.source.details;
    QVERIFY(details.contains(std::pair(u"pipelineInfo"_s, u"{name: two-step}"_s)));
    QVERIFY(details.contains(std::pair(u"sdkVersion"_s, u"kfp-2.13.0"_s)));
    QVERIFY(details.contains(std::pair(
        u"root.inputDefinitions"_s, u"{parameters: {epochs: {parameterType: NUMBER_INTEGER}}}"_s)));
}

void TestKubeflowImport::executorImageAndCommand()
{
    const PipelineImport::Result result = importText(TwoStepPipeline);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *prepare = nodeFromSource(result, u"prepare"_s);
    QCOMPARE(prepare->image, u"python:3.11"_s);
    QCOMPARE(prepare->command,
             (QStringList{u"sh"_s,
                          u"-c"_s,
                          u"python prepare.py"_s,
                          u"--out"_s,
                          u"{{$.outputs.artifacts['dataset'].path}}"_s}));
    QCOMPARE(detail(prepare, u"executor"_s), u"exec-prepare"_s);
    const PipelineNode *train = nodeFromSource(result, u"train"_s);
    QCOMPARE(train->image, u"ghcr.io/acme/trainer:2"_s);
    QCOMPARE(detail(train, u"container.resources"_s), u"{cpuLimit: 4.0}"_s);
    // dsl.importer brings an existing artifact into the pipeline.
    const PipelineNode *load = nodeFromSource(result, u"load"_s);
    QVERIFY(load->badges.contains(u"importer"_s));
    QCOMPARE(load->kind, u"ingest"_s);
    QVERIFY(detail(load, u"importer"_s).contains(u"gs://bucket/data.csv"_s));
}

// A task whose component is a DAG (here a pipeline used as a component) is a frame of its
// tasks; an edge into it reaches its first tasks, an edge out of it leaves from its last ones.
void TestKubeflowImport::nestedDagsAreFrames()
{
    const PipelineImport::Result result = importText(R"y(components:
  comp-inner:
    dag:
      tasks:
        a: {componentRef: {name: comp-op}, taskInfo: {name: a}}
        b: {componentRef: {name: comp-op}, dependentTasks: [a], taskInfo: {name: b}}
        c: {componentRef: {name: comp-op}, taskInfo: {name: c}}
  comp-op:
    executorLabel: exec-op
deploymentSpec:
  executors:
    exec-op: {container: {image: alpine, command: [echo]}}
pipelineInfo: {name: outer}
root:
  dag:
    tasks:
      first: {componentRef: {name: comp-op}, taskInfo: {name: first}}
      inner:
        componentRef: {name: comp-inner}
        dependentTasks: [first]
        taskInfo: {name: inner}
      last: {componentRef: {name: comp-op}, dependentTasks: [inner], taskInfo: {name: last}}
schemaVersion: 2.1.0
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result),
             (QStringList{u"first"_s, u"inner/a"_s, u"inner/b"_s, u"inner/c"_s, u"last"_s}));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"first>inner/a"_s,
                          u"first>inner/c"_s,
                          u"inner/a>inner/b"_s,
                          u"inner/b>last"_s,
                          u"inner/c>last"_s}));
    QCOMPARE(nodeFromSource(result, u"inner/b"_s)->image, u"alpine"_s);
    QCOMPARE(result.pipeline.annotations.size(), 1);
    QCOMPARE(result.pipeline.annotations.first().text, u"inner"_s);
}

// dsl.If compiles to a DAG task with triggerPolicy.condition, dsl.ParallelFor to one with a
// parameterIterator, and dsl.ExitHandler's exit task runs on ALL_UPSTREAM_TASKS_COMPLETED.
void TestKubeflowImport::conditionsLoopsAndExitHandlers()
{
    const PipelineImport::Result result = importText(R"y(components:
  comp-condition-1:
    dag:
      tasks:
        deploy: {componentRef: {name: comp-op}, taskInfo: {name: deploy}}
  comp-for-loop-2:
    dag:
      tasks:
        score: {componentRef: {name: comp-op}, taskInfo: {name: score}}
  comp-op:
    executorLabel: exec-op
deploymentSpec:
  executors:
    exec-op: {container: {image: alpine}}
pipelineInfo: {name: p}
root:
  dag:
    tasks:
      evaluate: {componentRef: {name: comp-op}, taskInfo: {name: evaluate}}
      condition-1:
        componentRef: {name: comp-condition-1}
        dependentTasks: [evaluate]
        triggerPolicy:
          condition: inputs.parameter_values['pipelinechannel--evaluate-Output'] == 'good'
        taskInfo: {name: condition-1}
      for-loop-2:
        componentRef: {name: comp-for-loop-2}
        parameterIterator:
          itemInput: pipelinechannel--loop-item-param-1
          items: {raw: '[1, 2, 3]'}
        taskInfo: {name: for-loop-2}
      notify:
        componentRef: {name: comp-op}
        dependentTasks: [for-loop-2]
        triggerPolicy: {strategy: ALL_UPSTREAM_TASKS_COMPLETED}
        taskInfo: {name: notify}
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(
        edgesBySource(result),
        (QStringList{u"evaluate>condition-1/deploy [inputs.parameter_values['pipelinechannel--"
                     "evaluate-Output'] == 'good']"_s,
                     u"for-loop-2/score>notify [after upstream tasks, whatever their status]"_s}));
    const PipelineNode *deploy = nodeFromSource(result, u"condition-1/deploy"_s);
    QCOMPARE(detail(deploy, u"condition"_s),
             u"inputs.parameter_values['pipelinechannel--evaluate-Output'] == 'good'"_s);
    const PipelineNode *score = nodeFromSource(result, u"for-loop-2/score"_s);
    QVERIFY(score->badges.contains(u"loop"_s));
    QCOMPARE(detail(score, u"parameterIterator"_s),
             u"{itemInput: pipelinechannel--loop-item-param-1, items: {raw: [1, 2, 3]}}"_s);
    QCOMPARE(detail(nodeFromSource(result, u"notify"_s), u"trigger strategy"_s),
             u"ALL_UPSTREAM_TASKS_COMPLETED"_s);
    QCOMPARE(result.pipeline.annotations.size(), 2);
}

void TestKubeflowImport::missingProducerNamesIt()
{
    const PipelineImport::Result result = importText(
        "pipelineInfo: {name: p}\nroot:\n  dag:\n    tasks:\n      a:\n        componentRef: "
        "{name: comp-a}\n        dependentTasks: [ghost]\ncomponents:\n  comp-a: {executorLabel: "
        "exec-a}\n");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 7);
    QCOMPARE(result.errorMessage, u"'a' depends on 'ghost', which is not a job of this file"_s);
}

// A component whose DAG runs itself three times would nest without end: the depth and the
// number of tasks are bounded, and both limits are said.
void TestKubeflowImport::selfNestingComponentEnds()
{
    const PipelineImport::Result result = importText(R"y(components:
  comp-r:
    dag:
      tasks:
        r1: {componentRef: {name: comp-r}}
        r2: {componentRef: {name: comp-r}}
        r3: {componentRef: {name: comp-r}}
pipelineInfo: {name: p}
root:
  dag:
    tasks:
      start: {componentRef: {name: comp-r}}
)y");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(!result.pipeline.nodes.isEmpty());
    QVERIFY(result.pipeline.nodes.size() <= 5000);
    QStringList messages;
    for (const PipelineImport::Note &note : result.warnings)
        messages << note.message;
    QVERIFY(messages.contains(u"task 'start/r1/r1/r1/r1/r1/r1/r1/r1/r1/r1/r1/r1' nests pipelines "
                              "more than 12 deep: drawn as one node"_s));
    QVERIFY(messages.contains(u"more than 5000 tasks: the rest are not drawn"_s));
}

// Each format's own keys decide, whatever the file is called.
void TestKubeflowImport::detectionAcrossFormats_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::newRow("kubeflow") << TwoStepPipeline << u"dvc.yaml"_s << u"kubeflow"_s;
    QTest::newRow("dvc") << QByteArray("stages:\n  a: {cmd: make}\n") << u"pipeline.yaml"_s
                         << u"dvc"_s;
    QTest::newRow("tekton") << QByteArray(
        "apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  "
        "tasks: [{name: a, taskRef: {name: t}}]\n")
                            << u"dvc.yaml"_s << u"tekton"_s;
    QTest::newRow("github") << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: []}\n")
                            << u"pipeline.yaml"_s << u"github-actions"_s;
    QTest::newRow("a Tekton Task is none of these")
        << QByteArray("apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  "
                      "steps: [{image: alpine, script: echo}]\n")
        << u"pipeline.yaml"_s << QString();
}

void TestKubeflowImport::detectionAcrossFormats()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, name);
    QFETCH(QString, format);
    const PipelineImport::Result result = importText(yaml, name);
    QCOMPARE(result.ok ? PipelineImport::formatId(result.format) : QString(), format);
}

// Every compiled pipeline of ../shared/corpus imports; its tasks (the inner tasks of nested
// DAGs in place of the task that holds them) and dependencies are counted here with yaml-cpp
// directly, not through the importer.
void TestKubeflowImport::realKubeflowPipelines()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/kubeflow"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/kubeflow"_s));
    const QStringList files = folder.entryList({u"*.yaml"_s, u"*.yml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::Kubeflow);
        const YAML::Node root = YAML::LoadAllFromFile(path.toStdString()).front();
        Expected expected;
        expectDag(root["root"]["dag"], root["components"], {}, expected);
        const QStringList ids = sourceIds(result);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), expected.jobs);
        QCOMPARE(ids.size(), expected.jobs.size());
        QCOMPARE(result.pipeline.edges.size(), expected.edges.size());
        qInfo("%s: %lld tasks (%lld in the root DAG), %lld dependencies, %lld frames, %lld "
              "warnings",
              qPrintable(file),
              qlonglong(ids.size()),
              qlonglong(root["root"]["dag"]["tasks"].size()),
              qlonglong(expected.edges.size()),
              qlonglong(result.pipeline.annotations.size()),
              qlonglong(result.warnings.size()));
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

QTEST_GUILESS_MAIN(TestKubeflowImport)
#include "tst_kubeflowimport.moc"
