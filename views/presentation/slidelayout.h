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
struct SelfCheckQuestion;

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

// One choice of a question slide.
struct SlideChoice
{
    QRectF rect;
    QRectF marker; // a lettered circle, a check mark on the right answer once it is shown
    QFont letterFont;
    QString letter;
    SlideText text;     // bold on the right answer once it is shown
    bool right = false; // known only once the answer is shown
};

// What a slide shows: one section, its topics' statuses and the footer's words; or, with a
// question, that question instead of the topics.
struct SlideContent
{
    const Section *section = nullptr;
    const SelfCheckQuestion *question = nullptr;
    QString questionHeading; // under the section's title, in place of its objective
    bool answerShown = false;
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
    SlideText prompt;
    QList<SlideChoice> choices;
    bool answerShown = false;
    QRectF explanationDivider; // empty until the answer is shown
    SlideText explanation;     // empty until the answer is shown
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
