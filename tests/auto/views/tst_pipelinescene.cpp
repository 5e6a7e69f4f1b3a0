// The pipeline canvas's scene mirrors its graph: items for nodes, edges and notes that follow
// every change, findings and topic progress on the nodes, hit testing, selection, and painting
// in every theme. The gestures a user makes on it are tst_pipelinegestures.
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinevalidator.h"
#include "support/generatedpipeline.h"
#include "support/pipelinecanvas.h"
#include "support/require.h"
#include "theme/studiotheme.h"

#include <QDir>
#include <QFontMetricsF>
#include <QImage>
#include <QJsonObject>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPipelineScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void themesCarryPipelineStyles();
    void mirrorsTheTemplate();
    void followsNodeChanges();
    void followsEdgeAndAnnotationChanges();
    void rebuildsOnReset();
    void findingsMarkTheRightNode();
    void topicProgressShows();
    void portHitTesting();
    void selectionApi();
    void paintsInEveryThemeAndZoom_data();
    void paintsInEveryThemeAndZoom();
    void bigGraphBuilds();
    void longNamesWrapWhole();
    void importedStagesShowMarksNotPorts();

private:
    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
};

void TestPipelineScene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPipelineScene::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineScene::cleanup()
{
    m_scene.reset();
    m_graph.reset();
}

void TestPipelineScene::themesCarryPipelineStyles()
{
    for (const QString &id : StudioTheme::ids()) {
        const PipelineTheme theme = StudioTheme::byIdOrDefault(id).pipeline;
        QVERIFY2(theme.background.isValid(), qPrintable(id));
        QVERIFY(theme.nodeWidth > 0 && theme.gridSize > 0 && theme.portRadius > 0);
        QVERIFY(theme.categories.contains(u"Data"_s) && theme.categories.contains(u"Generic"_s));
        // Every artifact type has its own colour and its own shape.
        QSet<QRgb> colors;
        QSet<int> shapes;
        for (const PortStyle &port : theme.ports) {
            colors << port.color.rgb();
            shapes << int(port.shape);
            QVERIFY(!port.path.isEmpty());
        }
        QCOMPARE(colors.size(), qsizetype(theme.ports.size()));
        QCOMPARE(shapes.size(), qsizetype(theme.ports.size()));
    }
    // A theme without its pipeline part is refused, naming what is missing.
    QJsonObject object{{u"id"_s, u"x"_s}};
    QString error;
    QVERIFY(!PipelineTheme::fromJson(QJsonObject{{u"colors"_s, QJsonObject{}}}, u"Sans"_s, &error));
    QVERIFY2(error.startsWith(u"pipeline.colors.background"_s), qPrintable(error));
}

void TestPipelineScene::mirrorsTheTemplate()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
    QCOMPARE(m_scene->edgeItemCount(), m_graph->edges().size());
    QCOMPARE(m_scene->annotationItemCount(), m_graph->annotations().size());
    QCOMPARE(m_scene->items().size(),
             m_graph->nodes().size() + m_graph->edges().size() + m_graph->annotations().size());
    for (const PipelineNode &node : m_graph->nodes()) {
        const PipelineNodeItem *item = m_scene->nodeItem(node.id);
        QVERIFY(item);
        QCOMPARE(item->pos(), node.pos);
        QCOMPARE(item->name(), node.name);
    }
    for (const PipelineEdge &edge : m_graph->edges()) {
        const PipelineEdgeItem *item = m_scene->edgeItem(edge);
        QVERIFY(item);
        QVERIFY(item->isTypeValid());
        QCOMPARE(item->startPos(),
                 m_scene->nodeItem(edge.from.node)->portScenePos(edge.from.port, true));
    }
    for (const PipelineAnnotation &annotation : m_graph->annotations()) {
        const PipelineAnnotationItem *item = m_scene->annotationItem(annotation.id);
        QVERIFY(item);
        QCOMPARE(item->pos(), annotation.rect.topLeft());
        if (annotation.kind == PipelineAnnotation::Kind::Group)
            QVERIFY(item->zValue() < m_scene->nodeItem(u"train"_s)->zValue());
    }
    QVERIFY(m_scene->sceneRect().contains(m_scene->contentRect()));
}

