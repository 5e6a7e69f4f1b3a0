#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

class QBarSeries;
class QBarSet;
class QCategoryAxis;
class QChart;
class QValueAxis;

// What the dashboard's charts share (ProgressCharts, in progresscharts.cpp and
// progresschartsreviews.cpp): how a chart starts, round axes, bar values replaced in place, and
// labels under some of many bars.
namespace ChartParts {

QChart *newChart(const QString &title);
// One bar set in a new series of `chart`, without a legend.
QBarSeries *singleBarSeries(QChart *chart, QBarSet *set);
// An axis from 0 with about five round ticks above `maximum`.
void roundAxis(QValueAxis *axis, double maximum, bool integers);
// Sets the values, changing only those that differ (QtCharts redraws on every change).
void replaceValues(QBarSet *set, const QList<qreal> &values);
// Labels under some of the bars only (an empty label: none under that bar).
void sparseBarLabels(QCategoryAxis *axis, const QStringList &labels);
// Labels for a bar a day: about eight dates ("d MMM"), from one step after the first day.
QStringList dayLabels(const QList<QDate> &days);
// Labels for a bar a week (by its Monday): few weeks by date, many by the month they start.
QStringList weekLabels(const QList<QDate> &weeks);

} // namespace ChartParts
