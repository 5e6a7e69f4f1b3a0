#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const NodeCatalog &catalog()
{
    return NodeCatalog::builtIn();
}

struct Lists
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    QList<PipelineAnnotation> annotations;
};

Lists sample()
{
    PipelineNode ingest;
    ingest.id = u"n1"_s;
    ingest.kind = u"ingest"_s;
    ingest.name = u"Ingest \"orders\" — Ω"_s;
    ingest.pos = QPointF(-12.5, 160);
    ingest.tool = u"Airflow"_s;
    ingest.image = u"python:3.11-slim"_s;
    ingest.command = {u"python"_s, u"ingest.py"_s, u"--path=C:\\data"_s};
    ingest.parameters = {{u"source"_s, u"s3://orders"_s}, {u"a"_s, u"first\nsecond\t\x01"_s}};
    ingest.notes = u"Runs nightly.\n\nSee the *runbook*."_s;
    PipelineNode train;
    train.id = u"n2"_s;
    train.kind = u"train"_s;
    train.name = u"Train"_s;
    train.pos = QPointF(260, 0.1);
    // U+FEFF is text inside a string: at its start and right after an escape too.
    train.notes = u"\uFEFFmarked\n\uFEFF\uFEFFtwice"_s;
    PipelineAnnotation note{u"a1"_s, PipelineAnnotation::Kind::Text, {1, 2, 3.25, 4}, u"Note"_s};
    PipelineAnnotation group{u"a2"_s, PipelineAnnotation::Kind::Group, {0, 0, 600, 300}, {}};
    // A type mismatch is a validation error, not a file error: it must load.
    return {{ingest, train}, {{{u"n1"_s, u"data"_s}, {u"n2"_s, u"data"_s}}}, {note, group}};
}

QByteArray minimal(const QByteArray &nodes, const QByteArray &rest = {})
{
    return R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": [)" + nodes + "]" + rest
           + "}";
}

const QByteArray TwoNodes = R"({"id": "n1", "kind": "ingest", "name": "In"},
    {"id": "n2", "kind": "validate-data", "name": "Check"})";

QByteArray withEdge(const QByteArray &edge)
{
    return minimal(TwoNodes, R"(, "edges": [)" + edge + "]");
}

} // namespace

class TestPipelineFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void writesReadableJson();
    void importedPipelineRoundTrip();
    void readsDefaults();
    void badFiles_data();
    void badFiles();
    void errorsNameTheirLine();
    void loadErrors();
    void readRefusesOversizeData();
    void saveErrors();
    void saveReplacesAtomically();
    void largePipeline();
};

void TestPipelineFile::roundTrip()
{
    const Lists lists = sample();
    const QByteArray json = PipelineFile::write(lists.nodes, lists.edges, lists.annotations);
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.nodes, lists.nodes);
    QCOMPARE(read.edges, lists.edges);
    QCOMPARE(read.annotations, lists.annotations);
    QCOMPARE(PipelineFile::write(read.nodes, read.edges, read.annotations), json);
}

// An imported pipeline keeps where each node came from, what it had beyond the stage fields,
// its ordering edges with their conditions and the pipeline's own source (README "Pipeline
// files", version 2).
void TestPipelineFile::importedPipelineRoundTrip()
{
    Lists lists = sample();
    lists.nodes[0].source = {u"gitlab-ci"_s, u"ingest:orders"_s, 42};
    lists.nodes[0].details = {{u"image"_s, u"$CI_REGISTRY_IMAGE"_s}, {u"when"_s, u"manual"_s}};
    lists.nodes[0].badges = {u"manual"_s, u"matrix ×6"_s};
    lists.nodes[1].source = {u"gitlab-ci"_s, u"train"_s, 0};
    lists.edges.append({{u"n1"_s, {}}, {u"n2"_s, {}}, u"on_failure"_s});
    const PipelineSource source{
        u"gitlab-ci"_s, u"ci/.gitlab-ci.yml"_s, {{u"stages"_s, u"build, train"_s}}};
    const QByteArray json
        = PipelineFile::write(lists.nodes, lists.edges, lists.annotations, source);
    QVERIFY(json.contains(
        R"({"from": {"node": "n1"}, "to": {"node": "n2"}, "condition": "on_failure"})"));
    QVERIFY(
        json.contains(R"("source": {"format": "gitlab-ci", "id": "ingest:orders", "line": 42})"));
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.nodes, lists.nodes);
    QCOMPARE(read.edges, lists.edges);
    QVERIFY(read.edges.last().isOrdering());
    QCOMPARE(read.source, source);
    QCOMPARE(PipelineFile::write(read.nodes, read.edges, read.annotations, read.source), json);
}

