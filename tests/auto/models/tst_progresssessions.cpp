// Logged study sessions edited and deleted (with undo), the study timer across a restart, and
// the revision that tells a backup is due.
#include "curriculum/curriculumloader.h"
#include "progress/curriculummodel.h"
#include "progress/progresshistory.h"
#include "progress/progressstatsjson.h"
#include "progress/progressstatsmodel.h"
#include "progress/progressstore.h"
#include "progress/studysessioncommands.h"
#include "progress/studytimer.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace {

const QDateTime T0(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);

} // namespace

class TestProgressSessions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void editAndDeleteSessions();
    void editAndDeleteRefuseBadInput();
    void undoLogEditDelete();
    void timerSurvivesARestart();
    void timerRoundsToMinutes_data();
    void timerRoundsToMinutes();
    void oneTimerAtATime();
    void studyTimerSwitchesTopics();
    void revisionRisesWithEveryChange();
    void backupCopyHasTheData();
    void historyReadInPartsMatchesAFullRead();
    void statsModelFollowsEveryKindOfChange();

private:
    QString path() const { return m_dir->filePath(u"progress.db"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProgressSessions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProgressSessions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProgressSessions::editAndDeleteSessions()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy changed(&store, &ProgressStore::sessionsChanged);
    qint64 id = 0;
    QVERIFY(store.logSession(u"docker"_s, 30, T0, &id));
    QVERIFY(id > 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.session(id), (StudySession{id, u"docker"_s, T0, 30}));

    const StudySession edited{id, u"k8s"_s, T0.addSecs(3600), 50};
    QVERIFY(store.updateSession(edited));
    QCOMPARE(store.session(id), edited);
    QCOMPARE(store.progress(u"docker"_s).minutes, 0);
    QCOMPARE(store.progress(u"k8s"_s).minutes, 50);
    QCOMPARE(changed.size(), 2);

    QVERIFY(store.deleteSession(id));
    QVERIFY(!store.session(id));
    QVERIFY(store.sessions().isEmpty());
    QCOMPARE(changed.size(), 3);

    // Restoring puts it back under its own id.
    QVERIFY(store.restoreSession(edited));
    QCOMPARE(store.session(id), edited);
    QCOMPARE(changed.size(), 4);
}

void TestProgressSessions::editAndDeleteRefuseBadInput()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    qint64 id = 0;
    QVERIFY(store.logSession(u"docker"_s, 30, T0, &id));
    QSignalSpy changed(&store, &ProgressStore::sessionsChanged);
    QVERIFY(!store.updateSession({id, u"docker"_s, T0, 0}));
    QVERIFY(!store.updateSession({id, u"docker"_s, T0, 1441}));
    QVERIFY(!store.updateSession({id, QString(), T0, 10}));
    QVERIFY(!store.updateSession({id + 1, u"docker"_s, T0, 10}));
    QVERIFY2(store.errorString().contains(u"no study session with id"_s),
             qPrintable(store.errorString()));
    QVERIFY(!store.deleteSession(id + 1));
    QVERIFY(!store.restoreSession({id, u"docker"_s, T0, 10})); // the id is taken
    QCOMPARE(changed.size(), 0);
    QCOMPARE(store.session(id), (StudySession{id, u"docker"_s, T0, 30}));
}

void TestProgressSessions::undoLogEditDelete()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QUndoStack stack;
    auto *log = new LogStudySessionCommand(&store, {0, u"mlflow"_s, T0, 25}, u"MLflow"_s);
    stack.push(log);
    const qint64 id = log->sessionId();
    QVERIFY(id > 0);
    QCOMPARE(stack.undoText(), u"Log 25 minutes on “MLflow”"_s);
    QCOMPARE(store.sessions().size(), 1);

    const StudySession before = *store.session(id);
    StudySession after = before;
    after.minutes = 40;
    stack.push(new EditStudySessionCommand(&store, before, after, u"MLflow"_s));
    QCOMPARE(store.session(id)->minutes, 40);
    stack.push(new DeleteStudySessionCommand(&store, after, u"MLflow"_s));
    QVERIFY(!store.session(id));

    stack.undo(); // the delete
    QCOMPARE(store.session(id)->minutes, 40);
    stack.undo(); // the edit
    QCOMPARE(store.session(id)->minutes, 25);
    stack.undo(); // the log
    QVERIFY(store.sessions().isEmpty());
    stack.redo();
    QCOMPARE(store.session(id)->minutes, 25); // back under the same id
    stack.redo();
    stack.redo();
    QVERIFY(store.sessions().isEmpty());

    // An edit that changes nothing is no step; a refused change is dropped.
    const int count = stack.count();
    stack.push(new EditStudySessionCommand(&store, before, before, u"MLflow"_s));
    QCOMPARE(stack.count(), count);
    stack.push(new LogStudySessionCommand(&store, {0, u"mlflow"_s, T0, 5000}, u"MLflow"_s));
    QCOMPARE(stack.count(), count);
}

