// Backups of progress.db: when they are taken, which are kept (with a test clock, in Berlin
// time), restoring one, and `db check` on sound and damaged files.
#include "progress/progressbackups.h"
#include "progress/progressdatabasecheck.h"
#include "progress/progressschema.h"
#include "progress/progressstore.h"
#include "support/backuprotation.h"
#include "support/localzone.h"
#include "support/progressfixtures.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProgressFixtures;

namespace {

QDateTime berlin(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), Qt::LocalTime).toUTC();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestProgressBackups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void fileNamesRoundTrip();
    void rotationKeepsNewestPerLocalDayAndWeek();
    void takenOnlyAfterAChangeAndTheInterval();
    void rotationOnDisk();
    void restoreReplacesTheContents();
    void restoreRefusesBadFiles_data();
    void restoreRefusesBadFiles();
    void restoreUpgradesAnOlderFileOnACopy();
    void checkSoundDatabase();
    void checkCorruptCopy();

private:
    QString path(const QString &name = u"progress.db"_s) const { return m_dir->filePath(name); }
    QString backupFolder() const { return m_dir->filePath(u"backups"_s); }
    QStringList backupFiles() const
    {
        return QDir(backupFolder()).entryList({u"*.db"_s}, QDir::Files, QDir::Name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProgressBackups::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(berlinTimeWorks(), "the Europe/Berlin zone is missing (Debian package tzdata)");
}

void TestProgressBackups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProgressBackups::fileNamesRoundTrip()
{
    const QDateTime at(QDate(2026, 11, 26), QTime(17, 30, 5), Qt::UTC);
    const auto timeOf = [](const QString &name) {
        const std::optional<BackupRotation::Entry> entry = BackupRotation::entryFromFileName(name);
        return entry ? entry->takenAt : QDateTime();
    };
    QCOMPARE(BackupRotation::fileName(at), u"progress-20261126T173005Z.db"_s);
    QCOMPARE(BackupRotation::fileName(at, 2), u"progress-20261126T173005Z-2.db"_s);
    QCOMPARE(timeOf(u"progress-20261126T173005Z.db"_s), at);
    const std::optional<BackupRotation::Entry> second
        = BackupRotation::entryFromFileName(u"progress-20261126T173005Z-2.db"_s);
    QVERIFY(second);
    QCOMPARE(second->takenAt, at);
    QCOMPARE(second->sequence, 2);
    QVERIFY(BackupRotation::isNewer(
        *second, *BackupRotation::entryFromFileName(u"progress-20261126T173005Z.db"_s)));
    // 02:30 on Mar 31 does not exist in Berlin: the name is UTC, so it still reads back.
    const QDateTime gap(QDate(2024, 3, 31), QTime(2, 30), Qt::UTC);
    QCOMPARE(timeOf(BackupRotation::fileName(gap)), gap);
    QVERIFY(!timeOf(u"progress-20261126T173005Z-before-restore.db"_s).isValid());
    QVERIFY(!timeOf(u"progress.db"_s).isValid());
    QVERIFY(!timeOf(u"notes-20261126T173005Z.db"_s).isValid());
    QVERIFY(!timeOf(u"progress-20261399T173005Z.db"_s).isValid());
}

void TestProgressBackups::rotationKeepsNewestPerLocalDayAndWeek()
{
    QList<BackupRotation::Entry> backups;
    const auto add = [&backups](const QString &name, const QDateTime &at) {
        backups.append({name, at});
    };
    add(u"wed-18"_s, berlin(4, 10, 18, 0));
    add(u"wed-09"_s, berlin(4, 10, 9, 0));
    add(u"tue-20"_s, berlin(4, 9, 20, 0));
    add(u"mon-23:30"_s, berlin(4, 8, 23, 30));
    add(u"mon-00:30"_s, berlin(4, 8, 0, 30)); // Apr 7 in UTC, Apr 8 in Berlin
    add(u"sun-23:59"_s, berlin(4, 7, 23, 59));
    add(u"sun-00:10"_s, berlin(4, 7, 0, 10));
    add(u"sun-mar31"_s, berlin(3, 31, 12, 0));
    add(u"mon-mar25"_s, berlin(3, 25, 8, 0));
    backups.append({u"wed-18-again"_s, berlin(4, 10, 18, 0), 1}); // later in the same second
    BackupPolicy policy;
    policy.keepDaily = 3;
    policy.keepWeekly = 2;
    // Daily: the newest of Apr 10, Apr 9, Apr 8. Weekly: the newest of the week of Apr 8
    // (kept already) and of the week of Apr 1: Sunday 23:59 local time.
    QCOMPARE(sorted(BackupRotation::expired(backups, policy)),
             sorted({u"wed-18"_s,
                     u"wed-09"_s,
                     u"mon-00:30"_s,
                     u"sun-00:10"_s,
                     u"sun-mar31"_s,
                     u"mon-mar25"_s}));

    policy.keepWeekly = 4; // and the weeks of Mar 25 too
    QCOMPARE(sorted(BackupRotation::expired(backups, policy)),
             sorted({u"wed-18"_s, u"wed-09"_s, u"mon-00:30"_s, u"sun-00:10"_s, u"mon-mar25"_s}));
    policy.keepDaily = 0;
    policy.keepWeekly = 0;
    QCOMPARE(BackupRotation::expired(backups, policy).size(), backups.size());
    QVERIFY(BackupRotation::expired({}, policy).isEmpty());
}

void TestProgressBackups::takenOnlyAfterAChangeAndTheInterval()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QDateTime now = berlin(4, 10, 9, 0);
    ProgressBackups backups(&store, backupFolder(), [&now] { return now; });
    QSignalSpy taken(&backups, &ProgressBackups::backupTaken);
    using Outcome = ProgressBackups::Outcome;

    QVERIFY(!backups.isDue()); // a new, empty database
    QCOMPARE(backups.backupIfDue(), Outcome::NotDue);
    QVERIFY(!QDir(backupFolder()).exists());

    QVERIFY(store.setStatus(u"t"_s, TopicStatus::Learning, now));
    QCOMPARE(backups.backupIfDue(), Outcome::Taken);
    QCOMPARE(backupFiles(), QStringList{BackupRotation::fileName(now)});
    QCOMPARE(taken.size(), 1);
    QCOMPARE(taken.first().first().toString(),
             QDir(backupFolder()).filePath(backupFiles().first()));

    now = now.addSecs(10 * 60);
    QVERIFY(store.setStatus(u"t"_s, TopicStatus::Done, now));
    QCOMPARE(backups.backupIfDue(), Outcome::NotDue); // 10 minutes after the last
    now = now.addSecs(19 * 60);
    QCOMPARE(backups.backupIfDue(), Outcome::NotDue); // 29 minutes
    now = now.addSecs(60);
    QCOMPARE(backups.backupIfDue(), Outcome::Taken); // 30 minutes, and a change
    now = now.addSecs(3 * 3600);
    QCOMPARE(backups.backupIfDue(), Outcome::NotDue); // no change since
    QCOMPARE(taken.size(), 2);
    // Both are from Apr 10: only the newest stays.
    QCOMPARE(backupFiles(), QStringList{BackupRotation::fileName(berlin(4, 10, 9, 30))});

    // backupNow does not wait; two in one second get distinct names, the later one kept.
    QString first;
    QString second;
    QVERIFY(backups.backupNow(&first));
    QVERIFY(backups.backupNow(&second));
    QCOMPARE(taken.size(), 4);
    QVERIFY(second.endsWith(u"-1.db"_s));
    QCOMPARE(backupFiles(), QStringList{QFileInfo(second).fileName()});
}

