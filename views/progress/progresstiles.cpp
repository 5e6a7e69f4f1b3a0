#include "progress/progresstiles.h"

#include "progress/progressstats.h"
#include "progress/reviewsummary.h"

#include <QFontMetricsF>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace {

constexpr double Gap = 12;
constexpr double TilePadding = 14;

QString hoursText(int minutes)
{
    if (minutes < 600)
        return ProgressTiles::tr("%1 h").arg(QString::number(minutes / 60.0, 'f', 1));
    return ProgressTiles::tr("%1 h").arg(minutes / 60);
}

} // namespace

ProgressTiles::ProgressTiles(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ProgressTiles::setTheme(const DashboardTheme &theme)
{
    m_theme = theme;
    updateGeometry();
    update();
}

void ProgressTiles::setStats(const ProgressStats &stats)
{
    m_tiles = tilesFor(stats);
    update();
}

void ProgressTiles::setReviews(const ReviewSummary &summary)
{
    m_due = dueTile(summary);
    update();
}

QList<ProgressTiles::Tile> ProgressTiles::tiles() const
{
    return m_due ? m_tiles + QList<Tile>{*m_due} : m_tiles;
}

ProgressTiles::Tile ProgressTiles::dueTile(const ReviewSummary &summary)
{
    // Short enough for a fifth of the dashboard's width.
    const QString caption
        = summary.questions > 0
              ? tr("due today · %1 of %2 answered").arg(summary.answered).arg(summary.questions)
              : tr("due today · no self-check questions");
    return {QString::number(summary.dueToday), caption};
}

QList<ProgressTiles::Tile> ProgressTiles::tilesFor(const ProgressStats &stats)
{
    const StatusCounts &overall = stats.overall;
    const QString range
        = stats.options.rangeDays > 0
              ? tr("studied in the last %n day(s)", nullptr, stats.options.rangeDays)
              : tr("studied in all");
    return {
        {u"%1%"_s.arg(QString::number(overall.percent(), 'f', 0)),
         tr("complete · %1 of %n topic(s) finished", nullptr, overall.total())
             .arg(overall.finished())},
        {hoursText(stats.minutesInRange), range},
        {tr("%n day(s)", nullptr, stats.streak.current),
         tr("current streak · longest %n day(s)", nullptr, stats.streak.longest)},
        {QString::number(overall.learning), tr("topic(s) in progress", nullptr, overall.learning)},
    };
}

void ProgressTiles::draw(QPainter *painter,
                         const QRectF &area,
                         const QList<Tile> &tiles,
                         const DashboardTheme &theme)
{
    if (tiles.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const double width = (area.width() - Gap * (tiles.size() - 1)) / tiles.size();
    const QFontMetricsF valueMetrics(theme.tileValueFont);
    for (qsizetype i = 0; i < tiles.size(); ++i) {
        const QRectF tile(area.left() + i * (width + Gap), area.top(), width, area.height());
        painter->setPen(QPen(theme.panelBorder, 1));
        painter->setBrush(theme.panel);
        painter->drawRoundedRect(
            tile.adjusted(0.5, 0.5, -0.5, -0.5), theme.cardRadius, theme.cardRadius);
        const QRectF inner
            = tile.adjusted(TilePadding, TilePadding * 0.7, -TilePadding, -TilePadding * 0.7);
        painter->setFont(theme.tileValueFont);
        painter->setPen(theme.text);
        painter->drawText(QRectF(inner.left(), inner.top(), inner.width(), valueMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          tiles.at(i).value);
        painter->setFont(theme.tileLabelFont);
        painter->setPen(theme.mutedText);
        const QRectF caption(inner.left(),
                             inner.top() + valueMetrics.height(),
                             inner.width(),
                             inner.height() - valueMetrics.height());
        painter->drawText(caption,
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          QFontMetricsF(theme.tileLabelFont)
                              .elidedText(tiles.at(i).caption, Qt::ElideRight, caption.width()));
    }
    painter->restore();
}

QSize ProgressTiles::sizeHint() const
{
    const double height = QFontMetricsF(m_theme.tileValueFont).height()
                          + QFontMetricsF(m_theme.tileLabelFont).height() + TilePadding * 1.6;
    return QSize(600, int(std::ceil(height)));
}

void ProgressTiles::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    draw(&painter, rect(), tiles(), m_theme);
}
