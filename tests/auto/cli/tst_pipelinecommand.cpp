#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "support/studioprocess.h"

using namespace Qt::StringLiterals;

namespace {

using Run = StudioRun;

const QStringList TemplateIds{
    u"end-to-end"_s, u"continuous-training"_s, u"ci-cd"_s, u"batch-scoring"_s};

const QByteArray Workflow = R"(on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{run: make}]
  train:
    needs: build
    runs-on: ubuntu-latest
    steps: [{run: python train.py}]
)";

QByteArray pipeline(const QByteArray &nodes, const QByteArray &edges)
{
    return R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": [)" + nodes
           + R"(], "edges": [)" + edges + "]}";
}

} // namespace

class TestPipelineCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpListsPipelineCommands();
    void kindsJson();
    void kindsText();
    void newList();
    void newThenValidate_data();
    void newThenValidate();
    void newByDisplayName();
    void newRefusesToOverwrite();
    void newBadUsage_data();
    void newBadUsage();
    void validateReportsErrors();
    void validateWarningsOnly();
    void validateBadFile_data();
    void validateBadFile();
    void importWritesAPipeline();
    void importRefusals_data();
    void importRefusals();
    void validateAndRenderTakeWorkflows();
    void validateNamesTheSourceLine();
    void validateJson();

private:
    Run run(const QStringList &arguments);
    QString write(const QString &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPipelineCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Run TestPipelineCommand::run(const QStringList &arguments)
{
    const StudioProcess studio{m_dir->path(), false, {}, m_dir->path()};
    return studio.run(arguments);
}

QString TestPipelineCommand::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestPipelineCommand::helpListsPipelineCommands()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"pipeline kinds", "pipeline new", "pipeline validate FILE"})
        QVERIFY2(help.out.contains(command), command);
}

void TestPipelineCommand::kindsJson()
{
    const Run kinds = run({u"pipeline"_s, u"kinds"_s, u"--json"_s});
    QCOMPARE(kinds.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(kinds.out).object().value(u"kinds"_s).toArray();
    QCOMPARE(list.size(), 15);
    QJsonObject train;
    for (const QJsonValue &value : list) {
        const QJsonObject kind = value.toObject();
        QVERIFY(!kind.value(u"id"_s).toString().isEmpty());
        QVERIFY(!kind.value(u"name"_s).toString().isEmpty());
        QVERIFY(kind.value(u"topics"_s).isArray() && !kind.value(u"topics"_s).toArray().isEmpty());
        for (const QJsonValue &input : kind.value(u"inputs"_s).toArray()) {
            QVERIFY(input.toObject().value(u"name"_s).isString());
            QVERIFY(input.toObject().value(u"type"_s).isString());
            QVERIFY(input.toObject().value(u"required"_s).isBool());
        }
        for (const QJsonValue &output : kind.value(u"outputs"_s).toArray())
            QVERIFY(output.toObject().value(u"type"_s).isString());
        if (kind.value(u"id"_s) == u"train"_s)
            train = kind;
    }
    const QJsonObject data = train.value(u"inputs"_s).toArray().at(0).toObject();
    QCOMPARE(data.value(u"name"_s).toString(), u"data"_s);
    QCOMPARE(data.value(u"type"_s).toString(), u"Features"_s);
    QCOMPARE(data.value(u"required"_s).toBool(), true);
    QCOMPARE(train.value(u"outputs"_s).toArray().at(0).toObject().value(u"type"_s).toString(),
             u"Model"_s);
}

void TestPipelineCommand::kindsText()
{
    const Run kinds = run({u"pipeline"_s, u"kinds"_s});
    QCOMPARE(kinds.exitCode, 0);
    QVERIFY(kinds.out.contains("retrain-trigger  Retrain trigger  [Operate]"));
    QVERIFY(kinds.out.contains("trigger: Signal (optional)"));
}

void TestPipelineCommand::newList()
{
    const Run list = run({u"pipeline"_s, u"new"_s, u"--list"_s});
    QCOMPARE(list.exitCode, 0);
    for (const QString &id : TemplateIds)
        QVERIFY2(list.out.contains(id.toUtf8()), qPrintable(id));
    QVERIFY(list.out.contains("End-to-end MLOps pipeline"));
}

void TestPipelineCommand::newThenValidate_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : TemplateIds)
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineCommand::newThenValidate()
{
    QFETCH(QString, id);
    const QString path = m_dir->filePath(id + u".mlpipe"_s);
    const Run created = run({u"pipeline"_s, u"new"_s, u"--template"_s, id, u"-o"_s, path});
    QCOMPARE(created.exitCode, 0);
    QVERIFY2(created.err.isEmpty(), created.err);
    QVERIFY(QFile::exists(path));
    const Run validated = run({u"pipeline"_s, u"validate"_s, path});
    QCOMPARE(validated.exitCode, 0);
    QCOMPARE(validated.out, QByteArray()); // the templates model good practice: no warnings
}

