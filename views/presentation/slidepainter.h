#pragma once

#include <QPointF>
#include <QRectF>

class QPainter;
struct StudioTheme;
struct SlideLayout;

// Draws a laid-out slide (see slidelayout.h): painting only draws, the layout did the measuring.
namespace SlidePainter {

// Draws the slide with its first `shownCards` topic cards.
void paintSlide(QPainter *painter,
                const SlideLayout &slide,
                const StudioTheme &theme,
                int shownCards);
void paintHint(QPainter *painter,
               const SlideLayout &slide,
               const StudioTheme &theme,
               double opacity);
void paintLaser(QPainter *painter,
                const QPointF &at,
                const SlideLayout &slide,
                const StudioTheme &theme);
// Where the laser dot at `at` draws, glow included: what to repaint when it moves.
QRectF laserBounds(const QPointF &at, const SlideLayout &slide);

} // namespace SlidePainter