void TestProgressBackups::rotationOnDisk()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QDateTime now;
    ProgressBackups backups(&store, backupFolder(), [&now] { return now; });
    BackupPolicy policy;
    policy.keepDaily = 3;
    policy.keepWeekly = 2;
    backups.setPolicy(policy);
    for (int day = 1; day <= 20; ++day) {
        for (int hour : {9, 21}) {
            now = berlin(4, day, hour, 0);
            QVERIFY(store.logSession(u"t"_s, 30, now));
            QCOMPARE(backups.backupIfDue(), ProgressBackups::Outcome::Taken);
        }
    }
    // Apr 20 is a Saturday: the last three days, and the newest of the week of Apr 8.
    QStringList expected;
    for (int day : {14, 18, 19, 20})
        expected << BackupRotation::fileName(berlin(4, day, 21, 0));
    QCOMPARE(backupFiles(), expected);
    QCOMPARE(backups.backups().size(), 4);
    QCOMPARE(backups.backups().first().fileName, expected.last()); // newest first
}

void TestProgressBackups::restoreReplacesTheContents()
{
    const QDateTime t0 = berlin(4, 10, 9, 0);
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.setStatus(u"a"_s, TopicStatus::Done, t0));
    QVERIFY(store.logSession(u"a"_s, 40, t0));
    ProgressBackups backups(&store, backupFolder(), [&t0] { return t0; });
    QString backup;
    QVERIFY(backups.backupNow(&backup));
    const QByteArray backupHash = fileHash(backup);

    // Later work, which the restore replaces.
    QVERIFY(store.setStatus(u"a"_s, TopicStatus::Learning, t0));
    QVERIFY(store.setStatus(u"b"_s, TopicStatus::Done, t0));
    QVERIFY(store.startTimer(u"b"_s, t0));
    QSignalSpy reset(&store, &ProgressStore::progressReset);
    ProgressStore other; // the window, open on the same file
    QVERIFY(other.open(path()));

    QString safetyCopy;
    QVERIFY2(backups.restore(backup, &safetyCopy), qPrintable(backups.errorString()));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(store.status(u"a"_s), TopicStatus::Done);
    QCOMPARE(store.status(u"b"_s), TopicStatus::Pending);
    QCOMPARE(store.progress(u"a"_s).minutes, 40);
    QVERIFY(!store.runningTimer());
    QVERIFY(other.checkExternalChanges());
    QCOMPARE(other.status(u"b"_s), TopicStatus::Pending);
    QCOMPARE(fileHash(backup), backupHash); // the backup itself is untouched

    // What was there before is kept, outside the rotation.
    QVERIFY(safetyCopy.endsWith(u"-before-restore.db"_s));
    QCOMPARE(backups.backups().size(), 1);
    ProgressStore before;
    QVERIFY(before.open(safetyCopy));
    QCOMPARE(before.status(u"b"_s), TopicStatus::Done);
    QCOMPARE(before.runningTimer()->topicId, u"b"_s);
}

