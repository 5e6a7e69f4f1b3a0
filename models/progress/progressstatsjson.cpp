#include "progress/progressstatsjson.h"

#include "progress/progressstats.h"
#include "progress/reviewsummary.h"
#include "support/jsonwriter.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ProgressStatsJson {

namespace {

using Layout = JsonWriter::Layout;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

void dateOrNull(JsonWriter &json, const QDate &date)
{
    if (date.isValid())
        json.value(date.toString(Qt::ISODate));
    else
        json.null();
}

void dateValues(JsonWriter &json,
                const QString &name,
                const QString &dateKey,
                const QString &valueKey,
                const QList<std::pair<QDate, int>> &rows)
{
    json.key(name);
    json.beginArray();
    for (const auto &[date, number] : rows) {
        json.beginObject(Layout::Inline);
        json.key(dateKey);
        json.value(date.toString(Qt::ISODate));
        json.key(valueKey);
        json.integer(number);
        json.endObject();
    }
    json.endArray();
}

template<typename Rows> QList<std::pair<QDate, int>> pairs(const Rows &rows)
{
    QList<std::pair<QDate, int>> result;
    result.reserve(rows.size());
    for (const auto &row : rows) {
        if constexpr (requires { row.count; })
            result.append({row.date, row.count});
        else
            result.append({row.date, row.minutes});
    }
    return result;
}

template<std::size_t N>
void numbers(JsonWriter &json, const QString &name, const std::array<int, N> &values)
{
    json.key(name);
    json.beginArray(Layout::Inline);
    for (int value : values)
        json.integer(value);
    json.endArray();
}

void counts(JsonWriter &json, const StatusCounts &counts)
{
    json.key(u"done"_s);
    json.integer(counts.done);
    json.key(u"learning"_s);
    json.integer(counts.learning);
    json.key(u"skipped"_s);
    json.integer(counts.skipped);
    json.key(u"pending"_s);
    json.integer(counts.pending);
    json.key(u"total"_s);
    json.integer(counts.total());
}

void header(JsonWriter &json, const ProgressStats &stats)
{
    json.key(u"as_of"_s);
    json.value(stats.options.asOf.toString(Qt::ISODate));
    json.key(u"range"_s);
    json.beginObject(Layout::Inline);
    json.key(u"from"_s);
    json.value(stats.rangeFrom.toString(Qt::ISODate));
    json.key(u"to"_s);
    json.value(stats.options.asOf.toString(Qt::ISODate));
    json.key(u"days"_s);
    if (stats.options.rangeDays > 0)
        json.integer(stats.options.rangeDays);
    else
        json.null();
    json.endObject();
    json.key(u"section"_s);
    if (stats.options.sectionId.isEmpty())
        json.null();
    else
        json.value(stats.options.sectionId);

    json.key(u"summary"_s);
    json.beginObject(Layout::Inline);
    json.key(u"percent"_s);
    json.value(rounded(stats.overall.percent(), 1));
    json.key(u"finished"_s);
    json.integer(stats.overall.finished());
    json.key(u"total"_s);
    json.integer(stats.overall.total());
    json.key(u"learning"_s);
    json.integer(stats.overall.learning);
    json.key(u"minutes_in_range"_s);
    json.integer(stats.minutesInRange);
    json.key(u"minutes_total"_s);
    json.integer(stats.minutesTotal);
    json.endObject();
}

void sections(JsonWriter &json, const ProgressStats &stats)
{
    json.key(u"sections"_s);
    json.beginArray();
    for (const SectionSummary &section : stats.sections) {
        json.beginObject(Layout::Inline);
        json.key(u"id"_s);
        json.value(section.sectionId);
        counts(json, section.counts);
        json.key(u"minutes"_s);
        json.integer(section.counts.minutes);
        json.endObject();
    }
    json.endArray();
}

void streakAndForecast(JsonWriter &json, const ProgressStats &stats)
{
    json.key(u"streak"_s);
    json.beginObject(Layout::Inline);
    json.key(u"current"_s);
    json.integer(stats.streak.current);
    json.key(u"longest"_s);
    json.integer(stats.streak.longest);
    json.key(u"min_minutes"_s);
    json.integer(stats.streak.minMinutes);
    json.endObject();

    json.key(u"forecast"_s);
    json.beginObject(Layout::Inline);
    json.key(u"pace_per_week"_s);
    json.value(rounded(stats.forecast.pacePerWeek, 2));
    json.key(u"finish_date"_s);
    dateOrNull(json, stats.forecast.finishDate);
    json.key(u"remaining"_s);
    json.integer(stats.forecast.remaining);
    json.key(u"finished_in_window"_s);
    json.integer(stats.forecast.finishedInWindow);
    json.key(u"window_days"_s);
    json.integer(StatsOptions::PaceWindowDays);
    json.endObject();

    json.key(u"target"_s);
    if (!stats.target) {
        json.null();
        return;
    }
    const TargetStats &target = *stats.target;
    json.beginObject(Layout::Inline);
    json.key(u"date"_s);
    json.value(target.date.toString(Qt::ISODate));
    json.key(u"on_track"_s);
    json.value(target.onTrack);
    json.key(u"behind_by_days"_s);
    if (target.behindByDays)
        json.integer(*target.behindByDays);
    else
        json.null();
    json.key(u"needed_per_week"_s);
    if (target.neededPerWeek)
        json.value(rounded(*target.neededPerWeek, 2));
    else
        json.null();
    json.endObject();
}

void integers(JsonWriter &json, const QString &name, const QList<int> &values)
{
    json.key(name);
    json.beginArray(Layout::Inline);
    for (int value : values)
        json.integer(value);
    json.endArray();
}

void selfCheckFigures(JsonWriter &json, const ReviewSummary &summary)
{
    json.key(u"self_check"_s);
    json.beginObject();
    const std::pair<QString, int> counts[] = {
        {u"due_today"_s, summary.dueToday},
        {u"answered"_s, summary.answered},
        {u"questions"_s, summary.questions},
        {u"answers_in_range"_s, summary.answersInRange},
        {u"answers_total"_s, summary.answersTotal},
        {u"reviews_in_range"_s, summary.reviewsInRange},
        {u"reviews_right_in_range"_s, summary.reviewsRightInRange},
    };
    for (const auto &[name, count] : counts) {
        json.key(name);
        json.integer(count);
    }
    json.key(u"retention"_s);
    if (const std::optional<double> retention = summary.retention())
        json.value(rounded(*retention, 3));
    else
        json.null();
    json.key(u"answers_by_day"_s);
    json.beginArray();
    for (const ReviewDay &day : summary.days) {
        json.beginObject(Layout::Inline);
        json.key(u"date"_s);
        json.value(day.date.toString(Qt::ISODate));
        json.key(u"answers"_s);
        json.integer(day.answers);
        json.key(u"reviews"_s);
        json.integer(day.reviews);
        json.key(u"reviews_right"_s);
        json.integer(day.reviewsRight);
        json.endObject();
    }
    json.endArray();
    integers(json, u"forecast"_s, summary.forecast);
    json.endObject();
}

} // namespace

QByteArray write(const ProgressStats &stats, const ReviewSummary *selfCheck)
{
    JsonWriter json;
    json.beginObject();
    header(json, stats);
    sections(json, stats);
    json.key(u"finished_before_range"_s);
    json.integer(stats.finishedBeforeRange);
    dateValues(json, u"completed_by_day"_s, u"date"_s, u"count"_s, pairs(stats.completedByDay));
    dateValues(
        json, u"minutes_by_week"_s, u"week_start"_s, u"minutes"_s, pairs(stats.minutesByWeek));
    numbers(json, u"minutes_by_weekday"_s, stats.minutesByWeekday);
    numbers(json, u"minutes_by_hour"_s, stats.minutesByHour);
    dateValues(json, u"heatmap"_s, u"date"_s, u"minutes"_s, pairs(stats.heatmap));
    streakAndForecast(json, stats);
    if (selfCheck)
        selfCheckFigures(json, *selfCheck);
    json.endObject();
    return json.toUtf8();
}

} // namespace ProgressStatsJson
