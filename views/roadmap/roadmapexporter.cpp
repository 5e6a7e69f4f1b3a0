#include "roadmap/roadmapexporter.h"

#include "export/scenebands.h"
#include "export/scenefilewriter.h"
#include "progress/curriculummodel.h"
#include "roadmap/roadmaphandout.h"
#include "roadmap/roadmapscene.h"
#include "support/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace {

QString displayPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString documentTitle(const CurriculumModel *model)
{
    const QString title = model->curriculum().title;
    return title.isEmpty() ? QCoreApplication::translate("RoadmapExporter", "MLOps roadmap")
                           : title;
}

} // namespace

RoadmapExporter::RoadmapExporter(CurriculumModel *model, const RoadmapExportOptions &options)
    : m_options(options)
    , m_model(model)
    , m_scene(std::make_unique<RoadmapScene>(model))
{
    m_scene->setTheme(StudioTheme::byIdOrDefault(options.themeId));
    m_scene->setShowProgress(options.showProgress);
    if (options.transparent)
        m_scene->setBackgroundBrush(Qt::NoBrush);
    // Cached items and effects reach SVG and PDF as bitmaps: the export draws everything as
    // vectors, whatever the screen uses.
    for (QGraphicsItem *item : m_scene->items()) {
        item->setCacheMode(QGraphicsItem::NoCache);
        item->setGraphicsEffect(nullptr);
    }
}

RoadmapExporter::~RoadmapExporter() = default;

QSize RoadmapExporter::outputSize() const
{
    const double scale
        = m_options.format == RoadmapExportOptions::Format::Png ? m_options.scale : 1.0;
    return SceneBands::imageSize(m_scene->sceneRect(), scale);
}

int RoadmapExporter::pageCount() const
{
    switch (m_options.format) {
    case RoadmapExportOptions::Format::PdfPoster:
        return 1;
    case RoadmapExportOptions::Format::PdfHandout:
        return 1 + int(m_model->curriculum().sections.size());
    case RoadmapExportOptions::Format::Png:
    case RoadmapExportOptions::Format::Svg:
        break;
    }
    return 0;
}

bool RoadmapExporter::exportTo(const QString &path, const Progress &progress)
{
    m_path = path;
    m_progress = progress;
    m_error.clear();
    m_cancelled = false;
    const QString problem = m_options.validate();
    if (!problem.isEmpty())
        return fail(problem);
    const QString pathProblem = AtomicFile::checkOutputPath(path);
    if (!pathProblem.isEmpty()) {
        m_error = pathProblem;
        return false;
    }
    QString fileError;
    if (AtomicFile::writeAtomically(
            path, [this](QIODevice *device) { return write(device); }, &fileError))
        return true;
    return fileError.isEmpty() ? false : fail(fileError);
}

bool RoadmapExporter::write(QIODevice *device)
{
    switch (m_options.format) {
    case RoadmapExportOptions::Format::Png:
        return writePng(device);
    case RoadmapExportOptions::Format::Svg:
        return writeSvg(device);
    case RoadmapExportOptions::Format::PdfPoster:
        return writePoster(device);
    case RoadmapExportOptions::Format::PdfHandout:
        return writeHandout(device);
    }
    return fail(u"unknown format"_s);
}

bool RoadmapExporter::writePng(QIODevice *device)
{
    SceneFileWriter::Image image;
    image.source = m_scene->sceneRect();
    image.scale = m_options.scale;
    image.fill = m_options.transparent ? QColor(Qt::transparent) : m_scene->theme().background;
    image.maxBandRows = m_options.bandHeight;
    QString error;
    if (SceneFileWriter::writePng(
            m_scene.get(),
            image,
            device,
            [this](int done, int total) { return report(done, total); },
            &error))
        return true;
    return m_cancelled ? false : fail(error);
}

bool RoadmapExporter::writeSvg(QIODevice *device)
{
    if (!report(0, 1))
        return false;
    QString error;
    if (!SceneFileWriter::writeSvg(
            m_scene.get(),
            m_scene->sceneRect(),
            documentTitle(m_model),
            QCoreApplication::translate("RoadmapExporter",
                                        "Roadmap exported by MLOps Roadmap Studio"),
            device,
            &error))
        return fail(error);
    return report(1, 1);
}

bool RoadmapExporter::writePoster(QIODevice *device)
{
    if (!report(0, 1))
        return false;
    QString error;
    if (!SceneFileWriter::writePdf(
            m_scene.get(), m_scene->sceneRect(), documentTitle(m_model), device, &error))
        return fail(error);
    return report(1, 1);
}

bool RoadmapExporter::writeHandout(QIODevice *device)
{
    const RoadmapHandout handout(m_model, m_options.showProgress);
    QPdfWriter writer(device);
    writer.setTitle(documentTitle(m_model));
    writer.setCreator(u"MLOps Roadmap Studio"_s);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(device->errorString());
    const int pages = handout.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (!report(page, pages))
            return false;
        if (page > 0)
            writer.newPage();
        handout.paintPage(&painter, page, QSizeF(writer.width(), writer.height()));
    }
    painter.end();
    return report(pages, pages);
}

bool RoadmapExporter::report(int done, int total)
{
    if (!m_progress || m_progress(done, total))
        return true;
    m_cancelled = true;
    m_error = u"%1: the export was cancelled"_s.arg(displayPath(m_path));
    return false;
}

bool RoadmapExporter::fail(const QString &problem)
{
    m_error = u"%1: %2"_s.arg(displayPath(m_path), problem);
    return false;
}
