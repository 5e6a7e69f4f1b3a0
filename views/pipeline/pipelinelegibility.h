#pragma once

#include <QFont>
#include <QSizeF>

class QPainter;
class QStyleOptionGraphicsItem;

// When canvas text can be read, written once: the node, note and frame items, the fit to view
// and the diagram exports all ask here, so a name is drawn at every zoom where it can be read
// and a zoom is never called readable where nothing can be.
//
// The measure is the font's em (its pixel size) on screen, not its x-height or cap height. The
// vision science measures print by x-height: MNREAD defines 0 logMAR as an x-height of 5 arc
// minutes, and reading stops near that acuity limit, about half the "critical print size" of
// fluent reading (Legge & Bigelow, "Does print size matter for reading?", Journal of Vision
// 11(5):8, 2011, https://jov.arvojournals.org/article.aspx?articleid=2191906). But the canvas
// draws one family (DejaVu Sans, x-height 0.55 em) in fonts the theme sets in pixels, so the em
// is the x-height times a constant: it is what the theme writes, it needs no font engine metric
// (which hinting and platforms round differently), and it is what the user sees change. A 7 px
// em has a 3.8 px x-height: about 1 mm on a 96 dpi screen, 5.8 arc minutes at 60 cm, just above
// that acuity limit (0.06 logMAR). Smaller glyphs are blots; larger ones read easily.
namespace PipelineLegibility {

// The smallest em, in device-independent pixels, that can still be read.
inline constexpr double MinimumGlyphPixels = 7;
// A simplified label names a stage only if a line of it holds this many average characters
// ("Evaluate", "Train mo…"): fewer, and the label is an ellipsis in a box.
inline constexpr int MinimumLabelCharacters = 8;

// The em of `font` on screen, in device-independent pixels, at `levelOfDetail` (screen pixels
// per scene unit, QStyleOptionGraphicsItem::levelOfDetailFromTransform) on a device of
// `devicePixelRatio`. A device-independent pixel is about the same size on every screen (that
// is what the ratio is for), so a ratio above 1 does not make smaller glyphs readable: it only
// draws the same glyph with more pixels, and the limit is the eye's, not the raster's. A ratio
// below 1 (a thumbnail) has fewer pixels than that, and the raster becomes the limit.
double glyphPixels(double levelOfDetail, double devicePixelRatio, const QFont &font);
bool readable(double levelOfDetail, double devicePixelRatio, const QFont &font);
// The smallest level of detail at which `font` is readable on a device of ratio 1 or more.
double readableScale(const QFont &font);

// The level of detail an item's paint() should use: the painter's scale, or unbounded for
// vector output (SVG, PDF, printing), which the reader zooms at will, so every word is there.
double levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter);
double devicePixelRatio(const QPainter *painter);

// The simplified label's font, as maps draw place names: `base` in bold, as many scene units
// high as make it MinimumGlyphPixels on screen, never smaller than `base`.
QFont labelFont(const QFont &base, double levelOfDetail, double devicePixelRatio);
// The smallest level of detail (device ratio 1 or more) at which a label of labelFont(base)
// fits `room` (scene units): one line of MinimumLabelCharacters. Below it, plain shapes.
double labelScale(const QFont &base, const QSizeF &room);
// Whether a label whose labelScale() is `scale` can be drawn at `levelOfDetail`.
bool labelFits(double levelOfDetail, double devicePixelRatio, double scale);

} // namespace PipelineLegibility
