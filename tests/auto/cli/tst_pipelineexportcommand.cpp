#include "support/exportcheckers.h"
#include "support/studioprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPipelineExportCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpNamesTheCommand();
    void exportsEachTarget_data();
    void exportsEachTarget();
    void dvcWritesItsParametersBeside();
    void standardOutput();
    void invalidPipelineIsRefusedWithItsFindings();
    void importedFileSaysWhatIsNotCarried();
    void badUsage_data();
    void badUsage();

private:
    StudioRun run(const QStringList &arguments);
    // pipeline export INPUT --to TARGET -o OUTPUT
    StudioRun
    exportTo(const QString &target, const QString &output, const QString &input = u"e2e.mlpipe"_s);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPipelineExportCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const StudioRun created = run({u"pipeline"_s,
                                   u"new"_s,
                                   u"--template"_s,
                                   u"end-to-end"_s,
                                   u"-o"_s,
                                   path(u"e2e.mlpipe"_s)});
    QCOMPARE(created.exitCode, 0);
}

StudioRun TestPipelineExportCommand::run(const QStringList &arguments)
{
    const StudioProcess studio{m_dir->path(), false, {}, m_dir->path()};
    return studio.run(arguments);
}

StudioRun TestPipelineExportCommand::exportTo(const QString &target,
                                              const QString &output,
                                              const QString &input)
{
    return run({u"pipeline"_s, u"export"_s, path(input), u"--to"_s, target, u"-o"_s, output});
}

void TestPipelineExportCommand::helpNamesTheCommand()
{
    const StudioRun help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("pipeline export FILE"));
    const StudioRun own = run({u"pipeline"_s, u"export"_s, u"--help"_s});
    QCOMPARE(own.exitCode, 0);
    QVERIFY(own.out.contains("--to <TARGET>"));
    QVERIFY(own.out.contains("argo, airflow, github-actions, gitlab-ci or dvc"));
}

void TestPipelineExportCommand::exportsEachTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("output");
    QTest::newRow("argo") << u"argo"_s << u"e2e.argo.yaml"_s;
    QTest::newRow("airflow") << u"airflow"_s << u"e2e.py"_s;
    QTest::newRow("github-actions") << u"github-actions"_s << u"e2e.yml"_s;
    QTest::newRow("gitlab-ci") << u"gitlab-ci"_s << u".gitlab-ci.yml"_s;
    QTest::newRow("target in capitals") << u"DVC"_s << u"dvc.yaml"_s;
}

void TestPipelineExportCommand::exportsEachTarget()
{
    QFETCH(QString, target);
    QFETCH(QString, output);
    const StudioRun exported = exportTo(target, path(output));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.err.startsWith("Exported "));
    QVERIFY(exported.err.contains("13 stages"));
    QVERIFY(exported.out.isEmpty());
    QVERIFY(!contents(path(output)).isEmpty());
    REQUIRE_SHARED_REFERENCE(u"validators/check-export"_s);
    const CheckerRun check = checkExport(target.toLower(), path(output));
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
}

void TestPipelineExportCommand::dvcWritesItsParametersBeside()
{
    QDir(m_dir->path()).mkpath(u"repo"_s);
    const StudioRun exported = exportTo(u"dvc"_s, path(u"repo/pipeline.yaml"_s));
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(exported.err.contains("repo/pipeline.yaml and "));
    QVERIFY(contents(path(u"repo/pipeline.yaml"_s)).contains("params:"));
    QVERIFY(contents(path(u"repo/params.yaml"_s)).contains("n_estimators: \"300\""));
    // Its parameters have a fixed name: the pipeline cannot take it.
    const StudioRun clash = exportTo(u"dvc"_s, path(u"repo/params.yaml"_s));
    QCOMPARE(clash.exitCode, 2);
    QVERIFY(clash.err.contains("params.yaml"));
}

void TestPipelineExportCommand::standardOutput()
{
    const StudioRun argo = exportTo(u"argo"_s, u"-"_s);
    QCOMPARE(argo.exitCode, 0);
    QVERIFY(argo.out.contains("kind: \"Workflow\""));
    QVERIFY(argo.err.isEmpty());
    // Two files do not fit on standard output.
    const StudioRun dvc = exportTo(u"dvc"_s, u"-"_s);
    QCOMPARE(dvc.exitCode, 2);
    QVERIFY(dvc.out.isEmpty());
    QVERIFY(dvc.err.contains("dvc.yaml, params.yaml"));
}

