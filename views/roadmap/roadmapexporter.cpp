#include "roadmap/roadmapexporter.h"

#include "progress/curriculummodel.h"
#include "roadmap/roadmaphandout.h"
#include "roadmap/roadmapscene.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace {

QString documentTitle(const CurriculumModel *model)
{
    const QString title = model->curriculum().title;
    return title.isEmpty() ? RoadmapExporter::tr("MLOps roadmap") : title;
}

using Format = RoadmapExportOptions::Format;

} // namespace

RoadmapExporter::RoadmapExporter(CurriculumModel *model, const RoadmapExportOptions &options)
    : m_options(options)
    , m_model(model)
    , m_scene(std::make_unique<RoadmapScene>(model))
{
    m_scene->setTheme(StudioTheme::byIdOrDefault(options.themeId));
    m_scene->setShowProgress(options.showProgress);
    prepareScene(m_scene.get(), options.transparent);
}

RoadmapExporter::~RoadmapExporter() = default;

QSize RoadmapExporter::outputSize() const
{
    return m_options.outputSize(m_scene->sceneRect());
}

int RoadmapExporter::pageCount() const
{
    switch (m_options.format) {
    case Format::PdfPoster:
        return 1;
    case Format::PdfHandout:
        return 1 + int(m_model->curriculum().sections.size());
    case Format::Png:
    case Format::Svg:
    case Format::Mermaid:
        break;
    }
    return 0;
}

QString RoadmapExporter::problem() const
{
    return m_options.validate();
}

bool RoadmapExporter::write(QIODevice *device)
{
    const QRectF source = m_scene->sceneRect();
    switch (m_options.format) {
    case Format::Png: {
        SceneFileWriter::Image image = m_options.pngImage(source, m_scene->theme().background);
        image.maxBandRows = m_options.bandHeight;
        return writePng(m_scene.get(), image, device);
    }
    case Format::Svg:
        return inOneStep([&] {
            return writeSvg(m_scene.get(),
                            source,
                            documentTitle(m_model),
                            tr("Roadmap exported by MLOps Roadmap Studio"),
                            device);
        });
    case Format::PdfPoster:
        return inOneStep(
            [&] { return writePdf(m_scene.get(), source, documentTitle(m_model), device); });
    case Format::PdfHandout:
        return writeHandout(device);
    case Format::Mermaid:
        break;
    }
    return fail(tr("unknown format"));
}

bool RoadmapExporter::inOneStep(const std::function<bool()> &draw)
{
    return report(0, 1) && draw() && report(1, 1);
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
