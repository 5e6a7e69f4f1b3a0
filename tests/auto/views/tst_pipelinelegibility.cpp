// Names stay legible (issue 15): the rule of pipelinelegibility.h — text is drawn where its em is
// at least 7 device-independent pixels on screen — at several zooms and device pixel ratios, on
// the stages, frames and notes as painted (recorded through a paint device that keeps every
// drawText), in the exports, and in the fit to view, which lands where names can be read.
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"
#include "support/generatedpipeline.h"
#include "support/pipelinecanvas.h"
#include "support/require.h"
#include "theme/studiotheme.h"

#include <QBuffer>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QTest>
#include <QTextItem>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// One drawText as the paint engine received it.
struct DrawnText
{
    QString text;
    QFont font;
    double scale = 1; // the painter's world scale, without the device pixel ratio
};

// A paint engine that keeps the text drawn through it, and ignores the rest.
class TextRecordingEngine : public QPaintEngine
{
public:
    TextRecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {}
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &state) override
    {
        if (state.state() & QPaintEngine::DirtyFont)
            m_font = state.font();
    }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawPath(const QPainterPath &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override {}
    void drawTextItem(const QPointF &, const QTextItem &item) override
    {
        texts << DrawnText{item.text(), m_font, painter()->worldTransform().m11()};
    }
    Type type() const override { return QPaintEngine::User; }

    QList<DrawnText> texts;

private:
    QFont m_font;
};

// A large canvas of a given device pixel ratio whose painters record text.
class TextRecorder : public QPaintDevice
{
public:
    explicit TextRecorder(double devicePixelRatio)
        : m_ratio(devicePixelRatio)
    {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QList<DrawnText> texts() const { return m_engine.texts; }
    QString joined() const
    {
        QStringList all;
        for (const DrawnText &drawn : m_engine.texts)
            all << drawn.text;
        return all.join(u' ');
    }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
        case PdmHeight:
            return 100000;
        case PdmWidthMM:
        case PdmHeightMM:
            return 100000 * 254 / 960;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmDevicePixelRatio:
            return int(m_ratio);
        case PdmDevicePixelRatioScaled:
            return int(m_ratio * devicePixelRatioFScale());
        }
        return 0;
    }

private:
    double m_ratio;
    mutable TextRecordingEngine m_engine;
};

// What `item` draws at `zoom` on a device of `ratio`.
std::unique_ptr<TextRecorder> paintItem(QGraphicsItem *item, double zoom, double ratio)
{
    auto recorder = std::make_unique<TextRecorder>(ratio);
    QPainter painter(recorder.get());
    painter.setTransform(QTransform::fromScale(zoom, zoom));
    const QStyleOptionGraphicsItem option;
    item->paint(&painter, &option, nullptr);
    return recorder;
}

QString withoutSpaces(QString text)
{
    return text.remove(QRegularExpression(u"\\s+"_s));
}

// The theme's fonts as themes.json writes them, in pixels: the values the rule is applied to.
double pixels(const QFont &font)
{
    return font.pixelSize();
}

} // namespace

class TestPipelineLegibility : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ruleMeasuresTheEmOnScreen_data();
    void ruleMeasuresTheEmOnScreen();
    void stageShowsWhatCanBeRead_data();
    void stageShowsWhatCanBeRead();
    void everyThemeSwitchesAtSevenPixels_data();
    void everyThemeSwitchesAtSevenPixels();
    void labelFillsTheBoxLegibly();
    void frameTitlesOutlastStageNames();
    void notesFollowTheRule();
    void exportsDrawNamesAtTheirScale();
    void vectorExportsDrawEveryName();
    void fitLandsOnAReadableZoom_data();
    void fitLandsOnAReadableZoom();

private:
    PipelineNodeItem *addStage(const QString &name, const QString &kind = u"train"_s);

    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
};

void TestPipelineLegibility::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineLegibility::cleanup()
{
    m_scene.reset();
    m_graph.reset();
}

PipelineNodeItem *TestPipelineLegibility::addStage(const QString &name, const QString &kind)
{
    PipelineNode node = PipelineCanvas::makeNode(
        u"n%1"_s.arg(m_graph->nodes().size()), kind, {m_graph->nodes().size() * 300.0, 0});
    node.name = name;
    node.tool = u"MLflow"_s;
    if (!m_graph->addNode(node))
        return nullptr;
    return m_scene->nodeItem(node.id);
}

