#include "orchestrator/orchestratorexport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString ReadmePath = QStringLiteral(MLOPS_SOURCE_DIR "/README.md");

// The fenced blocks inside the README's <details> whose summary names `--to TARGET`.
QList<QByteArray> exampleBlocks(const QByteArray &readme, const QString &target)
{
    QList<QByteArray> blocks;
    const QList<QByteArray> lines = readme.split('\n');
    const QByteArray summary = "<code>--to " + target.toUtf8() + " -o";
    bool inDetails = false;
    bool inBlock = false;
    QByteArray block;
    for (const QByteArray &line : lines) {
        if (!inDetails) {
            inDetails = line.startsWith("<summary>") && line.contains(summary);
        } else if (inBlock) {
            if (line == "```") {
                blocks << block;
                block.clear();
                inBlock = false;
            } else {
                block += line + '\n';
            }
        } else if (line.startsWith("```")) {
            inBlock = true;
        } else if (line.startsWith("</details>")) {
            break;
        }
    }
    return blocks;
}

} // namespace

// The README shows what the End-to-end template exports to in each format: it must be what the
// exporters write today, so a change to either is seen here.
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
    QFile file(ReadmePath);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(ReadmePath));
    const QByteArray readme = file.readAll();

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

    const QList<QByteArray> blocks
        = exampleBlocks(readme, OrchestratorExport::info(exportTarget).id);
    QCOMPARE(blocks.size(), result.files.size());
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QVERIFY2(blocks.at(i) == result.files.at(i).contents,
                 qPrintable(u"README's %1 differs from the export: regenerate it with `pipeline "
                            "export`"_s.arg(result.files.at(i).fileName)));
    }
}

QTEST_GUILESS_MAIN(TestReadmeExamples)
#include "tst_readmeexamples.moc"
