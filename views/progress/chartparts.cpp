#include "progress/chartparts.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ChartParts {

namespace {

constexpr int WeeksLabelledByDate = 26;
constexpr int MaxMonthLabels = 8;
constexpr int MaxDayLabels = 8;

// 1, 2, 2.5, 5 × a power of ten at or above `value`.
double niceStep(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->layout()->setContentsMargins(0, 0, 0, 0); // the card is the view's whole area
    return chart;
}

QBarSeries *singleBarSeries(QChart *chart, QBarSet *set)
{
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    chart->legend()->hide();
    return series;
}

void roundAxis(QValueAxis *axis, double maximum, bool integers)
{
    double step = niceStep(std::max(maximum, integers ? 4.0 : 0.4) / 4.0);
    if (integers)
        step = std::max(1.0, std::ceil(step));
    const double top = std::max(step, std::ceil(maximum / step - 1e-9) * step);
    axis->setRange(0, top);
    axis->setTickCount(int(std::lround(top / step)) + 1);
    axis->setLabelFormat(integers || step >= 1 ? u"%.0f"_s : u"%.1f"_s);
}

void replaceValues(QBarSet *set, const QList<qreal> &values)
{
    if (set->count() == values.size()) {
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (set->at(int(i)) != values.at(i))
                set->replace(int(i), values.at(i));
        }
        return;
    }
    set->remove(0, set->count());
    set->append(values);
}

// A labelled bar is a category of its own, the bars between are one category each run, named
// by spaces (QCategoryAxis wants distinct names). The axis's own grid lines would fall between
// categories, so they are off.
void sparseBarLabels(QCategoryAxis *axis, const QStringList &labels)
{
    for (const QString &old : axis->categoriesLabels())
        axis->remove(old);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    axis->setGridLineVisible(false);
    axis->setStartValue(-0.5);
    axis->setRange(-0.5, std::max<qsizetype>(labels.size(), 1) - 0.5);
    int blanks = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const bool last = i + 1 == labels.size();
        if (!labels.at(i).isEmpty()) {
            axis->append(labels.at(i), i + 0.5);
        } else if (last || !labels.at(i + 1).isEmpty()) {
            axis->append(QString(++blanks, u' '), i + 0.5);
        }
    }
}

QStringList dayLabels(const QList<QDate> &days)
{
    QStringList labels(days.size());
    const qsizetype every = std::max<qsizetype>(1, (days.size() + MaxDayLabels - 1) / MaxDayLabels);
    // QtCharts drops a label wider than the first bar at the axis's start: begin one step in.
    const qsizetype first = every < days.size() ? every : 0;
    for (qsizetype i = first; i < days.size(); i += every)
        labels[i] = QLocale().toString(days.at(i), u"d MMM"_s);
    return labels;
}

QStringList weekLabels(const QList<QDate> &weeks)
{
    QStringList labels(weeks.size());
    if (weeks.size() <= WeeksLabelledByDate) {
        const qsizetype every = std::max<qsizetype>(1, (weeks.size() + 7) / 8);
        for (qsizetype i = 0; i < weeks.size(); i += every)
            labels[i] = QLocale().toString(weeks.at(i), u"d MMM"_s);
        return labels;
    }
    // The weeks where a month begins (some of them).
    const QDate first = weeks.first();
    const QDate last = weeks.last();
    const int months = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
    const int every = std::max(1, (months + MaxMonthLabels - 1) / MaxMonthLabels);
    const bool withYear = months > 12;
    int seen = 0;
    for (qsizetype i = 1; i < weeks.size(); ++i) {
        const QDate week = weeks.at(i);
        if (week.month() == weeks.at(i - 1).month() || seen++ % every != 0)
            continue;
        labels[i] = QLocale().toString(week, withYear ? u"MMM yyyy"_s : u"MMM"_s);
    }
    return labels;
}

} // namespace ChartParts
