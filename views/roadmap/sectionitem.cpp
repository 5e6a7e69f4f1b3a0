#include "roadmap/sectionitem.h"

#include "roadmap/roadmappainter.h"
#include "theme/studiotheme.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

static constexpr double TextLevelOfDetail = 0.2;

SectionItem::SectionItem(const QString &sectionId, const StudioTheme *theme)
    : m_sectionId(sectionId)
    , m_theme(theme)
{
    setZValue(1);
}

void SectionItem::setGeometry(const QRectF &rect, const QRectF &headerRect)
{
    prepareGeometryChange();
    m_rect = rect;
    m_headerRect = headerRect;
    prepare();
}

void SectionItem::setContent(int number, const QString &title, double hours)
{
    m_number = number;
    m_title = title;
    m_hours = hours;
    prepare();
    update();
}

void SectionItem::setProgress(int finished, int total)
{
    m_finished = finished;
    m_total = total;
    prepare();
    update();
}

void SectionItem::setShowProgress(bool show)
{
    m_showProgress = show;
    prepare();
    update();
}

void SectionItem::setMastery(const SelfCheckPlan::Mastery &mastery)
{
    if (mastery.remembered == m_mastery.remembered && mastery.answered == m_mastery.answered
        && mastery.total == m_mastery.total) {
        return;
    }
    m_mastery = mastery;
    prepare();
    update();
}

void SectionItem::themeChanged()
{
    prepareGeometryChange();
    prepare();
    update();
}

void SectionItem::prepare()
{
    setToolTip(showsMastery()
                   ? tr("%1 of %n self-check question(s) remembered", nullptr, m_mastery.total)
                         .arg(m_mastery.remembered)
                   : QString());
    if (m_headerRect.isEmpty()) // not placed yet: setGeometry() prepares it
        return;
    const StudioTheme &theme = *m_theme;
    const double padding = theme.metrics.sectionPadding;
    m_numberFont = theme.font(theme.sectionNumberSize, true);
    m_titleFont = theme.font(theme.sectionTitleSize, true);
    m_metaFont = theme.font(theme.sectionMetaSize);

    const double badge = QFontMetricsF(m_numberFont).height() * 1.6;
    m_badgeRect = QRectF(m_headerRect.left() + padding, m_headerRect.top() + padding, badge, badge);

    const double barHeight = m_showProgress ? std::max(4.0, theme.borderWidth * 3) : 0;
    const QRectF text(m_badgeRect.right() + padding * 0.8,
                      m_headerRect.top() + padding * 0.6,
                      m_headerRect.right() - padding - (m_badgeRect.right() + padding * 0.8),
                      m_headerRect.height() - padding * 1.2 - barHeight);
    const QFontMetricsF titleMetrics(m_titleFont);
    const QFontMetricsF metaMetrics(m_metaFont);
    const int maxLines = std::max(
        1, int((text.height() - metaMetrics.lineSpacing()) / titleMetrics.lineSpacing()));
    m_titleLines
        = RoadmapPainter::wrapText(m_title, m_titleFont, text.width(), std::min(maxLines, 2));
    double y = text.top();
    m_titleBaselines.clear();
    for (qsizetype i = 0; i < m_titleLines.size(); ++i) {
        m_titleBaselines << QPointF(text.left(), y + titleMetrics.ascent());
        y += titleMetrics.lineSpacing();
    }
    const QString hours = tr("%1 h").arg(QString::number(m_hours, 'g', 4));
    if (m_showProgress) {
        m_meta = tr("%1 of %2 finished · %3").arg(m_finished).arg(m_total).arg(hours);
    } else {
        m_meta = tr("%n topic(s) · %1", nullptr, m_total).arg(hours);
    }
    // The mastery ends the progress line, which gives way to it.
    const double gap = metaMetrics.averageCharWidth() / 2;
    const double ringSize = metaMetrics.height() * 0.8;
    m_masteryText
        = showsMastery() ? u"%1/%2"_s.arg(m_mastery.remembered).arg(m_mastery.total) : QString();
    const double masteryTextWidth = metaMetrics.horizontalAdvance(m_masteryText);
    const double masteryWidth = showsMastery() ? ringSize + gap + masteryTextWidth + 2 * gap : 0;
    m_meta = metaMetrics.elidedText(
        m_meta, Qt::ElideRight, std::max(0.0, text.width() - masteryWidth));
    m_metaBaseline = QPointF(text.left(), y + metaMetrics.ascent());
    m_masteryBaseline = QPointF(text.right() - masteryTextWidth, m_metaBaseline.y());
    m_masteryRing = QRectF(m_masteryBaseline.x() - gap - ringSize,
                           m_metaBaseline.y() - metaMetrics.capHeight() / 2 - ringSize / 2,
                           ringSize,
                           ringSize);

    m_progressTrack = QRectF(m_headerRect.left() + padding,
                             m_headerRect.bottom() - padding * 0.5 - barHeight,
                             m_headerRect.width() - 2 * padding,
                             barHeight);
    const double fraction = m_total > 0 ? double(m_finished) / m_total : 0;
    m_progressFill = m_progressTrack;
    m_progressFill.setWidth(m_progressTrack.width() * fraction);
}

QRectF SectionItem::boundingRect() const
{
    const double margin = m_theme->borderWidth;
    return m_rect.adjusted(-margin, -margin, margin, margin);
}

void SectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const StudioTheme &theme = *m_theme;
    const double radius = theme.cornerRadius * 1.5;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(theme.sectionBorder, theme.borderWidth));
    painter->setBrush(theme.sectionFill);
    painter->drawRoundedRect(m_rect, radius, radius);

    // The header: a filled band at the top, rounded like the box.
    painter->save();
    painter->setClipRect(m_headerRect);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.headerFill);
    painter->drawRoundedRect(
        m_rect.adjusted(theme.borderWidth / 2, theme.borderWidth / 2, -theme.borderWidth / 2, 0),
        radius,
        radius);
    painter->restore();

    if (option->levelOfDetailFromTransform(painter->worldTransform()) < TextLevelOfDetail)
        return;

    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.headerText);
    painter->drawEllipse(m_badgeRect);
    painter->setFont(m_numberFont);
    painter->setPen(theme.headerFill);
    painter->drawText(m_badgeRect, Qt::AlignCenter, QString::number(m_number));

    painter->setPen(theme.headerText);
    painter->setFont(m_titleFont);
    for (qsizetype i = 0; i < m_titleLines.size(); ++i)
        painter->drawText(m_titleBaselines.at(i), m_titleLines.at(i));
    painter->setFont(m_metaFont);
    painter->drawText(m_metaBaseline, m_meta);
    if (!m_masteryText.isEmpty()) {
        RoadmapPainter::drawMasteryRing(painter, m_masteryRing, m_mastery.share(), theme);
        painter->drawText(m_masteryBaseline, m_masteryText);
    }

    if (m_showProgress && !m_progressTrack.isEmpty()) {
        const double r = m_progressTrack.height() / 2;
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme.progressTrack);
        painter->drawRoundedRect(m_progressTrack, r, r);
        painter->setBrush(theme.progressFill);
        if (m_progressFill.width() > 0)
            painter->drawRoundedRect(m_progressFill, r, r);
    }
}
