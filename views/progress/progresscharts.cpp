#include "progress/progresscharts.h"

#include "curriculum/curriculum.h"
#include "progress/chartparts.h"
#include "progress/progressstats.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace ChartParts;

namespace {

constexpr int MaxSectionLabel = 26;
constexpr int MinForecastDays = 90;

// The statuses in the order the stacked bars show them, left to right.
constexpr std::array<TopicStatus, 4> BarOrder
    = {TopicStatus::Done, TopicStatus::Learning, TopicStatus::Skipped, TopicStatus::Pending};

qreal msAt(const QDate &date)
{
    return qreal(date.startOfDay().toMSecsSinceEpoch());
}

double hours(int minutes)
{
    return minutes / 60.0;
}

} // namespace

ProgressCharts::ProgressCharts(QObject *parent)
    : QObject(parent)
{
    createSections();
    createCompletion();
    createWeekly();
    createWeekday();
    createHourly();
    createAnswers();
    createDueForecast();
    setTheme(StudioTheme::byIdOrDefault(StudioTheme::defaultId()));
}

ProgressCharts::~ProgressCharts()
{
    for (const QPointer<QChart> &chart : m_charts) {
        if (chart && !chart->scene())
            delete chart.data();
    }
}

QString ProgressCharts::title(Chart which)
{
    switch (which) {
    case Sections:
        return tr("Completion by section");
    case Completion:
        return tr("Topics finished over time");
    case Weekly:
        return tr("Study time per week (hours)");
    case Weekday:
        return tr("By weekday (hours)");
    case Hourly:
        return tr("By hour of day (hours)");
    case Answers:
        return tr("Self-check answers and retention");
    case DueForecast:
        return tr("Reviews due in the next 30 days");
    case ChartCount:
        break;
    }
    return {};
}

QString ProgressCharts::fileStem(Chart which)
{
    static const std::array<QString, ChartCount> stems = {u"progress-sections"_s,
                                                          u"progress-finished"_s,
                                                          u"progress-weekly"_s,
                                                          u"progress-weekdays"_s,
                                                          u"progress-hours"_s,
                                                          u"progress-selfcheck-answers"_s,
                                                          u"progress-selfcheck-due"_s};
    return stems.at(which);
}

QStringList ProgressCharts::sectionLabels() const
{
    return m_sectionAxis->categories();
}

void ProgressCharts::createSections()
{
    QChart *chart = newChart(title(Sections));
    auto *series = new QHorizontalStackedBarSeries;
    for (TopicStatus status : BarOrder) {
        auto *set = new QBarSet(TopicStatuses::displayName(status));
        m_statusSets[int(status)] = set;
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    m_sectionAxis = new QBarCategoryAxis;
    m_sectionAxis->setTruncateLabels(false); // short already; QtCharts would elide them to "…"
    m_sectionCountAxis = new QValueAxis;
    chart->addAxis(m_sectionAxis, Qt::AlignLeft);
    chart->addAxis(m_sectionCountAxis, Qt::AlignBottom);
    series->attachAxis(m_sectionAxis);
    series->attachAxis(m_sectionCountAxis);
    m_charts[Sections] = chart;
}

void ProgressCharts::createCompletion()
{
    QChart *chart = newChart(title(Completion));
    m_finished = new QLineSeries;
    m_forecast = new QLineSeries;
    m_target = new QLineSeries;
    m_timeAxis = new QDateTimeAxis;
    m_topicsAxis = new QValueAxis;
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_topicsAxis, Qt::AlignLeft);
    for (QLineSeries *series : {m_finished, m_forecast, m_target}) {
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_topicsAxis);
    }
    m_charts[Completion] = chart;
}

void ProgressCharts::createWeekly()
{
    QChart *chart = newChart(title(Weekly));
    m_weekly = new QBarSet(tr("Hours"));
    QBarSeries *series = singleBarSeries(chart, m_weekly);
    m_weekAxis = new QCategoryAxis;
    m_weekAxis->setTruncateLabels(false);
    m_weeklyHoursAxis = new QValueAxis;
    chart->addAxis(m_weekAxis, Qt::AlignBottom);
    chart->addAxis(m_weeklyHoursAxis, Qt::AlignLeft);
    series->attachAxis(m_weekAxis);
    series->attachAxis(m_weeklyHoursAxis);
    m_charts[Weekly] = chart;
}

void ProgressCharts::createWeekday()
{
    QChart *chart = newChart(title(Weekday));
    m_weekday = new QBarSet(tr("Hours"));
    m_weekday->append(QList<qreal>(7, 0));
    QBarSeries *series = singleBarSeries(chart, m_weekday);
    auto *days = new QBarCategoryAxis;
    days->setTruncateLabels(false);
    for (int day = 1; day <= 7; ++day)
        days->append(QLocale().dayName(day, QLocale::ShortFormat));
    m_weekdayHoursAxis = new QValueAxis;
    chart->addAxis(days, Qt::AlignBottom);
    chart->addAxis(m_weekdayHoursAxis, Qt::AlignLeft);
    series->attachAxis(days);
    series->attachAxis(m_weekdayHoursAxis);
    m_charts[Weekday] = chart;
}

