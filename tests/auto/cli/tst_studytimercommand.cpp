// `progress timer start|stop|status|cancel` as a user runs it: what lands in the database, the
// exit codes and messages, and that it is the window's own timer (StudyTimer sees it).
#include "progress/progressstore.h"
#include "progress/studytimer.h"
#include "support/studioprocess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStudyTimerCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void startStatusStop();
    void startingAnotherTopicLandsTheFirst();
    void cancelLogsNothing();
    void aSessionCountsAtMostADay();
    void refusals_data();
    void refusals();
    void theWindowSeesTheSameTimer();

private:
    StudioRun timer(const QStringList &arguments) const;
    QString databasePath() const { return m_dir->filePath(u"data/progress.db"_s); }
    QList<StudySession> sessions() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStudyTimerCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

StudioRun TestStudyTimerCommand::timer(const QStringList &arguments) const
{
    const StudioProcess process{m_dir->path(), false, {u"TZ=UTC"_s}, {}};
    return process.run(
        QStringList{u"--data-dir"_s, m_dir->filePath(u"data"_s), u"progress"_s, u"timer"_s}
        + arguments);
}

QList<StudySession> TestStudyTimerCommand::sessions() const
{
    ProgressStore store;
    if (!store.open(databasePath()))
        qFatal("cannot open %s", qPrintable(store.errorString()));
    return store.sessions();
}

