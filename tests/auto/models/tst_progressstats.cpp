// The dashboard's aggregates against figures worked out by hand, in Berlin time (see
// localzone.h). The fixture's figures are derived in the comments beside it.
#include "curriculum/curriculum.h"
#include "progress/progresshistory.h"
#include "progress/progressstats.h"
#include "progress/progressstatsjson.h"
#include "progress/progressstore.h"
#include "support/localzone.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Curriculum fixtureCurriculum()
{
    Curriculum curriculum;
    const auto topic = [](const QString &id) {
        Topic t;
        t.id = id;
        t.title = id.toUpper();
        return t;
    };
    Section s1;
    s1.id = u"s1"_s;
    s1.title = u"Section one"_s;
    s1.topics = {topic(u"a"_s), topic(u"b"_s), topic(u"c"_s)};
    Section s2;
    s2.id = u"s2"_s;
    s2.title = u"Section two"_s;
    s2.topics = {topic(u"d"_s), topic(u"e"_s)};
    curriculum.sections = {s1, s2};
    return curriculum;
}

qint64 utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

qint64 local(const QDate &date, int hour, int minute)
{
    return QDateTime(date, QTime(hour, minute), Qt::LocalTime).toMSecsSinceEpoch();
}

void addEvent(ProgressHistory &history, const QString &topic, TopicStatus status, qint64 atMs)
{
    history.events.append({atMs, history.topicIndex(topic), status});
}

void addSession(ProgressHistory &history, const QString &topic, qint64 startMs, int minutes)
{
    history.sessions.append({startMs, history.topicIndex(topic), minutes});
    std::stable_sort(history.sessions.begin(),
                     history.sessions.end(),
                     [](const auto &a, const auto &b) { return a.startMs < b.startMs; });
}

// Berlin is on CET (+1) until 2024-03-31 01:00 UTC, then on CEST (+2).
ProgressHistory fixtureHistory()
{
    ProgressHistory h;
    addEvent(h, u"a"_s, TopicStatus::Learning, utc(2024, 3, 1, 8, 0));
    addEvent(h, u"a"_s, TopicStatus::Done, utc(2024, 3, 5, 10, 0));     // a finished Mar 5
    addEvent(h, u"b"_s, TopicStatus::Done, utc(2024, 3, 20, 22, 30));   // 23:30 CET, Mar 20
    addEvent(h, u"c"_s, TopicStatus::Skipped, utc(2024, 4, 1, 22, 30)); // 00:30 CEST Apr 2
    addEvent(h, u"b"_s, TopicStatus::Pending, utc(2024, 3, 25, 9, 0));  // b no longer finished
    addEvent(h, u"b"_s, TopicStatus::Done, utc(2024, 4, 8, 7, 0));      // b finished Apr 8
    addEvent(h, u"d"_s, TopicStatus::Learning, utc(2024, 4, 9, 12, 0));
    addEvent(h, u"e"_s, TopicStatus::Done, utc(2024, 4, 11, 9, 0));    // after as-of: not yet
    addEvent(h, u"gone"_s, TopicStatus::Done, utc(2024, 4, 9, 9, 0));  // not in the curriculum
    addEvent(h, u"a"_s, TopicStatus::Skipped, utc(2024, 4, 9, 10, 0)); // still finished Mar 5

    // Local minutes per day: Feb 10: 120; Mar 30: 10; Mar 31: 10 + 60 = 70; Apr 7: 30;
    // Apr 8: 45; Apr 9: 20; Apr 10: 5 + 30 = 35. All: 330; Mar 12 … Apr 10: 210.
    addSession(h, u"b"_s, utc(2024, 2, 10, 9, 0), 120);   // 10:00-12:00 CET: hours 10, 11
    addSession(h, u"a"_s, utc(2024, 3, 30, 22, 50), 20);  // 23:50 Sat: 10 min, 10 after midnight
    addSession(h, u"a"_s, utc(2024, 3, 31, 0, 30), 60);   // 01:30 CET: 30 in hour 1, then the
                                                          // clock jumps: 30 in hour 3 (CEST)
    addSession(h, u"gone"_s, utc(2024, 4, 7, 10, 0), 30); // 12:00 Sun, a topic now gone
    addSession(h, u"c"_s, utc(2024, 4, 8, 16, 0), 45);    // 18:00 Mon
    addSession(h, u"c"_s, utc(2024, 4, 9, 5, 0), 10);     // 07:00 Tue
    addSession(h, u"d"_s, utc(2024, 4, 9, 17, 0), 10);    // 19:00 Tue
    addSession(h, u"d"_s, utc(2024, 4, 10, 6, 0), 5);     // 08:00 Wed
    addSession(h, u"e"_s, utc(2024, 4, 10, 21, 30), 60);  // 23:30 Wed: 30 before midnight count
    addSession(h, u"b"_s, utc(2024, 4, 12, 9, 0), 25);    // after as-of
    return h;
}