void ProgressCharts::createHourly()
{
    QChart *chart = newChart(title(Hourly));
    m_hourly = new QBarSet(tr("Hours"));
    m_hourly->append(QList<qreal>(24, 0));
    QBarSeries *series = singleBarSeries(chart, m_hourly);
    // Every third hour is named: 24 names do not fit a narrow chart.
    auto *hoursOfDay = new QCategoryAxis;
    hoursOfDay->setTruncateLabels(false);
    QStringList labels(24);
    for (int hour = 0; hour < 24; hour += 3)
        labels[hour] = u"%1:00"_s.arg(hour);
    sparseBarLabels(hoursOfDay, labels);
    m_hourlyHoursAxis = new QValueAxis;
    chart->addAxis(hoursOfDay, Qt::AlignBottom);
    chart->addAxis(m_hourlyHoursAxis, Qt::AlignLeft);
    series->attachAxis(hoursOfDay);
    series->attachAxis(m_hourlyHoursAxis);
    m_charts[Hourly] = chart;
}

void ProgressCharts::styleAxis(QAbstractAxis *axis) const
{
    const DashboardTheme &d = m_theme.dashboard;
    axis->setLabelsColor(d.mutedText);
    axis->setLabelsFont(d.axisFont);
    axis->setGridLineColor(d.grid);
    axis->setLinePenColor(d.axis);
    axis->setTitleBrush(d.mutedText);
    axis->setTitleFont(d.axisFont);
    axis->setMinorGridLineVisible(false);
}

void ProgressCharts::setTheme(const StudioTheme &theme)
{
    m_theme = theme;
    const DashboardTheme &d = theme.dashboard;
    for (QChart *chart : m_charts) {
        chart->setBackgroundBrush(d.panel);
        chart->setBackgroundPen(QPen(d.panelBorder, 1));
        chart->setBackgroundRoundness(d.cardRadius);
        chart->setTitleBrush(d.text);
        chart->setTitleFont(d.titleFont);
        chart->legend()->setLabelColor(d.text);
        chart->legend()->setFont(d.axisFont);
        for (QAbstractAxis *axis : chart->axes())
            styleAxis(axis);
    }
    for (TopicStatus status : BarOrder) {
        QBarSet *set = m_statusSets[int(status)];
        set->setColor(theme.statusColor(status));
        set->setBorderColor(d.panel);
    }
    for (QBarSet *set : {m_weekly, m_weekday, m_hourly, m_answers}) {
        set->setColor(d.studyBar);
        set->setBorderColor(d.studyBar);
    }
    m_finished->setPen(QPen(d.finished, d.lineWidth));
    m_forecast->setPen(QPen(d.forecast, d.lineWidth, Qt::DashLine));
    m_target->setPen(QPen(m_targetOnTrack ? d.onTrack : d.behind, d.lineWidth, Qt::DotLine));
    m_retention->setPen(QPen(d.finished, d.lineWidth));
    m_retention->setBrush(d.finished); // the point markers
    m_due->setColor(d.forecast);
    m_due->setBorderColor(d.forecast);
}

void ProgressCharts::update(const ProgressStats &stats, const Curriculum &curriculum)
{
    updateSections(stats, curriculum);
    updateCompletion(stats);
    updateWeekly(stats);
    updateHours(stats);
}

// Section 1 on top: a horizontal bar chart draws its first category at the bottom.
void ProgressCharts::updateSections(const ProgressStats &stats, const Curriculum &curriculum)
{
    QStringList labels;
    std::array<QList<qreal>, 4> values;
    int largest = 0;
    for (qsizetype i = stats.sections.size() - 1; i >= 0; --i) {
        const SectionSummary &section = stats.sections.at(i);
        const Section *found = curriculum.findSection(section.sectionId);
        QString label
            = found ? u"%1. %2"_s.arg(found->number).arg(found->title) : section.sectionId;
        if (label.size() > MaxSectionLabel)
            label = label.left(MaxSectionLabel - 1).trimmed() + u'…';
        labels << label;
        const StatusCounts &c = section.counts;
        values[int(TopicStatus::Done)] << c.done;
        values[int(TopicStatus::Learning)] << c.learning;
        values[int(TopicStatus::Skipped)] << c.skipped;
        values[int(TopicStatus::Pending)] << c.pending;
        largest = std::max(largest, c.total());
    }
    if (m_sectionAxis->categories() != labels) {
        for (QBarSet *set : m_statusSets)
            set->remove(0, set->count());
        m_sectionAxis->clear();
        m_sectionAxis->append(labels);
    }
    for (TopicStatus status : BarOrder)
        replaceValues(m_statusSets[int(status)], values[int(status)]);
    roundAxis(m_sectionCountAxis, largest, true);
}

