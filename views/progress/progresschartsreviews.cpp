// ProgressCharts: the two self-check charts, the answers with their retention, and the reviews
// due in the coming days.
#include "progress/chartparts.h"
#include "progress/progresscharts.h"
#include "progress/reviewsummary.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using namespace ChartParts;

namespace {

constexpr int DueLabelEvery = 7;
constexpr double RetentionMarkerSize = 7;

// One bar's answers: a day, or the week from its Monday.
struct AnswerBin
{
    QDate start;
    int answers = 0;
    int reviews = 0;
    int reviewsRight = 0;
};

// Every day (or every week overlapping the range) from the range's first day to "today",
// those without answers included.
QList<AnswerBin> answerBins(const ReviewSummary &summary, bool byWeek)
{
    QList<AnswerBin> bins;
    if (!summary.from.isValid() || !summary.asOf.isValid())
        return bins;
    const int step = byWeek ? 7 : 1;
    const QDate first = byWeek ? summary.from.addDays(1 - summary.from.dayOfWeek()) : summary.from;
    for (QDate start = first; start <= summary.asOf; start = start.addDays(step))
        bins.append({start});
    for (const ReviewDay &day : summary.days) {
        const qint64 index = first.daysTo(day.date) / step;
        if (index < 0 || index >= bins.size())
            continue;
        AnswerBin &bin = bins[index];
        bin.answers += day.answers;
        bin.reviews += day.reviews;
        bin.reviewsRight += day.reviewsRight;
    }
    return bins;
}

} // namespace

// Bars of answers on the left axis, the retention of each bar with reviews as a line with
// point markers on the right axis (0 to 100 %): the two read apart by shape, not only colour.
void ProgressCharts::createAnswers()
{
    QChart *chart = newChart(title(Answers));
    m_answers = new QBarSet(tr("Answers per day"));
    auto *bars = new QBarSeries;
    bars->append(m_answers);
    bars->setBarWidth(0.8);
    chart->addSeries(bars);
    m_retention = new QLineSeries;
    m_retention->setPointsVisible(true);
    m_retention->setMarkerSize(RetentionMarkerSize);
    chart->addSeries(m_retention);
    m_answersAxis = new QCategoryAxis;
    m_answersAxis->setTruncateLabels(false);
    m_answersCountAxis = new QValueAxis;
    m_retentionAxis = new QValueAxis;
    m_retentionAxis->setRange(0, 100);
    m_retentionAxis->setTickCount(5);
    m_retentionAxis->setLabelFormat(u"%.0f%%"_s);
    m_retentionAxis->setGridLineVisible(false); // the answers' grid is enough
    chart->addAxis(m_answersAxis, Qt::AlignBottom);
    chart->addAxis(m_answersCountAxis, Qt::AlignLeft);
    chart->addAxis(m_retentionAxis, Qt::AlignRight);
    bars->attachAxis(m_answersAxis);
    bars->attachAxis(m_answersCountAxis);
    m_retention->attachAxis(m_answersAxis);
    m_retention->attachAxis(m_retentionAxis);
    m_charts[Answers] = chart;
}

void ProgressCharts::createDueForecast()
{
    QChart *chart = newChart(title(DueForecast));
    m_due = new QBarSet(tr("Due that day; the first bar is today, overdue included"));
    m_due->append(QList<qreal>(ReviewSummary::ForecastDays, 0));
    QBarSeries *series = singleBarSeries(chart, m_due);
    chart->legend()->show();
    m_dueAxis = new QCategoryAxis;
    m_dueAxis->setTruncateLabels(false);
    m_dueCountAxis = new QValueAxis;
    chart->addAxis(m_dueAxis, Qt::AlignBottom);
    chart->addAxis(m_dueCountAxis, Qt::AlignLeft);
    series->attachAxis(m_dueAxis);
    series->attachAxis(m_dueCountAxis);
    m_charts[DueForecast] = chart;
}

void ProgressCharts::updateReviews(const ReviewSummary &summary)
{
    const qint64 days = summary.from.isValid() ? summary.from.daysTo(summary.asOf) + 1 : 0;
    m_answersByWeek = days > MaxDailyBars;
    const QList<AnswerBin> bins = answerBins(summary, m_answersByWeek);
    QList<qreal> answers;
    QList<QDate> starts;
    QList<QPointF> retention;
    int largest = 0;
    for (qsizetype i = 0; i < bins.size(); ++i) {
        const AnswerBin &bin = bins.at(i);
        answers << bin.answers;
        starts << bin.start;
        largest = std::max(largest, bin.answers);
        if (bin.reviews > 0)
            retention << QPointF(qreal(i), 100.0 * bin.reviewsRight / bin.reviews);
    }
    replaceValues(m_answers, answers);
    m_answers->setLabel(m_answersByWeek ? tr("Answers per week") : tr("Answers per day"));
    m_retention->replace(retention);
    const std::optional<double> overall = summary.retention();
    m_retention->setName(
        overall ? tr("Retention %1% in the range (right answers to questions seen before)")
                      .arg(QString::number(*overall * 100, 'f', 0))
                : tr("Retention: no question answered again in the range"));
    sparseBarLabels(m_answersAxis, m_answersByWeek ? weekLabels(starts) : dayLabels(starts));
    roundAxis(m_answersCountAxis, largest, true);

    QList<qreal> due;
    QStringList labels(summary.forecast.size());
    int most = 0;
    for (qsizetype day = 0; day < summary.forecast.size(); ++day) {
        due << summary.forecast.at(day);
        most = std::max(most, summary.forecast.at(day));
        // No label under today's bar: QtCharts drops a label wider than the first bar.
        if (day > 0 && day % DueLabelEvery == 0)
            labels[day] = QLocale().toString(summary.asOf.addDays(day), u"d MMM"_s);
    }
    replaceValues(m_due, due);
    sparseBarLabels(m_dueAxis, labels);
    roundAxis(m_dueCountAxis, most, true);
}