StatsOptions options(int rangeDays = 30, int minMinutes = 15)
{
    StatsOptions o;
    o.asOf = QDate(2024, 4, 10);
    o.rangeDays = rangeDays;
    o.minMinutes = minMinutes;
    return o;
}

QList<DateMinutes> nonZero(const QList<DateMinutes> &days)
{
    QList<DateMinutes> result;
    for (const DateMinutes &day : days)
        if (day.minutes != 0)
            result << day;
    return result;
}

} // namespace

class TestProgressStats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sectionsCountStatusesAsOfTheDay();
    void completionsAndRange();
    void studyTimeByWeekWeekdayAndHour();
    void heatmapCoversTheLastYear();
    void streaksOfTheFixture_data();
    void streaksOfTheFixture();
    void streakEdgeCases_data();
    void streakEdgeCases();
    void dstFallBackCountsTheRepeatedHour();
    void forecastAndTarget_data();
    void forecastAndTarget();
    void forecastWithoutPaceOrWork();
    void sectionFilter();
    void allHistoryRange();
    void jsonHasTheIssuesKeys();
    void storeHistoryRoundTrip();
};

void TestProgressStats::initTestCase()
{
    QVERIFY2(berlinTimeWorks(), "the Europe/Berlin zone is missing (Debian package tzdata)");
}

void TestProgressStats::sectionsCountStatusesAsOfTheDay()
{
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), options());
    QCOMPARE(stats.sections.size(), 2);
    const StatusCounts &s1 = stats.sections.at(0).counts;
    QCOMPARE(stats.sections.at(0).sectionId, u"s1"_s);
    QCOMPARE(s1.done, 1);    // b
    QCOMPARE(s1.skipped, 2); // a, c
    QCOMPARE(s1.learning, 0);
    QCOMPARE(s1.pending, 0);
    QCOMPARE(s1.minutes, 120 + 80 + 55); // b, a, c up to as-of
    const StatusCounts &s2 = stats.sections.at(1).counts;
    QCOMPARE(s2.learning, 1); // d
    QCOMPARE(s2.pending, 1);  // e is done only the day after
    QCOMPARE(s2.minutes, 15 + 30);
    QCOMPARE(stats.overall.total(), 5);
    QCOMPARE(stats.overall.finished(), 3);
    QCOMPARE(stats.overall.percent(), 60.0);
    QCOMPARE(stats.overall.learning, 1);

    // A day later e is done.
    StatsOptions later = options();
    later.asOf = QDate(2024, 4, 11);
    QCOMPARE(ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), later)
                 .sections.at(1)
                 .counts.done,
             1);
}

void TestProgressStats::completionsAndRange()
{
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), options(30));
    QCOMPARE(stats.rangeFrom, QDate(2024, 3, 12));
    // a finished Mar 5 (before the range; skipping it later keeps it finished), c on Apr 2
    // (00:30 local time, though Apr 1 in UTC), b on Apr 8 (its second time: it was reset).
    QCOMPARE(stats.finishedBeforeRange, 1);
    const QList<DateCount> expected{{QDate(2024, 4, 2), 1}, {QDate(2024, 4, 8), 1}};
    QCOMPARE(stats.completedByDay, expected);
}

