#include "presentation/slidelayout.h"

#include "curriculum/curriculum.h"
#include "roadmap/roadmappainter.h"
#include "theme/studiotheme.h"

#include <QFontMetricsF>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// The theme's slide sizes are for a screen 1080 pixels high; other screens scale them. Screens
// narrower than 4:3 scale by their width instead, so a title still fits on two lines.
constexpr double ReferenceWidth = 1440;
constexpr double ReferenceHeight = 1080;
// Cards read best a little wider than high: the grid aims at this width to height ratio.
constexpr double CardAspect = 1.5;
constexpr int SmallestFont = 9;
constexpr int MaxGoalLines = 8;
constexpr double MaxTextBoost = 2.0;
constexpr double BoostStep = 0.1;
// A question's text scale: the theme's size grows up to the first when the question is short,
// shrinks down to the second when it is long. Past the line limits text is cut short.
constexpr double MaxQuestionBoost = 1.4;
constexpr double MinQuestionScale = 0.5;
constexpr int MaxPromptLines = 6;
constexpr int MaxChoiceLines = 3;
constexpr int MaxExplanationLines = 8;
// Unlimited height: the line limits decide.
constexpr double Unbounded = 1e6;

// The theme's slide metrics at one slide's scale.
struct Scaled
{
    const StudioTheme &theme;
    double scale;

    const SlideMetrics &metrics() const { return theme.slide; }
    double px(double size) const { return size * scale; }
    double cornerRadius() const { return std::max(theme.cornerRadius, px(theme.cornerRadius * 2)); }
    QFont font(int size, bool bold = false) const
    {
        return theme.font(std::max(SmallestFont, int(std::lround(size * scale))), bold);
    }
};

enum class Align { Left, Centre, Right };

SlideText placeText(const QString &text,
                    const QFont &font,
                    const QRectF &box,
                    int maxLines,
                    Align align = Align::Left)
{
    SlideText placed;
    placed.font = font;
    const QFontMetricsF metrics(font);
    // A box made to hold n lines must hold n, whatever the rounding.
    const int fitting = int(box.height() / metrics.lineSpacing() + 0.001);
    placed.lines = RoadmapPainter::wrapText(text, font, box.width(), std::min(maxLines, fitting));
    double y = box.top();
    for (const QString &line : std::as_const(placed.lines)) {
        const double width = metrics.horizontalAdvance(line);
        double x = box.left();
        if (align == Align::Centre)
            x = box.center().x() - width / 2;
        else if (align == Align::Right)
            x = box.right() - width;
        placed.baselines << QPointF(x, y + metrics.ascent());
        y += metrics.lineSpacing();
    }
    placed.bottom = y;
    return placed;
}

} // namespace

bool SlideText::showsWhole(const QString &text) const
{
    qsizetype at = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (QStringView(text).mid(at, line.size()) != line)
            return false; // elided
        at += line.size();
        const bool breaksBetweenWords = at >= text.size() || text.at(at).isSpace()
                                        || line.endsWith(u'/') || line.endsWith(u'-');
        if (!breaksBetweenWords)
            return false;
        while (at < text.size() && text.at(at).isSpace())
            ++at;
    }
    return at == text.size();
}

