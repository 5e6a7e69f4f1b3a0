#include "orchestrator/orchestratorexport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The manual's page on orchestrator export (it used to be in the README, whole files and all).
const QString ExportPagePath = QStringLiteral(MLOPS_SOURCE_DIR "/docs/exporting-pipelines.md");

// The page's excerpts of what `--to TARGET` writes: the fenced blocks after the code block that
// holds the line `mlops-studio pipeline export end-to-end.mlpipe --to TARGET -o …`, up to the
// next heading; one a file the export writes, in order.
QList<QByteArray> excerptBlocks(const QByteArray &page, const QString &target)
{
    QList<QByteArray> blocks;
    const QByteArray command
        = "mlops-studio pipeline export end-to-end.mlpipe --to " + target.toUtf8() + " -o ";
    bool inSection = false;
    bool inBlock = false;
    bool commandBlock = false;
    QByteArray block;
    for (const QByteArray &line : page.split('\n')) {
        if (inBlock) {
            if (line == "```") {
                if (inSection && !commandBlock)
                    blocks << block;
                inSection = inSection || commandBlock;
                block.clear();
                inBlock = false;
            } else {
                block += line + '\n';
                commandBlock = commandBlock || line.startsWith(command);
            }
        } else if (line.startsWith("```")) {
            inBlock = true;
            commandBlock = false;
        } else if (line.startsWith('#') && inSection) {
            break;
        }
    }
    return blocks;
}

// True when `excerpt` is `file` with some lines left out: each run of lines between the
// excerpt's `# …` lines is a run of whole, consecutive lines of the file, the runs in order; an
// excerpt that does not start (end) with `# …` starts (ends) where the file does.
bool isExcerptOf(const QByteArray &excerpt, const QByteArray &file)
{
    const QByteArray text = '\n' + file;
    QList<QByteArray> runs{QByteArray()};
    for (const QByteArray &line : excerpt.split('\n')) {
        if (line.trimmed() == "# …")
            runs << QByteArray();
        else
            runs.last() += line + '\n';
    }
    runs.last().chop(1); // the split's last, empty piece after the final line break
    qsizetype from = 0;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QByteArray &run = runs.at(i);
        if (run.isEmpty())
            continue;
        const qsizetype at = text.indexOf('\n' + run, from);
        if (at < 0 || (i == 0 && at != 0))
            return false;
        from = at + run.size(); // the run's last line break: the next run may start after it
        if (i == runs.size() - 1 && from + 1 != text.size())
            return false;
    }
    return true;
}

} // namespace

// The manual shows excerpts of what the End-to-end template exports to in each format: they must
// be what the exporters write today, so a change to either is seen here.
class TestReadmeExamples : public QObject
{
    Q_OBJECT

private slots:
    void orchestratorExportsAreCurrent_data();
    void orchestratorExportsAreCurrent();
};

void TestReadmeExamples::orchestratorExportsAreCurrent_data()
{
    QTest::addColumn<int>("target");
    for (const OrchestratorExport::TargetInfo &info : OrchestratorExport::targets())
        QTest::newRow(qPrintable(info.id)) << int(info.target);
}

void TestReadmeExamples::orchestratorExportsAreCurrent()
{
    QFETCH(int, target);
    QFile file(ExportPagePath);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(ExportPagePath));
    const QByteArray page = file.readAll();

    const PipelineTemplate *endToEnd = PipelineTemplates::find(u"end-to-end"_s);
    QVERIFY(endToEnd);
    const PipelineFile::ReadResult read
        = PipelineTemplates::load(*endToEnd, NodeCatalog::builtIn());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations);
    const auto exportTarget = ExportTarget(target);
    const OrchestratorExport::Result result
        = OrchestratorExport::exportPipeline(graph, u"end-to-end"_s, exportTarget);
    QVERIFY(result.ok());

    const QList<QByteArray> blocks = excerptBlocks(page, OrchestratorExport::info(exportTarget).id);
    QCOMPARE(blocks.size(), result.files.size());
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QVERIFY2(blocks.at(i).count('\n') >= 10, "an excerpt of at least ten lines");
        QVERIFY2(isExcerptOf(blocks.at(i), result.files.at(i).contents),
                 qPrintable(u"the manual's excerpt of %1 differs from the export: copy it again "
                            "from `pipeline export`"_s.arg(result.files.at(i).fileName)));
    }
}

QTEST_GUILESS_MAIN(TestReadmeExamples)
#include "tst_readmeexamples.moc"
