#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinediagramexporter.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinemermaid.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinetemplates.h"
#include "support/exportprobes.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QFile>
#include <QGraphicsItem>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Format = PipelineDiagramOptions::Format;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The text of every <text> element of an SVG, joined by newlines.
QString svgText(const QString &path)
{
    static const QRegularExpression element(u"<text[^>]*>([^<]*)</text>"_s);
    QStringList texts;
    const QString svg = QString::fromUtf8(contents(path));
    for (const QRegularExpressionMatch &match : element.globalMatch(svg))
        texts << match.captured(1);
    return texts.join(u'\n');
}

bool hasWords(const QString &text, const QString &name)
{
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&text](const QString &word) {
        return text.contains(word.toHtmlEscaped());
    });
}

// Text without its XML escapes and its white space: wrapped lines read as one.
QString plainText(QString text)
{
    text.replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&apos;"_s, u"'"_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&amp;"_s, u"&"_s);
    text.remove(QRegularExpression(u"\\s+"_s));
    return text;
}

int pdfPages(const QString &path)
{
    if (!QStandardPaths::findExecutable(u"pdfinfo"_s).isEmpty()) {
        QProcess pdfinfo;
        pdfinfo.start(u"pdfinfo"_s, {path});
        if (pdfinfo.waitForFinished(30000) && pdfinfo.exitCode() == 0) {
            static const QRegularExpression pages(u"Pages:\\s+(\\d+)"_s);
            return pages.match(QString::fromUtf8(pdfinfo.readAllStandardOutput()))
                .captured(1)
                .toInt();
        }
    }
    static const QRegularExpression page(u"/Type\\s*/Page\\b"_s);
    return int(QString::fromLatin1(contents(path)).count(page));
}

} // namespace

class TestPipelineDiagramExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void svgHasEveryNameAsText();
    void realPipelinesDrawEveryNameWhole();
    void pdfIsOnePage();
    void pdfTextIsWithoutLigatures();
    void pngSizeFollowsScaleAndBorder_data();
    void pngSizeFollowsScaleAndBorder();
    void transparentPng();
    void mermaidMatchesWriter();
    void selectionOnly();
    void emptyPipelineFails();
    void unwritablePathFails();
    void failureKeepsExistingFile();
    void screenSceneUntouched();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    bool exportTo(const QString &name, const PipelineDiagramOptions &options);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineGraph> m_graph;
    QString m_error;
};

void TestPipelineDiagramExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    const PipelineTemplate *found = PipelineTemplates::find(u"end-to-end"_s);
    QVERIFY(found);
    const PipelineFile::ReadResult read = PipelineTemplates::load(*found, NodeCatalog::builtIn());
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    m_graph->reset(read.nodes, read.edges, read.annotations);
    QVERIFY(m_graph->nodes().size() > 3);
}

bool TestPipelineDiagramExport::exportTo(const QString &name, const PipelineDiagramOptions &options)
{
    PipelineDiagramExporter exporter(*m_graph, options);
    const bool written = exporter.exportTo(path(name));
    m_error = exporter.errorString();
    return written;
}

void TestPipelineDiagramExport::svgHasEveryNameAsText()
{
    PipelineDiagramOptions options;
    options.format = Format::Svg;
    QVERIFY2(exportTo(u"p.svg"_s, options), qPrintable(m_error));
    const QString text = svgText(path(u"p.svg"_s));
    for (const PipelineNode &node : m_graph->nodes())
        QVERIFY2(hasWords(text, node.name), qPrintable(node.name));
    QVERIFY(!contents(path(u"p.svg"_s)).contains("<image"));
}

// Every real pipeline of ../shared/corpus, imported and drawn to SVG, shows each stage's name
// whole (wrapped lines in order), never cut off with an ellipsis.
void TestPipelineDiagramExport::realPipelinesDrawEveryNameWhole()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines"_s);
    const QDir root(sharedReferencePath(u"corpus/real-pipelines"_s));
    int files = 0;
    for (const QString &format : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir folder(root.filePath(format));
        for (const QString &file : folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files)) {
            const PipelineImport::Result imported
                = PipelineImport::importFile(folder.filePath(file), NodeCatalog::builtIn());
            QVERIFY2(imported.ok, qPrintable(file + u": "_s + imported.errorMessage));
            const PipelineFile::ReadResult &pipeline = imported.pipeline;
            m_graph->reset(pipeline.nodes, pipeline.edges, pipeline.annotations, pipeline.source);
            PipelineDiagramOptions options;
            options.format = Format::Svg;
            QVERIFY2(exportTo(u"real.svg"_s, options), qPrintable(file + u": "_s + m_error));
            const QString text = plainText(svgText(path(u"real.svg"_s)));
            for (const PipelineNode &node : m_graph->nodes())
                QVERIFY2(text.contains(plainText(node.name)),
                         qPrintable(file + u": "_s + node.name));
            ++files;
        }
    }
    QVERIFY(files > 0);
}