void TestProgressSessions::timerSurvivesARestart()
{
    {
        ProgressStore store;
        QVERIFY(store.open(path()));
        QSignalSpy spy(&store, &ProgressStore::timerChanged);
        QVERIFY(store.startTimer(u"feature-stores"_s, T0));
        QCOMPARE(spy.size(), 1);
    } // the window closes (or crashes) with the timer running
    ProgressStore store;
    QVERIFY(store.open(path()));
    const std::optional<RunningTimer> running = store.runningTimer();
    QVERIFY(running);
    QCOMPARE(running->topicId, u"feature-stores"_s);
    QCOMPARE(running->start, T0);
    StudySession landed;
    QVERIFY(store.stopTimer(T0.addSecs(25 * 60), &landed));
    QCOMPARE(landed.topicId, u"feature-stores"_s);
    QCOMPARE(landed.minutes, 25);
    QCOMPARE(landed.start, T0);
    QCOMPARE(store.sessions(), QList<StudySession>{landed});
    store.close();
    QVERIFY(store.open(path()));
    QVERIFY(!store.runningTimer());
}

void TestProgressSessions::timerRoundsToMinutes_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("minutes"); // 0: no session lands
    QTest::newRow("29 s") << 29 << 0;
    QTest::newRow("31 s") << 31 << 1;
    QTest::newRow("89 s") << 89 << 1;
    QTest::newRow("90 s") << 90 << 2;
    QTest::newRow("a day") << 24 * 3600 << 1440;
    QTest::newRow("three days, capped") << 72 * 3600 << 1440;
    QTest::newRow("the clock went back") << -600 << 0;
}

void TestProgressSessions::timerRoundsToMinutes()
{
    QFETCH(int, seconds);
    QFETCH(int, minutes);
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.startTimer(u"t"_s, T0));
    QSignalSpy logged(&store, &ProgressStore::sessionLogged);
    StudySession landed;
    QVERIFY(store.stopTimer(T0.addSecs(seconds), &landed));
    QVERIFY(!store.runningTimer());
    QCOMPARE(landed.minutes, minutes);
    QCOMPARE(store.sessions().size(), minutes > 0 ? 1 : 0);
    QCOMPARE(logged.size(), minutes > 0 ? 1 : 0);
}

void TestProgressSessions::oneTimerAtATime()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(!store.stopTimer(T0));
    QVERIFY2(store.errorString().contains(u"not running"_s), qPrintable(store.errorString()));
    QVERIFY(store.startTimer(u"a"_s, T0));
    QVERIFY(!store.startTimer(u"b"_s, T0));
    QVERIFY2(store.errorString().contains(u"already runs for a"_s),
             qPrintable(store.errorString()));
    QCOMPARE(store.runningTimer()->topicId, u"a"_s);
    QVERIFY(store.cancelTimer());
    QVERIFY(!store.runningTimer());
    QVERIFY(store.sessions().isEmpty());
}

