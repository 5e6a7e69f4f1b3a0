#include "curriculum/curriculumloader.h"
#include "export/scenebands.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/roadmapexportdialog.h"
#include "roadmap/roadmapexporter.h"
#include "roadmap/roadmapscene.h"
#include "support/atomicfile.h"
#include "support/exportprobes.h"
#include "theme/textfonts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace ExportProbes;
using Format = RoadmapExportOptions::Format;

Q_DECLARE_METATYPE(RoadmapExportOptions)
Q_DECLARE_METATYPE(RoadmapExportOptions::Format)

namespace {

int maxChannelDifference(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)),
                     std::abs(qGreen(a) - qGreen(b)),
                     std::abs(qBlue(a) - qBlue(b)),
                     std::abs(qAlpha(a) - qAlpha(b))});
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestRoadmapExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void svgKeepsTitlesAsText();
    void posterIsOnePage();
    void handoutHasAPagePerSection();
    void handoutNotesFollowProgress();
    void pdfTextIsWithoutLigatures_data();
    void pdfTextIsWithoutLigatures();
    void fontWithoutLigaturesKeepsKerning();
    void handoutLinksResources();
    void pngSizeFollowsScale_data();
    void pngSizeFollowsScale();
    void transparentBackground();
    void bandsAreSeamless();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void unwritablePathFails();
    void folderAsOutputFails();
    void existingFileReplacedOnlyOnSuccess();
    void invalidOptions_data();
    void invalidOptions();
    void screenSceneIsUntouched();
    void dialogExports();

private:
    RoadmapExportOptions options(Format format) const;
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
};

void TestRoadmapExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRoadmapExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, path(u"config"_s));
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(path(u"data/progress.db"_s)));
    m_model = std::make_unique<CurriculumModel>();
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    QVERIFY(loaded.ok);
    m_model->setCurriculum(loaded.curriculum);
    m_model->setStore(m_store.get());
}

void TestRoadmapExport::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

RoadmapExportOptions TestRoadmapExport::options(Format format) const
{
    RoadmapExportOptions options;
    options.format = format;
    return options;
}

void TestRoadmapExport::svgKeepsTitlesAsText()
{
    RoadmapExporter exporter(m_model.get(), options(Format::Svg));
    QVERIFY2(exporter.exportTo(path(u"map.svg"_s)), qPrintable(exporter.errorString()));
    const SvgContent svg = readSvg(path(u"map.svg"_s));
    QVERIFY(svg.valid);
    QCOMPARE(svg.images, 0);
    // A card wraps its title over up to two lines, so each word is looked for on its own.
    for (const Section &section : m_model->curriculum().sections) {
        for (const Topic &topic : section.topics) {
            for (const QString &word : topic.title.split(u' ', Qt::SkipEmptyParts))
                QVERIFY2(svg.text.contains(word), qPrintable(topic.title + u": "_s + word));
        }
    }
    QVERIFY(readAll(path(u"map.svg"_s)).contains("<title>"));
}

void TestRoadmapExport::posterIsOnePage()
{
    RoadmapExporter exporter(m_model.get(), options(Format::PdfPoster));
    QVERIFY2(exporter.exportTo(path(u"poster.pdf"_s)), qPrintable(exporter.errorString()));
    QCOMPARE(pdfPageCount(path(u"poster.pdf"_s)), 1);
    QVERIFY(!readAll(path(u"poster.pdf"_s)).contains("/Subtype /Image"));
}

void TestRoadmapExport::handoutHasAPagePerSection()
{
    const int sections = int(m_model->curriculum().sections.size());
    QVERIFY(sections > 1);
    // Long notes must shrink their page, not add one.
    QVERIFY(m_store->setNotes(m_model->curriculum().sections.first().topics.first().id,
                              u"- a point worth remembering\n"_s.repeated(120)));
    RoadmapExporter exporter(m_model.get(), options(Format::PdfHandout));
    QCOMPARE(exporter.pageCount(), 1 + sections);
    QVERIFY2(exporter.exportTo(path(u"handout.pdf"_s)), qPrintable(exporter.errorString()));
    QCOMPARE(pdfPageCount(path(u"handout.pdf"_s)), 1 + sections);
}

