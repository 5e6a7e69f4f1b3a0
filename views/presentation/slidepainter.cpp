#include "presentation/slidepainter.h"

#include "presentation/slidelayout.h"
#include "roadmap/roadmappainter.h"
#include "theme/studiotheme.h"

#include <QPainter>

namespace {

// The laser's glow around the dot: how much larger, and how strong.
constexpr double GlowFactor = 2.2;
constexpr double GlowOpacity = 0.3;

void drawText(QPainter *painter, const SlideText &text, const QColor &color)
{
    painter->setFont(text.font);
    painter->setPen(color);
    for (qsizetype i = 0; i < text.lines.size(); ++i)
        painter->drawText(text.baselines.at(i), text.lines.at(i));
}

void drawHeader(QPainter *painter, const SlideLayout &slide, const StudioTheme &theme)
{
    painter->fillRect(slide.header, theme.headerFill);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.headerText);
    painter->drawEllipse(slide.badge);
    painter->setFont(slide.numberFont);
    painter->setPen(theme.headerFill);
    painter->drawText(slide.badge, Qt::AlignCenter, slide.number);
    drawText(painter, slide.title, theme.headerText);
    drawText(painter, slide.objective, theme.mutedText);
}

void drawCard(QPainter *painter,
              const SlideCard &card,
              const SlideLayout &slide,
              const StudioTheme &theme)
{
    painter->setPen(QPen(theme.cardBorder, theme.borderWidth));
    painter->setBrush(theme.cardFill);
    painter->drawRoundedRect(card.rect, slide.cornerRadius, slide.cornerRadius);
    const bool showsStatus = !card.statusIcon.isEmpty();
    if (showsStatus) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme.statusColor(card.status));
        painter->drawPath(card.statusBar);
        RoadmapPainter::drawStatusIcon(painter, card.statusIcon, card.status, theme);
    }
    const bool skipped = showsStatus && card.status == TopicStatus::Skipped;
    drawText(painter, card.title, skipped ? theme.mutedText : theme.text);
    drawText(painter, card.tools, theme.tagText);
    painter->fillRect(card.divider, theme.cardBorder);
    drawText(painter, card.goals, theme.text);
}

void drawChoice(QPainter *painter,
                const SlideChoice &choice,
                const SlideLayout &slide,
                const StudioTheme &theme)
{
    // Once the answer is shown the right choice has a check mark, bold text and a thick border
    // in the "done" colour; the others turn muted. Not one of these alone carries the meaning.
    const QColor border = choice.right ? theme.statusColor(TopicStatus::Done) : theme.cardBorder;
    const double borderWidth = choice.right ? theme.borderWidth * 3 : theme.borderWidth;
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(theme.cardFill);
    painter->drawRoundedRect(choice.rect, slide.cornerRadius, slide.cornerRadius);
    const bool muted = slide.answerShown && !choice.right;
    if (choice.right) {
        RoadmapPainter::drawStatusIcon(painter, choice.marker, TopicStatus::Done, theme);
    } else {
        const QColor ink = muted ? theme.mutedText : theme.text;
        painter->setPen(QPen(ink, std::max(1.0, choice.marker.width() / 16)));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(choice.marker);
        painter->setFont(choice.letterFont);
        painter->drawText(choice.marker, Qt::AlignCenter, choice.letter);
    }
    drawText(painter, choice.text, muted ? theme.mutedText : theme.text);
}

void drawQuestion(QPainter *painter, const SlideLayout &slide, const StudioTheme &theme)
{
    drawText(painter, slide.prompt, theme.text);
    for (const SlideChoice &choice : slide.choices)
        drawChoice(painter, choice, slide, theme);
    painter->fillRect(slide.explanationDivider, theme.cardBorder);
    drawText(painter, slide.explanation, theme.text);
}

void drawFooter(QPainter *painter, const SlideLayout &slide, const StudioTheme &theme)
{
    painter->fillRect(slide.deckTrack, theme.progressTrack);
    painter->fillRect(slide.deckFill, theme.edge);
    drawText(painter, slide.footer, theme.mutedText);
    drawText(painter, slide.counter, theme.text);
}

} // namespace

namespace SlidePainter {

void paintSlide(QPainter *painter,
                const SlideLayout &slide,
                const StudioTheme &theme,
                int shownCards)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(slide.bounds, theme.background);
    drawHeader(painter, slide, theme);
    for (int i = 0; i < std::min(shownCards, int(slide.cards.size())); ++i)
        drawCard(painter, slide.cards.at(i), slide, theme);
    drawText(painter, slide.empty, theme.mutedText);
    drawQuestion(painter, slide, theme);
    drawFooter(painter, slide, theme);
    painter->restore();
}

void paintHint(QPainter *painter,
               const SlideLayout &slide,
               const StudioTheme &theme,
               double opacity)
{
    if (opacity <= 0 || slide.hint.lines.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(opacity);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.headerFill);
    const double radius = slide.hintBox.height() / 2;
    painter->drawRoundedRect(slide.hintBox, radius, radius);
    drawText(painter, slide.hint, theme.headerText);
    painter->restore();
}

void paintLaser(QPainter *painter,
                const QPointF &at,
                const SlideLayout &slide,
                const StudioTheme &theme)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor glow = theme.laser;
    glow.setAlphaF(GlowOpacity);
    painter->setBrush(glow);
    const double r = slide.laserRadius;
    painter->drawEllipse(at, r * GlowFactor, r * GlowFactor);
    painter->setBrush(theme.laser);
    painter->drawEllipse(at, r, r);
    painter->restore();
}

QRectF laserBounds(const QPointF &at, const SlideLayout &slide)
{
    const double r = slide.laserRadius * GlowFactor + 2;
    return QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r);
}

} // namespace SlidePainter