void TestProgressBackups::restoreRefusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << u"text"_s << u"not an SQLite database"_s;
    QTest::newRow("foreign") << u"foreign"_s << u"not an MLOps Roadmap Studio progress database"_s;
    QTest::newRow("newer") << u"newer"_s << u"written by a newer version"_s;
    QTest::newRow("corrupt") << u"corrupt"_s << u"corrupt"_s;
}

void TestProgressBackups::restoreRefusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString file = path(u"candidate.db"_s);
    if (kind == u"text"_s) {
        QVERIFY(writeFile(file, "not a database\n"));
    } else if (kind == u"foreign"_s) {
        QVERIFY(runSql(file, {u"CREATE TABLE recipes (name TEXT)"_s}));
    } else if (kind == u"newer"_s) {
        QVERIFY(runSql(file,
                       {applicationIdPragma(ProgressStore::ApplicationId),
                        u"PRAGMA user_version = %1"_s.arg(ProgressStore::SchemaVersion + 1),
                        u"CREATE TABLE future (x)"_s}));
    } else {
        QVERIFY(makeCorruptDatabase(file));
    }
    const QByteArray before = fileHash(file);
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.setStatus(u"mine"_s, TopicStatus::Done, berlin(4, 1, 12, 0)));
    ProgressBackups backups(&store, backupFolder());
    QVERIFY(!backups.restore(file));
    QVERIFY2(backups.errorString().startsWith(file + u": cannot restore it: "_s),
             qPrintable(backups.errorString()));
    QVERIFY2(backups.errorString().contains(expected), qPrintable(backups.errorString()));
    QCOMPARE(store.status(u"mine"_s), TopicStatus::Done);
    QVERIFY(backupFiles().isEmpty()); // nothing changed, so nothing to back up
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + u"-wal"_s));
    QVERIFY(!QFile::exists(file + u"-shm"_s));
}

