#include "pipeline/pipelinelegibility.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>
#include <limits>

namespace PipelineLegibility {

namespace {

// Scene units are device-independent pixels at 100%; a font set in points has 96/72 of them.
double emPixels(const QFont &font)
{
    return font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96.0 / 72.0;
}

double effectiveScale(double levelOfDetail, double devicePixelRatio)
{
    return levelOfDetail * std::min(1.0, devicePixelRatio);
}

// A label is measured once at this size and scaled: advances and line spacing of an unhinted
// font grow in proportion to its size.
constexpr int ReferencePixels = 100;

} // namespace

double glyphPixels(double levelOfDetail, double devicePixelRatio, const QFont &font)
{
    return emPixels(font) * effectiveScale(levelOfDetail, devicePixelRatio);
}

bool readable(double levelOfDetail, double devicePixelRatio, const QFont &font)
{
    return glyphPixels(levelOfDetail, devicePixelRatio, font) >= MinimumGlyphPixels;
}

double readableScale(const QFont &font)
{
    return MinimumGlyphPixels / emPixels(font);
}

double levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    const QPaintEngine *engine = painter->paintEngine();
    if (engine && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf))
        return std::numeric_limits<double>::infinity();
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

double devicePixelRatio(const QPainter *painter)
{
    const QPaintDevice *device = painter->device();
    return device ? device->devicePixelRatio() : 1.0;
}

QFont labelFont(const QFont &base, double levelOfDetail, double devicePixelRatio)
{
    QFont font = base;
    font.setBold(true);
    const double scale = effectiveScale(levelOfDetail, devicePixelRatio);
    const double wanted = scale > 0 ? std::ceil(MinimumGlyphPixels / scale) : emPixels(base);
    font.setPixelSize(int(std::min(std::max(wanted, emPixels(base)), 1e6)));
    return font;
}

double labelScale(const QFont &base, const QSizeF &room)
{
    QFont font = base;
    font.setBold(true);
    font.setPixelSize(ReferencePixels);
    const QFontMetricsF metrics(font);
    const double perPixelWidth = metrics.averageCharWidth() / ReferencePixels;
    const double perPixelLine = metrics.lineSpacing() / ReferencePixels;
    // labelFont() rounds its size up to whole pixels: the largest whole size that fits.
    const double largest = std::floor(std::min(
        room.width() / (MinimumLabelCharacters * perPixelWidth), room.height() / perPixelLine));
    if (largest < 1)
        return std::numeric_limits<double>::infinity();
    return MinimumGlyphPixels / largest;
}

bool labelFits(double levelOfDetail, double devicePixelRatio, double scale)
{
    return effectiveScale(levelOfDetail, devicePixelRatio) >= scale;
}

} // namespace PipelineLegibility