namespace {

void moveDown(SlideText &text, double dy)
{
    for (QPointF &baseline : text.baselines)
        baseline.ry() += dy;
    text.bottom += dy;
}

// Returns the bottom of the header and objective.
double layoutHeader(SlideLayout &slide, const SlideContent &content, double width, const Scaled &s)
{
    const SlideMetrics &m = s.metrics();
    const double margin = s.px(m.margin);
    slide.numberFont = s.font(m.numberSize, true);
    slide.number = QString::number(content.section->number);
    const QFont titleFont = s.font(m.titleSize, true);
    const double lineSpacing = QFontMetricsF(titleFont).lineSpacing();
    const double badge = std::max(QFontMetricsF(slide.numberFont).height() * 1.5, lineSpacing);
    const double left = margin + badge + s.px(m.gap) * 0.75;
    const double pad = margin * 0.5;
    slide.title = placeText(content.section->title,
                            titleFont,
                            QRectF(left, 0, width - margin - left, lineSpacing * 2),
                            2);
    const double inner = std::max(badge, slide.title.bottom);
    moveDown(slide.title, pad + (inner - slide.title.bottom) / 2);
    slide.badge = QRectF(margin, pad + (inner - badge) / 2, badge, badge);
    slide.header = QRectF(0, 0, width, inner + 2 * pad);

    const QFont objectiveFont = s.font(m.objectiveSize);
    const double top = slide.header.bottom() + s.px(m.gap) * 0.75;
    const QRectF box(
        margin, top, width - 2 * margin, QFontMetricsF(objectiveFont).lineSpacing() * 2);
    const QString &subtitle
        = content.question ? content.questionHeading : content.section->objective;
    slide.objective = placeText(subtitle, objectiveFont, box, 2);
    return std::max(slide.objective.bottom, slide.header.bottom());
}

// Returns the top of the footer.
double
layoutFooter(SlideLayout &slide, const SlideContent &content, const QSizeF &size, const Scaled &s)
{
    const SlideMetrics &m = s.metrics();
    const double margin = s.px(m.margin);
    const double track = std::max(3.0, s.px(8));
    slide.deckTrack = QRectF(0, size.height() - track, size.width(), track);
    slide.deckFill = slide.deckTrack;
    slide.deckFill.setWidth(size.width() * (content.index + 1) / std::max(1, content.count));

    const QFont font = s.font(m.footerSize);
    const QFont bold = s.font(m.footerSize, true);
    const double lineSpacing = QFontMetricsF(font).lineSpacing();
    const QRectF box(margin,
                     slide.deckTrack.top() - margin * 0.4 - lineSpacing,
                     size.width() - 2 * margin,
                     lineSpacing);
    slide.counter = placeText(content.counter, bold, box, 1, Align::Right);
    const double counterWidth = QFontMetricsF(bold).horizontalAdvance(content.counter);
    slide.footer
        = placeText(content.footer, font, box.adjusted(0, 0, -counterWidth - s.px(m.gap), 0), 1);
    return box.top();
}

void layoutHint(SlideLayout &slide,
                const SlideContent &content,
                const QSizeF &size,
                double bottom,
                const Scaled &s)
{
    const SlideMetrics &m = s.metrics();
    const QFont font = s.font(m.footerSize);
    const QFontMetricsF metrics(font);
    const double padding = s.px(m.padding);
    const double width
        = std::min(size.width() - 2 * s.px(m.margin),
                   std::ceil(metrics.horizontalAdvance(content.hint)) + 2 * padding + 2);
    const double height = metrics.lineSpacing() + padding;
    slide.hintBox
        = QRectF((size.width() - width) / 2, bottom - s.px(m.gap) / 2 - height, width, height);
    const QRectF text = slide.hintBox.adjusted(padding, padding / 2, -padding, -padding / 2);
    slide.hint = placeText(content.hint, font, text, 1, Align::Centre);
}

SlideCard layoutCard(
    const Topic &topic, TopicStatus status, const QRectF &rect, bool showProgress, const Scaled &s)
{
    const SlideMetrics &m = s.metrics();
    const double padding = s.px(m.padding);
    SlideCard card;
    card.rect = rect;
    card.status = status;
    const double bar
        = showProgress ? std::max(s.theme.statusBarWidth, s.px(s.theme.statusBarWidth * 1.5)) : 0;
    const QRectF inner = rect.adjusted(bar + padding, padding * 0.8, -padding, -padding * 0.8);
    const QFont titleFont = s.font(m.cardTitleSize, true);
    const QFontMetricsF titleMetrics(titleFont);
    double titleLeft = inner.left();
    if (showProgress) {
        const double icon = titleMetrics.ascent();
        const double top = inner.top() + (titleMetrics.lineSpacing() - icon) / 2;
        card.statusIcon = QRectF(inner.left(), top, icon, icon);
        titleLeft += icon + padding * 0.5;
        QPainterPath outline;
        outline.addRoundedRect(rect, s.cornerRadius(), s.cornerRadius());
        QPainterPath strip;
        strip.addRect(QRectF(rect.topLeft(), QSizeF(bar, rect.height())));
        card.statusBar = outline.intersected(strip);
    }
    const QRectF titleBox(titleLeft, inner.top(), inner.right() - titleLeft, inner.height());
    card.title = placeText(topic.title, titleFont, titleBox, 2);
    double y = card.title.bottom;
    const QFont textFont = s.font(m.cardTextSize);
    if (!topic.tags.isEmpty()) {
        const QRectF box(inner.left(), y + padding * 0.25, inner.width(), inner.bottom() - y);
        card.tools = placeText(topic.tags.join(u" · "_s), s.font(m.cardTextSize, true), box, 2);
        y = card.tools.bottom;
    }
    y += padding * 0.5;
    card.divider = QRectF(inner.left(), y, inner.width(), std::max(1.0, s.theme.borderWidth / 2));
    y += padding * 0.5;
    const QRectF goalsBox(inner.left(), y, inner.width(), inner.bottom() - y);
    card.goals = placeText(topic.goals, textFont, goalsBox, MaxGoalLines);
    return card;
}

double naturalHeight(const SlideCard &card, const Scaled &s)
{
    const double bottom = card.goals.lines.isEmpty() ? card.divider.top() : card.goals.bottom;
    return bottom + s.px(s.metrics().padding) * 0.8 - card.rect.top();
}

struct Grid
{
    int columns = 1;
    QSizeF cell;
};

// The column count that gives the largest cards of the wanted shape.
Grid chooseGrid(int count, const QRectF &area, double gap)
{
    Grid best;
    double bestScore = -1;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const QSizeF cell((area.width() - (columns - 1) * gap) / columns,
                          (area.height() - (rows - 1) * gap) / rows);
        const double score = std::min(cell.width() / CardAspect, cell.height());
        if (score > bestScore) {
            best = {columns, cell};
            bestScore = score;
        }
    }
    return best;
}