void TestProgressBackups::restoreUpgradesAnOlderFileOnACopy()
{
    const QString old = path(u"version1.db"_s);
    QStringList statements = ProgressSchema::migrations().first().statements;
    statements
        << applicationIdPragma(ProgressStore::ApplicationId) << u"PRAGMA user_version = 1"_s
        << u"INSERT INTO status_events (topic_id, status, at_ms) VALUES ('k8s', 'done', 0)"_s;
    QVERIFY(runSql(old, statements));
    const QByteArray before = fileHash(old);
    ProgressStore store;
    QVERIFY(store.open(path()));
    ProgressBackups backups(&store, backupFolder());
    QVERIFY2(backups.restore(old), qPrintable(backups.errorString()));
    QCOMPARE(store.status(u"k8s"_s), TopicStatus::Done);
    QCOMPARE(fileHash(old), before);
}

void TestProgressBackups::checkSoundDatabase()
{
    {
        ProgressStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.setStatus(u"a"_s, TopicStatus::Done, berlin(4, 1, 12, 0)));
        QVERIFY(store.logSession(u"a"_s, 10, berlin(4, 1, 12, 0)));
        QVERIFY(store.logSession(u"a"_s, 10, berlin(4, 2, 12, 0)));
        QVERIFY(store.startTimer(u"b"_s, berlin(4, 2, 13, 0)));
    }
    const ProgressDatabaseCheck check
        = ProgressDatabaseCheck::run(path(), ProgressDatabaseCheck::Where::InPlace);
    QVERIFY2(check.ok(), qPrintable(check.report()));
    QCOMPARE(check.schemaVersion, ProgressStore::SchemaVersion);
    QVERIFY(check.lines.contains(u"quick_check: ok"_s));
    QVERIFY(check.lines.contains(u"integrity_check: ok"_s));
    QVERIFY(check.lines.contains(
        u"contents: 1 status event, 2 study sessions, 0 notes; the study timer runs for b"_s));
    QVERIFY(check.report().endsWith(u"No problems found.\n"_s));
}

void TestProgressBackups::checkCorruptCopy()
{
    const QString file = path(u"damaged.db"_s);
    QVERIFY(makeCorruptDatabase(file));
    const QByteArray before = fileHash(file);
    const ProgressDatabaseCheck check
        = ProgressDatabaseCheck::run(file, ProgressDatabaseCheck::Where::OnACopy);
    QVERIFY(!check.ok());
    QVERIFY(check.problems >= 1);
    QVERIFY2(check.firstProblem.startsWith(u"the database is corrupt (quick_check: "_s),
             qPrintable(check.firstProblem));
    QVERIFY2(check.report().contains(u"quick_check: "_s), qPrintable(check.report()));
    QVERIFY(check.report().contains(u"found.\n"_s));
    QVERIFY(!check.report().contains(u"No problems"_s));
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + u"-wal"_s));
    QVERIFY(!QFile::exists(file + u"-shm"_s));
}

MLOPS_BERLIN_TEST_MAIN(TestProgressBackups)
#include "tst_progressbackups.moc"