void TestPipelineFile::writesReadableJson()
{
    const Lists lists = sample();
    const QByteArray json = PipelineFile::write(lists.nodes, lists.edges, lists.annotations);
    QVERIFY(json.startsWith("{\n  \"format\": \"mlops-studio-pipeline\",\n  \"version\": 2,\n"));
    // A drawn pipeline has nothing of an import: its file stays as version 1 wrote it.
    for (const char *key : {"\"source\": {", "\"details\":", "\"badges\":", "\"condition\":"})
        QVERIFY2(!json.contains(key), key);
    QVERIFY(json.endsWith("}\n"));
    QVERIFY(json.contains(
        R"({"from": {"node": "n1", "port": "data"}, "to": {"node": "n2", "port": "data"}})"));
    QVERIFY(json.contains(R"("command": ["python", "ingest.py", "--path=C:\\data"])"));
    QVERIFY(json.contains(R"({"key": "a", "value": "first\nsecond\t\u0001"})"));
    QVERIFY(json.contains(R"("x": 260,)"));
    QVERIFY(json.contains("\"name\": \"Ingest \\\"orders\\\" — Ω\"")); // UTF-8, not escaped
    QVERIFY(json.contains("\"notes\": \"\xEF\xBB\xBFmarked\\n\xEF\xBB\xBF\xEF\xBB\xBFtwice\""));
    QVERIFY(json.indexOf("\"id\": \"n1\"") < json.indexOf("\"kind\": \"ingest\""));
    QVERIFY(PipelineFile::write({}, {}, {}).contains(R"("nodes": [],)"));
}

void TestPipelineFile::readsDefaults()
{
    const PipelineFile::ReadResult read
        = PipelineFile::read(minimal(R"({"id": "n1", "kind": "train", "name": "T"})"), catalog());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.nodes.size(), 1);
    QCOMPARE(read.nodes.first().pos, QPointF());
    QVERIFY(read.nodes.first().command.isEmpty() && read.nodes.first().parameters.isEmpty());
    QVERIFY(read.edges.isEmpty() && read.annotations.isEmpty());
}