void ProgressCharts::updateCompletion(const ProgressStats &stats)
{
    const QDate asOf = stats.options.asOf;
    const int total = stats.overall.total();
    const int finished = stats.overall.finished();
    QList<QPointF> line;
    double count = stats.finishedBeforeRange;
    line << QPointF(msAt(stats.rangeFrom), count);
    for (const DateCount &day : stats.completedByDay) {
        line << QPointF(msAt(day.date), count);
        count += day.count;
        line << QPointF(msAt(day.date), count);
    }
    line << QPointF(msAt(asOf.addDays(1)), count);
    m_finished->replace(line);
    m_finished->setName(tr("Finished: %1 of %2").arg(finished).arg(total));

    const ForecastStats &forecast = stats.forecast;
    QDate end = asOf.addDays(1);
    if (forecast.finishDate.isValid()) {
        m_forecast->replace(
            {QPointF(msAt(asOf.addDays(1)), finished), QPointF(msAt(forecast.finishDate), total)});
        m_forecast->setName(
            tr("At this pace: all by %1")
                .arg(QLocale().toString(forecast.finishDate, QLocale::ShortFormat)));
        const int shown = std::max(MinForecastDays, int(stats.rangeFrom.daysTo(asOf)));
        end = std::max(end, std::min(forecast.finishDate, asOf.addDays(shown)));
    } else {
        m_forecast->clear();
        m_forecast->setName(forecast.remaining == 0 ? tr("Every topic is finished")
                                                    : tr("No pace yet: nothing finished in "
                                                         "the last %n day(s)",
                                                         nullptr,
                                                         StatsOptions::PaceWindowDays));
    }
    if (stats.target) {
        const TargetStats &target = *stats.target;
        m_targetOnTrack = target.onTrack;
        QPen pen = m_target->pen();
        pen.setColor(target.onTrack ? m_theme.dashboard.onTrack : m_theme.dashboard.behind);
        m_target->setPen(pen);
        m_target->replace({QPointF(msAt(target.date), 0), QPointF(msAt(target.date), total)});
        const QString date = QLocale().toString(target.date, QLocale::ShortFormat);
        if (target.onTrack)
            m_target->setName(tr("Target %1: on track").arg(date));
        else if (target.behindByDays)
            m_target->setName(
                tr("Target %1: behind by %n day(s)", nullptr, *target.behindByDays).arg(date));
        else
            m_target->setName(tr("Target %1: behind, no pace yet").arg(date));
        end = std::max(end, target.date.addDays(1));
    } else {
        m_target->clear();
    }
    m_target->setVisible(stats.target.has_value());
    const QList<QLegendMarker *> markers = m_charts[Completion]->legend()->markers(m_target);
    for (QLegendMarker *marker : markers)
        marker->setVisible(stats.target.has_value());

    const qint64 days = stats.rangeFrom.daysTo(end);
    m_timeAxis->setFormat(days > 400 ? u"MMM yyyy"_s : u"d MMM"_s);
    m_timeAxis->setTickCount(days > 14 ? 6 : int(std::max<qint64>(days, 1)) + 1);
    m_timeAxis->setRange(stats.rangeFrom.startOfDay(), end.startOfDay());
    roundAxis(m_topicsAxis, total, true);
}

// One bar a week; few weeks are labelled one by one, many by the month they start.
void ProgressCharts::updateWeekly(const ProgressStats &stats)
{
    QList<qreal> values;
    QList<QDate> weeks;
    double largest = 0;
    for (const DateMinutes &week : stats.minutesByWeek) {
        values << hours(week.minutes);
        weeks << week.date;
        largest = std::max(largest, hours(week.minutes));
    }
    replaceValues(m_weekly, values);
    sparseBarLabels(m_weekAxis, weekLabels(weeks));
    roundAxis(m_weeklyHoursAxis, largest, false);
}

void ProgressCharts::updateHours(const ProgressStats &stats)
{
    QList<qreal> weekday;
    double largestDay = 0;
    for (int minutes : stats.minutesByWeekday) {
        weekday << hours(minutes);
        largestDay = std::max(largestDay, hours(minutes));
    }
    replaceValues(m_weekday, weekday);
    roundAxis(m_weekdayHoursAxis, largestDay, false);
    QList<qreal> hourly;
    double largestHour = 0;
    for (int minutes : stats.minutesByHour) {
        hourly << hours(minutes);
        largestHour = std::max(largestHour, hours(minutes));
    }
    replaceValues(m_hourly, hourly);
    roundAxis(m_hourlyHoursAxis, largestHour, false);
}