void TestStudyTimerCommand::startStatusStop()
{
    StudioRun run = timer({u"status"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, "The study timer is not running.\n"_ba);

    run = timer({u"start"_s, u"feature-stores"_s, u"--at"_s, u"2026-01-05T09:00:00Z"_s});
    QVERIFY2(run.exitCode == 0, run.err);
    QCOMPARE(run.out, "feature-stores: timer started at 2026-01-05 09:00\n"_ba);

    run = timer({u"status"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject status = run.json();
    QCOMPARE(status.value(u"running"_s).toBool(), true);
    QCOMPARE(status.value(u"topic"_s).toString(), u"feature-stores"_s);
    QCOMPARE(status.value(u"start"_s).toString(), u"2026-01-05T09:00:00Z"_s);
    QVERIFY(status.value(u"elapsed_minutes"_s).toInt() > 0);
    run = timer({u"status"_s});
    QVERIFY(run.out.startsWith("feature-stores: timer running for "));
    QVERIFY(run.out.endsWith(", since 2026-01-05 09:00 (Feature Stores)\n"));

    // Starting the topic already timed changes nothing.
    run = timer({u"start"_s, u"feature-stores"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, "feature-stores: the timer already runs, since 2026-01-05 09:00\n"_ba);

    run = timer({u"stop"_s, u"--at"_s, u"2026-01-05T09:45:20Z"_s});
    QVERIFY2(run.exitCode == 0, run.err);
    QCOMPARE(run.out, "feature-stores: timer stopped, logged 45 min\n"_ba);
    const QList<StudySession> logged = sessions();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().topicId, u"feature-stores"_s);
    QCOMPARE(logged.first().start, QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    QCOMPARE(logged.first().minutes, 45);
    QCOMPARE(timer({u"status"_s, u"--json"_s}).json().value(u"running"_s).toBool(), false);
}

void TestStudyTimerCommand::startingAnotherTopicLandsTheFirst()
{
    QCOMPARE(timer({u"start"_s, u"data-pipelines"_s, u"--at"_s, u"2026-01-05T09:00Z"_s}).exitCode,
             0);
    const StudioRun run
        = timer({u"start"_s, u"big-data-tools"_s, u"--at"_s, u"2026-01-05T09:20Z"_s});
    QVERIFY2(run.exitCode == 0, run.err);
    QCOMPARE(run.out,
             "data-pipelines: timer stopped, logged 20 min\n"
             "big-data-tools: timer started at 2026-01-05 09:20\n"_ba);
    const QList<StudySession> logged = sessions();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().topicId, u"data-pipelines"_s);
    QCOMPARE(logged.first().minutes, 20);
    QCOMPARE(timer({u"status"_s, u"--json"_s}).json().value(u"topic"_s).toString(),
             u"big-data-tools"_s);
}

void TestStudyTimerCommand::cancelLogsNothing()
{
    QCOMPARE(timer({u"cancel"_s}).out, "The study timer is not running.\n"_ba);
    QCOMPARE(timer({u"start"_s, u"feature-stores"_s, u"--at"_s, u"2026-01-05T09:00Z"_s}).exitCode,
             0);
    const StudioRun run = timer({u"cancel"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, "feature-stores: timer cancelled; nothing logged\n"_ba);
    QVERIFY(sessions().isEmpty());
    QCOMPARE(timer({u"status"_s, u"--json"_s}).json().value(u"running"_s).toBool(), false);
}

void TestStudyTimerCommand::aSessionCountsAtMostADay()
{
    QCOMPARE(timer({u"start"_s, u"feature-stores"_s, u"--at"_s, u"2026-01-05T09:00Z"_s}).exitCode,
             0);
    const StudioRun run = timer({u"stop"_s, u"--at"_s, u"2026-01-08T09:30Z"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             "feature-stores: timer stopped, logged 24 h 0 min (it ran for 72 h 30 min; a "
             "session counts at most 24 h)\n"_ba);
    QCOMPARE(sessions().first().minutes, ProgressStore::MaxSessionMinutes);
}

void TestStudyTimerCommand::refusals_data()
{
    QTest::addColumn<QStringList>("setup"); // run first, must succeed
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QStringList none;
    const QStringList started{u"start"_s, u"feature-stores"_s, u"--at"_s, u"2026-01-05T09:00Z"_s};
    QTest::newRow("unknown action")
        << none << QStringList{u"pause"_s} << 2 << u"unknown timer action 'pause'"_s;
    QTest::newRow("start without a topic")
        << none << QStringList{u"start"_s} << 2 << u"timer start needs the TOPIC_ID"_s;
    QTest::newRow("stop with a topic") << none << QStringList{u"stop"_s, u"feature-stores"_s} << 2
                                       << u"only timer start takes a topic"_s;
    QTest::newRow("unknown topic") << none << QStringList{u"start"_s, u"feature-store"_s} << 2
                                   << u"unknown topic id 'feature-store'"_s;
    QTest::newRow("--at for status")
        << none << QStringList{u"status"_s, u"--at"_s, u"2026-01-05T09:00Z"_s} << 2
        << u"--at is for timer start and timer stop"_s;
    QTest::newRow("--json for stop")
        << started << QStringList{u"stop"_s, u"--json"_s} << 2 << u"--json is for timer status"_s;
    QTest::newRow("--at in the future")
        << none << QStringList{u"start"_s, u"feature-stores"_s, u"--at"_s, u"2999-01-01T00:00"_s}
        << 2 << u"is in the future"_s;
    QTest::newRow("--at not a time")
        << none << QStringList{u"start"_s, u"feature-stores"_s, u"--at"_s, u"yesterday"_s} << 2
        << u"not an ISO-8601 date and time"_s;
    QTest::newRow("stop before the start")
        << started << QStringList{u"stop"_s, u"--at"_s, u"2026-01-05T08:00Z"_s} << 2
        << u"before the timer for feature-stores started (2026-01-05 09:00)"_s;
    QTest::newRow("stop when nothing runs")
        << none << QStringList{u"stop"_s} << 1 << u"the study timer is not running"_s;
}

void TestStudyTimerCommand::refusals()
{
    QFETCH(QStringList, setup);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (!setup.isEmpty())
        QCOMPARE(timer(setup).exitCode, 0);
    const StudioRun run = timer(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err);
    QVERIFY(run.out.isEmpty());
    // Nothing changed: no session, and a running timer still runs.
    if (QFile::exists(databasePath())) {
        QVERIFY(sessions().isEmpty());
        QCOMPARE(timer({u"status"_s, u"--json"_s}).json().value(u"running"_s).toBool(),
                 !setup.isEmpty());
    }
}

void TestStudyTimerCommand::theWindowSeesTheSameTimer()
{
    QCOMPARE(timer({u"start"_s, u"feature-stores"_s, u"--at"_s, u"2026-01-05T09:00Z"_s}).exitCode,
             0);
    ProgressStore store;
    QVERIFY(store.open(databasePath()));
    StudyTimer window(&store, [] { return QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC); });
    QVERIFY(window.isRunningFor(u"feature-stores"_s));
    QCOMPARE(window.elapsedSeconds(), 30 * 60);
    StudySession landed;
    QVERIFY(window.stop(&landed));
    QCOMPARE(landed.minutes, 30);
    QCOMPARE(timer({u"status"_s}).out, "The study timer is not running.\n"_ba);
}

QTEST_GUILESS_MAIN(TestStudyTimerCommand)
#include "tst_studytimercommand.moc"