void TestProgressStats::studyTimeByWeekWeekdayAndHour()
{
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), options(30));
    QCOMPARE(stats.minutesTotal, 330);
    QCOMPARE(stats.minutesInRange, 210);
    // Mon 45, Tue 20, Wed 35, Sat 10, Sun 70 + 30.
    const std::array<int, 7> weekdays{45, 20, 35, 0, 0, 10, 100};
    QCOMPARE(stats.minutesByWeekday, weekdays);
    std::array<int, 24> hours{};
    hours[0] = 10; // Mar 31, after midnight
    hours[1] = 30; // Mar 31, 01:30-02:00 CET
    hours[3] = 30; // Mar 31, 03:00-03:30 CEST: there was no hour 2 that night
    hours[7] = 10;
    hours[8] = 5;
    hours[12] = 30;
    hours[18] = 45;
    hours[19] = 10;
    hours[23] = 10 + 30;
    QCOMPARE(stats.minutesByHour, hours);
    // Weeks from Monday: the range starts on Tuesday Mar 12, inside the week of Mar 11.
    const QList<DateMinutes> weeks{{QDate(2024, 3, 11), 0},
                                   {QDate(2024, 3, 18), 0},
                                   {QDate(2024, 3, 25), 80},
                                   {QDate(2024, 4, 1), 30},
                                   {QDate(2024, 4, 8), 100}};
    QCOMPARE(stats.minutesByWeek, weeks);
}

void TestProgressStats::heatmapCoversTheLastYear()
{
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), options(30));
    QCOMPARE(stats.heatmap.size(), 365);
    QCOMPARE(stats.heatmap.first().date, QDate(2023, 4, 12)); // 2024 has a Feb 29
    QCOMPARE(stats.heatmap.last().date, QDate(2024, 4, 10));
    const QList<DateMinutes> days{{QDate(2024, 2, 10), 120},
                                  {QDate(2024, 3, 30), 10},
                                  {QDate(2024, 3, 31), 70},
                                  {QDate(2024, 4, 7), 30},
                                  {QDate(2024, 4, 8), 45},
                                  {QDate(2024, 4, 9), 20},
                                  {QDate(2024, 4, 10), 35}};
    QCOMPARE(nonZero(stats.heatmap), days);
}

void TestProgressStats::streaksOfTheFixture_data()
{
    QTest::addColumn<int>("minMinutes");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("longest");
    // Days: Feb 10 120, Mar 30 10, Mar 31 70, Apr 7 30, Apr 8 45, Apr 9 20, Apr 10 (today) 35.
    QTest::newRow("15 min: Apr 7-10") << 15 << 4 << 4;
    QTest::newRow("25 min: Apr 9 breaks it") << 25 << 1 << 2;
    QTest::newRow("40 min: today short, yesterday too") << 40 << 0 << 1;
    QTest::newRow("10 min: Mar 30-31 and Apr 7-10") << 10 << 4 << 4;
    QTest::newRow("200 min: no day") << 200 << 0 << 0;
}

void TestProgressStats::streaksOfTheFixture()
{
    QFETCH(int, minMinutes);
    QFETCH(int, current);
    QFETCH(int, longest);
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), options(30, minMinutes));
    QCOMPARE(stats.streak.minMinutes, minMinutes);
    QCOMPARE(stats.streak.current, current);
    QCOMPARE(stats.streak.longest, longest);
}