void TestPipelineScene::followsNodeChanges()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    const PipelineEdge edge{{u"train"_s, u"model"_s}, {u"evaluate"_s, u"model"_s}};
    PipelineEdgeItem *edgeItem = m_scene->edgeItem(edge);
    QVERIFY(edgeItem);

    QVERIFY(m_graph->moveNode(u"train"_s, QPointF(1040, 400)));
    QCOMPARE(m_scene->nodeItem(u"train"_s)->pos(), QPointF(1040, 400));
    QCOMPARE(edgeItem->startPos(), m_scene->nodeItem(u"train"_s)->portScenePos(u"model"_s, true));
    QVERIFY(edgeItem->path().boundingRect().bottom() > 400);

    PipelineNode renamed = *m_graph->node(u"train"_s);
    renamed.name = u"Train with XGBoost"_s;
    QVERIFY(m_graph->updateNode(renamed));
    QCOMPARE(m_scene->nodeItem(u"train"_s)->name(), u"Train with XGBoost"_s);

    const qsizetype edgesBefore = m_scene->edgeItemCount();
    const qsizetype trainEdges = m_graph->edgesOf(u"train"_s).size();
    QVERIFY(m_graph->removeNode(u"train"_s));
    QVERIFY(!m_scene->nodeItem(u"train"_s));
    QVERIFY(!m_scene->edgeItem(edge));
    QCOMPARE(m_scene->edgeItemCount(), edgesBefore - trainEdges);

    QVERIFY(m_graph->addNode(PipelineCanvas::makeNode(u"t2"_s, u"train"_s, {1040, 0})));
    QVERIFY(m_scene->nodeItem(u"t2"_s));
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
}

void TestPipelineScene::followsEdgeAndAnnotationChanges()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    const PipelineEdge edge{{u"I"_s, u"data"_s}, {u"T"_s, u"data"_s}};
    QVERIFY(m_graph->addEdge(edge));
    QVERIFY(m_scene->edgeItem(edge));
    QCOMPARE(m_scene->nodeItem(u"I"_s)->edges().size(), 1);
    QVERIFY(m_graph->removeEdge(edge));
    QVERIFY(!m_scene->edgeItem(edge));
    QVERIFY(m_scene->nodeItem(u"I"_s)->edges().isEmpty());

    PipelineAnnotation note{
        u"a1"_s, PipelineAnnotation::Kind::Text, QRectF(0, 300, 300, 80), u"Runs nightly"_s};
    QVERIFY(m_graph->addAnnotation(note));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->pos(), QPointF(0, 300));
    note.rect.moveTopLeft(QPointF(40, 340));
    note.text = u"Runs hourly"_s;
    QVERIFY(m_graph->updateAnnotation(note));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->pos(), QPointF(40, 340));
    QCOMPARE(m_scene->annotationItem(u"a1"_s)->annotation().text, u"Runs hourly"_s);
    QVERIFY(m_graph->removeAnnotation(u"a1"_s));
    QVERIFY(!m_scene->annotationItem(u"a1"_s));
}

void TestPipelineScene::rebuildsOnReset()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    QSignalSpy rebuilt(m_scene.get(), &PipelineScene::rebuilt);
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    QCOMPARE(rebuilt.size(), 1);
    QVERIFY(!m_scene->nodeItem(u"I"_s));
    QCOMPARE(m_scene->nodeItemCount(), m_graph->nodes().size());
    m_graph->clear();
    QCOMPARE(m_scene->items().size(), 0);
}

