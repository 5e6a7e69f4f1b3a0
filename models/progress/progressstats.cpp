#include "progress/progressstats.h"

#include "curriculum/curriculum.h"
#include "progress/progresshistory.h"
#include "support/localtimemap.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace {

constexpr int NoSection = -1;

struct Computation
{
    Computation(const Curriculum &curriculum,
                const ProgressHistory &history,
                const StatsOptions &options,
                ProgressStats &stats)
        : curriculum(curriculum)
        , history(history)
        , options(options)
        , stats(stats)
    {}

    const Curriculum &curriculum;
    const ProgressHistory &history;
    const StatsOptions &options;
    ProgressStats &stats;

    LocalTimeMap local;
    qint64 asOf = 0;                 // Julian days from here on
    int filterSection = NoSection;   // index into curriculum.sections
    std::vector<int> sectionOfTopic; // by history topic index; NoSection for unknown topics
    std::vector<int> summarySection; // the curriculum section of each stats.sections entry
    qint64 rangeStart = 0;           // the first day the range counts; 0 for all history
    std::vector<TopicStatus> status;
    std::vector<qint64> finishedSince; // 0 while not finished
    qint64 firstDay = 0;               // of dailyMinutes
    std::vector<int> dailyMinutes;     // firstDay … asOf
    qint64 firstDataDay = 0;           // the earliest event or session, 0 when none

    void mapTopics();
    void replayEvents();
    void countSections();
    void splitSessions();
    void countCompletions(qint64 rangeFrom);
    void countWeeks(qint64 rangeFrom);
    void heatmapAndStreaks();
    void forecast();

    bool sessionIncluded(int topic) const
    {
        return filterSection == NoSection || sectionOfTopic[topic] == filterSection;
    }
    int minutesOn(qint64 day) const
    {
        const qint64 index = day - firstDay;
        return index >= 0 && index < qint64(dailyMinutes.size()) ? dailyMinutes[index] : 0;
    }
    void noteDataDay(qint64 day)
    {
        if (firstDataDay == 0 || day < firstDataDay)
            firstDataDay = day;
    }
};

void Computation::mapTopics()
{
    QHash<QString, int> sectionOfId;
    for (qsizetype s = 0; s < curriculum.sections.size(); ++s) {
        const Section &section = curriculum.sections.at(s);
        if (section.id == options.sectionId)
            filterSection = int(s);
        for (const Topic &topic : section.topics)
            sectionOfId.insert(topic.id, int(s));
    }
    sectionOfTopic.resize(history.topicIds.size(), NoSection);
    for (qsizetype t = 0; t < history.topicIds.size(); ++t)
        sectionOfTopic[t] = sectionOfId.value(history.topicIds.at(t), NoSection);
    status.assign(history.topicIds.size(), TopicStatus::Pending);
    finishedSince.assign(history.topicIds.size(), 0);
}

// In the order recorded, as the store decides the current status; events after asOf are not
// there yet.
void Computation::replayEvents()
{
    for (const ProgressHistory::Event &event : history.events) {
        const qint64 day = local.localDay(event.atMs);
        if (day > asOf)
            continue;
        noteDataDay(day);
        const bool wasFinished = TopicStatuses::isFinished(status[event.topic]);
        const bool finished = TopicStatuses::isFinished(event.status);
        status[event.topic] = event.status;
        if (!finished)
            finishedSince[event.topic] = 0;
        else if (!wasFinished)
            finishedSince[event.topic] = day;
    }
}

void Computation::countSections()
{
    QHash<QString, int> indexOf;
    for (qsizetype t = 0; t < history.topicIds.size(); ++t)
        indexOf.insert(history.topicIds.at(t), int(t));
    for (qsizetype s = 0; s < curriculum.sections.size(); ++s) {
        if (filterSection != NoSection && filterSection != s)
            continue;
        const Section &section = curriculum.sections.at(s);
        SectionSummary summary{section.id, {}};
        for (const Topic &topic : section.topics) {
            const int index = indexOf.value(topic.id, -1);
            TopicProgress progress;
            progress.status = index < 0 ? TopicStatus::Pending : status[index];
            summary.counts.add(progress);
        }
        stats.sections << summary;
        summarySection.push_back(int(s));
        stats.overall.done += summary.counts.done;
        stats.overall.learning += summary.counts.learning;
        stats.overall.skipped += summary.counts.skipped;
        stats.overall.pending += summary.counts.pending;
    }
}