void TestProgressStats::streakEdgeCases_data()
{
    // Sessions as (days before today, local start "HH:mm", minutes); today is 2024-04-10.
    QTest::addColumn<QStringList>("sessions");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("longest");
    QTest::newRow("nothing") << QStringList{} << 0 << 0;
    QTest::newRow("today reaches the minimum")
        << QStringList{u"2 12:00 20"_s, u"1 12:00 20"_s, u"0 12:00 15"_s} << 3 << 3;
    QTest::newRow("today short: counted from yesterday")
        << QStringList{u"2 12:00 20"_s, u"1 12:00 20"_s, u"0 12:00 14"_s} << 2 << 2;
    QTest::newRow("a gap yesterday ends it")
        << QStringList{u"3 12:00 20"_s, u"2 12:00 20"_s, u"0 12:00 5"_s} << 0 << 2;
    QTest::newRow("a gap yesterday, today counts")
        << QStringList{u"3 12:00 20"_s, u"2 12:00 20"_s, u"0 09:00 20"_s} << 1 << 2;
    QTest::newRow("a day under the minimum is a gap")
        << QStringList{u"4 12:00 30"_s, u"3 12:00 30"_s, u"2 12:00 14"_s, u"1 12:00 30"_s} << 1
        << 2;
    QTest::newRow("two short sessions add up")
        << QStringList{u"1 08:00 10"_s, u"1 20:00 5"_s} << 1 << 1;
    QTest::newRow("across midnight: 10 + 10, each day short")
        << QStringList{u"1 23:50 20"_s} << 0 << 0;
    QTest::newRow("across midnight: 20 + 15, both days count")
        << QStringList{u"1 23:40 35"_s} << 2 << 2;
    QTest::newRow("just after midnight counts for the new day")
        << QStringList{u"1 00:00 15"_s, u"0 00:00 15"_s} << 2 << 2;
    QTest::newRow("the longest run lies in the past")
        << QStringList{u"9 12:00 15"_s, u"8 12:00 15"_s, u"7 12:00 15"_s, u"1 12:00 15"_s} << 1
        << 3;
    QTest::newRow("across the switch to summer time (Mar 31)")
        << QStringList{u"11 12:00 15"_s, u"10 01:30 60"_s, u"9 12:00 15"_s} << 0 << 3;
}

void TestProgressStats::streakEdgeCases()
{
    QFETCH(QStringList, sessions);
    QFETCH(int, current);
    QFETCH(int, longest);
    const QDate today(2024, 4, 10);
    ProgressHistory history;
    for (const QString &spec : sessions) {
        const QStringList parts = spec.split(u' ');
        const QTime time = QTime::fromString(parts.at(1), u"HH:mm"_s);
        addSession(history,
                   u"a"_s,
                   local(today.addDays(-parts.at(0).toInt()), time.hour(), time.minute()),
                   parts.at(2).toInt());
    }
    const ProgressStats stats
        = ProgressStats::compute(fixtureCurriculum(), history, options(30, 15));
    QCOMPARE(stats.streak.current, current);
    QCOMPARE(stats.streak.longest, longest);
}

void TestProgressStats::dstFallBackCountsTheRepeatedHour()
{
    // 2024-10-27: at 03:00 CEST the clocks go back to 02:00 CET. A session from 02:30 CEST for
    // an hour spends 30 minutes in the first 02:00 hour and 30 in the second: 60 in hour 2.
    ProgressHistory history;
    addSession(history, u"a"_s, utc(2024, 10, 27, 0, 30), 60);
    StatsOptions o = options(30);
    o.asOf = QDate(2024, 10, 27);
    const ProgressStats stats = ProgressStats::compute(fixtureCurriculum(), history, o);
    QCOMPARE(stats.minutesByHour[2], 60);
    QCOMPARE(stats.heatmap.last(), (DateMinutes{QDate(2024, 10, 27), 60}));
    QCOMPARE(stats.minutesByWeekday[6], 60); // a Sunday
    QCOMPARE(stats.streak.current, 1);
}

void TestProgressStats::forecastAndTarget_data()
{
    QTest::addColumn<QDate>("target");
    QTest::addColumn<bool>("onTrack");
    QTest::addColumn<int>("behindBy");
    QTest::addColumn<double>("neededPerWeek");
    // 2 topics finished in the 28 days up to Apr 10 (Apr 2, Apr 8): 0.5 a week; 2 remain, so
    // 28 more days: May 8.
    QTest::newRow("a week too early") << QDate(2024, 5, 1) << false << 7 << 2 * 7 / 21.0;
    QTest::newRow("exactly then") << QDate(2024, 5, 8) << true << 0 << 2 * 7 / 28.0;
    QTest::newRow("later") << QDate(2024, 6, 1) << true << 0 << 2 * 7 / 52.0;
    QTest::newRow("already passed") << QDate(2024, 4, 1) << false << 37 << -1.0;
}

