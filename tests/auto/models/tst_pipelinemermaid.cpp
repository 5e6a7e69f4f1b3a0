#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinemermaid.h"
#include "pipeline/pipelinetemplates.h"
#include "support/require.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPipelineMermaid : public QObject
{
    Q_OBJECT

private slots:
    void templatesBecomeFlowcharts_data();
    void templatesBecomeFlowcharts();
    void hostileNamesStayInsideLabels_data();
    void hostileNamesStayInsideLabels();
    void groupsBecomeSubgraphs();
    void sameGraphSameText();

private:
    static void loadTemplate(PipelineGraph &graph, const QString &id);
};

void TestPipelineMermaid::loadTemplate(PipelineGraph &graph, const QString &id)
{
    const PipelineTemplate *found = PipelineTemplates::find(id);
    QVERIFY(found);
    const PipelineFile::ReadResult read = PipelineTemplates::load(*found, NodeCatalog::builtIn());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    graph.reset(read.nodes, read.edges, read.annotations);
}

void TestPipelineMermaid::templatesBecomeFlowcharts_data()
{
    QTest::addColumn<QString>("templateId");
    for (const QString &id : PipelineTemplates::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineMermaid::templatesBecomeFlowcharts()
{
    QFETCH(QString, templateId);
    PipelineGraph graph(&NodeCatalog::builtIn());
    REQUIRE_OK(loadTemplate(graph, templateId));
    const QString text = PipelineMermaid::write(graph);
    QVERIFY(text.startsWith(u"flowchart LR\n"_s));
    for (const PipelineNode &node : graph.nodes())
        QVERIFY2(text.contains(u"[\""_s + PipelineMermaid::escapeLabel(node.name)),
                 qPrintable(node.name));
    static const QRegularExpression edgeLine(u"^  m\\d+ -- \"[A-Za-z]+\" --> m\\d+$"_s,
                                             QRegularExpression::MultilineOption);
    QCOMPARE(text.count(edgeLine), graph.edges().size());
}

void TestPipelineMermaid::hostileNamesStayInsideLabels_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("quotes") << u"Say \"hi\""_s;
    QTest::newRow("brackets") << u"a[b](c){d}<e>"_s;
    QTest::newRow("arrow and end") << u"x --> y end"_s;
    QTest::newRow("newline and comment") << u"line one\n%% line two"_s;
    QTest::newRow("entity lookalike") << u"#quot; and #35;"_s;
}

void TestPipelineMermaid::hostileNamesStayInsideLabels()
{
    QFETCH(QString, name);
    PipelineGraph graph(&NodeCatalog::builtIn());
    PipelineNode node;
    node.id = u"n1"_s;
    node.kind = u"ingest"_s;
    node.name = name;
    QVERIFY(graph.addNode(node));
    const QStringList lines = PipelineMermaid::write(graph).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // the header and one node line: nothing broke out
    static const QRegularExpression nodeLine(
        u"^  m1\\[\"[^\"\\n\\[\\]<>]*(<br/><small>[^\"<>]*</small>)?\"\\]$"_s);
    QVERIFY2(nodeLine.match(lines.at(1)).hasMatch(), qPrintable(lines.at(1)));
}

void TestPipelineMermaid::groupsBecomeSubgraphs()
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    PipelineNode inside;
    inside.id = u"n1"_s;
    inside.kind = u"ingest"_s;
    inside.name = u"Inside"_s;
    inside.pos = QPointF(100, 100);
    PipelineNode outside = inside;
    outside.id = u"n2"_s;
    outside.name = u"Outside"_s;
    outside.pos = QPointF(900, 100);
    QVERIFY(graph.addNode(inside));
    QVERIFY(graph.addNode(outside));
    QVERIFY(graph.addAnnotation(
        {u"a1"_s, PipelineAnnotation::Kind::Group, QRectF(50, 50, 400, 300), u"Data \"prep\""_s}));
    const QString text = PipelineMermaid::write(graph);
    const qsizetype begin = text.indexOf(u"subgraph g1[\"Data #quot;prep#quot;\"]"_s);
    const qsizetype end = text.indexOf(u"\n  end\n"_s);
    QVERIFY(begin > 0 && end > begin);
    const QString body = text.mid(begin, end - begin);
    QVERIFY(body.contains(u"Inside"_s));
    QVERIFY(!body.contains(u"Outside"_s));
    QVERIFY(text.mid(end).contains(u"Outside"_s));
}

void TestPipelineMermaid::sameGraphSameText()
{
    PipelineGraph first(&NodeCatalog::builtIn());
    REQUIRE_OK(loadTemplate(first, u"end-to-end"_s));
    PipelineGraph second(&NodeCatalog::builtIn());
    REQUIRE_OK(loadTemplate(second, u"end-to-end"_s));
    // Remove and re-add an edge: the graph's edge order changes, the text must not.
    const PipelineEdge edge = second.edges().first();
    QVERIFY(second.removeEdge(edge));
    QVERIFY(second.addEdge(edge));
    QCOMPARE(PipelineMermaid::write(second), PipelineMermaid::write(first));
}

QTEST_GUILESS_MAIN(TestPipelineMermaid)
#include "tst_pipelinemermaid.moc"
