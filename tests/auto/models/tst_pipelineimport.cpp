#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Format = PipelineImport::Format;

namespace {

PipelineImport::Result importText(const QByteArray &yaml,
                                  const QString &name = u"ci.yml"_s,
                                  std::optional<Format> format = std::nullopt)
{
    return PipelineImport::importData(yaml, name, NodeCatalog::builtIn(), format);
}

const PipelineNode *nodeFromSource(const PipelineImport::Result &result, const QString &id)
{
    for (const PipelineNode &node : result.pipeline.nodes)
        if (node.source.id == id)
            return &node;
    return nullptr;
}

// "a>b" for each edge, by source ids, sorted.
QStringList edgesBySource(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node);
    edges.sort();
    return edges;
}

QString detail(const PipelineNode *node, const QString &key)
{
    for (const auto &[k, v] : node->details)
        if (k == key)
            return v;
    return {};
}

} // namespace

class TestPipelineImport : public QObject
{
    Q_OBJECT

private slots:
    void gitHubJobsAndNeeds();
    void gitHubMatrixSize_data();
    void gitHubMatrixSize();
    void gitHubKeepsWhatItCannotDraw();
    void gitHubMissingNeedNamesItsLine();
    void repeatedKeysAreKeptAndSaid();
    void gitHubCycleIsAValidationError();
    void kindsComeFromTheRules();
    void detection_data();
    void detection();
    void badInput_data();
    void badInput();
    void badFiles();
    void aliasBombEndsQuickly();
    void unplacedImportIsTheSamePipeline();
    void realGitHubWorkflows();
};

void TestPipelineImport::gitHubJobsAndNeeds()
{
    const PipelineImport::Result result = importText(R"(name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: make}]
  test:
    needs: build
    runs-on: ubuntu-latest
    steps: [{run: make test}]
  deploy:
    needs: [build, test]
    runs-on: ubuntu-latest
    steps: [{run: make deploy}]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::GitHubActions);
    QCOMPARE(result.pipeline.nodes.size(), 3);
    QCOMPARE(edgesBySource(result),
             (QStringList{u"build>deploy"_s, u"build>test"_s, u"test>deploy"_s}));
    for (const PipelineEdge &edge : result.pipeline.edges)
        QVERIFY(edge.isOrdering());
    const PipelineNode *test = nodeFromSource(result, u"test"_s);
    QVERIFY(test);
    QCOMPARE(test->source.format, u"github-actions"_s);
    QCOMPARE(test->source.line, 7); // the line of "test:"
    QCOMPARE(result.pipeline.source.format, u"github-actions"_s);
    QCOMPARE(result.pipeline.source.path, u"ci.yml"_s);
    QVERIFY(result.pipeline.source.details.contains(std::pair(u"on"_s, u"[push]"_s)));
    // Laid out in reading order along the dependencies: to the right along a band, or in a band
    // below (three stages in one row would be 8:1, wider than a slide).
    const auto readsBefore = [](const PipelineNode *a, const PipelineNode *b) {
        return (a->pos.x() < b->pos.x() && std::abs(a->pos.y() - b->pos.y()) < 96)
               || a->pos.y() + 96 < b->pos.y();
    };
    QVERIFY(readsBefore(nodeFromSource(result, u"build"_s), test));
    QVERIFY(readsBefore(test, nodeFromSource(result, u"deploy"_s)));
}