void TestPipelineLegibility::ruleMeasuresTheEmOnScreen_data()
{
    QTest::addColumn<int>("pixelSize");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<bool>("readable");
    // 13 px (the light theme's stage names) is 7 px on screen at 7/13 = 0.538.
    QTest::newRow("13px at 100%") << 13 << 1.0 << 1.0 << true;
    QTest::newRow("13px at 55%") << 13 << 0.55 << 1.0 << true;  // 7.15 px
    QTest::newRow("13px at 52%") << 13 << 0.52 << 1.0 << false; // 6.76 px
    QTest::newRow("13px at 30%") << 13 << 0.30 << 1.0 << false; // 3.9 px
    QTest::newRow("10px at 70%") << 10 << 0.70 << 1.0 << true;  // 7 px exactly
    QTest::newRow("10px at 65%") << 10 << 0.65 << 1.0 << false; // 6.5 px
    QTest::newRow("28px at 25%") << 28 << 0.25 << 1.0 << true;  // 7 px
    // A device-independent pixel is the same size on a ratio-2 screen: the threshold stays.
    QTest::newRow("13px at 55%, ratio 2") << 13 << 0.55 << 2.0 << true;
    QTest::newRow("13px at 52%, ratio 2") << 13 << 0.52 << 2.0 << false;
    QTest::newRow("13px at 30%, ratio 2") << 13 << 0.30 << 2.0 << false;
    // Half a pixel per device-independent pixel (a thumbnail): the raster is the limit.
    QTest::newRow("13px at 100%, ratio 0.5") << 13 << 1.0 << 0.5 << false; // 6.5 px
    QTest::newRow("13px at 110%, ratio 0.5") << 13 << 1.1 << 0.5 << true;  // 7.15 px
}

void TestPipelineLegibility::ruleMeasuresTheEmOnScreen()
{
    QFETCH(int, pixelSize);
    QFETCH(double, zoom);
    QFETCH(double, ratio);
    QFETCH(bool, readable);
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(pixelSize);
    QCOMPARE(PipelineLegibility::readable(zoom, ratio, font), readable);
    // A font set in points: 9 pt is 12 px at 96 dpi, the canvas's unit.
    QFont points(u"DejaVu Sans"_s);
    points.setPointSizeF(9);
    QCOMPARE(PipelineLegibility::readable(7.0 / 12 + 0.01, ratio, points), ratio >= 1);
    QVERIFY(!PipelineLegibility::readable(7.0 / 12 - 0.01, ratio, points));
}

void TestPipelineLegibility::stageShowsWhatCanBeRead_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<bool>("title");     // the name at its own size, with the header
    QTest::addColumn<bool>("meta");      // "Train · MLflow" (11 px)
    QTest::addColumn<bool>("portNames"); // (10 px)
    QTest::addColumn<bool>("label");     // the name alone, larger
    // The light theme: names 13 px, kind and tool 11 px, port names 10 px (themes.json).
    for (const double ratio : {1.0, 2.0}) {
        const QString r = ratio == 1 ? u"ratio 1"_s : u"ratio 2"_s;
        QTest::newRow(qPrintable(u"100%, "_s + r)) << 1.0 << ratio << true << true << true << false;
        QTest::newRow(qPrintable(u"75%, "_s + r)) << 0.75 << ratio << true << true << true << false;
        QTest::newRow(qPrintable(u"66%, "_s + r))
            << 0.66 << ratio << true << true << false << false;
        QTest::newRow(qPrintable(u"60%, "_s + r))
            << 0.60 << ratio << true << false << false << false;
        QTest::newRow(qPrintable(u"50%, "_s + r))
            << 0.50 << ratio << false << false << false << true;
        QTest::newRow(qPrintable(u"30%, "_s + r))
            << 0.30 << ratio << false << false << false << true;
        QTest::newRow(qPrintable(u"2%, "_s + r))
            << 0.02 << ratio << false << false << false << false;
    }
}

void TestPipelineLegibility::stageShowsWhatCanBeRead()
{
    QFETCH(double, zoom);
    QFETCH(double, ratio);
    QFETCH(bool, title);
    QFETCH(bool, meta);
    QFETCH(bool, portNames);
    QFETCH(bool, label);
    PipelineNodeItem *item = addStage(u"Fit churn model"_s); // a "Train model" stage
    QVERIFY(item);
    const auto drawn = paintItem(item, zoom, ratio);
    const QString text = drawn->joined();
    const QList<DrawnText> pieces = drawn->texts();
    const bool titleDrawn = std::any_of(pieces.cbegin(), pieces.cend(), [this](const auto &piece) {
        return piece.text == u"Fit churn model"_s
               && piece.font.pixelSize() == m_scene->theme().titleFont.pixelSize();
    });
    QCOMPARE(titleDrawn, title); // at the title's own size
    QCOMPARE(text.contains(u"MLflow"_s), meta);
    QCOMPARE(text.contains(u"trigger"_s) && text.contains(u"metrics"_s), portNames);
    const bool labelled = !title && withoutSpaces(text) == u"Fitchurnmodel"_s;
    QCOMPARE(labelled, label);
    if (!title && !label)
        QVERIFY2(text.isEmpty(), qPrintable(text)); // a plain box: nothing unreadable
    // Whatever is drawn is at least 7 device-independent pixels high on screen.
    for (const DrawnText &piece : drawn->texts())
        QVERIFY2(piece.font.pixelSize() * piece.scale >= 7 - 1e-9,
                 qPrintable(u"%1 at %2 px"_s.arg(piece.text).arg(piece.font.pixelSize() * zoom)));
}

