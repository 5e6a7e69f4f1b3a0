// `progress stats`, `progress export`, `db backup | check | restore` as a user runs them: exit
// codes, figures worked out by hand (in Berlin time), files.
#include "curriculum/curriculumloader.h"
#include "selfcheck/selfcheckscheduling.h"
#include "support/progressfixtures.h"
#include "support/require.h"
#include "support/studioprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProgressFixtures;

class TestProgressCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void statsFromARecordedHistory();
    void statsTextSummary();
    void statsSelfCheckFigures();
    void statsSelfCheckText();
    void statsRefusesBadOptions_data();
    void statsRefusesBadOptions();
    void exportCsv();
    void exportCsvRefusesBadPaths();
    void changesAreBackedUp();
    void backupCheckRestore();
    void restoreRefusesBadFiles_data();
    void restoreRefusesBadFiles();
    void checkFindsDamage();
    void restoreOverADamagedDatabase();

private:
    StudioRun studio(const QStringList &arguments) const;
    void record(const QStringList &arguments) const;
    // Records self-check answers (question id, right, ISO time with its offset) in the database
    // the program uses, as the Review dialog or `quiz answer` would.
    void answer(const QList<std::tuple<QString, bool, QString>> &answers) const;
    QString data(const QString &name = {}) const
    {
        return QDir(m_dir->filePath(u"data"_s)).filePath(name);
    }
    QStringList backups() const
    {
        return QDir(data(u"backups"_s)).entryList({u"*.db"_s}, QDir::Files, QDir::Name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProgressCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

StudioRun TestProgressCommand::studio(const QStringList &arguments) const
{
    const StudioProcess process{m_dir->path(), false, {u"TZ=Europe/Berlin"_s}, {}};
    return process.run(QStringList{u"--data-dir"_s, data()} + expandDir(arguments, m_dir->path()));
}

void TestProgressCommand::record(const QStringList &arguments) const
{
    const StudioRun result = studio(arguments);
    QVERIFY2(result.exitCode == 0, result.err);
}

// Local times (Berlin): c becomes finished at 00:30 on Apr 2 (still Apr 1 in UTC); sessions
// give Mar 30: 10, Mar 31: 10 (across midnight), Apr 9: 20, Apr 10: 5 minutes.
void TestProgressCommand::statsFromARecordedHistory()
{
    REQUIRE_OK(record({u"progress"_s,
                       u"set"_s,
                       u"mlops-overview"_s,
                       u"done"_s,
                       u"--at"_s,
                       u"2024-04-02T00:30"_s}));
    REQUIRE_OK(record({u"progress"_s,
                       u"set"_s,
                       u"data-pipelines"_s,
                       u"learning"_s,
                       u"--at"_s,
                       u"2024-04-03T09:00"_s}));
    REQUIRE_OK(record({u"progress"_s,
                       u"set"_s,
                       u"data-pipelines"_s,
                       u"done"_s,
                       u"--at"_s,
                       u"2024-04-08T20:00:00+02:00"_s}));
    REQUIRE_OK(record(
        {u"progress"_s, u"log"_s, u"mlops-overview"_s, u"20"_s, u"--at"_s, u"2024-03-30T23:50"_s}));
    REQUIRE_OK(record(
        {u"progress"_s, u"log"_s, u"data-pipelines"_s, u"20"_s, u"--at"_s, u"2024-04-09T12:00"_s}));
    REQUIRE_OK(record(
        {u"progress"_s, u"log"_s, u"data-pipelines"_s, u"5"_s, u"--at"_s, u"2024-04-10T08:00"_s}));

    const StudioRun run = studio({u"progress"_s,
                                  u"stats"_s,
                                  u"--json"_s,
                                  u"--as-of"_s,
                                  u"2024-04-10"_s,
                                  u"--range"_s,
                                  u"30d"_s,
                                  u"--target"_s,
                                  u"2025-01-01"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = run.json();
    QCOMPARE(root.value(u"completed_by_day"_s).toArray(),
             (QJsonArray{QJsonObject{{u"date"_s, u"2024-04-02"_s}, {u"count"_s, 1}},
                         QJsonObject{{u"date"_s, u"2024-04-08"_s}, {u"count"_s, 1}}}));
    const QJsonArray sections = root.value(u"sections"_s).toArray();
    QCOMPARE(sections.size(), 9);
    QCOMPARE(sections.first()[u"id"_s].toString(), u"core-concepts-of-ai-ml-and-mlops"_s);
    QCOMPARE(sections.first()[u"done"_s].toInt(), 1);
    QCOMPARE(sections.first()[u"pending"_s].toInt(), 2);
    QCOMPARE(sections.first()[u"total"_s].toInt(), 3);
    QCOMPARE(root.value(u"minutes_by_weekday"_s).toArray(), (QJsonArray{0, 20, 5, 0, 0, 10, 10}));
    QJsonArray hours;
    for (int hour = 0; hour < 24; ++hour)
        hours.append(hour == 23 ? 10 : hour == 0 ? 10 : hour == 12 ? 20 : hour == 8 ? 5 : 0);
    QCOMPARE(root.value(u"minutes_by_hour"_s).toArray(), hours);
    const QJsonArray weeks = root.value(u"minutes_by_week"_s).toArray();
    QCOMPARE(weeks.first()[u"week_start"_s].toString(), u"2024-03-11"_s);
    QCOMPARE(weeks.at(2)[u"minutes"_s].toInt(), 20);  // Mar 25 - 31
    QCOMPARE(weeks.last()[u"minutes"_s].toInt(), 25); // Apr 8 - 10
    const QJsonArray heatmap = root.value(u"heatmap"_s).toArray();
    QCOMPARE(heatmap.size(), 365);
    QCOMPARE(heatmap.last(),
             QJsonValue(QJsonObject{{u"date"_s, u"2024-04-10"_s}, {u"minutes"_s, 5}}));
    // Today's 5 minutes are short of 15: the streak counts from yesterday.
    QCOMPARE(root.value(u"streak"_s).toObject(),
             (QJsonObject{{u"current"_s, 1}, {u"longest"_s, 1}, {u"min_minutes"_s, 15}}));
    // 2 finished in 28 days: 0.5 a week; 24 left take 336 days.
    const QJsonObject forecast = root.value(u"forecast"_s).toObject();
    QCOMPARE(forecast.value(u"pace_per_week"_s).toDouble(), 0.5);
    QCOMPARE(forecast.value(u"finish_date"_s).toString(), u"2025-03-12"_s);
    const QJsonObject target = root.value(u"target"_s).toObject();
    QCOMPARE(target.value(u"on_track"_s).toBool(), false);
    QCOMPARE(target.value(u"behind_by_days"_s).toInt(), 70);

    // 10 minutes make a day: Mar 30 and 31 are a streak of 2.
    const StudioRun lower = studio({u"progress"_s,
                                    u"stats"_s,
                                    u"--json"_s,
                                    u"--as-of"_s,
                                    u"2024-04-10"_s,
                                    u"--min-minutes"_s,
                                    u"10"_s});
    QCOMPARE(lower.exitCode, 0);
    QCOMPARE(lower.json().value(u"streak"_s).toObject(),
             (QJsonObject{{u"current"_s, 1}, {u"longest"_s, 2}, {u"min_minutes"_s, 10}}));
    const StudioRun section = studio({u"progress"_s,
                                      u"stats"_s,
                                      u"--json"_s,
                                      u"--as-of"_s,
                                      u"2024-04-10"_s,
                                      u"--section"_s,
                                      u"data-engineering-for-ai-ml"_s});
    QCOMPARE(section.exitCode, 0);
    QCOMPARE(section.json().value(u"sections"_s).toArray().size(), 1);
    QCOMPARE(section.json().value(u"summary"_s)[u"minutes_total"_s].toInt(), 25);
}

void TestProgressCommand::statsTextSummary()
{
    REQUIRE_OK(record({u"progress"_s,
                       u"set"_s,
                       u"mlops-overview"_s,
                       u"done"_s,
                       u"--at"_s,
                       u"2024-04-02T10:00"_s}));
    const StudioRun run = studio({u"progress"_s, u"stats"_s, u"--as-of"_s, u"2024-04-10"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Finished: 1 of 26 topics (3.8%)"), run.out);
    QVERIFY2(run.out.contains("Streak: 0 days (longest 0 days"), run.out);
    QVERIFY2(run.out.contains("Pace: 0.25 topics a week"), run.out);
}

void TestProgressCommand::answer(const QList<std::tuple<QString, bool, QString>> &answers) const
{
    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    ProgressStore store;
    QVERIFY2(store.open(data(u"progress.db"_s)), qPrintable(store.errorString()));
    for (const auto &[questionId, correct, time] : answers) {
        const Topic *topic = nullptr;
        const SelfCheckQuestion *question = curriculum.findQuestion(questionId, &topic);
        QVERIFY2(question, qPrintable(questionId));
        ReviewAnswer given;
        given.questionId = questionId;
        given.topicId = topic->id;
        given.choice
            = correct ? question->answer : (question->answer + 1) % question->choices.size();
        given.correct = correct;
        given.at = QDateTime::fromString(time, Qt::ISODate);
        QVERIFY2(given.at.isValid(), qPrintable(time));
        QVERIFY2(store.recordAnswer(given, SelfCheckScheduling::scheduler()),
                 qPrintable(store.errorString()));
    }
}

// The schedule from the FSRS-4.5 formulas and default parameters
// (github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm), worked out by hand: a first
// right answer is due after S0(Good) = w2 = 3.7145 days, rounded: 4; a wrong one after the
// 10-minute relearning step. accuracy-drop-no-alert wrong (S = w0 = 0.4872, D = w4 + 2 w5 =
// 7.6214), then right 12 hours later: R = (1 + 19/81 × 0.5 / 0.4872)^-0.5 = 0.8978,
// S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) + 1) = 1.552, due in 2 days.
void TestProgressCommand::statsSelfCheckFigures()
{
    REQUIRE_OK(answer({
        {u"introduction-to-ai-ml/labeled-tickets-supervised"_s, true, u"2024-03-01T10:00+01:00"_s},
        {u"mlops-overview/why-models-decay"_s, true, u"2024-04-01T10:00+02:00"_s},
        {u"mlops-overview/accuracy-drop-no-alert"_s, false, u"2024-04-09T20:00+02:00"_s},
        {u"mlops-overview/accuracy-drop-no-alert"_s, true, u"2024-04-10T08:00+02:00"_s},
        {u"ai-ml-lifecycle/stage-order"_s, true, u"2024-04-10T09:00+02:00"_s},
        {u"mlops-overview/why-models-decay"_s, false, u"2024-04-10T10:00+02:00"_s},
    }));
    const StudioRun run = studio({u"progress"_s,
                                  u"stats"_s,
                                  u"--json"_s,
                                  u"--as-of"_s,
                                  u"2024-04-10"_s,
                                  u"--range"_s,
                                  u"30d"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject selfCheck = run.json().value(u"self_check"_s).toObject();
    // Due by the end of Apr 10: labeled-tickets-supervised (Mar 5, overdue) and why-models-decay
    // (10:10). The range (Mar 12 to Apr 10) leaves out the answer of Mar 1; of the 5 in it, 2
    // answer a question seen before: 1 right.
    QCOMPARE(selfCheck.value(u"due_today"_s).toInt(), 2);
    QCOMPARE(selfCheck.value(u"answered"_s).toInt(), 4);
    QCOMPARE(selfCheck.value(u"questions"_s).toInt(), 182); // 26 topics, 7 questions each
    QCOMPARE(selfCheck.value(u"answers_in_range"_s).toInt(), 5);
    QCOMPARE(selfCheck.value(u"answers_total"_s).toInt(), 6);
    QCOMPARE(selfCheck.value(u"reviews_in_range"_s).toInt(), 2);
    QCOMPARE(selfCheck.value(u"reviews_right_in_range"_s).toInt(), 1);
    QCOMPARE(selfCheck.value(u"retention"_s).toDouble(), 0.5);
    const auto day = [](const QString &date, int answers, int reviews, int right) {
        return QJsonObject{{u"date"_s, date},
                           {u"answers"_s, answers},
                           {u"reviews"_s, reviews},
                           {u"reviews_right"_s, right}};
    };
    QCOMPARE(selfCheck.value(u"answers_by_day"_s).toArray(),
             (QJsonArray{day(u"2024-04-01"_s, 1, 0, 0),
                         day(u"2024-04-09"_s, 1, 0, 0),
                         day(u"2024-04-10"_s, 3, 2, 1)}));
    // Today 2; accuracy-drop-no-alert on Apr 12 08:00; stage-order on Apr 14 09:00.
    QJsonArray forecast;
    for (int i = 0; i < 30; ++i)
        forecast.append(i == 0 ? 2 : i == 2 || i == 4 ? 1 : 0);
    QCOMPARE(selfCheck.value(u"forecast"_s).toArray(), forecast);
    QVERIFY(run.out.indexOf("\n  \"self_check\": {") > run.out.indexOf("\n  \"target\": "));

    // As of Apr 9 the answers after that day do not count; what is due comes from each
    // question's state after its latest answer: only labeled-tickets-supervised by Apr 9.
    const StudioRun before = studio({u"progress"_s,
                                     u"stats"_s,
                                     u"--json"_s,
                                     u"--as-of"_s,
                                     u"2024-04-09"_s,
                                     u"--range"_s,
                                     u"all"_s});
    QCOMPARE(before.exitCode, 0);
    const QJsonObject earlier = before.json().value(u"self_check"_s).toObject();
    QCOMPARE(earlier.value(u"answers_total"_s).toInt(), 3);
    QCOMPARE(earlier.value(u"answers_in_range"_s).toInt(), 3);
    QCOMPARE(earlier.value(u"answers_by_day"_s).toArray().first()[u"date"_s].toString(),
             u"2024-03-01"_s);
    QCOMPARE(earlier.value(u"due_today"_s).toInt(), 1);
    QVERIFY(earlier.value(u"retention"_s).isNull()); // no review up to Apr 9
}

void TestProgressCommand::statsSelfCheckText()
{
    const StudioRun none = studio({u"progress"_s, u"stats"_s, u"--as-of"_s, u"2024-04-10"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY2(none.out.contains("Self-check: 0 due today, 0 in the next 30 days; 0 of 182 "
                               "questions answered\n"),
             none.out);
    QVERIFY2(none.out.contains("Answers: 0 in the range, 0 in all; no retention yet"), none.out);

    REQUIRE_OK(answer({
        {u"mlops-overview/why-models-decay"_s, true, u"2024-04-01T10:00+02:00"_s},
        {u"mlops-overview/why-models-decay"_s, true, u"2024-04-08T10:00+02:00"_s},
        {u"ai-ml-lifecycle/stage-order"_s, false, u"2024-04-10T09:00+02:00"_s},
    }));
    const StudioRun run = studio({u"progress"_s, u"stats"_s, u"--as-of"_s, u"2024-04-10"_s});
    QCOMPARE(run.exitCode, 0);
    // stage-order is due at 09:10. why-models-decay, right again 7 days after its first answer
    // (S = w2 = 3.7145, D = w4 = 5.1618): R = (1 + 19/81 × 7 / S)^-0.5 = 0.8328, S' = 21.71,
    // due in 22 days: Apr 30, day 20 of the forecast.
    QVERIFY2(run.out.contains("Self-check: 1 due today, 2 in the next 30 days; 2 of 182 "
                              "questions answered\n"),
             run.out);
    QVERIFY2(run.out.contains("Answers: 3 in the range, 3 in all; retention 100.0% (1 of 1 "
                              "review right)\n"),
             run.out);
}

void TestProgressCommand::statsRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("as-of") << QStringList{u"--as-of"_s, u"2024-13-01"_s}
                           << QByteArray("--as-of '2024-13-01': not a date in the form YYYY-MM-DD");
    QTest::newRow("as-of with a time")
        << QStringList{u"--as-of"_s, u"2024-04-01T10:00"_s} << QByteArray("not a date");
    QTest::newRow("min-minutes 0") << QStringList{u"--min-minutes"_s, u"0"_s}
                                   << QByteArray("--min-minutes '0': expected a whole number");
    QTest::newRow("min-minutes word")
        << QStringList{u"--min-minutes"_s, u"many"_s} << QByteArray("--min-minutes 'many'");
    QTest::newRow("range") << QStringList{u"--range"_s, u"2w"_s}
                           << QByteArray("--range '2w': expected 30d, 90d, 1y or all");
    QTest::newRow("section") << QStringList{u"--section"_s, u"ci-cd-for-machine-learnin"_s}
                             << QByteArray("did you mean 'ci-cd-for-machine-learning'?");
    QTest::newRow("target") << QStringList{u"--target"_s, u"soon"_s}
                            << QByteArray("--target 'soon': not a date");
}

void TestProgressCommand::statsRefusesBadOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, expected);
    const StudioRun run = studio(QStringList{u"progress"_s, u"stats"_s} + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), run.err);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.out.isEmpty());
}

void TestProgressCommand::exportCsv()
{
    REQUIRE_OK(record({u"progress"_s,
                       u"set"_s,
                       u"mlops-overview"_s,
                       u"learning"_s,
                       u"--at"_s,
                       u"2024-03-01T10:30"_s}));
    REQUIRE_OK(record({u"progress"_s,
                       u"log"_s,
                       u"mlops-overview"_s,
                       u"45"_s,
                       u"--at"_s,
                       u"2024-07-01T22:15:00Z"_s}));
    QVERIFY(writeFile(m_dir->filePath(u"out.csv"_s), "old contents"));
    const StudioRun run = studio({u"progress"_s, u"export"_s, u"--csv"_s, u"%DIR%/out.csv"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("Exported 1 status event and 1 study session to "), run.err);
    QFile file(m_dir->filePath(u"out.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("kind,id,topic_id,status,time_utc,time_local,minutes\r\n"
                        "status,1,mlops-overview,learning,2024-03-01T09:30:00Z,"
                        "2024-03-01T10:30:00+01:00,\r\n"
                        "session,1,mlops-overview,,2024-07-01T22:15:00Z,"
                        "2024-07-02T00:15:00+02:00,45\r\n"));
}

void TestProgressCommand::exportCsvRefusesBadPaths()
{
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder"_s));
    const StudioRun missing = studio({u"progress"_s, u"export"_s});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("missing --csv FILE"), missing.err);
    const StudioRun folder = studio({u"progress"_s, u"export"_s, u"--csv"_s, u"%DIR%/folder"_s});
    QCOMPARE(folder.exitCode, 2);
    QVERIFY2(folder.err.contains("folder: is a folder, not a file"), folder.err);
    const StudioRun noFolder
        = studio({u"progress"_s, u"export"_s, u"--csv"_s, u"%DIR%/nowhere/out.csv"_s});
    QCOMPARE(noFolder.exitCode, 2);
    QVERIFY2(noFolder.err.contains("does not exist"), noFolder.err);
    QVERIFY(!QFile::exists(data(u"progress.db"_s))); // refused before opening anything
}

void TestProgressCommand::changesAreBackedUp()
{
    REQUIRE_OK(record({u"progress"_s, u"show"_s}));
    QVERIFY(backups().isEmpty()); // reading changes nothing
    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"learning"_s}));
    QCOMPARE(backups().size(), 1); // the first change: never backed up before
    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}));
    QCOMPARE(backups().size(), 1); // within 30 minutes of the last
}