void TestProgressSessions::studyTimerSwitchesTopics()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QDateTime now = T0;
    StudyTimer timer(&store, [&now] { return now; });
    QSignalSpy changed(&timer, &StudyTimer::changed);
    QVERIFY(timer.start(u"a"_s));
    QVERIFY(timer.isRunningFor(u"a"_s));
    now = now.addSecs(20 * 60);
    QCOMPARE(timer.elapsedSeconds(), 20 * 60);
    QVERIFY(timer.start(u"a"_s)); // already timing a: nothing changes
    QVERIFY(store.sessions().isEmpty());
    QVERIFY(timer.start(u"b"_s)); // a's 20 minutes land, b starts now
    QCOMPARE(store.sessions(), (QList<StudySession>{{1, u"a"_s, T0, 20}}));
    QVERIFY(timer.isRunningFor(u"b"_s));
    QCOMPARE(timer.elapsedSeconds(), 0);
    now = now.addSecs(5 * 60);
    StudySession landed;
    QVERIFY(timer.stop(&landed));
    QCOMPARE(landed.minutes, 5);
    QVERIFY(!timer.isRunning());
    QVERIFY(!timer.stop());
    QVERIFY(!timer.errorString().isEmpty());
    QVERIFY(changed.size() >= 3);

    // Another process starting the timer shows after an external change.
    ProgressStore cli;
    QVERIFY(cli.open(path()));
    QVERIFY(cli.startTimer(u"c"_s, now));
    QVERIFY(!timer.isRunning());
    QVERIFY(store.checkExternalChanges());
    QVERIFY(timer.isRunningFor(u"c"_s));
}

void TestProgressSessions::revisionRisesWithEveryChange()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    qint64 revision = store.revision();
    QCOMPARE(revision, 0);
    const auto rose = [&store, &revision] {
        const qint64 now = store.revision();
        const bool result = now > revision;
        revision = now;
        return result;
    };
    QVERIFY(store.setStatus(u"t"_s, TopicStatus::Learning, T0));
    QVERIFY(rose());
    QVERIFY(store.setStatus(u"t"_s, TopicStatus::Learning, T0)); // no change
    QVERIFY(!rose());
    QVERIFY(store.setNotes(u"t"_s, u"x"_s));
    QVERIFY(rose());
    QVERIFY(store.setNotes(u"t"_s, QString()));
    QVERIFY(rose());
    qint64 id = 0;
    QVERIFY(store.logSession(u"t"_s, 5, T0, &id));
    QVERIFY(rose());
    QVERIFY(store.updateSession({id, u"t"_s, T0, 6}));
    QVERIFY(rose());
    QVERIFY(store.deleteSession(id));
    QVERIFY(rose());
    QVERIFY(store.startTimer(u"t"_s, T0));
    QVERIFY(rose());
    QVERIFY(store.cancelTimer());
    QVERIFY(rose());
    ProgressStore other; // another process
    QVERIFY(other.open(path()));
    QVERIFY(other.setStatus(u"t"_s, TopicStatus::Done, T0));
    QVERIFY(rose());
    QVERIFY(store.backupTo(m_dir->filePath(u"copy.db"_s), T0)); // a backup is no change
    QVERIFY(!rose());
}

void TestProgressSessions::backupCopyHasTheData()
{
    const QString copy = m_dir->filePath(u"copy.db"_s);
    {
        ProgressStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.setStatus(u"t"_s, TopicStatus::Done, T0));
        QVERIFY(store.logSession(u"t"_s, 33, T0));
        QVERIFY(store.startTimer(u"u"_s, T0));
        QVERIFY2(store.backupTo(copy, T0.addDays(1)), qPrintable(store.errorString()));
        QCOMPARE(store.lastBackup().revision, store.revision());
        QCOMPARE(store.lastBackup().at, T0.addDays(1));
        QVERIFY(!store.backupTo(copy, T0)); // never over a file
        QVERIFY2(store.errorString().contains(u"the file exists"_s),
                 qPrintable(store.errorString()));
    }
    ProgressStore restored;
    QVERIFY2(restored.open(copy), qPrintable(restored.errorString()));
    QCOMPARE(restored.status(u"t"_s), TopicStatus::Done);
    QCOMPARE(restored.progress(u"t"_s).minutes, 33);
    QCOMPARE(restored.runningTimer()->topicId, u"u"_s);
}