void TestPipelineLegibility::everyThemeSwitchesAtSevenPixels_data()
{
    QTest::addColumn<QString>("theme");
    for (const QString &id : StudioTheme::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestPipelineLegibility::everyThemeSwitchesAtSevenPixels()
{
    QFETCH(QString, theme);
    m_scene->setTheme(StudioTheme::byIdOrDefault(theme));
    PipelineNodeItem *item = addStage(u"Evaluate"_s, u"evaluate"_s);
    QVERIFY(item);
    const double switchAt = 7 / pixels(m_scene->theme().titleFont);
    for (const double ratio : {1.0, 2.0}) {
        QVERIFY(paintItem(item, switchAt * 1.02, ratio)->joined().contains(u"Evaluate"_s));
        const auto below = paintItem(item, switchAt * 0.98, ratio);
        QCOMPARE(below->joined(), u"Evaluate"_s); // the label
        QVERIFY(below->texts().first().font.bold());
        QVERIFY(below->texts().first().font.pixelSize() * switchAt * 0.98 >= 7);
    }
}

// The label keeps the name whole while it fits the box, and gives way to a plain box only where
// a line of it could not hold a word's worth (eight average characters).
void TestPipelineLegibility::labelFillsTheBoxLegibly()
{
    PipelineNodeItem *item = addStage(u"Validate the incoming training data"_s, u"validate-data"_s);
    QVERIFY(item);
    const double labelScale = PipelineNodeItem::labelScale(m_scene->theme());
    const double namesScale = 7 / pixels(m_scene->theme().titleFont);
    QVERIFY(labelScale < namesScale / 2); // the label reaches much further out than the name
    const auto justAbove = paintItem(item, labelScale * 1.01, 1);
    QVERIFY(!justAbove->texts().isEmpty());
    QVERIFY(paintItem(item, labelScale * 0.99, 1)->texts().isEmpty());
    // Half way to the names' zoom the label wraps and shows the name whole.
    const auto between = paintItem(item, (labelScale + namesScale) / 2, 1);
    QCOMPARE(withoutSpaces(between->joined()), u"Validatetheincomingtrainingdata"_s);
    QCOMPARE(item->labelLines().join(u' ').simplified(), u"Validate the incoming training data"_s);
    const QFontMetricsF metrics(between->texts().first().font);
    QVERIFY(item->labelLines().size() * metrics.lineSpacing() <= item->rect().height());
    for (const QString &line : item->labelLines())
        QVERIFY(metrics.horizontalAdvance(line) <= item->rect().width());
}

void TestPipelineLegibility::frameTitlesOutlastStageNames()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    PipelineAnnotationItem *frame = nullptr;
    for (QGraphicsItem *item : m_scene->items())
        if (auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item))
            if (annotation->kind() == PipelineAnnotation::Kind::Group)
                frame = annotation;
    QVERIFY(frame);
    const QString title = frame->annotation().text;
    const double titleScale = 7 / pixels(m_scene->theme().groupTitleFont);
    for (const double ratio : {1.0, 2.0}) {
        QCOMPARE(paintItem(frame, titleScale * 1.01, ratio)->joined(), title);
        // Below the title's own size, and below where stage names become boxes, it still reads.
        const double out = PipelineNodeItem::labelScale(m_scene->theme()) * 0.9;
        const auto far = paintItem(frame, out, ratio);
        QCOMPARE(far->joined(), title);
        QVERIFY(far->texts().first().font.pixelSize() * out >= 7);
        // It grows up over the frame's top edge, and the item's bounds include it.
        const QFontMetricsF metrics(far->texts().first().font);
        QVERIFY(frame->boundingRect().top()
                <= m_scene->theme().groupTitleHeight - metrics.height());
    }
}