void TestPipelineFile::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("error");

    const QByteArray head = R"({"format": "mlops-studio-pipeline", )";
    QTest::newRow("truncated") << QByteArray("{\n  \"format\": \"mlops-studio-pipeline\",\n") << 3
                               << u"invalid JSON: "_s;
    QTest::newRow("array") << QByteArray("[]") << 1
                           << u"not a pipeline file: expected a JSON object"_s;
    QTest::newRow("other format") << QByteArray(R"({"format": "mlops-studio-curriculum"})") << 0
                                  << u"not a pipeline file: expected \"format\": "
                                     "\"mlops-studio-pipeline\""_s;
    QTest::newRow("newer") << head + R"("version": 3, "nodes": []})" << 0
                           << u"written by a newer version (format version 3; this version "
                              "reads up to 2)"_s;
    QTest::newRow("version text") << head + R"("version": "1", "nodes": []})" << 0
                                  << u"version: expected a number, found a string"_s;
    QTest::newRow("no nodes") << head + R"("version": 1})" << 0
                              << u"nodes: expected an array, found missing"_s;
    QTest::newRow("node not object")
        << minimal("3") << 1 << u"nodes[0]: expected an object, found a number"_s;
    QTest::newRow("no id") << minimal(R"({"kind": "train", "name": "T"})") << 1
                           << u"nodes[0].id: expected a string, found missing"_s;
    QTest::newRow("empty id") << minimal(R"({"id": "", "kind": "train", "name": "T"})") << 1
                              << u"nodes[0].id: an id cannot be empty"_s;
    QTest::newRow("misspelt kind") << minimal(R"({"id": "n", "kind": "trian", "name": "T"})") << 1
                                   << u"nodes[0].kind: unknown kind 'trian'; did you mean "
                                      "'train'?"_s;
    QTest::newRow("name number") << minimal(R"({"id": "n", "kind": "train", "name": 5})") << 1
                                 << u"nodes[0].name: expected a string, found a number"_s;
    QTest::newRow("x text") << minimal(R"({"id": "n", "kind": "train", "name": "T", "x": "1"})")
                            << 1 << u"nodes[0].x: expected a finite number, found a string"_s;
    QTest::newRow("x too big") << minimal(
        R"({"id": "n", "kind": "train", "name": "T", "x": 1e999})")
                               << 1 << u"invalid JSON: "_s;
    QTest::newRow("properties array")
        << minimal(R"({"id": "n", "kind": "train", "name": "T", "properties": []})") << 1
        << u"nodes[0].properties: expected an object, found an array"_s;
    QTest::newRow("command text") << minimal(R"({"id": "n", "kind": "train", "name": "T",
        "properties": {"command": "python train.py"}})")
                                  << 2
                                  << u"nodes[0].properties.command: expected an array, found "
                                     "a string"_s;
    QTest::newRow("duplicate parameter") << minimal(R"({"id": "n", "kind": "train", "name": "T",
        "properties": {"parameters": [{"key": "lr", "value": "0.1"}, {"key": "lr", "value": "1"}]}})")
                                         << 2
                                         << u"nodes[0].properties.parameters[1].key: duplicate "
                                            "parameter 'lr'"_s;
    QTest::newRow("parameter number") << minimal(R"({"id": "n", "kind": "train", "name": "T",
        "properties": {"parameters": [{"key": "lr", "value": 0.1}]}})")
                                      << 2
                                      << u"nodes[0].properties.parameters[0].value: expected a "
                                         "string, found a number"_s;
    QTest::newRow("duplicate node id") << minimal(R"({"id": "n", "kind": "train", "name": "A"},
                      {"id": "n", "kind": "tune", "name": "B"})")
                                       << 2 << u"nodes[1].id: duplicate node id 'n'"_s;
    QTest::newRow("edge unknown node") << withEdge(
        R"({"from": {"node": "n9", "port": "data"}, "to": {"node": "n2", "port": "data"}})")
                                       << 2 << u"edges[0].from.node: no node has the id 'n9'"_s;
    QTest::newRow("edge unknown port")
        << withEdge(
               R"({"from": {"node": "n1", "port": "rows"}, "to": {"node": "n2", "port": "data"}})")
        << 2 << u"edges[0].from.port: 'In' (ingest) has no output 'rows'"_s;
    QTest::newRow("edge into an output")
        << withEdge(
               R"({"from": {"node": "n1", "port": "data"}, "to": {"node": "n2", "port": "report"}})")
        << 2 << u"edges[0].to.port: 'Check' (validate-data) has no input 'report'"_s;
    QTest::newRow("edge without to") << withEdge(R"({"from": {"node": "n1", "port": "data"}})") << 2
                                     << u"edges[0].to: expected an object, found missing"_s;
    QTest::newRow("duplicate edge") << withEdge(
        R"({"from": {"node": "n1", "port": "data"}, "to": {"node": "n2", "port": "data"}},
                       {"from": {"node": "n1", "port": "data"}, "to": {"node": "n2", "port": "data"}})")
                                    << 3 << u"edges[1]: the same edge again"_s;
    QTest::newRow("half an ordering edge")
        << withEdge(R"({"from": {"node": "n1"}, "to": {"node": "n2", "port": "data"}})") << 2
        << u"edges[0]: an edge names a port at both ends, or (an ordering edge) at neither"_s;
    QTest::newRow("ordering edge twice")
        << withEdge(R"({"from": {"node": "n1"}, "to": {"node": "n2"}},
                       {"from": {"node": "n1"}, "to": {"node": "n2"}})")
        << 3 << u"edges[1]: the same edge again"_s;
    QTest::newRow("node source without format")
        << minimal(R"({"id": "n", "kind": "train", "name": "T", "source": {"id": "train"}})") << 1
        << u"nodes[0].source.format: a node's source names its format"_s;
    QTest::newRow("node source line") << minimal(R"({"id": "n", "kind": "train", "name": "T",
                       "source": {"format": "dvc", "line": 2.5}})")
                                      << 2 << u"nodes[0].source.line: expected a line number"_s;
    QTest::newRow("duplicate detail") << minimal(R"({"id": "n", "kind": "train", "name": "T",
        "details": [{"key": "if", "value": "a"}, {"key": "if", "value": "b"}]})")
                                      << 2 << u"nodes[0].details[1].key: duplicate detail 'if'"_s;
    QTest::newRow("badges text") << minimal(
        R"({"id": "n", "kind": "train", "name": "T", "badges": "manual"})")
                                 << 1 << u"nodes[0].badges: expected an array, found a string"_s;
    QTest::newRow("pipeline source without format")
        << minimal({}, R"(, "source": {"path": ".gitlab-ci.yml"})") << 1
        << u"source.format: a pipeline's source names its format"_s;
    QTest::newRow("annotation kind")
        << minimal({}, R"(, "annotations": [{"id": "a", "kind": "sticky"}])") << 1
        << u"annotations[0].kind: expected \"text\" or \"group\", found 'sticky'"_s;
    QTest::newRow("annotation size")
        << minimal({}, R"(, "annotations": [{"id": "a", "width": -1}])") << 1
        << u"annotations[0]: width and height cannot be negative"_s;
    QTest::newRow("duplicate annotation")
        << minimal({}, R"(, "annotations": [{"id": "a"}, {"id": "a"}])") << 1
        << u"annotations[1].id: duplicate annotation id 'a'"_s;
}