void TestProgressStats::forecastAndTarget()
{
    QFETCH(QDate, target);
    QFETCH(bool, onTrack);
    QFETCH(int, behindBy);
    QFETCH(double, neededPerWeek);
    StatsOptions o = options(30);
    o.targetDate = target;
    const ProgressStats stats = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), o);
    QCOMPARE(stats.forecast.finishedInWindow, 2);
    QCOMPARE(stats.forecast.pacePerWeek, 0.5);
    QCOMPARE(stats.forecast.remaining, 2);
    QCOMPARE(stats.forecast.finishDate, QDate(2024, 5, 8));
    QVERIFY(stats.target);
    QCOMPARE(stats.target->date, target);
    QCOMPARE(stats.target->onTrack, onTrack);
    QCOMPARE(stats.target->behindByDays.value_or(-1), behindBy);
    if (neededPerWeek < 0)
        QVERIFY(!stats.target->neededPerWeek);
    else
        QCOMPARE(stats.target->neededPerWeek.value_or(-1), neededPerWeek);
}

void TestProgressStats::forecastWithoutPaceOrWork()
{
    // Nothing finished in the last 28 days: no pace, no finish date, behind by an unknown time.
    StatsOptions o = options(30);
    o.asOf = QDate(2024, 6, 1);
    o.targetDate = QDate(2024, 12, 31);
    const ProgressStats idle = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), o);
    QCOMPARE(idle.forecast.pacePerWeek, 0.0);
    QVERIFY(!idle.forecast.finishDate.isValid());
    QVERIFY(!idle.target->onTrack);
    QVERIFY(!idle.target->behindByDays);

    // Everything finished: on track whatever the date, and no forecast.
    ProgressHistory all;
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})
        addEvent(all, id, TopicStatus::Done, utc(2024, 4, 1, 12, 0));
    o.asOf = QDate(2024, 4, 10);
    o.targetDate = QDate(2024, 1, 1);
    const ProgressStats done = ProgressStats::compute(fixtureCurriculum(), all, o);
    QCOMPARE(done.forecast.remaining, 0);
    QCOMPARE(done.forecast.pacePerWeek, 5 * 7 / 28.0);
    QVERIFY(!done.forecast.finishDate.isValid());
    QVERIFY(done.target->onTrack);
    QCOMPARE(done.target->behindByDays.value_or(-1), 0);
}

void TestProgressStats::sectionFilter()
{
    StatsOptions o = options(30);
    o.sectionId = u"s2"_s;
    const ProgressStats stats = ProgressStats::compute(fixtureCurriculum(), fixtureHistory(), o);
    QCOMPARE(stats.sections.size(), 1);
    QCOMPARE(stats.sections.first().sectionId, u"s2"_s);
    QCOMPARE(stats.overall.total(), 2);
    QCOMPARE(stats.overall.finished(), 0);
    // d: 10 on Apr 9, 5 on Apr 10; e: 30 on Apr 10 before midnight.
    QCOMPARE(stats.minutesTotal, 45);
    const QList<DateMinutes> days{{QDate(2024, 4, 9), 10}, {QDate(2024, 4, 10), 35}};
    QCOMPARE(nonZero(stats.heatmap), days);
    QCOMPARE(stats.streak.current, 1);
    QCOMPARE(stats.forecast.remaining, 2);
    QVERIFY(!stats.forecast.finishDate.isValid());
    QVERIFY(stats.completedByDay.isEmpty());
}

void TestProgressStats::allHistoryRange()
{
    const ProgressStats stats = ProgressStats::compute(
        fixtureCurriculum(), fixtureHistory(), options(StatsOptions::AllHistory));
    QCOMPARE(stats.rangeFrom, QDate(2024, 2, 10)); // the first session
    QCOMPARE(stats.finishedBeforeRange, 0);
    QCOMPARE(stats.completedByDay.size(), 3);
    QCOMPARE(stats.completedByDay.first(), (DateCount{QDate(2024, 3, 5), 1}));
    QCOMPARE(stats.minutesInRange, 330);
    QCOMPARE(stats.minutesByWeek.size(), 10); // Feb 5 … Apr 8
    QCOMPARE(stats.minutesByWeek.first(), (DateMinutes{QDate(2024, 2, 5), 120}));
    int sum = 0;
    for (const DateMinutes &week : stats.minutesByWeek)
        sum += week.minutes;
    QCOMPARE(sum, 330);
    QCOMPARE(stats.minutesByHour[10], 60);
    QCOMPARE(stats.minutesByHour[11], 60);
}