// The counts GitHub's documentation gives for its own examples ("Using a matrix for your jobs").
void TestPipelineImport::gitHubMatrixSize_data()
{
    QTest::addColumn<QByteArray>("matrix");
    QTest::addColumn<QString>("badge");
    QTest::newRow("product") << QByteArray("{version: [10, 12, 14], os: [ubuntu-latest, "
                                           "windows-latest]}")
                             << u"matrix ×6"_s;
    QTest::newRow("include extends or adds")
        << QByteArray("{fruit: [apple, pear], animal: [cat, dog], include: [{color: green}, "
                      "{color: pink, animal: cat}, {fruit: apple, shape: circle}, {fruit: banana}, "
                      "{fruit: banana, animal: cat}]}")
        << u"matrix ×6"_s;
    QTest::newRow("exclude partial matches")
        << QByteArray("{os: [macos-latest, windows-latest], version: [12, 14, 16], environment: "
                      "[staging, production], exclude: [{os: macos-latest, version: 12, "
                      "environment: production}, {os: windows-latest, version: 16}]}")
        << u"matrix ×9"_s;
    QTest::newRow("only include") << QByteArray("{include: [{os: a}, {os: b}]}") << u"matrix ×2"_s;
    QTest::newRow("expression") << QByteArray("${{ fromJSON(needs.setup.outputs.matrix) }}")
                                << u"matrix"_s;
}

void TestPipelineImport::gitHubMatrixSize()
{
    QFETCH(QByteArray, matrix);
    QFETCH(QString, badge);
    const PipelineImport::Result result = importText(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: "
        + matrix + "\n    steps: [{run: pytest}]\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.first().badges, QStringList{badge});
}

void TestPipelineImport::gitHubKeepsWhatItCannotDraw()
{
    const PipelineImport::Result result = importText(R"(on:
  workflow_dispatch:
jobs:
  release:
    name: Publish ${{ inputs.version }}
    if: github.ref == 'refs/heads/main'
    runs-on: [self-hosted, gpu]
    container: {image: 'ghcr.io/acme/ml:1.2', options: --gpus all}
    environment: production
    services: {redis: {image: 'redis:7'}}
    timeout-minutes: 30
    env: {STAGE: prod}
    steps:
      - uses: actions/checkout@v4
      - name: Train
        run: |
          python train.py
          python evaluate.py
  call:
    uses: ./.github/workflows/reusable.yml
    with: {level: 3}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *release = nodeFromSource(result, u"release"_s);
    QCOMPARE(release->name, u"Publish ${{ inputs.version }}"_s);
    QCOMPARE(release->image, u"ghcr.io/acme/ml:1.2"_s);
    QCOMPARE(detail(release, u"if"_s), u"github.ref == 'refs/heads/main'"_s);
    QCOMPARE(detail(release, u"runs-on"_s), u"[self-hosted, gpu]"_s);
    QCOMPARE(detail(release, u"environment"_s), u"production"_s);
    QCOMPARE(detail(release, u"services"_s), u"{redis: {image: redis:7}}"_s);
    QCOMPARE(detail(release, u"timeout-minutes"_s), u"30"_s);
    QCOMPARE(detail(release, u"steps"_s),
             u"- actions/checkout@v4\n- Train (run: python train.py)"_s);
    QCOMPARE(release->parameters, (KeyValueList{{u"STAGE"_s, u"prod"_s}}));
    QCOMPARE(release->command,
             (QStringList{u"sh"_s, u"-c"_s, u"python train.py\npython evaluate.py"_s}));
    const PipelineNode *call = nodeFromSource(result, u"call"_s);
    QCOMPARE(detail(call, u"calls"_s), u"./.github/workflows/reusable.yml"_s);
    QCOMPARE(detail(call, u"with"_s), u"{level: 3}"_s);
    QVERIFY(call->badges.contains(u"workflow call"_s));
}

void TestPipelineImport::gitHubMissingNeedNamesItsLine()
{
    const PipelineImport::Result result = importText(
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n  b:\n    runs-on: x\n    needs: "
        "[a, ghost]\n    steps: []\n");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 8);
    QCOMPARE(result.errorMessage, u"'b' depends on 'ghost', which is not a job of this file"_s);
    QCOMPARE(PipelineImport::describeError(u"w.yml"_s, result),
             u"w.yml:8: 'b' depends on 'ghost', which is not a job of this file"_s);
}

// YAML forbids a repeated key, yet parsers take it: the repeat is kept under another name and
// said, and the pipeline still saves and reads back (found by fuzz_pipelineimport).
void TestPipelineImport::repeatedKeysAreKeptAndSaid()
{
    const PipelineImport::Result result = importText(
        "on: push\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    timeout-minutes: 9\n"
        "    env: {A: 1, A: 2, \"\": 3}\n    steps: []\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode &node = result.pipeline.nodes.first();
    QCOMPARE(detail(&node, u"timeout-minutes"_s), u"5"_s);
    QCOMPARE(detail(&node, u"timeout-minutes (2)"_s), u"9"_s);
    QCOMPARE(node.parameters,
             (KeyValueList{{u"A"_s, u"1"_s}, {u"A (2)"_s, u"2"_s}, {u"(no name)"_s, u"3"_s}}));
    QCOMPARE(result.warnings.size(), 3);
    QCOMPARE(result.warnings.first().line, 3);
    QCOMPARE(result.warnings.first().message,
             u"job 'a': the key 'timeout-minutes' appears more than once; the repeat is kept as "
             "'timeout-minutes (2)'"_s);
    const PipelineFile::ReadResult saved = PipelineFile::read(
        PipelineFile::write(
            result.pipeline.nodes, result.pipeline.edges, {}, result.pipeline.source),
        NodeCatalog::builtIn());
    QVERIFY2(saved.ok, qPrintable(saved.errorMessage));
    QCOMPARE(saved.nodes, result.pipeline.nodes);
}

void TestPipelineImport::gitHubCycleIsAValidationError()
{
    const PipelineImport::Result result = importText(
        "on: push\njobs:\n  a: {runs-on: x, needs: b, steps: []}\n  b: {runs-on: x, needs: a, "
        "steps: []}\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const QList<PipelineFinding> findings
        = validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn());
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const PipelineFinding &f) {
        return f.code == u"cycle"_s && f.severity == PipelineFinding::Severity::Error;
    }));
}