void TestProgressCommand::backupCheckRestore()
{
    const StudioRun none = studio({u"db"_s, u"check"_s});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("no progress database yet"), none.err);
    QCOMPARE(studio({u"db"_s, u"backup"_s}).exitCode, 2);
    QVERIFY(!QFile::exists(data(u"progress.db"_s)));

    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}));
    REQUIRE_OK(record({u"progress"_s, u"log"_s, u"mlops-overview"_s, u"30"_s}));
    const StudioRun check = studio({u"db"_s, u"check"_s});
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.contains("quick_check: ok"), check.out);
    QVERIFY2(check.out.contains("integrity_check: ok"), check.out);
    QVERIFY2(check.out.contains("contents: 1 status event, 1 study session, 0 notes"), check.out);
    QVERIFY2(check.out.endsWith("No problems found.\n"), check.out);

    const StudioRun backup = studio({u"db"_s, u"backup"_s});
    QCOMPARE(backup.exitCode, 0);
    QVERIFY2(backup.out.startsWith("Backed up " + data(u"progress.db"_s).toUtf8()), backup.out);
    // "Backed up DB to FILE (N backups kept in FOLDER)"
    const QString newest
        = QString::fromUtf8(backup.out).section(u" to "_s, 1).section(u" ("_s, 0, 0);
    QVERIFY2(QFile::exists(newest), backup.out);
    QVERIFY2(backup.out.contains("(1 backup kept in "), backup.out); // both from today
    QCOMPARE(studio({u"db"_s, u"check"_s, newest}).exitCode, 0);

    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"pending"_s}));
    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"feature-stores"_s, u"done"_s}));
    const StudioRun restore = studio({u"db"_s, u"restore"_s, newest});
    QCOMPARE(restore.exitCode, 0);
    QVERIFY2(restore.out.contains("-before-restore.db"), restore.out);
    const QJsonObject shown = studio({u"progress"_s, u"show"_s, u"--json"_s}).json();
    QCOMPARE(shown.value(u"overall"_s)[u"done"_s].toInt(), 1);
    QCOMPARE(shown.value(u"overall"_s)[u"minutes"_s].toInt(), 30);
    for (const QJsonValue &topic : shown.value(u"topics"_s).toArray()) {
        if (topic[u"id"_s].toString() == u"mlops-overview"_s)
            QCOMPARE(topic[u"status"_s].toString(), u"done"_s);
    }
}

