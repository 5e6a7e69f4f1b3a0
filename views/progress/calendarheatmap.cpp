#include "progress/calendarheatmap.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace {

constexpr int Rows = 7;
constexpr int DefaultColumns = 53;
constexpr double Padding = 12;
constexpr double LegendGap = 10;

} // namespace

CalendarHeatmap::CalendarHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QString CalendarHeatmap::title()
{
    return tr("Study calendar: the last 365 days");
}

int CalendarHeatmap::level(int minutes, int minMinutes)
{
    if (minutes <= 0)
        return 0;
    if (minutes < minMinutes)
        return 1;
    if (minutes < 3 * minMinutes)
        return 2;
    if (minutes < 6 * minMinutes)
        return 3;
    return 4;
}

void CalendarHeatmap::setTheme(const DashboardTheme &theme)
{
    m_theme = theme;
    layoutCells();
    updateGeometry();
    update();
}

void CalendarHeatmap::setData(const QList<DateMinutes> &days, const StreakStats &streak)
{
    m_days = days;
    m_streak = streak;
    layoutCells();
    updateGeometry();
    update();
}

// Everything relative to the calendar's top-left corner: the title, month names, weekday
// names, the squares, then the streaks and the legend.
void CalendarHeatmap::layoutCells()
{
    m_cells.clear();
    m_monthLabels.clear();
    m_dayLabels.clear();
    if (m_theme.cellSize <= 0)
        return;
    const QFontMetricsF metrics(m_theme.labelFont);
    const QFontMetricsF titleMetrics(m_theme.titleFont);
    double dayNames = 0;
    for (int day : {1, 3, 5})
        dayNames = std::max(
            dayNames, metrics.horizontalAdvance(QLocale().dayName(day, QLocale::ShortFormat)));
    const double left = dayNames + 6;
    const double top = titleMetrics.height() + 8 + metrics.height() + 4;
    for (int day : {1, 3, 5}) {
        m_dayLabels.append(
            {QPointF(0, top + (day - 1) * step() + m_theme.cellSize / 2 + metrics.ascent() / 2 - 1),
             QLocale().dayName(day, QLocale::ShortFormat)});
    }
    int columns = DefaultColumns;
    if (!m_days.isEmpty()) {
        const QDate first = m_days.first().date;
        const QDate firstMonday = first.addDays(1 - first.dayOfWeek());
        columns = int(firstMonday.daysTo(m_days.last().date) / 7) + 1;
        int lastMonth = 0;
        double lastLabelEnd = -1e9;
        for (const DateMinutes &day : m_days) {
            const int column = int(firstMonday.daysTo(day.date) / 7);
            const int row = day.date.dayOfWeek() - 1;
            const QRectF rect(
                left + column * step(), top + row * step(), m_theme.cellSize, m_theme.cellSize);
            m_cells.append({rect, day.date, day.minutes, level(day.minutes, m_streak.minMinutes)});
            // A month's name above the first week that begins in it, unless it would overlap.
            if (day.date.day() <= 7 && row == 0 && day.date.month() != lastMonth) {
                lastMonth = day.date.month();
                const QString name = QLocale().monthName(day.date.month(), QLocale::ShortFormat);
                if (rect.left() > lastLabelEnd + 4) {
                    m_monthLabels.append(
                        {QPointF(rect.left(), titleMetrics.height() + 8 + metrics.ascent()), name});
                    lastLabelEnd = rect.left() + metrics.horizontalAdvance(name);
                }
            }
        }
    }
    const double right = left + columns * step() - m_theme.cellGap;
    const double below = top + Rows * step() + LegendGap;
    m_streakAt = QPointF(left, below + m_theme.cellSize / 2 + metrics.ascent() / 2 - 1);
    const double legendWidth = metrics.horizontalAdvance(tr("Less")) + 5 * step()
                               + metrics.horizontalAdvance(tr("More")) + 9;
    m_legend = QRectF(right - legendWidth, below, legendWidth, m_theme.cellSize);
    m_calendarSize = QSizeF(right, below + std::max(m_theme.cellSize, metrics.height()));
}

QSize CalendarHeatmap::naturalSize() const
{
    return QSize(int(std::ceil(m_calendarSize.width() + 2 * Padding)),
                 int(std::ceil(m_calendarSize.height() + 2 * Padding)));
}