void TestPipelineDiagramExport::pdfIsOnePage()
{
    PipelineDiagramOptions options;
    options.format = Format::Pdf;
    options.themeId = u"dark"_s;
    QVERIFY2(exportTo(u"p.pdf"_s, options), qPrintable(m_error));
    QVERIFY(contents(path(u"p.pdf"_s)).startsWith("%PDF"));
    QCOMPARE(pdfPages(path(u"p.pdf"_s)), 1);
}

void TestPipelineDiagramExport::pdfTextIsWithoutLigatures()
{
    // Every f-ligature of DejaVu Sans (ff, fi, fl, ffi, ffl) in a bold node title, a regular
    // note and a bold group title; the template's tool names add "Airflow" and "MLflow".
    QList<PipelineNode> nodes = m_graph->nodes();
    nodes.first().name = u"Efficient workflows"_s;
    QList<PipelineAnnotation> annotations = m_graph->annotations();
    const auto note = [&](PipelineAnnotation::Kind kind) {
        const auto found = std::find_if(
            annotations.begin(), annotations.end(), [&](const auto &a) { return a.kind == kind; });
        return found != annotations.end() ? &*found : nullptr;
    };
    PipelineAnnotation *text = note(PipelineAnnotation::Kind::Text);
    PipelineAnnotation *group = note(PipelineAnnotation::Kind::Group);
    QVERIFY(text && group);
    text->text = u"Offload artifacts for the fluffiest, effortless finish."_s;
    group->text = u"Offline"_s;
    m_graph->reset(nodes, m_graph->edges(), annotations);

    PipelineDiagramOptions options;
    options.format = Format::Pdf;
    QVERIFY2(exportTo(u"p.pdf"_s, options), qPrintable(m_error));
    const QString pdf = ExportProbes::pdfText(path(u"p.pdf"_s));
    if (pdf.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed");
    for (const QString &word : {u"Efficient"_s,
                                u"workflows"_s,
                                u"Offload"_s,
                                u"artifacts"_s,
                                u"fluffiest"_s,
                                u"effortless"_s,
                                u"Offline"_s,
                                u"Airflow"_s,
                                u"MLflow"_s})
        QVERIFY2(pdf.contains(word), qPrintable(word + u" not in: "_s + pdf));
    QVERIFY2(!ExportProbes::hasLatinLigature(pdf), qPrintable(pdf));
}

void TestPipelineDiagramExport::pngSizeFollowsScaleAndBorder_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("border");
    QTest::newRow("1x, default border") << 1.0 << PipelineDiagramOptions::DefaultBorder;
    QTest::newRow("2.5x, border 40") << 2.5 << 40.0;
}

void TestPipelineDiagramExport::pngSizeFollowsScaleAndBorder()
{
    QFETCH(double, scale);
    QFETCH(double, border);
    PipelineScene reference(m_graph.get());
    reference.setTheme(StudioTheme::byIdOrDefault(u"light"_s));
    const QRectF content = reference.contentRect();
    PipelineDiagramOptions options;
    options.scale = scale;
    options.border = border;
    QVERIFY2(exportTo(u"p.png"_s, options), qPrintable(m_error));
    const QSize size = QImageReader(path(u"p.png"_s)).size();
    QCOMPARE(size.width(), int(std::ceil(scale * (content.width() + 2 * border))));
    QCOMPARE(size.height(), int(std::ceil(scale * (content.height() + 2 * border))));
}

void TestPipelineDiagramExport::transparentPng()
{
    PipelineDiagramOptions options;
    options.transparent = true;
    QVERIFY2(exportTo(u"t.png"_s, options), qPrintable(m_error));
    const QImage transparent(path(u"t.png"_s));
    QVERIFY(!transparent.isNull());
    QCOMPARE(qAlpha(transparent.pixel(0, 0)), 0);
    options.transparent = false;
    QVERIFY2(exportTo(u"o.png"_s, options), qPrintable(m_error));
    QCOMPARE(qAlpha(QImage(path(u"o.png"_s)).pixel(0, 0)), 255);
}

void TestPipelineDiagramExport::mermaidMatchesWriter()
{
    PipelineDiagramOptions options;
    options.format = Format::Mermaid;
    QVERIFY2(exportTo(u"p.mmd"_s, options), qPrintable(m_error));
    QCOMPARE(QString::fromUtf8(contents(path(u"p.mmd"_s))), PipelineMermaid::write(*m_graph));
}

