#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QSize>

class QGraphicsScene;

// A scene rendered as an image one horizontal band at a time, so the whole image never has to
// be in memory. Every band uses the same scene-to-pixel mapping shifted by whole pixels, so
// bands put side by side are seamless.
namespace SceneBands {

// ceil(scale × source size): the image covers all of the source.
QSize imageSize(const QRectF &source, double scale);
// Pixel rows [top, top + height) of the image of `source` at `scale`, over `fill` (which may be
// transparent). The scene's own background brush is drawn over the fill.
QImage render(QGraphicsScene *scene,
              const QRectF &source,
              double scale,
              int top,
              int height,
              const QColor &fill);
// Rows per band so that one band stays within about `maxBytes`, and at most `maxRows`.
int bandHeight(int imageWidth, int maxRows, qint64 maxBytes);

} // namespace SceneBands