void TestProgressStats::jsonHasTheIssuesKeys()
{
    StatsOptions o = options(30);
    o.targetDate = QDate(2024, 5, 1);
    const QJsonObject root
        = QJsonDocument::fromJson(ProgressStatsJson::write(ProgressStats::compute(
                                      fixtureCurriculum(), fixtureHistory(), o)))
              .object();
    const QJsonObject s1 = root.value(u"sections"_s).toArray().first().toObject();
    QCOMPARE(s1.value(u"id"_s).toString(), u"s1"_s);
    QCOMPARE(s1.value(u"done"_s).toInt(), 1);
    QCOMPARE(s1.value(u"skipped"_s).toInt(), 2);
    QCOMPARE(s1.value(u"total"_s).toInt(), 3);
    const QJsonArray completed = root.value(u"completed_by_day"_s).toArray();
    QCOMPARE(completed.size(), 2);
    QCOMPARE(completed.first().toObject().value(u"date"_s).toString(), u"2024-04-02"_s);
    QCOMPARE(completed.first().toObject().value(u"count"_s).toInt(), 1);
    const QJsonArray weeks = root.value(u"minutes_by_week"_s).toArray();
    QCOMPARE(weeks.last().toObject().value(u"week_start"_s).toString(), u"2024-04-08"_s);
    QCOMPARE(weeks.last().toObject().value(u"minutes"_s).toInt(), 100);
    QCOMPARE(root.value(u"minutes_by_weekday"_s).toArray(),
             (QJsonArray{45, 20, 35, 0, 0, 10, 100}));
    QCOMPARE(root.value(u"minutes_by_hour"_s).toArray().size(), 24);
    QCOMPARE(root.value(u"heatmap"_s).toArray().size(), 365);
    QCOMPARE(root.value(u"streak"_s).toObject(),
             (QJsonObject{{u"current"_s, 4}, {u"longest"_s, 4}, {u"min_minutes"_s, 15}}));
    const QJsonObject forecast = root.value(u"forecast"_s).toObject();
    QCOMPARE(forecast.value(u"pace_per_week"_s).toDouble(), 0.5);
    QCOMPARE(forecast.value(u"finish_date"_s).toString(), u"2024-05-08"_s);
    const QJsonObject target = root.value(u"target"_s).toObject();
    QCOMPARE(target.value(u"on_track"_s).toBool(), false);
    QCOMPARE(target.value(u"behind_by_days"_s).toInt(), 7);
    QCOMPARE(target.value(u"needed_per_week"_s).toDouble(), 0.67);
}

void TestProgressStats::storeHistoryRoundTrip()
{
    // The store's compact history gives the same figures as the rows it holds.
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY2(store.open(dir.filePath(u"progress.db"_s)), qPrintable(store.errorString()));
    const ProgressHistory fixture = fixtureHistory();
    for (const ProgressHistory::Event &event : fixture.events) {
        QVERIFY(store.setStatus(fixture.topicIds.at(event.topic),
                                event.status,
                                QDateTime::fromMSecsSinceEpoch(event.atMs, Qt::UTC)));
    }
    for (const ProgressHistory::Session &session : fixture.sessions) {
        QVERIFY(store.logSession(fixture.topicIds.at(session.topic),
                                 session.minutes,
                                 QDateTime::fromMSecsSinceEpoch(session.startMs, Qt::UTC)));
    }
    const ProgressHistory read = store.history();
    QCOMPARE(read.events.size(), fixture.events.size());
    QCOMPARE(read.sessions.size(), fixture.sessions.size());
    const QByteArray expected = ProgressStatsJson::write(
        ProgressStats::compute(fixtureCurriculum(), fixture, options(30)));
    const QByteArray actual
        = ProgressStatsJson::write(ProgressStats::compute(fixtureCurriculum(), read, options(30)));
    QCOMPARE(actual, expected);
}

MLOPS_BERLIN_TEST_MAIN(TestProgressStats)
#include "tst_progressstats.moc"