void TestProgressCommand::restoreRefusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("missing") << u"missing"_s << QByteArray("candidate.db: no such file");
    QTest::newRow("text") << u"text"_s
                          << QByteArray("candidate.db: cannot restore it: not an SQLite database");
    QTest::newRow("foreign") << u"foreign"_s
                             << QByteArray("candidate.db: cannot restore it: not an MLOps Roadmap "
                                           "Studio progress database");
    QTest::newRow("newer") << u"newer"_s
                           << QByteArray("candidate.db: cannot restore it: written by a newer "
                                         "version of MLOps Roadmap Studio");
    QTest::newRow("corrupt") << u"corrupt"_s
                             << QByteArray("candidate.db: cannot restore it: the database is "
                                           "corrupt");
}

void TestProgressCommand::restoreRefusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, expected);
    const QString file = m_dir->filePath(u"candidate.db"_s);
    if (kind == u"text"_s)
        QVERIFY(writeFile(file, "hello\n"));
    else if (kind == u"foreign"_s)
        QVERIFY(runSql(file, {u"CREATE TABLE recipes (name TEXT)"_s}));
    else if (kind == u"newer"_s)
        QVERIFY(runSql(file,
                       {applicationIdPragma(ProgressStore::ApplicationId),
                        u"PRAGMA user_version = %1"_s.arg(ProgressStore::SchemaVersion + 1),
                        u"CREATE TABLE future (x)"_s}));
    else if (kind == u"corrupt"_s)
        QVERIFY(makeCorruptDatabase(file));
    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}));
    const QByteArray before = fileHash(data(u"progress.db"_s));
    const QStringList backupsBefore = backups();

    const StudioRun run = studio({u"db"_s, u"restore"_s, u"%DIR%/candidate.db"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), run.err);
    QCOMPARE(run.err.count('\n'), 1);
    QCOMPARE(fileHash(data(u"progress.db"_s)), before);
    QCOMPARE(backups(), backupsBefore);
}