// The kind comes from curriculum/import-kinds.json: the name first, then what the job uses.
void TestPipelineImport::kindsComeFromTheRules()
{
    const PipelineImport::Result result = importText(R"(on: push
jobs:
  train-model: {runs-on: x, steps: [{run: python fit.py}]}
  validate-data: {runs-on: x, steps: [{run: great_expectations checkpoint run}]}
  job1: {runs-on: x, steps: [{uses: docker/build-push-action@v5}]}
  job2: {runs-on: x, steps: [{run: kubectl apply -f k8s/}], environment: prod}
  docs: {runs-on: x, steps: [{run: echo hi}]}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(nodeFromSource(result, u"train-model"_s)->kind, u"train"_s);
    QCOMPARE(nodeFromSource(result, u"validate-data"_s)->kind, u"validate-data"_s);
    QCOMPARE(nodeFromSource(result, u"job1"_s)->kind, u"package"_s);
    QCOMPARE(nodeFromSource(result, u"job2"_s)->kind, u"deploy"_s);
    QCOMPARE(nodeFromSource(result, u"docs"_s)->kind, u"step"_s);
}

void TestPipelineImport::detection_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("workflow") << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: []}\n")
                              << u"anything.txt"_s << true;
    QTest::newRow("workflow as JSON")
        << QByteArray(R"({"on": "push", "jobs": {"a": {"runs-on": "x", "steps": []}}})")
        << u"w.json"_s << true;
    QTest::newRow("extension alone decides nothing")
        << QByteArray("name: not a workflow\nitems: [1, 2]\n") << u".github/workflows/x.yml"_s
        << false;
}

void TestPipelineImport::detection()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(importText(yaml, name).ok, ok);
}

