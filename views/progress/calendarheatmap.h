#pragma once

#include "progress/progressstats.h"
#include "theme/dashboardtheme.h"

#include <QList>
#include <QRectF>
#include <QWidget>

// The last 365 days of study as a calendar: one square a day, a column a week (Monday on top),
// darker for more minutes, with the current and longest streak below. QtCharts has no such
// chart; this one follows the same theme. Geometry is worked out when the data or the theme
// changes; painting only draws.
class CalendarHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit CalendarHeatmap(QWidget *parent = nullptr);

    void setTheme(const DashboardTheme &theme);
    void setData(const QList<DateMinutes> &days, const StreakStats &streak);

    // 0 for no study, 1 for less than the streak minimum, 2 from the minimum, 3 from three
    // times it, 4 from six times it.
    static int level(int minutes, int minMinutes);
    static QString title();
    // The day under a point of the widget, invalid between the squares.
    QDate dayAt(const QPointF &point) const;
    int minutesOn(const QDate &day) const;
    int levelOn(const QDate &day) const;
    QRectF cellRect(const QDate &day) const; // in the widget
    QString streakText() const;

    // The card at its natural size, for export; draw() paints it into any frame at least as
    // large, the calendar centred.
    QSize naturalSize() const;
    void draw(QPainter *painter, const QRectF &frame) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cell
    {
        QRectF rect; // relative to the calendar's corner
        QDate date;
        int minutes = 0;
        int level = 0;
    };
    struct Label
    {
        QPointF at;
        QString text;
    };
    void layoutCells();
    double step() const { return m_theme.cellSize + m_theme.cellGap; }
    QPointF calendarOffset(const QRectF &frame) const;

    DashboardTheme m_theme;
    QList<DateMinutes> m_days;
    StreakStats m_streak;
    QList<Cell> m_cells;
    QList<Label> m_monthLabels;
    QList<Label> m_dayLabels;
    QSizeF m_calendarSize; // labels, squares, legend and streaks
    QRectF m_legend;
    QPointF m_streakAt;
};