void TestProgressCommand::checkFindsDamage()
{
    const QString file = m_dir->filePath(u"damaged.db"_s);
    QVERIFY(makeCorruptDatabase(file));
    const StudioRun run = studio({u"db"_s, u"check"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("quick_check: "), run.out);
    QVERIFY2(run.out.contains("integrity_check: "), run.out);
    QVERIFY2(run.out.contains("problems found.") || run.out.contains("problem found."), run.out);
    QCOMPARE(studio({u"db"_s, u"check"_s, u"%DIR%/nothing.db"_s}).exitCode, 2);
}

void TestProgressCommand::restoreOverADamagedDatabase()
{
    REQUIRE_OK(record({u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}));
    const StudioRun backedUp = studio({u"db"_s, u"backup"_s});
    QCOMPARE(backedUp.exitCode, 0);
    const QString backup
        = QString::fromUtf8(backedUp.out).section(u" to "_s, 1).section(u" ("_s, 0, 0);
    QVERIFY(QFile::remove(data(u"progress.db"_s)));
    QVERIFY(makeCorruptDatabase(data(u"progress.db"_s)));
    const QByteArray damaged = fileHash(data(u"progress.db"_s));
    QCOMPARE(studio({u"progress"_s, u"show"_s}).exitCode, 2);

    const StudioRun run = studio({u"db"_s, u"restore"_s, backup});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("the database is corrupt"), run.err); // a warning: moved aside
    const QStringList kept = QDir(data(u"backups"_s)).entryList({u"*-before-restore.db"_s});
    QCOMPARE(kept.size(), 1); // the damaged file: the new, empty one needs no copy
    QCOMPARE(fileHash(data(u"backups/"_s) + kept.first()), damaged);
    QVERIFY2(run.out.contains(kept.first().toUtf8()), run.out);
    const StudioRun shown = studio({u"progress"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json().value(u"overall"_s)[u"done"_s].toInt(), 1);
}

QTEST_GUILESS_MAIN(TestProgressCommand)
#include "tst_progresscommand.moc"
