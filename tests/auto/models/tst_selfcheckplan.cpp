// What is due today, mastery and the review figures, in several time zones. Expected days come
// from the zones' published rules: Europe/Berlin moves to CEST (+02:00) at 02:00 on
// 2026-03-29 (a 23-hour day) and back to CET at 03:00 on 2026-10-25 (a 25-hour day);
// America/New_York is -05:00 in January; Asia/Kolkata +05:30; Pacific/Auckland +13:00 in January.
#include "selfcheck/reviewstatistics.h"
#include "selfcheck/selfcheckplan.h"
#include "support/localzone.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

SelfCheckQuestion question(const QString &id)
{
    return {id, u"Which?"_s, {u"a"_s, u"b"_s}, 0, {}};
}

// Two topics of three questions each.
Curriculum curriculum()
{
    Curriculum c;
    c.title = u"C"_s;
    Section s;
    s.id = u"s"_s;
    s.title = u"S"_s;
    Topic a;
    a.id = u"a"_s;
    a.title = u"A"_s;
    a.questions = {question(u"a/1"_s), question(u"a/2"_s), question(u"a/3"_s)};
    Topic b;
    b.id = u"b"_s;
    b.title = u"B"_s;
    b.questions = {question(u"b/1"_s), question(u"b/2"_s), question(u"b/3"_s)};
    s.topics = {a, b};
    c.sections = {s};
    return c;
}

ReviewCard card(const QString &id, const QDateTime &due, bool lastCorrect = true)
{
    ReviewCard c;
    c.questionId = id;
    c.topicId = id.section(u'/', 0, 0);
    c.stability = 1;
    c.difficulty = 5;
    c.reps = 1;
    c.lastCorrect = lastCorrect;
    c.lastReview = due.addDays(-1);
    c.due = due;
    return c;
}

QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

} // namespace