void TestPipelineLegibility::notesFollowTheRule()
{
    PipelineAnnotation note;
    note.id = u"a1"_s;
    note.kind = PipelineAnnotation::Kind::Text;
    note.text = u"Retrain weekly"_s;
    note.rect = QRectF(0, 0, 240, 120);
    QVERIFY(m_graph->addAnnotation(note));
    PipelineAnnotationItem *item = nullptr;
    for (QGraphicsItem *candidate : m_scene->items())
        if (auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(candidate))
            item = annotation;
    QVERIFY(item);
    const double noteScale = 7 / pixels(m_scene->theme().noteFont);
    for (const double ratio : {1.0, 2.0}) {
        const auto readable = paintItem(item, noteScale * 1.01, ratio);
        QCOMPARE(readable->joined().simplified(), note.text);
        QVERIFY(!readable->texts().first().font.bold()); // the note's own font
        const auto label = paintItem(item, noteScale * 0.7, ratio);
        QCOMPARE(withoutSpaces(label->joined()), u"Retrainweekly"_s);
        QVERIFY(label->texts().first().font.pixelSize() * noteScale * 0.7 >= 7);
        QVERIFY(paintItem(item, 0.01, ratio)->texts().isEmpty()); // nothing that cannot be read
    }
}

// A PNG export renders the scene into an image at its scale (SceneBands::render); the items see
// that scale, so a small PNG names every stage as a label rather than leaving blank boxes.
void TestPipelineLegibility::exportsDrawNamesAtTheirScale()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    const QRectF source = m_scene->contentRect();
    const double scale = 0.3;
    TextRecorder recorder(1);
    QPainter painter(&recorder);
    m_scene->render(&painter,
                    QRectF(0, 0, source.width() * scale, source.height() * scale),
                    source,
                    Qt::IgnoreAspectRatio);
    painter.end();
    const QString drawn = withoutSpaces(recorder.joined());
    for (const PipelineNode &node : m_graph->nodes()) {
        QStringList lines = m_scene->nodeItem(node.id)->labelLines();
        QVERIFY2(!lines.isEmpty(), qPrintable(node.name));
        QVERIFY2(drawn.contains(withoutSpaces(lines.join(QString()))), qPrintable(node.name));
    }
}

// SVG and PDF are zoomed by whoever reads them: every name is there at any scale.
void TestPipelineLegibility::vectorExportsDrawEveryName()
{
    PipelineNodeItem *item = addStage(u"Fit churn model"_s);
    QVERIFY(item);
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(QSize(100, 100));
    QPainter painter(&generator);
    painter.scale(0.05, 0.05);
    const QStyleOptionGraphicsItem option;
    item->paint(&painter, &option, nullptr);
    painter.end();
    const QString text = QString::fromUtf8(svg.data());
    QVERIFY(text.contains(u"Fit churn model"_s));
    QVERIFY(text.contains(u"MLflow"_s));
    QVERIFY(text.contains(u"metrics"_s)); // and the details
}

void TestPipelineLegibility::fitLandsOnAReadableZoom_data()
{
    QTest::addColumn<int>("stages"); // 0: the End-to-end template
    QTest::newRow("End-to-end template") << 0;
    QTest::newRow("2,000 stages") << 2000;
}

void TestPipelineLegibility::fitLandsOnAReadableZoom()
{
    QFETCH(int, stages);
    if (stages == 0) {
        REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    } else {
        const GeneratedPipeline::Graph generated = GeneratedPipeline::make(stages, stages);
        m_graph->reset(generated.nodes, generated.edges, {});
    }
    PipelineView view(m_scene.get());
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRectF content = m_scene->contentRect();
    const double labels = PipelineNodeItem::labelScale(m_scene->theme());

    view.fitAll(); // Ctrl+Shift+0: everything, however small
    QVERIFY(view.visibleSceneRect().contains(content));
    const double whole = view.zoom();

    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view.zoom() >= labels - 1e-9);
    const QRectF visible = view.visibleSceneRect();
    if (whole >= labels) {
        QCOMPARE(view.zoom(), whole); // readable as a whole: the plain fit
        QVERIFY(visible.contains(content));
    } else {
        QCOMPARE(view.zoom(), labels); // the smallest readable zoom, at the start
        QVERIFY(visible.contains(content.topLeft()));
        // A direction that fits is fitted whole.
        if (content.width() < visible.width())
            QVERIFY(visible.left() <= content.left() && visible.right() >= content.right());
        if (content.height() < visible.height())
            QVERIFY(visible.top() <= content.top() && visible.bottom() >= content.bottom());
    }
    // Every stage in view shows its name (as itself or as a label) at that zoom.
    int shown = 0;
    for (const PipelineNode &node : m_graph->nodes()) {
        PipelineNodeItem *item = m_scene->nodeItem(node.id);
        if (!visible.contains(item->sceneBoundingRect()))
            continue;
        const auto drawn = paintItem(item, view.zoom(), view.devicePixelRatioF());
        QVERIFY2(!drawn->texts().isEmpty(), qPrintable(node.name));
        ++shown;
    }
    QVERIFY(shown > 0);
}

QTEST_MAIN(TestPipelineLegibility)
#include "tst_pipelinelegibility.moc"