void TestPipelineScene::findingsMarkTheRightNode()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    // R (train) lacks its required "data" input: an error on R, nothing on the others.
    const QList<PipelineFinding> findings = validatePipeline(*m_graph);
    QList<PipelineFinding> aboutR;
    for (const PipelineFinding &finding : findings)
        if (finding.nodeId == u"R"_s)
            aboutR << finding;
    QVERIFY(!aboutR.isEmpty());
    m_scene->setFindings(findings);
    const PipelineNodeItem *r = m_scene->nodeItem(u"R"_s);
    QVERIFY(r->hasError());
    for (const PipelineFinding &finding : std::as_const(aboutR))
        QVERIFY2(r->findingsText().contains(finding.message), qPrintable(r->findingsText()));
    QVERIFY(r->toolTipAt(r->pos() + QPointF(r->rect().width() / 2, 5))
                .contains(aboutR.first().message.toHtmlEscaped()));

    PipelineFinding warning;
    warning.severity = PipelineFinding::Severity::Warning;
    warning.nodeId = u"I"_s;
    warning.message = u"Ingest without validation"_s;
    m_scene->setFindings({warning});
    QVERIFY(!r->hasError());
    QVERIFY(r->findingsText().isEmpty());
    QVERIFY(m_scene->nodeItem(u"I"_s)->hasWarning());
    QVERIFY(!m_scene->nodeItem(u"I"_s)->hasError());
    QVERIFY(!m_scene->nodeItem(u"T"_s)->hasWarning());

    // Findings survive a rebuild of the items.
    const QList<PipelineNode> nodes = m_graph->nodes(); // reset() clears what it is given
    m_graph->reset(nodes, {}, {});
    QVERIFY(m_scene->nodeItem(u"I"_s)->hasWarning());
}

void TestPipelineScene::topicProgressShows()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    m_scene->setTopicProgress({{u"R"_s, NodeTopicProgress{2, 3}}});
    QCOMPARE(m_scene->nodeItem(u"R"_s)->topicsFinished(), 2);
    QCOMPARE(m_scene->nodeItem(u"I"_s)->topicsFinished(), 0);
    m_scene->setTopicProgress({});
    QCOMPARE(m_scene->nodeItem(u"R"_s)->topicsFinished(), 0);
}

void TestPipelineScene::portHitTesting()
{
    REQUIRE_OK(PipelineCanvas::buildSmallGraph(*m_graph));
    const PipelineNodeItem *t = m_scene->nodeItem(u"T"_s);
    const QPointF input = t->portScenePos(u"data"_s, false);
    const QPointF output = t->portScenePos(u"features"_s, true);
    QCOMPARE(input.x(), 300.0);
    QCOMPARE(output.x(), 300.0 + m_scene->theme().nodeWidth);

    const auto atInput = m_scene->portAt(input + QPointF(2, 1), 6);
    QVERIFY(atInput);
    QCOMPARE(atInput->port, (PortRef{u"T"_s, u"data"_s}));
    QVERIFY(!atInput->output);
    const auto atOutput = m_scene->portAt(output, 6);
    QVERIFY(atOutput);
    QCOMPARE(atOutput->port, (PortRef{u"T"_s, u"features"_s}));
    QVERIFY(atOutput->output);
    QVERIFY(!m_scene->portAt(t->pos() + t->rect().center(), 6));
    QVERIFY(!m_scene->portAt(QPointF(-500, -500), 6));
}

void TestPipelineScene::selectionApi()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    m_scene->selectIds({u"train"_s, u"deploy"_s}, {u"a2"_s});
    QStringList nodes = m_scene->selectedNodeIds();
    nodes.sort();
    QCOMPARE(nodes, (QStringList{u"deploy"_s, u"train"_s}));
    QCOMPARE(m_scene->selectedAnnotationIds(), QStringList{u"a2"_s});
    QVERIFY(m_scene->selectedEdges().isEmpty());

    const PipelineEdge edge = m_graph->edges().first();
    m_scene->edgeItem(edge)->setSelected(true);
    QCOMPARE(m_scene->selectedEdges(), QList<PipelineEdge>{edge});

    QSignalSpy selection(m_scene.get(), &QGraphicsScene::selectionChanged);
    m_scene->selectAll();
    QCOMPARE(selection.size(), 1);
    QCOMPARE(m_scene->selectedNodeIds().size(), m_graph->nodes().size());
    QCOMPARE(m_scene->selectedEdges().size(), m_graph->edges().size());
    QCOMPARE(m_scene->selectedAnnotationIds().size(), m_graph->annotations().size());
}

