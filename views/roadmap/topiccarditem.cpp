#include "roadmap/topiccarditem.h"

#include "roadmap/roadmappainter.h"
#include "theme/studiotheme.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

// Below this zoom level text is unreadable anyway: draw plain shapes, keep panning smooth.
static constexpr double CardTextLevelOfDetail = 0.35;

TopicCardItem::TopicCardItem(const QString &topicId, const StudioTheme *theme)
    : m_topicId(topicId)
    , m_theme(theme)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setZValue(2);
}

void TopicCardItem::setGeometry(const QRectF &rect)
{
    prepareGeometryChange();
    m_rect = rect;
    prepareText(); // also for the same rect: the layout is applied after a theme change too
}

void TopicCardItem::setContent(const QString &title, const QStringList &tags)
{
    m_title = title;
    m_tags = tags;
    if (!m_rect.isEmpty()) // before the layout places the card, there is nothing to wrap into
        prepareText();
    update();
}

void TopicCardItem::setStatus(TopicStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    update();
}

void TopicCardItem::setShowProgress(bool show)
{
    if (show == m_showProgress)
        return;
    m_showProgress = show;
    if (!m_rect.isEmpty()) // the tools line is wider without mastery beside it
        prepareText();
    updateToolTip();
    update();
}

void TopicCardItem::setMastery(const SelfCheckPlan::Mastery &mastery)
{
    if (mastery.remembered == m_mastery.remembered && mastery.answered == m_mastery.answered
        && mastery.total == m_mastery.total) {
        return;
    }
    m_mastery = mastery;
    if (!m_rect.isEmpty())
        prepareText();
    updateToolTip();
    update();
}

void TopicCardItem::updateToolTip()
{
    setToolTip(showsMastery()
                   ? tr("%1 of %n self-check question(s) remembered", nullptr, m_mastery.total)
                         .arg(m_mastery.remembered)
                   : QString());
}

void TopicCardItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void TopicCardItem::setCurrent(bool current)
{
    if (current == m_current)
        return;
    m_current = current;
    update();
}

void TopicCardItem::themeChanged()
{
    prepareGeometryChange();
    prepareText();
    update();
}

QRectF TopicCardItem::textRect() const
{
    const double iconSpace = m_theme->statusIconSize + 14;
    return m_rect.adjusted(m_theme->statusBarWidth + iconSpace, 6, -8, -6);
}

void TopicCardItem::prepareText()
{
    const QRectF text = textRect();
    m_titleFont = m_theme->font(m_theme->cardTitleSize, true);
    m_tagFont = m_theme->font(m_theme->cardTagsSize);
    const QFontMetricsF titleMetrics(m_titleFont);
    const QFontMetricsF tagMetrics(m_tagFont);
    // The tools line also carries the mastery, at its right end.
    const double tagLine = m_tags.isEmpty() && !showsMastery() ? 0 : tagMetrics.lineSpacing();
    const int maxLines = std::max(1, int((text.height() - tagLine) / titleMetrics.lineSpacing()));
    m_titleLines
        = RoadmapPainter::wrapText(m_title, m_titleFont, text.width(), std::min(maxLines, 2));
    const double gap = tagMetrics.averageCharWidth() / 2;
    const double ringSize = tagMetrics.height() * 0.8;
    m_masteryText
        = showsMastery() ? u"%1/%2"_s.arg(m_mastery.remembered).arg(m_mastery.total) : QString();
    const double masteryTextWidth = tagMetrics.horizontalAdvance(m_masteryText);
    const double masteryWidth = showsMastery() ? ringSize + gap + masteryTextWidth + 2 * gap : 0;
    m_tagsLine = tagMetrics.elidedText(
        m_tags.join(u" · "_s), Qt::ElideRight, std::max(0.0, text.width() - masteryWidth));

    // Centre the block of title lines and the tags line vertically in the text area.
    const double blockHeight = m_titleLines.size() * titleMetrics.lineSpacing() + tagLine;
    double y = text.top() + std::max(0.0, (text.height() - blockHeight) / 2);
    m_titleBaselines.clear();
    m_titleGreeking.clear();
    for (qsizetype i = 0; i < m_titleLines.size(); ++i) {
        m_titleBaselines << QPointF(text.left(), y + titleMetrics.ascent());
        const double barHeight = titleMetrics.xHeight();
        m_titleGreeking << QRectF(text.left(),
                                  y + titleMetrics.ascent() - barHeight,
                                  titleMetrics.horizontalAdvance(m_titleLines.at(i)),
                                  barHeight);
        y += titleMetrics.lineSpacing();
    }
    m_tagsBaseline = QPointF(text.left(), y + tagMetrics.ascent());
    m_masteryBaseline = QPointF(text.right() - masteryTextWidth, m_tagsBaseline.y());
    // Centred on the digits beside it.
    m_masteryRing = QRectF(m_masteryBaseline.x() - gap - ringSize,
                           m_tagsBaseline.y() - tagMetrics.capHeight() / 2 - ringSize / 2,
                           ringSize,
                           ringSize);

    const double iconSize = m_theme->statusIconSize;
    m_iconRect = QRectF(m_rect.left() + m_theme->statusBarWidth + 8,
                        m_rect.center().y() - iconSize / 2,
                        iconSize,
                        iconSize);

    QPainterPath card;
    card.addRoundedRect(m_rect, m_theme->cornerRadius, m_theme->cornerRadius);
    QPainterPath bar;
    bar.addRect(QRectF(m_rect.topLeft(), QSizeF(m_theme->statusBarWidth, m_rect.height())));
    m_statusBar = card.intersected(bar);
}