// How high the cards must be to show all their text at one text size; nothing when they do
// not fit the cell or a title needs more than its two lines.
std::optional<double> cardsHeight(const QList<Topic> &topics,
                                  const QSizeF &cell,
                                  const SlideContent &content,
                                  const Scaled &s)
{
    double height = 0;
    for (qsizetype i = 0; i < topics.size(); ++i) {
        // Measured without a height limit, so nothing is cut short.
        const QRectF unlimited(0, 0, cell.width(), 1e6);
        const SlideCard card
            = layoutCard(topics.at(i), TopicStatus::Pending, unlimited, content.showProgress, s);
        if (!card.title.showsWhole(topics.at(i).title))
            return std::nullopt;
        height = std::max(height, naturalHeight(card, s));
    }
    if (height > cell.height())
        return std::nullopt;
    return height;
}

void layoutEmpty(SlideLayout &slide,
                 const SlideContent &content,
                 const QRectF &area,
                 const Scaled &s)
{
    const QFont font = s.font(s.metrics().objectiveSize);
    const double lineSpacing = QFontMetricsF(font).lineSpacing();
    const QRectF box(area.left(), area.center().y() - lineSpacing, area.width(), 2 * lineSpacing);
    slide.empty = placeText(content.emptyText, font, box, 2, Align::Centre);
}

void layoutCards(SlideLayout &slide,
                 const SlideContent &content,
                 const QRectF &area,
                 const Scaled &s)
{
    const QList<Topic> &topics = content.section->topics;
    const int count = int(topics.size());
    if (count == 0)
        return layoutEmpty(slide, content, area, s);
    const double gap = s.px(s.metrics().gap);
    const Grid grid = chooseGrid(count, area, gap);
    // Few topics leave room: their text grows to fill it, up to the size of the slide title.
    const SlideMetrics &m = s.metrics();
    const double maxBoost
        = std::max(1.0, std::min(MaxTextBoost, double(m.titleSize) / m.cardTitleSize));
    Scaled cards = s;
    double height = grid.cell.height();
    for (int step = int((maxBoost - 1.0) / BoostStep); step >= 0; --step) {
        cards.scale = s.scale * (1.0 + step * BoostStep);
        if (const std::optional<double> fits = cardsHeight(topics, grid.cell, content, cards)) {
            height = *fits;
            break;
        }
        cards.scale = s.scale; // nothing fits: the theme's size, with goals cut short
    }
    const int rows = (count + grid.columns - 1) / grid.columns;
    // Slightly above the middle of the free space, where the eye expects it.
    const double top = area.top() + (area.height() - rows * height - (rows - 1) * gap) * 0.35;
    for (int i = 0; i < count; ++i) {
        const int row = i / grid.columns;
        const int inRow = std::min(grid.columns, count - row * grid.columns);
        const double rowWidth = inRow * grid.cell.width() + (inRow - 1) * gap;
        const double left = area.left() + (area.width() - rowWidth) / 2
                            + (i % grid.columns) * (grid.cell.width() + gap);
        const QRectF rect(left, top + row * (height + gap), grid.cell.width(), height);
        const TopicStatus status = content.statuses.value(i, TopicStatus::Pending);
        slide.cards << layoutCard(topics.at(i), status, rect, content.showProgress, cards);
    }
}

