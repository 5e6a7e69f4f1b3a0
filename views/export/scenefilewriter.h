#pragma once

#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>

class QGraphicsScene;
class QIODevice;

// Writes a part of a QGraphicsScene as PNG, SVG or a one-page PDF: the drawing half of the
// picture exports. PNGs stream in bands through libpng, so any size fits in little memory; SVG
// and PDF stay vectors (text as text). Callers (ImageExporter) own the file (AtomicFile) and
// the scene's look (theme, no caching, no effects).
namespace SceneFileWriter {

// Called with work done and total; returning false cancels.
using Progress = std::function<bool(int done, int total)>;

struct Image
{
    QRectF source;    // scene rectangle to draw
    double scale = 1; // pixels per scene unit
    QColor fill;      // under the scene's background brush; transparent for no background
    int maxBandRows = 2048;
};

// On failure (or cancel) returns false and sets `error` (without a file name).
bool writePng(QGraphicsScene *scene,
              const Image &image,
              QIODevice *device,
              const Progress &progress,
              QString *error);
bool writeSvg(QGraphicsScene *scene,
              const QRectF &source,
              const QString &title,
              const QString &description,
              QIODevice *device,
              QString *error);
// One page of the source's size in points (shrunk only past 200 inches a side), fitted.
bool writePdf(QGraphicsScene *scene,
              const QRectF &source,
              const QString &title,
              QIODevice *device,
              QString *error);

} // namespace SceneFileWriter