void TestPipelineCommand::newByDisplayName()
{
    const Run created = run({u"pipeline"_s,
                             u"new"_s,
                             u"--template"_s,
                             u"batch SCORING"_s,
                             u"-o"_s,
                             u"scoring.mlpipe"_s});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(QFile::exists(m_dir->filePath(u"scoring.mlpipe"_s)));
}

void TestPipelineCommand::newRefusesToOverwrite()
{
    const QString path = write(u"mine.mlpipe"_s, "precious");
    const QStringList arguments{
        u"pipeline"_s, u"new"_s, u"--template"_s, u"ci-cd"_s, u"-o"_s, path};
    const Run refused = run(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("already exists; pass --force"), refused.err);
    QVERIFY(refused.err.contains(path.toUtf8()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
    file.close();
    QCOMPARE(run(arguments + QStringList{u"--force"_s}).exitCode, 0);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("mlops-studio-pipeline"));
}

void TestPipelineCommand::newBadUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("unknown template")
        << QStringList{u"--template"_s, u"streaming"_s, u"-o"_s, u"x.mlpipe"_s}
        << QByteArray("--template 'streaming': unknown template (expected one of: end-to-end, "
                      "continuous-training, ci-cd, batch-scoring)");
    QTest::newRow("no template") << QStringList{u"-o"_s, u"x.mlpipe"_s}
                                 << QByteArray("missing --template NAME");
    QTest::newRow("no output") << QStringList{u"--template"_s, u"ci-cd"_s}
                               << QByteArray("missing -o FILE");
    QTest::newRow("output is a directory")
        << QStringList{u"--template"_s, u"ci-cd"_s, u"-o"_s, u"."_s}
        << QByteArray("already exists");
}

void TestPipelineCommand::newBadUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);
    const Run failed = run(QStringList{u"pipeline"_s, u"new"_s} + arguments);
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(error), failed.err);
    QCOMPARE(failed.err.count('\n'), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.mlpipe"_s)));
}

void TestPipelineCommand::validateReportsErrors()
{
    // A loop that avoids the retrain trigger, and a training stage with nothing to learn from.
    const QString path = write(
        u"broken.mlpipe"_s,
        pipeline(R"({"id": "a", "kind": "step", "name": "Clean"},
                    {"id": "b", "kind": "step", "name": "Enrich"},
                    {"id": "t", "kind": "train", "name": "Train"})",
                 R"({"from": {"node": "a", "port": "data"}, "to": {"node": "b", "port": "data"}},
                    {"from": {"node": "b", "port": "data"}, "to": {"node": "a", "port": "data"}})"));
    const Run validated = run({u"pipeline"_s, u"validate"_s, path});
    QCOMPARE(validated.exitCode, 1);
    const QStringList lines = QString::fromUtf8(validated.out).split(u'\n', Qt::SkipEmptyParts);
    const QRegularExpression format(
        u"^%1: (error|warning): node '[^']+': .+ \\[[a-z0-9-]+\\]$"_s.arg(
            QRegularExpression::escape(path)));
    for (const QString &line : lines)
        QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
    QVERIFY(
        lines.first().startsWith(path + u": error: node 'Clean': 'Clean', 'Enrich' form a loop"_s));
    QVERIFY(lines.first().endsWith(u"[data-pipelines]"_s));
    QVERIFY2(validated.out.contains(": error: node 'Train': The required input 'data' (Features) "
                                    "is not connected"),
             validated.out);
}

void TestPipelineCommand::validateWarningsOnly()
{
    // Runnable, but training on data nobody validated: warnings teach, the exit code stays 0.
    const QString path = write(
        u"warn.mlpipe"_s,
        pipeline(R"({"id": "i", "kind": "ingest", "name": "Ingest"},
                    {"id": "t", "kind": "transform", "name": "Prepare"},
                    {"id": "r", "kind": "train", "name": "Train"},
                    {"id": "e", "kind": "evaluate", "name": "Evaluate"})",
                 R"({"from": {"node": "i", "port": "data"}, "to": {"node": "t", "port": "data"}},
                    {"from": {"node": "t", "port": "features"}, "to": {"node": "r", "port": "data"}},
                    {"from": {"node": "r", "port": "model"}, "to": {"node": "e", "port": "model"}})"));
    const Run validated = run({u"pipeline"_s, u"validate"_s, path});
    QCOMPARE(validated.exitCode, 0);
    QCOMPARE(validated.out,
             path.toUtf8()
                 + ": warning: node 'Train': Training on data that was never validated: a broken "
                   "export or a schema change silently becomes a broken model. Add a Validate "
                   "data stage (e.g. Great Expectations) before it. [testing-in-ml-pipelines]\n");
}