void TestRoadmapExport::handoutNotesFollowProgress()
{
    const Topic &topic = m_model->curriculum().sections.at(1).topics.first();
    QVERIFY(m_store->setNotes(topic.id, u"Remember the **Zebracorn** trick"_s));
    QVERIFY(m_store->setStatus(topic.id, TopicStatus::Learning));
    for (const bool showProgress : {true, false}) {
        RoadmapExportOptions handout = options(Format::PdfHandout);
        handout.showProgress = showProgress;
        RoadmapExporter exporter(m_model.get(), handout);
        const QString file = path(u"handout-%1.pdf"_s.arg(showProgress));
        QVERIFY2(exporter.exportTo(file), qPrintable(exporter.errorString()));
        const QString text = pdfText(file);
        if (text.isNull())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QVERIFY2(text.contains(topic.title), qPrintable(text.left(400)));
        QCOMPARE(text.contains(u"Zebracorn"_s), showProgress);
        QCOMPARE(text.contains(u"\u25D0 Learning"_s), showProgress); // status: symbol and word
    }
}

void TestRoadmapExport::pdfTextIsWithoutLigatures_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QStringList>("words"); // as written in the curriculum below
    // The poster shows titles only; the handout also the goals, in a regular (not bold) face.
    const QStringList titles{u"Offload"_s, u"artifacts"_s, u"Efficient"_s, u"workflows"_s};
    QTest::newRow("handout") << Format::PdfHandout
                             << titles + QStringList{u"effortless"_s, u"fluffiest"_s};
    QTest::newRow("poster") << Format::PdfPoster << titles;
}

