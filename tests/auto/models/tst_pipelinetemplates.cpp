#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelinevalidator.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPipelineTemplates : public QObject
{
    Q_OBJECT

private slots:
    void listsTheFour();
    void find_data();
    void find();
    void loadsAndValidatesClean_data();
    void loadsAndValidatesClean();
};

void TestPipelineTemplates::listsTheFour()
{
    QCOMPARE(
        PipelineTemplates::ids(),
        (QStringList{u"end-to-end"_s, u"continuous-training"_s, u"ci-cd"_s, u"batch-scoring"_s}));
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        QVERIFY(!pipelineTemplate.name.isEmpty());
        QVERIFY(!pipelineTemplate.description.isEmpty());
    }
}

void TestPipelineTemplates::find_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("id"); // empty: none
    QTest::newRow("id") << u"ci-cd"_s << u"ci-cd"_s;
    QTest::newRow("id, other case") << u"End-To-End"_s << u"end-to-end"_s;
    QTest::newRow("name") << u"Batch scoring"_s << u"batch-scoring"_s;
    QTest::newRow("name, other case") << u"continuous TRAINING loop"_s << u"continuous-training"_s;
    QTest::newRow("unknown") << u"streaming"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestPipelineTemplates::find()
{
    QFETCH(QString, typed);
    QFETCH(QString, id);
    const PipelineTemplate *found = PipelineTemplates::find(typed);
    QCOMPARE(found ? found->id : QString(), id);
}

void TestPipelineTemplates::loadsAndValidatesClean_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : PipelineTemplates::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineTemplates::loadsAndValidatesClean()
{
    QFETCH(QString, id);
    const PipelineFile::ReadResult read
        = PipelineTemplates::load(*PipelineTemplates::find(id), NodeCatalog::builtIn());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QVERIFY(read.nodes.size() >= 8);
    QVERIFY(!read.annotations.isEmpty());

    // A template teaches good practice: not one error or warning.
    QStringList problems;
    for (const PipelineFinding &finding :
         validatePipeline(read.nodes, read.edges, NodeCatalog::builtIn()))
        problems << finding.code + u' ' + finding.nodeId;
    QCOMPARE(problems, QStringList());

    // Stored as Auto-arrange draws it (issue 15): no two stages overlap, and the drawing fits a
    // slide or a 16:9 window, at most 3:1 either way; every stage filled in.
    const QSizeF size = PipelineAutoLayout::Options().nodeSize;
    QRectF bounds;
    for (qsizetype a = 0; a < read.nodes.size(); ++a) {
        const PipelineNode &node = read.nodes.at(a);
        const QRectF rect(node.pos, size);
        for (qsizetype b = a + 1; b < read.nodes.size(); ++b)
            QVERIFY2(!rect.intersects(QRectF(read.nodes.at(b).pos, size)),
                     qPrintable(node.id + u" overlaps "_s + read.nodes.at(b).id));
        bounds |= rect;
        QVERIFY2(!node.tool.isEmpty() && !node.image.isEmpty() && !node.command.isEmpty(),
                 qPrintable(node.id));
    }
    const qreal aspect = bounds.width() / bounds.height();
    QVERIFY2(aspect <= 3 && aspect >= 1.0 / 3, qPrintable(QString::number(aspect)));
}

QTEST_GUILESS_MAIN(TestPipelineTemplates)
#include "tst_pipelinetemplates.moc"