void TestPipelineCommand::validateBadFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // empty: the file is not created
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("missing") << u"missing.mlpipe"_s << QByteArray() << QByteArray(": no such file");
    QTest::newRow("invalid JSON") << u"bad.mlpipe"_s << QByteArray("{\n\"nodes\": [\n")
                                  << QByteArray("bad.mlpipe:3: invalid JSON");
    QTest::newRow("other format") << u"other.mlpipe"_s << QByteArray(R"({"format": "x"})")
                                  << QByteArray("not a pipeline file");
    QTest::newRow("unknown kind")
        << u"kind.mlpipe"_s << pipeline(R"({"id": "a", "kind": "trian", "name": "A"})", {})
        << QByteArray("nodes[0].kind: unknown kind 'trian'; did you mean 'train'?");
}

void TestPipelineCommand::validateBadFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, error);
    const QString path = content.isEmpty() ? m_dir->filePath(name) : write(name, content);
    const Run validated = run({u"pipeline"_s, u"validate"_s, path});
    QCOMPARE(validated.exitCode, 2);
    QVERIFY2(validated.err.startsWith("mlops-studio: pipeline validate: error: "), validated.err);
    QVERIFY2(validated.err.contains(path.toUtf8()), validated.err);
    QVERIFY2(validated.err.contains(error), validated.err);
    QCOMPARE(validated.err.count('\n'), 1);
}

void TestPipelineCommand::importWritesAPipeline()
{
    const QString source = write(u"ci.yml"_s, Workflow);
    const Run imported
        = run({u"pipeline"_s, u"import"_s, source, u"-o"_s, m_dir->filePath(u"ci.mlpipe"_s)});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.err.contains("(GitHub Actions)"), imported.err.constData());
    QFile file(m_dir->filePath(u"ci.mlpipe"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(u"nodes"_s).toArray().size(), 2);
    QCOMPARE(root.value(u"edges"_s).toArray().size(), 1);
    QCOMPARE(root.value(u"source"_s).toObject().value(u"format"_s).toString(), u"github-actions"_s);
    // The .mlpipe it wrote validates like any other.
    QCOMPARE(run({u"pipeline"_s, u"validate"_s, m_dir->filePath(u"ci.mlpipe"_s)}).exitCode, 0);
    QFile original(source);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), Workflow); // never written to
}

void TestPipelineCommand::importRefusals_data()
{
    QTest::addColumn<QStringList>("arguments"); // %IN% is the workflow, %DIR% the folder
    QTest::addColumn<QString>("error");
    QTest::newRow("over its source")
        << QStringList{u"%IN%"_s, u"-o"_s, u"%IN%"_s} << u"is the file being imported"_s;
    QTest::newRow("no output") << QStringList{u"%IN%"_s} << u"missing -o FILE"_s;
    QTest::newRow("unknown format")
        << QStringList{u"%IN%"_s, u"--from"_s, u"github"_s, u"-o"_s, u"%DIR%/x.mlpipe"_s}
        << u"--from 'github': unknown format; did you mean 'github-actions'?"_s;
    QTest::newRow("not a pipeline")
        << QStringList{u"%DIR%/other.yml"_s, u"-o"_s, u"%DIR%/x.mlpipe"_s}
        << u"other.yml:1: not a pipeline file of a kind this app opens"_s;
    QTest::newRow("a directory") << QStringList{u"%DIR%"_s, u"-o"_s, u"%DIR%/x.mlpipe"_s}
                                 << u"is a directory, expected a pipeline file"_s;
}

void TestPipelineCommand::importRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const QString source = write(u"ci.yml"_s, Workflow);
    write(u"other.yml"_s, "apiVersion: v1\nkind: ConfigMap\n");
    for (QString &argument : arguments)
        argument.replace(u"%IN%"_s, source).replace(u"%DIR%"_s, m_dir->path());
    const Run refused = run(QStringList{u"pipeline"_s, u"import"_s} + arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(QString::fromUtf8(refused.err).contains(error), refused.err.constData());
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.mlpipe"_s)));
    QFile original(source);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), Workflow);
}