void TestRoadmapExport::pdfTextIsWithoutLigatures()
{
    QFETCH(Format, format);
    QFETCH(QStringList, words);
    // Every f-ligature of DejaVu Sans: ff, fi, fl, ffi, ffl.
    Curriculum curriculum = m_model->curriculum();
    Section &section = curriculum.sections.first();
    section.title = u"Offload artifacts"_s;
    Topic &topic = section.topics.first();
    topic.title = u"Efficient workflows"_s;
    topic.goals = u"Keep effortless flows and the fluffiest finish."_s;
    m_model->setCurriculum(curriculum);

    RoadmapExporter exporter(m_model.get(), options(format));
    QVERIFY2(exporter.exportTo(path(u"text.pdf"_s)), qPrintable(exporter.errorString()));
    const QString text = pdfText(path(u"text.pdf"_s));
    if (text.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed");
    for (const QString &word : words)
        QVERIFY2(text.contains(word), qPrintable(word + u" not in: "_s + text.left(600)));
    QVERIFY2(!hasLatinLigature(text), qPrintable(text.left(600)));
}

// Only the ligatures go: pairs the font kerns ("AV", "To") stay as close as before.
void TestRoadmapExport::fontWithoutLigaturesKeepsKerning()
{
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(40);
    const QFontMetricsF plain(font);
    const QFontMetricsF withoutLigatures(TextFonts::withoutLigatures(font));
    QVERIFY(plain.horizontalAdvance(u"AV"_s)
            < plain.horizontalAdvance(u"A"_s) + plain.horizontalAdvance(u"V"_s));
    for (const QString &text : {u"AV"_s, u"To Ty Te"_s, u"WAVE, Yacht"_s})
        QCOMPARE(withoutLigatures.horizontalAdvance(text), plain.horizontalAdvance(text));
}

void TestRoadmapExport::handoutLinksResources()
{
    const Topic &topic = m_model->curriculum().sections.at(2).topics.first();
    QVERIFY(!topic.resources.isEmpty());
    const TopicResource &resource = topic.resources.first();
    RoadmapExportOptions handout = options(Format::PdfHandout);
    handout.showProgress = false; // resources are curriculum, not progress: always printed
    RoadmapExporter exporter(m_model.get(), handout);
    const QString file = path(u"handout.pdf"_s);
    QVERIFY2(exporter.exportTo(file), qPrintable(exporter.errorString()));
    // Each resource is a link annotation to its address (PDF 1.7, 12.5.6.5 and 12.6.4.7:
    // /Subtype /Link with a /URI action): the title and the printed address both link.
    qsizetype listed = 0; // other topics may name the same page
    for (const Section &section : m_model->curriculum().sections)
        for (const Topic &other : section.topics)
            for (const TopicResource &each : other.resources)
                listed += each.url == resource.url;
    const QByteArray uri = "/URI (" + resource.url.toLatin1() + ")";
    QCOMPARE(readAll(file).count(uri), 2 * listed);
    QVERIFY(readAll(file).contains("/Subtype /Link"));

    const QString text = pdfText(file);
    if (text.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QVERIFY2(text.contains(resource.url), qPrintable(text.left(2000)));
    const QString oneLine = QString(text).replace(u'\n', u' ');
    QVERIFY2(oneLine.contains(resource.title), qPrintable(resource.title));
    QVERIFY2(oneLine.contains(u"(%1)"_s.arg(resource.kind)), qPrintable(resource.kind));
}

void TestRoadmapExport::pngSizeFollowsScale_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1") << 1.0;
    QTest::newRow("2.5") << 2.5;
    QTest::newRow("0.75") << 0.75;
}

void TestRoadmapExport::pngSizeFollowsScale()
{
    QFETCH(double, scale);
    RoadmapExportOptions png = options(Format::Png);
    png.scale = scale;
    RoadmapExporter exporter(m_model.get(), png);
    QVERIFY2(exporter.exportTo(path(u"map.png"_s)), qPrintable(exporter.errorString()));
    const QSizeF scene = exporter.scene()->sceneRect().size();
    const QSize expected(int(std::ceil(scale * scene.width())),
                         int(std::ceil(scale * scene.height())));
    QCOMPARE(QImageReader(path(u"map.png"_s)).size(), expected);
    QCOMPARE(QImage(path(u"map.png"_s)).size(), expected); // and it decodes
}

void TestRoadmapExport::transparentBackground()
{
    for (const bool transparent : {true, false}) {
        RoadmapExportOptions png = options(Format::Png);
        png.transparent = transparent;
        png.themeId = u"dark"_s;
        RoadmapExporter exporter(m_model.get(), png);
        const QString file = path(u"map-%1.png"_s.arg(transparent));
        QVERIFY2(exporter.exportTo(file), qPrintable(exporter.errorString()));
        const QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.hasAlphaChannel(), transparent);
        const QColor corner = image.pixelColor(0, 0);
        if (transparent) {
            QCOMPARE(corner.alpha(), 0);
        } else {
            QCOMPARE(corner.alpha(), 255);
            QCOMPARE(corner.rgb(), StudioTheme::byIdOrDefault(u"dark"_s).background.rgb());
        }
        // The cards are drawn, opaque, either way.
        const QString topicId = m_model->curriculum().topicIds().first();
        const QPointF card = exporter.scene()->topicRect(topicId).center()
                             - exporter.scene()->sceneRect().topLeft();
        QCOMPARE(image.pixelColor(card.toPoint()).alpha(), 255);
        QVERIFY(image.pixelColor(card.toPoint()) != corner);
    }
}