void TestPipelineFile::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(QString, error);
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    QVERIFY(!read.ok);
    QCOMPARE(read.errorLine, line);
    QVERIFY2(read.errorMessage.startsWith(error), qPrintable(read.errorMessage));
}

// In a saved (indented) file, a wrong value deep inside is reported on its own line, which an
// editor can jump to.
void TestPipelineFile::errorsNameTheirLine()
{
    QList<PipelineNode> nodes;
    for (int i = 0; i < 20; ++i) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(i);
        node.kind = u"train"_s;
        node.name = u"Train %1"_s.arg(i);
        nodes << node;
    }
    QByteArray json = PipelineFile::write(nodes, {}, {});
    const QByteArray wrong = "\"name\": \"Train 13\"";
    const qsizetype at = json.indexOf(wrong);
    QVERIFY(at > 0);
    json.replace(at, wrong.size(), "\"name\": 13");
    const int line = int(json.left(at).count('\n')) + 1;
    QVERIFY(line > 20);
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    QVERIFY(!read.ok);
    QCOMPARE(read.errorLine, line);
    QCOMPARE(read.errorMessage, u"nodes[13].name: expected a string, found a number"_s);
}

// The limit holds for data that never was a file (the clipboard), checked before parsing.
void TestPipelineFile::readRefusesOversizeData()
{
    QByteArray json = R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": []})";
    json.append(PipelineFile::MaxFileBytes - json.size(), ' ');
    QVERIFY(PipelineFile::read(json, catalog()).ok);
    json.append(' ');
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    QVERIFY(!read.ok);
    QCOMPARE(read.errorMessage, u"too large (over 50 MB) for a pipeline file"_s);
}