// validate and render read a workflow directly: findings in CI, a diagram in one command.
void TestPipelineCommand::validateAndRenderTakeWorkflows()
{
    const QString source = write(u"ci.yml"_s, Workflow);
    const Run validated = run({u"pipeline"_s, u"validate"_s, source});
    QCOMPARE(validated.exitCode, 0);
    const Run rendered
        = run({u"pipeline"_s, u"render"_s, source, u"-o"_s, m_dir->filePath(u"ci.svg"_s)});
    QCOMPARE(rendered.exitCode, 0);
    QFile svg(m_dir->filePath(u"ci.svg"_s));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY(text.contains(">build<") && text.contains(">train<"));
}

// A dependency loop in a workflow is a structural error of the source: it names the line of the
// job (as a compiler does), here `a:` on line 3 of the file below.
const QByteArray LoopingWorkflow = R"(on: push
jobs:
  a:
    needs: c
    runs-on: ubuntu-latest
    steps: [{run: make}]
  b:
    needs: a
    runs-on: ubuntu-latest
    steps: [{run: make}]
  c:
    needs: b
    runs-on: ubuntu-latest
    steps: [{run: make}]
)";

void TestPipelineCommand::validateNamesTheSourceLine()
{
    const QString source = write(u"loop.yml"_s, LoopingWorkflow);
    const Run validated = run({u"pipeline"_s, u"validate"_s, source});
    QCOMPARE(validated.exitCode, 1);
    QVERIFY2(validated.out.startsWith(QDir::toNativeSeparators(source).toUtf8()
                                      + ":3: error: node 'a': "),
             validated.out.constData());
}

void TestPipelineCommand::validateJson()
{
    const QString loop = write(u"loop.yml"_s, LoopingWorkflow);
    const Run failed = run({u"pipeline"_s, u"validate"_s, u"--json"_s, loop});
    QCOMPARE(failed.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(failed.out).object();
    QCOMPARE(report.value(u"format"_s).toString(), u"github-actions"_s);
    QCOMPARE(report.value(u"stages"_s).toInt(), 3);
    QCOMPARE(report.value(u"edges"_s).toInt(), 3);
    QCOMPARE(report.value(u"errors"_s).toInt(), 1);
    const QJsonObject cycle = report.value(u"findings"_s).toArray().at(0).toObject();
    QCOMPARE(cycle.value(u"severity"_s).toString(), u"error"_s);
    QCOMPARE(cycle.value(u"code"_s).toString(), u"cycle"_s);
    QCOMPARE(cycle.value(u"node"_s).toString(), u"a"_s);
    QCOMPARE(cycle.value(u"sourceLine"_s).toInt(), 3);
    QVERIFY(!cycle.value(u"topic"_s).toString().isEmpty());

    // No error: exit 0, and what the import could not represent is listed with its line (a job
    // that is not a mapping, on line 10).
    const QString ci = write(u"ci.yml"_s, Workflow + "  odd: 42\n");
    const Run passed = run({u"pipeline"_s, u"validate"_s, u"--json"_s, ci});
    QCOMPARE(passed.exitCode, 0);
    const QJsonObject clean = QJsonDocument::fromJson(passed.out).object();
    QCOMPARE(clean.value(u"errors"_s).toInt(), 0);
    QCOMPARE(clean.value(u"stages"_s).toInt(), 3);
    QCOMPARE(clean.value(u"warnings"_s).toInt(), clean.value(u"findings"_s).toArray().size());
    for (const QJsonValue &finding : clean.value(u"findings"_s).toArray())
        QCOMPARE(finding.toObject().value(u"severity"_s).toString(), u"warning"_s);
    const QJsonArray notes = clean.value(u"importWarnings"_s).toArray();
    QVERIFY2(!notes.isEmpty(), passed.out.constData());
    QCOMPARE(notes.at(0).toObject().value(u"line"_s).toInt(), 10);

    // A .mlpipe file is not imported.
    const Run drawn = run(
        {u"pipeline"_s, u"validate"_s, u"--json"_s, write(u"empty.mlpipe"_s, pipeline({}, {}))});
    QCOMPARE(QJsonDocument::fromJson(drawn.out).object().value(u"format"_s).toString(),
             u"mlpipe"_s);
}

QTEST_GUILESS_MAIN(TestPipelineCommand)
#include "tst_pipelinecommand.moc"