void TestPipelineDiagramExport::selectionOnly()
{
    const QList<PipelineNode> &nodes = m_graph->nodes();
    const QStringList selected{nodes.at(0).id, nodes.at(1).id};
    PipelineDiagramOptions options;
    options.format = Format::Svg;
    QVERIFY2(exportTo(u"all.svg"_s, options), qPrintable(m_error));
    options.nodeIds = selected;
    QVERIFY2(exportTo(u"some.svg"_s, options), qPrintable(m_error));
    QVERIFY(contents(path(u"some.svg"_s)).size() < contents(path(u"all.svg"_s)).size());
    const QString text = svgText(path(u"some.svg"_s));
    for (const PipelineNode &node : nodes)
        QCOMPARE(text.contains(node.name.toHtmlEscaped()), selected.contains(node.id));

    PipelineDiagramOptions png;
    QVERIFY2(exportTo(u"all.png"_s, png), qPrintable(m_error));
    png.nodeIds = selected;
    QVERIFY2(exportTo(u"some.png"_s, png), qPrintable(m_error));
    const QSize all = QImageReader(path(u"all.png"_s)).size();
    const QSize some = QImageReader(path(u"some.png"_s)).size();
    QVERIFY(some.width() * some.height() < all.width() * all.height());

    // Mermaid: a sub-graph of the selected stages and the edges among them.
    PipelineGraph sub(&NodeCatalog::builtIn());
    QList<PipelineEdge> edges;
    for (const PipelineEdge &edge : m_graph->edges()) {
        if (selected.contains(edge.from.node) && selected.contains(edge.to.node))
            edges << edge;
    }
    sub.reset({nodes.at(0), nodes.at(1)}, edges, {});
    options.format = Format::Mermaid;
    QVERIFY2(exportTo(u"some.mmd"_s, options), qPrintable(m_error));
    QCOMPARE(QString::fromUtf8(contents(path(u"some.mmd"_s))), PipelineMermaid::write(sub));
}

void TestPipelineDiagramExport::emptyPipelineFails()
{
    m_graph->clear();
    for (const Format format : {Format::Png, Format::Svg, Format::Pdf, Format::Mermaid}) {
        PipelineDiagramOptions options;
        options.format = format;
        const QString name = u"empty."_s + PipelineDiagramOptions::suffix(format);
        QVERIFY(!exportTo(name, options));
        QVERIFY2(m_error.contains(u"nothing to draw"_s), qPrintable(m_error));
        QVERIFY2(m_error.contains(name), qPrintable(m_error));
        QVERIFY(!QFile::exists(path(name)));
    }
}

void TestPipelineDiagramExport::unwritablePathFails()
{
    PipelineDiagramOptions options;
    QVERIFY(!exportTo(u"nowhere/p.png"_s, options));
    QVERIFY2(m_error.contains(path(u"nowhere/p.png"_s)), qPrintable(m_error));
    QVERIFY(!QFile::exists(path(u"nowhere"_s)));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestPipelineDiagramExport::failureKeepsExistingFile()
{
    QFile existing(path(u"p.png"_s));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me");
    existing.close();
    PipelineDiagramOptions options;
    options.scale = 0; // invalid: refused before anything is written
    QVERIFY(!exportTo(u"p.png"_s, options));
    QVERIFY2(m_error.contains(path(u"p.png"_s)), qPrintable(m_error));
    QCOMPARE(contents(path(u"p.png"_s)), QByteArray("keep me"));

    // A cancelled PNG leaves it too, and no temporary file.
    PipelineDiagramExporter exporter(*m_graph, PipelineDiagramOptions{});
    QVERIFY(!exporter.exportTo(path(u"p.png"_s), [](int, int) { return false; }));
    QVERIFY(exporter.wasCancelled());
    QCOMPARE(contents(path(u"p.png"_s)), QByteArray("keep me"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"p.png"_s});
}

void TestPipelineDiagramExport::screenSceneUntouched()
{
    PipelineScene screen(m_graph.get());
    PipelineFinding finding;
    finding.nodeId = m_graph->nodes().first().id;
    finding.message = u"a finding"_s;
    screen.setFindings({finding});
    screen.selectAll();
    const QStringList selected = screen.selectedNodeIds();
    PipelineDiagramOptions options;
    options.themeId = u"projector"_s;
    PipelineDiagramExporter exporter(*m_graph, options);
    QVERIFY(exporter.scene() != &screen);
    QVERIFY(exporter.scene()->selectedItems().isEmpty());
    QCOMPARE(exporter.scene()->nodeItemCount(), m_graph->nodes().size());
    for (QGraphicsItem *item : exporter.scene()->items()) {
        QCOMPARE(item->cacheMode(), QGraphicsItem::NoCache);
        QVERIFY(!item->graphicsEffect());
    }
    QCOMPARE(screen.selectedNodeIds(), selected);
}

QTEST_MAIN(TestPipelineDiagramExport)
#include "tst_pipelinediagramexport.moc"