class TestSelfCheckPlan : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { useTimeZone("UTC"); }

    void dueTodayFollowsTheLocalDay_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("asOf");
        QTest::addColumn<QDateTime>("lastDueToday"); // due at this instant: still today
        QTest::addColumn<QDateTime>("firstDueTomorrow");
        // 23-hour day: tomorrow starts at 2026-03-30 00:00 CEST = 2026-03-29 22:00 UTC.
        QTest::newRow("Berlin, spring forward")
            << QByteArray("Europe/Berlin") << utc(2026, 3, 29, 0, 30) << utc(2026, 3, 29, 21, 59)
            << utc(2026, 3, 29, 22, 0);
        // 25-hour day: tomorrow starts at 2026-10-26 00:00 CET = 2026-10-25 23:00 UTC.
        QTest::newRow("Berlin, fall back")
            << QByteArray("Europe/Berlin") << utc(2026, 10, 24, 22, 30) << utc(2026, 10, 25, 22, 59)
            << utc(2026, 10, 25, 23, 0);
        // One minute before midnight in New York (04:59 UTC on the 15th is 23:59 on the 14th).
        QTest::newRow("New York, a minute to midnight")
            << QByteArray("America/New_York") << utc(2026, 1, 15, 4, 59) << utc(2026, 1, 15, 4, 59)
            << utc(2026, 1, 15, 5, 0);
        // Midnight itself belongs to the new day: 05:00 UTC is 00:00 on the 15th.
        QTest::newRow("New York, at midnight")
            << QByteArray("America/New_York") << utc(2026, 1, 15, 5, 0) << utc(2026, 1, 16, 4, 59)
            << utc(2026, 1, 16, 5, 0);
        QTest::newRow("Kolkata") << QByteArray("Asia/Kolkata") << utc(2026, 1, 15, 12, 0)
                                 << utc(2026, 1, 15, 18, 29) << utc(2026, 1, 15, 18, 30);
        // Auckland is already on the 16th at 12:00 UTC on the 15th (01:00 NZDT).
        QTest::newRow("Auckland") << QByteArray("Pacific/Auckland") << utc(2026, 1, 15, 12, 0)
                                  << utc(2026, 1, 16, 10, 59) << utc(2026, 1, 16, 11, 0);
    }

    void dueTodayFollowsTheLocalDay()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, asOf);
        QFETCH(QDateTime, lastDueToday);
        QFETCH(QDateTime, firstDueTomorrow);
        useTimeZone(zone.constData());
        if (QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::LocalTime).offsetFromUtc() == 0)
            QSKIP("no time zone data (Debian package tzdata)");
        const Curriculum c = curriculum();
        const QHash<QString, ReviewCard> cards{
            {u"a/1"_s, card(u"a/1"_s, asOf.addDays(-3))}, // overdue
            {u"a/2"_s, card(u"a/2"_s, lastDueToday.addSecs(59))},
            {u"b/1"_s, card(u"b/1"_s, firstDueTomorrow)},
            {u"gone/1"_s, card(u"gone/1"_s, asOf)}, // no longer in the curriculum
        };
        QCOMPARE(SelfCheckPlan::endOfLocalDay(asOf), firstDueTomorrow);
        QCOMPARE(SelfCheckPlan::dueCount(c, cards, asOf), 2);
        const auto due = SelfCheckPlan::dueQuestions(c, cards, {}, asOf);
        QCOMPARE(due.size(), 2);                    // no new ones: no topic is being studied
        QCOMPARE(due.at(0).question->id, u"a/1"_s); // earliest due first
        QCOMPARE(due.at(1).question->id, u"a/2"_s);
        // The forecast: two today; b/1 on day 1.
        const ReviewStatistics::Figures figures
            = ReviewStatistics::compute({}, c, cards, asOf.toLocalTime().date());
        QCOMPARE(figures.forecast.size(), ReviewStatistics::ForecastDays);
        QCOMPARE(figures.forecast.at(0), 2);
        QCOMPARE(figures.forecast.at(1), 1);
    }

    void newQuestionsOnlyFromTopicsBeingStudied()
    {
        const Curriculum c = curriculum();
        const QDateTime now = utc(2026, 5, 1, 12, 0);
        const QHash<QString, ReviewCard> cards{{u"b/2"_s, card(u"b/2"_s, now.addDays(5))}};
        QHash<QString, TopicStatus> statuses{{u"b"_s, TopicStatus::Learning}};
        auto planned = SelfCheckPlan::dueQuestions(c, cards, statuses, now);
        QCOMPARE(planned.size(), 2); // b/1 and b/3; b/2 is answered and not due
        QVERIFY(planned.at(0).isNew && planned.at(1).isNew);
        QCOMPARE(planned.at(0).question->id, u"b/1"_s);
        QCOMPARE(planned.at(1).question->id, u"b/3"_s);
        statuses.insert(u"a"_s, TopicStatus::Done);
        QCOMPARE(SelfCheckPlan::dueQuestions(c, cards, statuses, now, 4).size(), 4);
        statuses = {{u"a"_s, TopicStatus::Skipped}, {u"b"_s, TopicStatus::Pending}};
        QVERIFY(SelfCheckPlan::dueQuestions(c, cards, statuses, now).isEmpty());
    }

    void masteryCountsWhatIsRemembered()
    {
        const Curriculum c = curriculum();
        const QDateTime now = utc(2026, 5, 1, 12, 0);
        const QHash<QString, ReviewCard> cards{
            {u"a/1"_s, card(u"a/1"_s, now.addDays(3))},          // remembered
            {u"a/2"_s, card(u"a/2"_s, now.addSecs(-1))},         // due: not any more
            {u"a/3"_s, card(u"a/3"_s, now.addSecs(600), false)}, // answered wrong
            {u"b/1"_s, card(u"b/1"_s, now.addDays(1))},          // remembered
        };
        const SelfCheckPlan::Mastery a
            = SelfCheckPlan::topicMastery(c.sections[0].topics[0], cards, now);
        QCOMPARE(a.remembered, 1);
        QCOMPARE(a.answered, 3);
        QCOMPARE(a.total, 3);
        const SelfCheckPlan::Mastery all = SelfCheckPlan::overallMastery(c, cards, now);
        QCOMPARE(all.remembered, 2);
        QCOMPARE(all.answered, 4);
        QCOMPARE(all.total, 6);
        QCOMPARE(all.share(), 2.0 / 6);
        QCOMPARE(SelfCheckPlan::Mastery{}.share(), 0.0);
    }

    void answersPerLocalDayAndRetention()
    {
        useTimeZone("America/New_York");
        // 23:30 and 23:50 on 2026-01-14 in New York, then 00:10 on the 15th (05:10 UTC).
        ReviewTimeline timeline;
        timeline.atMs = {utc(2026, 1, 15, 4, 30).toMSecsSinceEpoch(),
                         utc(2026, 1, 15, 4, 50).toMSecsSinceEpoch(),
                         utc(2026, 1, 15, 5, 10).toMSecsSinceEpoch()};
        timeline.correct = {true, false, true};
        timeline.firstAnswer = {true, false, false};
        const auto figures
            = ReviewStatistics::compute(timeline, curriculum(), {}, QDate(2026, 1, 15));
        QCOMPARE(figures.days.size(), 2);
        QCOMPARE(figures.days.value(QDate(2026, 1, 14)), (ReviewStatistics::DayFigures{2, 1, 0}));
        QCOMPARE(figures.days.value(QDate(2026, 1, 15)), (ReviewStatistics::DayFigures{1, 1, 1}));
        QCOMPARE(figures.answers, 3);
        QCOMPARE(figures.retention(), 0.5);
        QCOMPARE(ReviewStatistics::compute({}, curriculum(), {}, QDate(2026, 1, 15)).retention(),
                 -1.0);
    }
};

QTEST_GUILESS_MAIN(TestSelfCheckPlan)
#include "tst_selfcheckplan.moc"