void TestPipelineExportCommand::invalidPipelineIsRefusedWithItsFindings()
{
    QFile file(path(u"broken.mlpipe"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": [
        {"id": "a", "kind": "train", "name": "Train", "x": 0, "y": 0, "properties": {}},
        {"id": "b", "kind": "step", "name": "Train", "x": 0, "y": 0, "properties": {}}],
        "edges": []})");
    file.close();
    const StudioRun refused = exportTo(u"argo"_s, path(u"out.yaml"_s), u"broken.mlpipe"_s);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("error: node 'Train': The required input 'data'"));
    QVERIFY(refused.err.contains("[data-pipelines]"));
    QVERIFY(refused.err.contains("not exported: the pipeline has 3 errors"));
    QVERIFY(!QFileInfo::exists(path(u"out.yaml"_s)));
}

// A GitHub workflow back to GitHub Actions: the job's image-less runner, its steps and the
// triggers have no place in the stage, so the export says it leaves them out, one warning line
// each on standard error as `pipeline import` words its own, and standard output holds only the
// workflow.
void TestPipelineExportCommand::importedFileSaysWhatIsNotCarried()
{
    QFile workflow(path(u"ci.yml"_s));
    QVERIFY(workflow.open(QIODevice::WriteOnly));
    workflow.write("on: push\n"
                   "jobs:\n"
                   "  build:\n"
                   "    name: Build\n"
                   "    runs-on: ubuntu-latest\n"
                   "    steps:\n"
                   "      - uses: actions/checkout@v4\n"
                   "      - run: make\n");
    workflow.close();
    const StudioRun exported = exportTo(u"github-actions"_s, u"-"_s, u"ci.yml"_s);
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QString file = path(u"ci.yml"_s);
    const QString err = QString::fromUtf8(exported.err);
    QVERIFY2(err.contains(file
                          + u": warning: the pipeline's on (from its source file) are not "
                            "carried\n"_s),
             qPrintable(err));
    QVERIFY2(err.contains(file
                          + u": warning: stage 'Build': runs-on, steps (from its source "
                            "file) are not carried\n"_s),
             qPrintable(err));
    QVERIFY2(err.contains(file
                          + u": warning: stage 'Build' has no image in its source: it runs "
                            "in its kind's default, "_s),
             qPrintable(err));
    QVERIFY(exported.out.startsWith("# A GitHub Actions workflow"));
    QVERIFY(!exported.out.contains("warning"));
}

void TestPipelineExportCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString file = u"%DIR%/e2e.mlpipe"_s;
    QTest::newRow("no target") << QStringList{file, u"-o"_s, u"%DIR%/x"_s} << u"missing --to"_s;
    QTest::newRow("unknown target")
        << QStringList{file, u"--to"_s, u"argoo"_s, u"-o"_s, u"%DIR%/x"_s}
        << u"--to 'argoo': unknown target; did you mean 'argo'?"_s;
    QTest::newRow("no output") << QStringList{file, u"--to"_s, u"argo"_s} << u"missing -o FILE"_s;
    QTest::newRow("output folder missing")
        << QStringList{file, u"--to"_s, u"argo"_s, u"-o"_s, u"%DIR%/none/x.yaml"_s}
        << u"does not exist"_s;
    QTest::newRow("output is a folder")
        << QStringList{file, u"--to"_s, u"argo"_s, u"-o"_s, u"%DIR%"_s} << u"is a folder"_s;
    QTest::newRow("missing file")
        << QStringList{u"%DIR%/none.mlpipe"_s, u"--to"_s, u"argo"_s, u"-o"_s, u"%DIR%/x"_s}
        << u"none.mlpipe"_s;
    QTest::newRow("no file") << QStringList{u"--to"_s, u"argo"_s} << u"missing FILE"_s;
}

void TestPipelineExportCommand::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const StudioRun failed
        = run(QStringList{u"pipeline"_s, u"export"_s} + expandDir(arguments, m_dir->path()));
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(message.toUtf8()), failed.err.constData());
    QCOMPARE(failed.err.count('\n'), 1);
    QVERIFY(!QFileInfo::exists(path(u"x"_s)));
}

QTEST_GUILESS_MAIN(TestPipelineExportCommand)
#include "tst_pipelineexportcommand.moc"