void TestRoadmapExport::bandsAreSeamless()
{
    RoadmapExportOptions png = options(Format::Png);
    png.scale = 1.5;
    png.bandHeight = 64;
    RoadmapExporter exporter(m_model.get(), png);
    int bands = 0;
    QVERIFY(exporter.exportTo(path(u"bands.png"_s), [&bands](int, int total) {
        bands = total;
        return true;
    }));
    const QImage banded = QImage(path(u"bands.png"_s)).convertToFormat(QImage::Format_RGB32);
    QCOMPARE(bands, (banded.height() + 63) / 64);
    QVERIFY(bands > 10);

    const QRectF source = exporter.scene()->sceneRect();
    const QImage whole = SceneBands::render(exporter.scene(),
                                            source,
                                            png.scale,
                                            0,
                                            banded.height(),
                                            exporter.scene()->theme().background)
                             .convertToFormat(QImage::Format_RGB32);
    QCOMPARE(whole.size(), banded.size());
    int differing = 0;
    int worst = 0;
    for (int y = 0; y < whole.height(); ++y) {
        for (int x = 0; x < whole.width(); ++x) {
            const int difference = maxChannelDifference(whole.pixel(x, y), banded.pixel(x, y));
            worst = std::max(worst, difference);
            differing += difference > 0 ? 1 : 0;
        }
    }
    qInfo("band seams: %d pixels differ, by at most %d", differing, worst);
    // Rounding in antialiasing may move a channel by a step or two, never draw a seam.
    QVERIFY2(worst <= 8, qPrintable(QString::number(worst)));
    QVERIFY(differing < whole.width() * whole.height() / 1000);
}

void TestRoadmapExport::cancelLeavesNoFile_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("cancelAt"); // the progress call that answers "stop"
    QTest::newRow("png, mid-way") << Format::Png << 3;
    QTest::newRow("png, at once") << Format::Png << 1;
    QTest::newRow("svg") << Format::Svg << 1;
    QTest::newRow("poster, at the end") << Format::PdfPoster << 2;
    QTest::newRow("handout, mid-way") << Format::PdfHandout << 4;
}

void TestRoadmapExport::cancelLeavesNoFile()
{
    QFETCH(Format, format);
    QFETCH(int, cancelAt);
    RoadmapExportOptions cancelled = options(format);
    cancelled.bandHeight = 64;
    RoadmapExporter exporter(m_model.get(), cancelled);
    const QStringList before = entries(m_dir->path());
    const QString file = path(u"cancelled."_s + RoadmapExportOptions::suffix(format));
    int calls = 0;
    QVERIFY(!exporter.exportTo(file, [&calls, cancelAt](int, int) { return ++calls < cancelAt; }));
    QCOMPARE(calls, cancelAt);
    QVERIFY(exporter.wasCancelled());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(entries(m_dir->path()), before); // no temporary file left either
}