// Places the question at one text scale from the top of `area`; returns the bottom of what it
// placed. The explanation's room is kept before the answer is shown, and every choice is
// measured in bold, as the right one is drawn once shown: showing the answer moves nothing.
double
placeQuestion(SlideLayout &slide, const SlideContent &content, const QRectF &area, const Scaled &s)
{
    const SelfCheckQuestion &question = *content.question;
    const SlideMetrics &m = s.metrics();
    const double padding = s.px(m.padding);
    const double gap = s.px(m.gap);
    slide.prompt = placeText(question.prompt,
                             s.font(m.cardTitleSize, true),
                             QRectF(area.left(), area.top(), area.width(), Unbounded),
                             MaxPromptLines);
    double y = slide.prompt.bottom + gap;
    const QFont plain = s.font(m.cardTextSize);
    const QFont bold = s.font(m.cardTextSize, true);
    const double marker = QFontMetricsF(bold).lineSpacing() * 1.25;
    const double textLeft = area.left() + padding * 1.75 + marker;
    slide.choices.clear();
    for (qsizetype i = 0; i < question.choices.size(); ++i) {
        const QString &text = question.choices.at(i);
        SlideChoice choice;
        choice.right = content.answerShown && i == question.answer;
        const QRectF box(textLeft, 0, area.right() - padding - textLeft, Unbounded);
        const SlideText measured = placeText(text, bold, box, MaxChoiceLines);
        const double textHeight = measured.bottom - box.top();
        const double height = std::max(marker, textHeight) + padding * 0.6;
        choice.rect = QRectF(area.left(), y, area.width(), height);
        choice.marker = QRectF(area.left() + padding, y + (height - marker) / 2, marker, marker);
        choice.letterFont = bold;
        choice.letter = QString(QChar(u'A' + int(i)));
        choice.text = choice.right ? measured : placeText(text, plain, box, MaxChoiceLines);
        moveDown(choice.text, y + (height - textHeight) / 2);
        slide.choices << choice;
        y += height + gap * 0.3;
    }
    y += gap * 0.7;
    const QRectF divider(area.left(), y, area.width(), std::max(1.0, s.theme.borderWidth / 2));
    y += padding * 0.5;
    SlideText explanation = placeText(question.explanation,
                                      plain,
                                      QRectF(area.left(), y, area.width(), Unbounded),
                                      MaxExplanationLines);
    const double bottom = explanation.bottom;
    slide.answerShown = content.answerShown;
    slide.explanationDivider = content.answerShown ? divider : QRectF();
    slide.explanation = content.answerShown ? explanation : SlideText();
    return bottom;
}

// The largest text scale at which the question fits the area, placed a little above its middle.
void layoutQuestion(SlideLayout &slide,
                    const SlideContent &content,
                    const QRectF &area,
                    const Scaled &s)
{
    Scaled question = s;
    double bottom = area.bottom();
    const int steps = int(std::lround((MaxQuestionBoost - MinQuestionScale) / BoostStep));
    for (int step = 0; step <= steps; ++step) {
        question.scale = s.scale * (MaxQuestionBoost - step * BoostStep);
        bottom = placeQuestion(slide, content, area, question);
        if (bottom <= area.bottom())
            break;
    }
    const double free = area.bottom() - bottom;
    if (free > 0)
        placeQuestion(slide, content, area.adjusted(0, free * 0.35, 0, 0), question);
}

} // namespace

SlideLayout layoutSlide(const SlideContent &content, const QSizeF &size, const StudioTheme &theme)
{
    SlideLayout slide;
    slide.scale = std::min(size.width() / ReferenceWidth, size.height() / ReferenceHeight);
    slide.bounds = QRectF(QPointF(), size);
    if (!content.section || size.isEmpty())
        return slide;
    const Scaled s{theme, slide.scale};
    const SlideMetrics &m = theme.slide;
    slide.cornerRadius = s.cornerRadius();
    slide.laserRadius = std::max(4.0, s.px(m.laserRadius));
    const double footerTop = layoutFooter(slide, content, size, s);
    layoutHint(slide, content, size, footerTop, s);
    const double headerBottom = layoutHeader(slide, content, size.width(), s);
    const double margin = s.px(m.margin);
    const double gap = s.px(m.gap);
    const QRectF area(margin,
                      headerBottom + gap,
                      size.width() - 2 * margin,
                      std::max(0.0, footerTop - gap - headerBottom - gap));
    if (content.question)
        layoutQuestion(slide, content, area, s);
    else
        layoutCards(slide, content, area, s);
    return slide;
}