void TestPipelineImport::badInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << 0 << u"an empty file: no pipeline in it"_s;
    QTest::newRow("comments only") << QByteArray("# nothing\n---\n# more\n") << 0
                                   << u"no pipeline in it: only comments and blank lines"_s;
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << 0
                            << u"a binary file, not a pipeline file (YAML or JSON text)"_s;
    QTest::newRow("latin-1") << QByteArray("jobs: caf\xe9\n") << 0
                             << u"not UTF-8 text, so not a pipeline file (YAML or JSON)"_s;
    QTest::newRow("not yaml") << QByteArray("jobs:\n  a: [1, 2\n  b: }\n") << 3
                              << u"not valid YAML: "_s;
    // The formats named are the readers this build has, one more with each new reader.
    QStringList readers;
    for (const QString &id : PipelineImport::formatIds())
        readers << PipelineImport::formatName(*PipelineImport::formatFromId(id));
    QTest::newRow("kubernetes deployment")
        << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n") << 1
        << u"not a pipeline file of a kind this app opens (%1); it is a Deployment (apps/v1)"_s.arg(
               readers.join(u", "_s));
    // yaml-cpp 0.7's own parser runs out of memory on this; libyaml (which reads imports) refuses.
    QTest::newRow("yaml-cpp runaway")
        << QByteArray("              \"alpha\",\n              \"beta\",") << 1
        << u"not valid YAML: "_s;
    QTest::newRow("deep but well formed") << QByteArray(3000, '[') + QByteArray(3000, ']') << 1
                                          << u"nested more than 2000 levels deep: no pipeline is"_s;
    QTest::newRow("deep nesting") << QByteArray(20000, '[') << 1 << u"not valid YAML: "_s;
    QTest::newRow("too large") << QByteArray(PipelineImport::MaxFileBytes + 1, '#') << 0
                               << u"too large (over 8 MiB) for a pipeline file"_s;
}

void TestPipelineImport::badInput()
{
    QFETCH(QByteArray, data);
    QFETCH(int, line);
    QFETCH(QString, error);
    const PipelineImport::Result result = importText(data);
    QVERIFY(!result.ok);
    QVERIFY2(result.errorMessage.startsWith(error), qPrintable(result.errorMessage));
    if (line > 0)
        QVERIFY2(result.errorLine >= line, qPrintable(QString::number(result.errorLine)));
    else
        QCOMPARE(result.errorLine, 0);
}

void TestPipelineImport::badFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const NodeCatalog &catalog = NodeCatalog::builtIn();
    QCOMPARE(PipelineImport::importFile(dir.path(), catalog).errorMessage,
             u"is a directory, expected a pipeline file"_s);
    QCOMPARE(PipelineImport::importFile(dir.filePath(u"none.yml"_s), catalog).errorMessage,
             u"no such file"_s);
    const QString fifo = dir.filePath(u"pipe.yml"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QCOMPARE(PipelineImport::importFile(fifo, catalog).errorMessage,
             u"not a regular file, expected a pipeline file"_s);
    const PipelineImport::Result opened = PipelineImport::openFile(fifo, catalog);
    QCOMPARE(opened.errorMessage, fifo + u": not a regular file, expected a pipeline file"_s);
}

// "Billion laughs": nine levels of ten aliases each. yaml-cpp shares the aliased nodes, and the
// importer never expands them past a budget, so this ends at once instead of walking 10^9 nodes.
void TestPipelineImport::aliasBombEndsQuickly()
{
    QByteArray yaml = "on: push\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        QByteArray refs;
        for (int i = 0; i < 10; ++i)
            refs += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
        yaml += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [" + refs
                + "]\n";
    }
    yaml += "jobs:\n  bomb:\n    runs-on: *a9\n    steps: *a9\n    strategy: {matrix: {x: *a9}}\n";
    // Expanded, it would be 10^9 values: the import would never end (the test's timeout says
    // so) and the details would not be cut at their budget.
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(detail(&result.pipeline.nodes.first(), u"runs-on"_s).size() <= 401);
    // Ten steps (the aliases of a9), each one line shortened at 120 characters.
    const QStringList steps = detail(&result.pipeline.nodes.first(), u"steps"_s).split(u'\n');
    QCOMPARE(steps.size(), 10);
    for (const QString &step : steps)
        QVERIFY2(step.size() <= 2 + 121, qPrintable(step));
}