// Each minute of a session counts in the local hour and day in which it begins: a session is
// cut at the local hour boundaries it crosses (so at midnight and at a daylight-saving switch).
void Computation::splitSessions()
{
    const QList<ProgressHistory::Session> &sessions = history.sessions;
    if (sessions.isEmpty())
        return;
    firstDay = std::min(asOf, local.localDay(sessions.first().startMs));
    dailyMinutes.assign(asOf - firstDay + 1, 0);
    std::vector<int> sectionMinutes(curriculum.sections.size(), 0);
    for (const ProgressHistory::Session &session : sessions) {
        if (!sessionIncluded(session.topic))
            continue;
        qint64 at = session.startMs;
        int left = session.minutes;
        noteDataDay(local.localDay(at));
        while (left > 0) {
            const qint64 localAt = local.localMs(at);
            const qint64 intoHour
                = ((localAt % LocalTimeMap::HourMs) + LocalTimeMap::HourMs) % LocalTimeMap::HourMs;
            const qint64 toNextHour = LocalTimeMap::HourMs - intoHour;
            const int minutes = int(std::min<qint64>(left, (toNextHour + 59'999) / 60'000));
            const qint64 day = LocalTimeMap::dayOfLocalMs(localAt);
            if (day > asOf)
                break;
            dailyMinutes[day - firstDay] += minutes;
            stats.minutesTotal += minutes;
            if (sectionOfTopic[session.topic] != NoSection)
                sectionMinutes[sectionOfTopic[session.topic]] += minutes;
            if (day >= rangeStart) {
                stats.minutesInRange += minutes;
                stats.minutesByWeekday[LocalTimeMap::weekdayOfDay(day)] += minutes;
                stats.minutesByHour[LocalTimeMap::hourOfLocalMs(localAt)] += minutes;
            }
            left -= minutes;
            at += qint64(minutes) * 60'000;
        }
    }
    for (qsizetype i = 0; i < stats.sections.size(); ++i)
        stats.sections[i].counts.minutes = sectionMinutes[summarySection[i]];
    stats.overall.minutes = stats.minutesTotal;
}

void Computation::countCompletions(qint64 rangeFrom)
{
    QHash<qint64, int> perDay;
    for (qsizetype t = 0; t < history.topicIds.size(); ++t) {
        const int section = sectionOfTopic[t];
        const qint64 day = finishedSince[t];
        if (section == NoSection || day == 0
            || (filterSection != NoSection && section != filterSection))
            continue;
        if (day < rangeFrom)
            ++stats.finishedBeforeRange;
        else
            ++perDay[day];
        if (day > asOf - StatsOptions::PaceWindowDays)
            ++stats.forecast.finishedInWindow;
    }
    QList<qint64> days = perDay.keys();
    std::sort(days.begin(), days.end());
    for (qint64 day : days)
        stats.completedByDay.append({QDate::fromJulianDay(day), perDay.value(day)});
}

// Every week that overlaps the range, counting only the range's days of a partial first week.
void Computation::countWeeks(qint64 rangeFrom)
{
    const qint64 firstMonday = rangeFrom - LocalTimeMap::weekdayOfDay(rangeFrom);
    for (qint64 monday = firstMonday; monday <= asOf; monday += 7) {
        int minutes = 0;
        for (qint64 day = std::max(monday, rangeFrom); day <= std::min(monday + 6, asOf); ++day)
            minutes += minutesOn(day);
        stats.minutesByWeek.append({QDate::fromJulianDay(monday), minutes});
    }
}

void Computation::heatmapAndStreaks()
{
    for (qint64 day = asOf - StatsOptions::HeatmapDays + 1; day <= asOf; ++day)
        stats.heatmap.append({QDate::fromJulianDay(day), minutesOn(day)});

    StreakStats &streak = stats.streak;
    streak.minMinutes = options.minMinutes;
    const auto counts = [this](qint64 day) {
        return minutesOn(day) >= options.minMinutes;
    };
    int run = 0;
    for (qint64 day = firstDay; day <= asOf && !dailyMinutes.empty(); ++day) {
        run = counts(day) ? run + 1 : 0;
        streak.longest = std::max(streak.longest, run);
    }
    // Today short of the minimum does not break the streak yet: count from yesterday.
    qint64 day = counts(asOf) ? asOf : asOf - 1;
    while (day >= firstDay && counts(day)) {
        ++streak.current;
        --day;
    }
}

// The pace is the topics finished in the last PaceWindowDays days, per week; the finish date
// is when the remaining topics are done at that pace (rounded up to a whole day).
void Computation::forecast()
{
    ForecastStats &forecast = stats.forecast;
    forecast.remaining = stats.overall.total() - stats.overall.finished();
    forecast.pacePerWeek = forecast.finishedInWindow * 7.0 / StatsOptions::PaceWindowDays;
    if (forecast.remaining > 0 && forecast.finishedInWindow > 0) {
        const qint64 days = (qint64(forecast.remaining) * StatsOptions::PaceWindowDays
                             + forecast.finishedInWindow - 1)
                            / forecast.finishedInWindow;
        forecast.finishDate = QDate::fromJulianDay(asOf + days);
    }
    if (!options.targetDate.isValid())
        return;
    TargetStats target;
    target.date = options.targetDate;
    const qint64 targetDay = options.targetDate.toJulianDay();
    if (forecast.remaining == 0) {
        target.onTrack = true;
        target.behindByDays = 0;
    } else if (forecast.finishDate.isValid()) {
        const qint64 late = forecast.finishDate.toJulianDay() - targetDay;
        target.onTrack = late <= 0;
        target.behindByDays = int(std::max<qint64>(late, 0));
    }
    if (targetDay > asOf)
        target.neededPerWeek = forecast.remaining * 7.0 / double(targetDay - asOf);
    stats.target = target;
}

} // namespace

ProgressStats ProgressStats::compute(const Curriculum &curriculum,
                                     const ProgressHistory &history,
                                     const StatsOptions &options)
{
    ProgressStats stats;
    stats.options = options;
    Computation run(curriculum, history, options, stats);
    run.asOf = options.asOf.toJulianDay();
    if (options.rangeDays > 0)
        run.rangeStart = run.asOf - options.rangeDays + 1;
    run.mapTopics();
    run.replayEvents();
    run.countSections();
    run.splitSessions();
    const qint64 rangeFrom = options.rangeDays > 0   ? run.rangeStart
                             : run.firstDataDay != 0 ? std::min(run.firstDataDay, run.asOf)
                                                     : run.asOf;
    stats.rangeFrom = QDate::fromJulianDay(rangeFrom);
    run.countCompletions(rangeFrom);
    run.countWeeks(rangeFrom);
    run.heatmapAndStreaks();
    run.forecast();
    return stats;
}