void TestPipelineScene::paintsInEveryThemeAndZoom_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<double>("zoom");
    for (const QString &id : StudioTheme::ids()) {
        for (double zoom : {1.0, 0.5, 0.2}) {
            QTest::addRow("%s at %g", qPrintable(id), zoom) << id << zoom;
        }
    }
}

void TestPipelineScene::paintsInEveryThemeAndZoom()
{
    QFETCH(QString, theme);
    QFETCH(double, zoom);
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    m_scene->setTheme(StudioTheme::byIdOrDefault(theme));
    // The template validates clean: add findings so the badges show.
    QList<PipelineFinding> findings = validatePipeline(*m_graph);
    findings << PipelineFinding{PipelineFinding::Severity::Error,
                                u"deploy"_s,
                                u"No rollback plan"_s,
                                {},
                                u"test"_s}
             << PipelineFinding{PipelineFinding::Severity::Warning,
                                u"train"_s,
                                u"No experiment tracking"_s,
                                {},
                                u"test"_s};
    m_scene->setFindings(findings);
    m_scene->setTopicProgress({{u"train"_s, NodeTopicProgress{2, 3}}});
    const QRectF source = m_scene->contentRect().adjusted(-40, -40, 40, 40);
    QImage image((source.size() * zoom).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(image.rect()), source);
    }
    // The background is the theme's; a node's header shows in its category colour.
    const QColor background = m_scene->theme().background;
    QCOMPARE(image.pixelColor(2, 2), background);
    const PipelineNodeItem *train = m_scene->nodeItem(u"train"_s);
    const QPointF inHeader
        = (train->pos() + QPointF(train->rect().width() * 0.6, 4) - source.topLeft()) * zoom;
    QVERIFY(image.pixelColor(inHeader.toPoint()) != background);
    const PipelineNodeItem *deploy = m_scene->nodeItem(u"deploy"_s);
    if (PipelineLegibility::readable(zoom, 1, m_scene->theme().titleFont)) {
        // The error badge is drawn, in the theme's error colour (beside its "!").
        const QRectF badge = deploy->badgeRect().translated(deploy->pos());
        const QPointF solid
            = (badge.center() + QPointF(badge.width() * 0.3, 0) - source.topLeft()) * zoom;
        QCOMPARE(image.pixelColor(solid.toPoint()), m_scene->theme().error);
    } else if (zoom >= PipelineNodeItem::labelScale(m_scene->theme())) {
        // The name as a label: the badge would be too small, the error frames the stage.
        const QPointF edge
            = (deploy->pos() + QPointF(0, deploy->rect().height() / 2) - source.topLeft()) * zoom;
        QCOMPARE(image.pixelColor(edge.toPoint()), m_scene->theme().error);
    }
    const QString dir = qEnvironmentVariable("MLOPS_PIPELINE_PNG_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(u"pipeline-canvas-%1-%2.png"_s.arg(theme).arg(zoom)));
}

void TestPipelineScene::bigGraphBuilds()
{
    const GeneratedPipeline::Graph generated = GeneratedPipeline::make(5000, 5000);
    m_graph->reset(generated.nodes, generated.edges, {});
    QCOMPARE(m_graph->nodes().size(), 5000);
    QCOMPARE(m_graph->edges().size(), 5000);
    QCOMPARE(m_scene->nodeItemCount(), 5000);
    QCOMPARE(m_scene->edgeItemCount(), 5000);
    QVERIFY(validatePipeline(*m_graph).size() >= 0);
    const PipelineNodeItem *last = m_scene->nodeItem(u"n4999"_s);
    QVERIFY(last);
    QCOMPARE(m_scene->itemAt(last->sceneBoundingRect().center(), QTransform()), last);
}