void TestRoadmapExport::unwritablePathFails()
{
    QFile blocker(path(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.write("a file, not a folder");
    blocker.close();
    const QStringList before = entries(m_dir->path());
    const QString file = path(u"blocker/roadmap.png"_s);
    RoadmapExporter exporter(m_model.get(), options(Format::Png));
    QVERIFY(!exporter.exportTo(file));
    QVERIFY(!exporter.wasCancelled());
    QVERIFY2(exporter.errorString().contains(QDir::toNativeSeparators(file)),
             qPrintable(exporter.errorString()));
    QCOMPARE(entries(m_dir->path()), before);
    QCOMPARE(readAll(path(u"blocker"_s)), QByteArray("a file, not a folder"));
    QVERIFY(!AtomicFile::checkOutputPath(file).isEmpty());
}

void TestRoadmapExport::folderAsOutputFails()
{
    QVERIFY(QDir(m_dir->path()).mkdir(u"out.svg"_s));
    RoadmapExporter exporter(m_model.get(), options(Format::Svg));
    QVERIFY(!exporter.exportTo(path(u"out.svg"_s)));
    QVERIFY2(exporter.errorString().contains(u"is a folder"_s), qPrintable(exporter.errorString()));
    QVERIFY(QFileInfo(path(u"out.svg"_s)).isDir());
}

void TestRoadmapExport::existingFileReplacedOnlyOnSuccess()
{
    const QString file = path(u"map.png"_s);
    QFile old(file);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("the previous export");
    old.close();

    RoadmapExportOptions png = options(Format::Png);
    png.bandHeight = 64;
    RoadmapExporter cancelled(m_model.get(), png);
    QVERIFY(!cancelled.exportTo(file, [](int done, int) { return done < 5; }));
    QCOMPARE(readAll(file), QByteArray("the previous export"));

    RoadmapExportOptions badTheme = png;
    badTheme.themeId = u"neon"_s;
    RoadmapExporter failing(m_model.get(), badTheme);
    QVERIFY(!failing.exportTo(file));
    QCOMPARE(readAll(file), QByteArray("the previous export"));

    RoadmapExporter succeeding(m_model.get(), png);
    QVERIFY2(succeeding.exportTo(file), qPrintable(succeeding.errorString()));
    QCOMPARE(QImageReader(file).size(), succeeding.outputSize());
}

void TestRoadmapExport::invalidOptions_data()
{
    QTest::addColumn<RoadmapExportOptions>("options");
    QTest::addColumn<QString>("expected");
    RoadmapExportOptions theme;
    theme.themeId = u"neon"_s;
    QTest::newRow("unknown theme") << theme << u"light, dark, projector"_s;
    RoadmapExportOptions zero;
    zero.scale = 0;
    QTest::newRow("scale 0") << zero << u"greater than 0"_s;
    RoadmapExportOptions huge;
    huge.scale = 17;
    QTest::newRow("scale 17") << huge << u"at most 16"_s;
    RoadmapExportOptions nan;
    nan.scale = std::nan("");
    QTest::newRow("scale NaN") << nan << u"greater than 0"_s;
    RoadmapExportOptions transparentSvg;
    transparentSvg.format = Format::Svg;
    transparentSvg.transparent = true;
    QTest::newRow("transparent SVG") << transparentSvg << u"PNG"_s;
}

void TestRoadmapExport::invalidOptions()
{
    QFETCH(RoadmapExportOptions, options);
    QFETCH(QString, expected);
    QVERIFY2(options.validate().contains(expected), qPrintable(options.validate()));
    RoadmapExporter exporter(m_model.get(), options);
    const QString file = path(u"x."_s + RoadmapExportOptions::suffix(options.format));
    QVERIFY(!exporter.exportTo(file));
    QVERIFY(exporter.errorString().contains(expected));
    QVERIFY(!QFile::exists(file));
}

void TestRoadmapExport::screenSceneIsUntouched()
{
    RoadmapScene screen(m_model.get());
    screen.setTheme(StudioTheme::byIdOrDefault(u"light"_s));
    const QRectF rect = screen.sceneRect();
    RoadmapExportOptions export_ = options(Format::Png);
    export_.themeId = u"projector"_s;
    export_.showProgress = false;
    export_.transparent = true;
    RoadmapExporter exporter(m_model.get(), export_);
    QVERIFY(exporter.exportTo(path(u"map.png"_s)));
    QVERIFY(exporter.scene() != &screen);
    QCOMPARE(screen.theme().id, u"light"_s);
    QVERIFY(screen.showProgress());
    QCOMPARE(screen.sceneRect(), rect);
    QCOMPARE(screen.backgroundBrush().color(), screen.theme().background);
}

void TestRoadmapExport::dialogExports()
{
    RoadmapExportDialog dialog(m_model.get(), u"dark"_s, false);
    QCOMPARE(dialog.options().themeId, u"dark"_s);
    QVERIFY(!dialog.options().showProgress);
    dialog.setFormat(Format::Svg);
    QCOMPARE(dialog.options().format, Format::Svg);
    QVERIFY(dialog.suggestedPath().endsWith(u"/roadmap.svg"_s));
    QVERIFY(QDir(m_dir->path()).mkdir(u"exports"_s));
    QVERIFY(dialog.exportTo(path(u"exports/map.svg"_s)));
    QVERIFY(readSvg(path(u"exports/map.svg"_s)).valid);

    // The next export starts where this one went, in the same format.
    RoadmapExportDialog next(m_model.get(), u"light"_s, true);
    QCOMPARE(next.options().format, Format::Svg);
    QCOMPARE(next.suggestedPath(), path(u"exports/roadmap.svg"_s));
}

QTEST_MAIN(TestRoadmapExport)
#include "tst_roadmapexport.moc"