QSize CalendarHeatmap::sizeHint() const
{
    return naturalSize();
}

QSize CalendarHeatmap::minimumSizeHint() const
{
    return QSize(200, naturalSize().height());
}

// The calendar centred in the frame, under the padding, as the charts centre their titles.
QPointF CalendarHeatmap::calendarOffset(const QRectF &frame) const
{
    return QPointF(frame.left() + std::max(Padding, (frame.width() - m_calendarSize.width()) / 2),
                   frame.top() + Padding);
}

QString CalendarHeatmap::streakText() const
{
    return tr("Current streak: %1 · Longest: %2 · A day counts from %n minute(s) of study",
              nullptr,
              m_streak.minMinutes)
        .arg(tr("%n day(s)", nullptr, m_streak.current),
             tr("%n day(s)", nullptr, m_streak.longest));
}

QDate CalendarHeatmap::dayAt(const QPointF &point) const
{
    const QPointF local = point - calendarOffset(rect());
    for (const Cell &cell : m_cells) {
        if (cell.rect.contains(local))
            return cell.date;
    }
    return {};
}

int CalendarHeatmap::minutesOn(const QDate &day) const
{
    for (const Cell &cell : m_cells) {
        if (cell.date == day)
            return cell.minutes;
    }
    return 0;
}

int CalendarHeatmap::levelOn(const QDate &day) const
{
    for (const Cell &cell : m_cells) {
        if (cell.date == day)
            return cell.level;
    }
    return 0;
}

QRectF CalendarHeatmap::cellRect(const QDate &day) const
{
    for (const Cell &cell : m_cells) {
        if (cell.date == day)
            return cell.rect.translated(calendarOffset(rect()));
    }
    return {};
}

void CalendarHeatmap::draw(QPainter *painter, const QRectF &frame) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_theme.panelBorder, 1));
    painter->setBrush(m_theme.panel);
    painter->drawRoundedRect(
        frame.adjusted(0.5, 0.5, -0.5, -0.5), m_theme.cardRadius, m_theme.cardRadius);
    painter->setFont(m_theme.titleFont);
    painter->setPen(m_theme.text);
    const QPointF offset = calendarOffset(frame);
    painter->drawText(
        QRectF(frame.left(), offset.y(), frame.width(), QFontMetricsF(m_theme.titleFont).height()),
        Qt::AlignHCenter | Qt::AlignTop,
        title());

    painter->translate(offset);
    painter->setFont(m_theme.labelFont);
    painter->setPen(m_theme.mutedText);
    for (const Label &label : m_monthLabels)
        painter->drawText(label.at, label.text);
    for (const Label &label : m_dayLabels)
        painter->drawText(label.at, label.text);

    painter->setPen(Qt::NoPen);
    const double radius = m_theme.cellSize / 5;
    for (const Cell &cell : m_cells) {
        painter->setBrush(m_theme.heatmap.at(cell.level));
        painter->drawRoundedRect(cell.rect, radius, radius);
    }

    // The streaks on the left, "Less ■■■■■ More" on the right.
    const QFontMetricsF metrics(m_theme.labelFont);
    painter->setPen(m_theme.text);
    painter->drawText(m_streakAt, streakText());
    painter->setPen(m_theme.mutedText);
    painter->drawText(QPointF(m_legend.left(), m_streakAt.y()), tr("Less"));
    double x = m_legend.left() + metrics.horizontalAdvance(tr("Less")) + 4;
    painter->setPen(Qt::NoPen);
    for (const QColor &color : m_theme.heatmap) {
        painter->setBrush(color);
        painter->drawRoundedRect(
            QRectF(x, m_legend.top(), m_theme.cellSize, m_theme.cellSize), radius, radius);
        x += step();
    }
    painter->setPen(m_theme.mutedText);
    painter->drawText(QPointF(x + 1, m_streakAt.y()), tr("More"));
    painter->restore();
}

void CalendarHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    draw(&painter, rect());
}

bool CalendarHeatmap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QDate day = dayAt(help->pos());
        if (day.isValid()) {
            const int minutes = minutesOn(day);
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2").arg(QLocale().toString(day, QLocale::LongFormat),
                                                tr("%n minute(s)", nullptr, minutes)),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}