namespace {

PipelineNode stage(const QString &id, const QString &name)
{
    PipelineNode node;
    node.id = id;
    node.kind = u"package"_s;
    node.name = name;
    return node;
}

} // namespace

// A name never ends cut off: it wraps, each line within the node, and the lines read back as
// the name; past MaxTitleLines the last line ends with an ellipsis (the tooltip has it whole).
void TestPipelineScene::longNamesWrapWhole()
{
    const QString name = u"Latest Accelerate GPU FP8 TransformerEngine [version]"_s;
    const QString id = u"a-very-long-job-identifier-without-any-spaces-build-and-push-arm64"_s;
    const QString endless = QString(u"word "_s).repeated(120).trimmed();
    m_graph->addNode(stage(u"short"_s, u"Build"_s));
    m_graph->addNode(stage(u"long"_s, name));
    m_graph->addNode(stage(u"id"_s, id));
    m_graph->addNode(stage(u"endless"_s, endless));
    const PipelineTheme &theme = m_scene->theme();
    const QFontMetricsF metrics(theme.titleFont);
    const double room = theme.nodeWidth - 2 * theme.nodePadding;
    for (const QString &nodeId : {u"long"_s, u"id"_s, u"endless"_s}) {
        const QStringList lines = m_scene->nodeItem(nodeId)->titleLines();
        QVERIFY2(lines.size() > 1, qPrintable(nodeId));
        QVERIFY(lines.size() <= PipelineNodeItem::MaxTitleLines);
        for (const QString &line : lines)
            QVERIFY2(metrics.horizontalAdvance(line) <= room + 0.5, qPrintable(line));
    }
    QCOMPARE(m_scene->nodeItem(u"long"_s)->titleLines().join(u' '), name);
    QCOMPARE(m_scene->nodeItem(u"id"_s)->titleLines().join(QString()), id);
    QVERIFY(m_scene->nodeItem(u"endless"_s)->titleLines().last().endsWith(u'…'));
    // The header grows with the lines: the node is taller than one whose name fits a line.
    QVERIFY(m_scene->nodeItem(u"long"_s)->rect().height()
            > m_scene->nodeItem(u"short"_s)->rect().height());
    QCOMPARE(m_scene->nodeItem(u"short"_s)->titleLines(), QStringList{u"Build"_s});
}

// An imported stage's dependencies carry no data: the kind's ports are not drawn (an ordering
// edge meets the side's middle), and its marks are.
void TestPipelineScene::importedStagesShowMarksNotPorts()
{
    PipelineNode imported = stage(u"imported"_s, u"tests"_s);
    imported.source = {u"github-actions"_s, u"tests"_s, 12};
    imported.badges = {u"matrix ×8"_s, u"workflow call"_s};
    m_graph->addNode(imported);
    m_graph->addNode(stage(u"drawn"_s, u"Package"_s));
    const PipelineNodeItem *item = m_scene->nodeItem(u"imported"_s);
    QCOMPARE(item->portScenePos(u"image"_s, true),
             item->pos() + QPointF(item->rect().right(), item->rect().center().y()));
    QVERIFY(m_scene->nodeItem(u"drawn"_s)->portScenePos(u"image"_s, true)
            != m_scene->nodeItem(u"drawn"_s)->pos()
                   + QPointF(m_scene->nodeItem(u"drawn"_s)->rect().right(),
                             m_scene->nodeItem(u"drawn"_s)->rect().center().y()));
    QCOMPARE(item->badgeTexts(), imported.badges);
}

QTEST_MAIN(TestPipelineScene)
#include "tst_pipelinescene.moc"