namespace {

bool sameHistory(const ProgressHistory &a, const ProgressHistory &b)
{
    if (a.events.size() != b.events.size() || a.sessions.size() != b.sessions.size())
        return false;
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const auto &x = a.events.at(i);
        const auto &y = b.events.at(i);
        if (x.atMs != y.atMs || x.status != y.status
            || a.topicIds.at(x.topic) != b.topicIds.at(y.topic))
            return false;
    }
    for (qsizetype i = 0; i < a.sessions.size(); ++i) {
        const auto &x = a.sessions.at(i);
        const auto &y = b.sessions.at(i);
        if (x.id != y.id || x.startMs != y.startMs || x.minutes != y.minutes
            || a.topicIds.at(x.topic) != b.topicIds.at(y.topic))
            return false;
    }
    return true;
}

} // namespace

void TestProgressSessions::historyReadInPartsMatchesAFullRead()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.setStatus(u"a"_s, TopicStatus::Learning, T0));
    QVERIFY(store.logSession(u"a"_s, 10, T0.addDays(2)));
    ProgressHistory kept = store.history();
    QVERIFY(store.setStatus(u"a"_s, TopicStatus::Done, T0.addDays(3)));
    QVERIFY(store.setStatus(u"b"_s, TopicStatus::Learning, T0.addDays(1)));
    // Logged later, but starting earlier and between: they go in their places.
    QVERIFY(store.logSession(u"b"_s, 20, T0));
    QVERIFY(store.logSession(u"c"_s, 30, T0.addDays(1)));
    store.readNewEvents(kept);
    store.readNewSessions(kept);
    QVERIFY(sameHistory(kept, store.history()));
    QCOMPARE(kept.sessions.first().minutes, 20);
    store.readNewEvents(kept); // nothing new: nothing added
    store.readNewSessions(kept);
    QVERIFY(sameHistory(kept, store.history()));
    // An edit needs the sessions read again.
    const StudySession first = store.sessions().first();
    QVERIFY(store.updateSession({first.id, first.topicId, first.start, 99}));
    store.readSessions(kept);
    QVERIFY(sameHistory(kept, store.history()));
}

void TestProgressSessions::statsModelFollowsEveryKindOfChange()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    CurriculumModel curriculum;
    curriculum.setCurriculum(CurriculumLoader::loadBuiltIn().curriculum);
    curriculum.setStore(&store);
    const QDate today(2024, 3, 10);
    ProgressStatsModel model(&curriculum, &store, [today] { return today; });
    const auto fresh = [&] {
        StatsOptions options = model.options();
        return ProgressStatsJson::write(
            ProgressStats::compute(curriculum.curriculum(), store.history(), options));
    };
    const auto current = [&] {
        return ProgressStatsJson::write(model.stats());
    };
    model.refresh();
    QCOMPARE(current(), fresh());

    QSignalSpy changed(&model, &ProgressStatsModel::statsChanged);
    QVERIFY(store.setStatus(u"mlops-overview"_s, TopicStatus::Done, T0));
    qint64 id = 0;
    QVERIFY(store.logSession(u"mlops-overview"_s, 30, T0.addDays(-1), &id));
    QVERIFY(store.startTimer(u"ai-ml-lifecycle"_s, T0));
    QVERIFY(store.stopTimer(T0.addSecs(25 * 60)));
    QTRY_COMPARE(changed.size(), 1); // one refresh for the burst
    QCOMPARE(current(), fresh());
    QCOMPARE(model.stats().minutesTotal, 55);

    QVERIFY(store.updateSession({id, u"mlops-overview"_s, T0.addDays(-1), 45}));
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(current(), fresh());
    QVERIFY(store.deleteSession(id));
    QTRY_COMPARE(changed.size(), 3);
    QCOMPARE(current(), fresh());
    QVERIFY(store.restoreSession({id, u"mlops-overview"_s, T0.addDays(-1), 45}));
    QTRY_COMPARE(changed.size(), 4);
    QCOMPARE(current(), fresh());
    QCOMPARE(model.stats().minutesTotal, 70);

    ProgressStore other; // another process
    QVERIFY(other.open(path()));
    QVERIFY(other.logSession(u"data-pipelines"_s, 15, T0));
    QVERIFY(store.checkExternalChanges());
    QTRY_COMPARE(changed.size(), 5);
    QCOMPARE(current(), fresh());
    QCOMPARE(model.stats().minutesTotal, 85);
}

QTEST_GUILESS_MAIN(TestProgressSessions)
#include "tst_progresssessions.moc"