QRectF TopicCardItem::boundingRect() const
{
    // Room for the focus ring outside the card.
    const double margin = m_theme->selectionWidth * 2;
    return m_rect.adjusted(-margin, -margin, margin, margin);
}

void TopicCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const StudioTheme &theme = *m_theme;
    const TopicStatus shown = m_showProgress ? m_status : TopicStatus::Pending;
    const QColor statusColor = theme.statusColor(shown);
    painter->setRenderHint(QPainter::Antialiasing);

    painter->setPen(QPen(theme.cardBorder, theme.borderWidth));
    painter->setBrush(theme.cardFill);
    painter->drawRoundedRect(m_rect, theme.cornerRadius, theme.cornerRadius);
    if (m_showProgress) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(statusColor);
        painter->drawPath(m_statusBar);
    }

    // The status icon stays at every zoom: it is what a learner scans the overview for.
    if (m_showProgress)
        RoadmapPainter::drawStatusIcon(painter, m_iconRect, shown, theme);

    // Like the status icon, the ring stays at every zoom; its figures are text.
    if (showsMastery())
        RoadmapPainter::drawMasteryRing(painter, m_masteryRing, m_mastery.share(), theme);

    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < CardTextLevelOfDetail) {
        // Text would be a few pixels tall: bars where the lines are read as text and cost
        // nothing to draw.
        QColor greeking = theme.mutedText;
        greeking.setAlphaF(0.55); // lighter than real text, so it does not pretend to be text
        painter->setPen(Qt::NoPen);
        painter->setBrush(greeking);
        for (const QRectF &bar : m_titleGreeking)
            painter->drawRect(bar);
    } else {
        painter->setFont(m_titleFont);
        painter->setPen(m_showProgress && shown == TopicStatus::Skipped ? theme.mutedText
                                                                        : theme.text);
        for (qsizetype i = 0; i < m_titleLines.size(); ++i)
            painter->drawText(m_titleBaselines.at(i), m_titleLines.at(i));
        if (!m_tagsLine.isEmpty()) {
            painter->setFont(m_tagFont);
            painter->setPen(theme.tagText);
            painter->drawText(m_tagsBaseline, m_tagsLine);
        }
        if (!m_masteryText.isEmpty()) {
            painter->setFont(m_tagFont);
            painter->setPen(theme.tagText);
            painter->drawText(m_masteryBaseline, m_masteryText);
        }
    }

    if (m_highlighted || m_current) {
        const double width = theme.selectionWidth;
        const double grow = m_current ? width : width / 2;
        painter->setPen(QPen(m_current ? theme.selection : theme.highlight, width));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-grow, -grow, grow, grow),
                                 theme.cornerRadius + grow,
                                 theme.cornerRadius + grow);
    }
}

void TopicCardItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Accepting the press keeps the view from starting a hand drag on a card; the scene tells
    // the workspace which topic was clicked.
    event->accept();
}