void TestPipelineFile::loadErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(u"missing.mlpipe"_s);
    QCOMPARE(PipelineFile::load(missing, catalog()).errorMessage, missing + u": no such file"_s);
    QVERIFY(PipelineFile::load(dir.path(), catalog())
                .errorMessage.startsWith(dir.path() + u": is a directory"_s));

    const QString big = dir.filePath(u"big.mlpipe"_s);
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(PipelineFile::MaxFileBytes + 1)); // sparse: no 50 MB written
    file.close();
    QCOMPARE(PipelineFile::load(big, catalog()).errorMessage,
             big + u": too large (over 50 MB) for a pipeline file"_s);

    const QString broken = dir.filePath(u"broken.mlpipe"_s);
    QString error;
    QVERIFY(PipelineFile::save(broken, QByteArray("{\n\n  \"nodes\": [,]\n}\n"), &error));
    QVERIFY2(PipelineFile::load(broken, catalog())
                 .errorMessage.startsWith(broken + u":3: invalid JSON"_s),
             qPrintable(PipelineFile::load(broken, catalog()).errorMessage));
}

void TestPipelineFile::saveErrors()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!PipelineFile::save(dir.path(), QByteArray("{}"), &error));
    QCOMPARE(error, dir.path() + u": is a directory, expected a file name"_s);
    const QString nowhere = dir.filePath(u"no/such/dir/p.mlpipe"_s);
    QVERIFY(!PipelineFile::save(nowhere, QByteArray("{}"), &error));
    QVERIFY2(error.startsWith(nowhere + u": cannot write"_s), qPrintable(error));
}

void TestPipelineFile::saveReplacesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.mlpipe"_s);
    PipelineGraph graph(&catalog());
    const Lists lists = sample();
    graph.reset(lists.nodes, lists.edges, lists.annotations);
    QString error;
    QVERIFY2(PipelineFile::save(path, QByteArray("old"), &error), qPrintable(error));
    QVERIFY2(PipelineFile::save(path, graph, &error), qPrintable(error));
    const PipelineFile::ReadResult loaded = PipelineFile::load(path, catalog());
    QVERIFY2(loaded.ok, qPrintable(loaded.errorMessage));
    QCOMPARE(loaded.nodes, graph.nodes());
    QCOMPARE(loaded.annotations, graph.annotations());
    // QSaveFile writes beside the target and renames: no temporary file may be left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"p.mlpipe"_s});
}

void TestPipelineFile::largePipeline()
{
    // 5,000 nodes in a chain of feature stores, 4,999 edges: figures only, never a time limit.
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    for (int i = 0; i < 5000; ++i) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(i);
        node.kind = u"feature-store"_s;
        node.name = u"Store %1"_s.arg(i);
        node.pos = QPointF(i % 50 * 260, i / 50 * 160);
        node.tool = u"Feast"_s;
        node.command = {u"feast"_s, u"apply"_s};
        nodes << node;
        if (i > 0)
            edges.append(
                PipelineEdge{{u"n%1"_s.arg(i - 1), u"features"_s}, {node.id, u"features"_s}});
    }
    QElapsedTimer timer;
    timer.start();
    const QByteArray json = PipelineFile::write(nodes, edges, {});
    const qint64 writeMs = timer.restart();
    const PipelineFile::ReadResult read = PipelineFile::read(json, catalog());
    const qint64 readMs = timer.restart();
    QJsonDocument::fromJson(json);
    const qint64 parseMs = timer.elapsed();
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.nodes, nodes);
    QCOMPARE(read.edges, edges);
    qInfo("5000 nodes, %lld bytes: write %lld ms, read %lld ms (of which JSON parsing %lld ms)",
          qint64(json.size()),
          writeMs,
          readMs,
          parseMs);
}

QTEST_GUILESS_MAIN(TestPipelineFile)
#include "tst_pipelinefile.moc"
