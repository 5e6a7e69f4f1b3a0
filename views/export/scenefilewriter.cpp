#include "export/scenefilewriter.h"

#include "export/pngstreamwriter.h"
#include "export/scenebands.h"
#include "support/bytesizes.h"

#include <QGraphicsScene>
#include <QIODevice>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace SceneFileWriter {

namespace {

// Viewers refuse PDF pages larger than 200 inches a side.
constexpr double MaxPdfPagePoints = 200 * 72;
// One PNG band stays within this, however wide the image.
constexpr qint64 MaxBandBytes = 64 * MiB;

bool failWith(QString *error, const QString &problem)
{
    if (error)
        *error = problem;
    return false;
}

} // namespace

bool writePng(QGraphicsScene *scene,
              const Image &image,
              QIODevice *device,
              const Progress &progress,
              QString *error)
{
    const QSize size = SceneBands::imageSize(image.source, image.scale);
    const int rows = SceneBands::bandHeight(size.width(), image.maxBandRows, MaxBandBytes);
    const int bands = (size.height() + rows - 1) / rows;
    const bool transparent = image.fill.alpha() < 255;
    PngStreamWriter png(device);
    // 96 dpi at scale 1, so a viewer shows the picture at its on-screen size.
    const int dotsPerMeter = qRound(96 / 0.0254 * image.scale);
    if (!png.begin(size, transparent, dotsPerMeter))
        return failWith(error, png.errorString());
    for (int band = 0; band < bands; ++band) {
        if (progress && !progress(band, bands))
            return failWith(error, u"cancelled"_s);
        const int top = band * rows;
        const QImage part = SceneBands::render(
            scene, image.source, image.scale, top, std::min(rows, size.height() - top), image.fill);
        if (!png.writeRows(part))
            return failWith(error, png.errorString());
    }
    if (!png.finish())
        return failWith(error, png.errorString());
    return !progress || progress(bands, bands) || failWith(error, u"cancelled"_s);
}

bool writeSvg(QGraphicsScene *scene,
              const QRectF &source,
              const QString &title,
              const QString &description,
              QIODevice *device,
              QString *error)
{
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(SceneBands::imageSize(source, 1));
    generator.setResolution(96); // the width and height in mm show it at on-screen size
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title);
    generator.setDescription(description);
    QPainter painter;
    if (!painter.begin(&generator))
        return failWith(error, device->errorString());
    scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return true;
}

bool writePdf(QGraphicsScene *scene,
              const QRectF &source,
              const QString &title,
              QIODevice *device,
              QString *error)
{
    // One scene unit is one point, unless that would make the page too large to open.
    const double shrink
        = std::min(1.0, MaxPdfPagePoints / std::max(source.width(), source.height()));
    QPdfWriter writer(device);
    writer.setTitle(title);
    writer.setCreator(u"MLOps Roadmap Studio"_s);
    writer.setPageSize(
        QPageSize(source.size() * shrink, QPageSize::Point, title, QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return failWith(error, device->errorString());
    scene->render(
        &painter, QRectF(0, 0, writer.width(), writer.height()), source, Qt::KeepAspectRatio);
    painter.end();
    return true;
}

} // namespace SceneFileWriter
