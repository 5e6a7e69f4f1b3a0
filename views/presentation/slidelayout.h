#pragma once

#include "curriculum/topicstatus.h"

#include <QFont>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QStringList>

struct StudioTheme;
struct Section;

// Text already wrapped and placed, so painting a slide only draws.
struct SlideText
{
    QFont font;
    QStringList lines;
    QList<QPointF> baselines;
    double bottom = 0; // below the last line

    // Whether the lines hold all of `text`, not elided and with no word cut in two.
    bool showsWhole(const QString &text) const;
};

struct SlideCard
{
    QRectF rect;
    QPainterPath statusBar; // empty when progress is hidden
    QRectF statusIcon;      // empty when progress is hidden
    TopicStatus status = TopicStatus::Pending;
    SlideText title;
    SlideText tools;
    QRectF divider;
    SlideText goals;
};

// What a slide shows: one section, its topics' statuses and the footer's words.
struct SlideContent
{
    const Section *section = nullptr;
    QList<TopicStatus> statuses; // one per topic of the section
    bool showProgress = true;
    int index = 0; // of the section in the presentation
    int count = 1;
    QString counter;
    QString footer;
    QString emptyText; // shown for a section without topics
    QString hint;
};

// A slide for one screen size: every rectangle, font and line computed once, when the section,
// the screen or the options change.
struct SlideLayout
{
    double scale = 1;
    QRectF bounds;
    QRectF header;
    QRectF badge;
    QFont numberFont;
    QString number;
    SlideText title;
    SlideText objective;
    QList<SlideCard> cards;
    SlideText empty;
    SlideText footer;
    SlideText counter;
    QRectF deckTrack;
    QRectF deckFill;
    QRectF hintBox;
    SlideText hint;
    double laserRadius = 0;
    double cornerRadius = 0;
};

SlideLayout layoutSlide(const SlideContent &content, const QSizeF &size, const StudioTheme &theme);
