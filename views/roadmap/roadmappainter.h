#pragma once

#include "curriculum/topicstatus.h"

#include <QRectF>
#include <QString>
#include <QStringList>

class QFont;
class QPainter;
struct StudioTheme;

// Drawing helpers shared by the roadmap items, so the map on screen, its exports and the
// presentation look the same. Text layout is done ahead of painting (wrapText).
namespace RoadmapPainter {

// Each status has its own shape as well as its colour: an empty circle (pending), a half-filled
// circle (learning), a filled circle with a check mark (done), a struck-through circle (skipped).
void drawStatusIcon(QPainter *painter,
                    const QRectF &rect,
                    TopicStatus status,
                    const StudioTheme &theme);

// Mastery as a ring filled clockwise from twelve o'clock by the share remembered, over a track
// for the rest. The ring's extent tells the share; the caller writes the figures beside it, so
// it never depends on colour alone.
void drawMasteryRing(QPainter *painter, const QRectF &rect, double share, const StudioTheme &theme);

// Splits `text` into at most `maxLines` lines no wider than `width`; the last line is elided.
QStringList wrapText(const QString &text, const QFont &font, double width, int maxLines);

} // namespace RoadmapPainter
