#include "export/scenebands.h"

#include <QGraphicsScene>
#include <QPainter>

#include <cmath>

namespace SceneBands {

QSize imageSize(const QRectF &source, double scale)
{
    return QSize(int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale)));
}

QImage render(QGraphicsScene *scene,
              const QRectF &source,
              double scale,
              int top,
              int height,
              const QColor &fill)
{
    const int width = imageSize(source, scale).width();
    QImage band(width, height, QImage::Format_ARGB32_Premultiplied);
    band.fill(fill);
    QPainter painter(&band);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                           | QPainter::SmoothPixmapTransform);
    // Only the items that reach into this band are painted.
    const QRectF bandSource(
        source.left(), source.top() + top / scale, width / scale, height / scale);
    scene->render(&painter, QRectF(0, 0, width, height), bandSource, Qt::IgnoreAspectRatio);
    return band;
}

int bandHeight(int imageWidth, int maxRows, qint64 maxBytes)
{
    const qint64 rowBytes = qint64(std::max(1, imageWidth)) * 4;
    return int(std::clamp<qint64>(maxBytes / rowBytes, 1, std::max(1, maxRows)));
}

} // namespace SceneBands
