#pragma once

#include "curriculum/curriculum.h"
#include "progress/progressstore.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>

#include <algorithm>

// Made-up study histories for the benchmark and the README's screenshots. Seeded, so every run
// makes the same history; times are local wall-clock times turned into UTC.
namespace SyntheticProgress {

struct History
{
    QList<StatusEvent> events;
    QList<StudySession> sessions;
};

inline QDateTime localTime(const QDate &date, int minuteOfDay)
{
    return QDateTime(date, QTime(minuteOfDay / 60, minuteOfDay % 60), Qt::LocalTime).toUTC();
}

// The benchmark's load: `years` of history up to `today` with `eventCount` status events
// cycling through the curriculum's topics and `sessionCount` sessions, spread evenly with some
// jitter; at the end about half the topics are finished.
inline History
bulk(const Curriculum &curriculum, const QDate &today, int years, int eventCount, int sessionCount)
{
    QRandomGenerator random(20261126);
    const QStringList ids = curriculum.topicIds();
    const QDate first = today.addYears(-years);
    const qint64 days = first.daysTo(today);
    const TopicStatus cycle[] = {TopicStatus::Learning,
                                 TopicStatus::Done,
                                 TopicStatus::Pending,
                                 TopicStatus::Learning,
                                 TopicStatus::Skipped,
                                 TopicStatus::Done};
    History history;
    history.events.reserve(eventCount);
    for (int i = 0; i < eventCount; ++i) {
        const QDate day = first.addDays(qint64(i) * days / eventCount);
        const QString &topic = ids.at(i % ids.size());
        const int round = i / int(ids.size());
        history.events.append({0,
                               topic,
                               cycle[round % std::size(cycle)],
                               localTime(day, 7 * 60 + int(random.bounded(15 * 60)))});
    }
    history.sessions.reserve(sessionCount);
    for (int i = 0; i < sessionCount; ++i) {
        const QDate day = first.addDays(qint64(i) * days / sessionCount);
        const int hour = QList<int>{7, 12, 18, 19, 20, 21, 22}.at(random.bounded(7));
        history.sessions.append({0,
                                 ids.at(random.bounded(int(ids.size()))),
                                 localTime(day, hour * 60 + int(random.bounded(60))),
                                 10 + int(random.bounded(110))});
    }
    return history;
}

// A believable learner: about ten months up to `today`, working through the curriculum in
// order, studying most evenings and on weekend mornings, with a two-week break in the middle,
// two topics skipped and a streak still alive today. About half the topics end finished.
inline History realistic(const Curriculum &curriculum, const QDate &today)
{
    QRandomGenerator random(42);
    QList<const Topic *> topics;
    for (const Section &section : curriculum.sections)
        for (const Topic &topic : section.topics)
            topics << &topic;
    History history;
    const QDate start = today.addDays(-300);
    const QDate breakStart = today.addDays(-150);
    qsizetype current = 0;
    int studied = 0; // minutes on the current topic
    history.events.append(
        {0, topics.first()->id, TopicStatus::Learning, localTime(start, 19 * 60)});
    for (QDate day = start; day <= today && current < topics.size(); day = day.addDays(1)) {
        const bool onBreak = day >= breakStart && day < breakStart.addDays(14);
        const bool weekend = day.dayOfWeek() >= 6;
        const bool recent = day.daysTo(today) < 9; // the current streak
        if (onBreak || (!recent && random.bounded(100) < (weekend ? 15 : 22)))
            continue;
        const int sessionsToday = weekend ? 1 + int(random.bounded(2)) : 1;
        for (int s = 0; s < sessionsToday && current < topics.size(); ++s) {
            int at
                = weekend ? (9 + int(random.bounded(4))) * 60 : (19 + int(random.bounded(3))) * 60;
            if (!weekend && random.bounded(100) < 15)
                at = 12 * 60 + 10; // a lunch break
            at += s * 240 + int(random.bounded(40));
            const int minutes = (day == today) ? 25 : 20 + int(random.bounded(weekend ? 100 : 60));
            const QDateTime begin = localTime(day, std::min(at, 23 * 60));
            history.sessions.append({0, topics.at(current)->id, begin, minutes});
            studied += minutes;
            // A topic takes a quarter more than its estimated hours; two are skipped as known
            // already.
            const Topic *topic = topics.at(current);
            const bool skip = current == 4 || current == 17;
            if (skip || studied >= topic->hours * 75) {
                history.events.append({0,
                                       topic->id,
                                       skip ? TopicStatus::Skipped : TopicStatus::Done,
                                       begin.addSecs(minutes * 60)});
                studied = 0;
                if (++current < topics.size()) {
                    history.events.append({0,
                                           topics.at(current)->id,
                                           TopicStatus::Learning,
                                           begin.addSecs(minutes * 60 + 60)});
                }
            }
        }
    }
    // Two topics further on already started, out of curiosity.
    for (qsizetype ahead : {current + 3, current + 6}) {
        if (ahead < topics.size()) {
            history.events.append({0,
                                   topics.at(ahead)->id,
                                   TopicStatus::Learning,
                                   localTime(today.addDays(-20), 21 * 60)});
        }
    }
    std::stable_sort(history.events.begin(),
                     history.events.end(),
                     [](const auto &a, const auto &b) { return a.at < b.at; });
    return history;
}

} // namespace SyntheticProgress