// Placement::Unplaced reads the same pipeline and leaves every position as the file format's
// default; the auto-layout then puts no two stages in the same place.
void TestPipelineImport::unplacedImportIsTheSamePipeline()
{
    const QByteArray gitlab = "stages: [build, test]\nb1: {stage: build, script: [make]}\n"
                              "b2: {stage: build, script: [make]}\n"
                              "t1: {stage: test, script: [make test]}\n";
    const auto importAs = [&](PipelineImport::Placement placement) {
        return PipelineImport::importData(
            gitlab, u".gitlab-ci.yml"_s, NodeCatalog::builtIn(), std::nullopt, placement);
    };
    const PipelineImport::Result placed = importAs(PipelineImport::Placement::AutoLayout);
    const PipelineImport::Result unplaced = importAs(PipelineImport::Placement::Unplaced);
    QVERIFY2(placed.ok && unplaced.ok, qPrintable(placed.errorMessage + unplaced.errorMessage));
    QCOMPARE(unplaced.pipeline.nodes.size(), 3);
    QCOMPARE(edgesBySource(unplaced), edgesBySource(placed));
    QCOMPARE(unplaced.pipeline.annotations.size(), placed.pipeline.annotations.size());
    QSet<std::pair<double, double>> places;
    for (qsizetype n = 0; n < unplaced.pipeline.nodes.size(); ++n) {
        const PipelineNode &node = unplaced.pipeline.nodes.at(n);
        QCOMPARE(node.name, placed.pipeline.nodes.at(n).name);
        QCOMPARE(node.kind, placed.pipeline.nodes.at(n).kind);
        QCOMPARE(node.pos, PipelineNode().pos);
        const QPointF at = placed.pipeline.nodes.at(n).pos;
        places.insert({at.x(), at.y()});
    }
    QCOMPARE(places.size(), 3);
    for (const PipelineAnnotation &frame : unplaced.pipeline.annotations)
        QVERIFY(frame.rect.isNull());
    for (const PipelineAnnotation &frame : placed.pipeline.annotations)
        QVERIFY(!frame.rect.isEmpty());
}

// Every real workflow of ../shared/corpus imports; its jobs and `needs` are counted here with
// yaml-cpp directly, not through the importer.
void TestPipelineImport::realGitHubWorkflows()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/github-actions"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/github-actions"_s));
    const QStringList files = folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        YAML::Node root;
        try {
            root = YAML::LoadFile(path.toStdString());
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(file + u": "_s + QString::fromStdString(error.what())));
        }
        qsizetype jobs = 0, needs = 0;
        for (const auto &job : root["jobs"]) {
            ++jobs;
            // A const node's missing key is invalid in yaml-cpp; a copy's is null.
            YAML::Node body = job.second;
            const YAML::Node need = body.IsMap() ? body["needs"] : YAML::Node();
            QSet<std::string> distinct;
            if (need.IsScalar())
                distinct.insert(need.Scalar());
            else if (need.IsSequence())
                for (const YAML::Node &n : need)
                    distinct.insert(n.Scalar());
            needs += distinct.size();
            const PipelineNode *node
                = nodeFromSource(result, QString::fromStdString(job.first.Scalar()));
            QVERIFY2(node, qPrintable(file));
            QCOMPARE(node->source.line, job.first.Mark().line + 1);
        }
        QCOMPARE(result.pipeline.nodes.size(), jobs);
        QCOMPARE(result.pipeline.edges.size(), needs);
        // A well-formed workflow opens without errors: only the warnings that teach.
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

QTEST_GUILESS_MAIN(TestPipelineImport)
#include "tst_pipelineimport.moc"
