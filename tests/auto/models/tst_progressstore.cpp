#include "progress/progressschema.h"
#include "progress/progressstore.h"
#include "selfcheck/selfcheckscheduling.h"
#include "support/progressfixtures.h"
#include "support/sqlitefileheader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

class TestProgressStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void createAndReopenKeepsData();
    void statusHistoryInOrder();
    void sameStatusTwiceIsNoOp();
    void notesSetAndClear();
    void notesHaveALimit();
    void sessionsAndMinutes();
    void orphanTopicsAreKept();
    void invalidArgumentsRejected_data();
    void invalidArgumentsRejected();
    void sessionMinuteBoundsAccepted();
    void writesFailWhenClosed();
    void headerHasVersionAndApplicationId();
    void headerKinds_data();
    void headerKinds();
    void migratesOlderFiles_data();
    void migratesOlderFiles();
    void failedMigrationRollsBack();
    void version1FileKeepsItsData();
    void version2FileKeepsItsData();
    void answersKeepTheirLogAndSchedule();
    void rejectsFiles_data();
    void rejectsFiles();
    void unusableLocation_data();
    void unusableLocation();
    void integrityCheckOnGoodDatabase();
    void externalChangesAreNoticed();

private:
    QString path(const QString &name = u"progress.db"_s) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

using namespace ProgressFixtures;

namespace {

const QDateTime T0(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);

} // namespace

void TestProgressStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProgressStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestProgressStore::path(const QString &name) const
{
    return m_dir->filePath(name);
}

void TestProgressStore::createAndReopenKeepsData()
{
    const QString file = path(u"missing/folders/progress.db"_s);
    {
        ProgressStore store;
        QVERIFY2(store.open(file), qPrintable(store.errorString()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.filePath(), file);
        QVERIFY(store.setStatus(u"docker"_s, TopicStatus::Learning, T0));
        QVERIFY(store.setNotes(u"docker"_s, u"# Layers\n\n*cache* them"_s));
        QVERIFY(store.logSession(u"docker"_s, 45, T0));
        store.close();
        QVERIFY(!store.isOpen());
    }
    ProgressStore store;
    QVERIFY2(store.open(file), qPrintable(store.errorString()));
    const TopicProgress progress = store.progress(u"docker"_s);
    QCOMPARE(progress.topicId, u"docker"_s);
    QCOMPARE(progress.status, TopicStatus::Learning);
    QCOMPARE(progress.statusSince, T0);
    QCOMPARE(progress.notes, u"# Layers\n\n*cache* them"_s);
    QCOMPARE(progress.minutes, 45);
}

void TestProgressStore::statusHistoryInOrder()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy spy(&store, &ProgressStore::statusChanged);
    const QList<TopicStatus> steps{
        TopicStatus::Learning, TopicStatus::Done, TopicStatus::Learning, TopicStatus::Skipped};
    for (int i = 0; i < steps.size(); ++i)
        QVERIFY(store.setStatus(u"mlflow"_s, steps.at(i), T0.addSecs(60 * i)));
    QVERIFY(store.setStatus(u"other"_s, TopicStatus::Done, T0));

    const QList<StatusEvent> history = store.statusHistory(u"mlflow"_s);
    QCOMPARE(history.size(), steps.size());
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(history.at(i).topicId, u"mlflow"_s);
        QCOMPARE(history.at(i).status, steps.at(i));
        QCOMPARE(history.at(i).at, T0.addSecs(60 * i));
        QCOMPARE(history.at(i).at.timeSpec(), Qt::UTC);
        QCOMPARE(spy.at(i).at(0).toString(), u"mlflow"_s);
        QCOMPARE(spy.at(i).at(1).value<TopicStatus>(), steps.at(i));
    }
    QCOMPARE(store.statusHistory().size(), steps.size() + 1);
    QCOMPARE(store.status(u"mlflow"_s), TopicStatus::Skipped);
    QCOMPARE(store.status(u"never-touched"_s), TopicStatus::Pending);
    QCOMPARE(spy.size(), steps.size() + 1);
}

void TestProgressStore::sameStatusTwiceIsNoOp()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy spy(&store, &ProgressStore::statusChanged);
    QVERIFY(store.setStatus(u"k8s"_s, TopicStatus::Learning, T0));
    QVERIFY(store.setStatus(u"k8s"_s, TopicStatus::Learning, T0.addSecs(10)));
    QCOMPARE(store.statusHistory(u"k8s"_s).size(), 1);
    QCOMPARE(store.progress(u"k8s"_s).statusSince, T0);
    QCOMPARE(spy.size(), 1);
    QVERIFY(store.setStatus(u"k8s"_s, TopicStatus::Done, T0.addSecs(20)));
    QCOMPARE(store.statusHistory(u"k8s"_s).size(), 2);
    QCOMPARE(spy.size(), 2);
}

void TestProgressStore::notesSetAndClear()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy spy(&store, &ProgressStore::notesChanged);
    QVERIFY(store.setNotes(u"dvc"_s, u"first"_s));
    QVERIFY(store.setNotes(u"dvc"_s, u"second\n- item"_s));
    QCOMPARE(store.notes(u"dvc"_s), u"second\n- item"_s);
    QVERIFY(store.setNotes(u"dvc"_s, u"second\n- item"_s)); // unchanged: no signal
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), u"dvc"_s);

    QVERIFY(store.setNotes(u"dvc"_s, QString()));
    QCOMPARE(store.notes(u"dvc"_s), QString());
    QCOMPARE(spy.size(), 3);
    QVERIFY(!store.allProgress().contains(u"dvc"_s));
}

void TestProgressStore::notesHaveALimit()
{
    ProgressStore store;
    QVERIFY(store.open(path(u"progress.db"_s)));
    const QString most(ProgressStore::MaxNoteBytes, u'n');
    QVERIFY2(store.setNotes(u"t1"_s, most), qPrintable(store.errorString()));
    QVERIFY(!store.setNotes(u"t1"_s, most + u'!'));
    QVERIFY2(store.errorString().contains(u"longer than 1 MiB"_s), qPrintable(store.errorString()));
    QCOMPARE(store.notes(u"t1"_s), most); // unchanged
    // The limit counts UTF-8 bytes: "é" takes two.
    QVERIFY(!store.setNotes(u"t2"_s, QString(ProgressStore::MaxNoteBytes / 2 + 1, u'é')));
}

void TestProgressStore::sessionsAndMinutes()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy spy(&store, &ProgressStore::sessionLogged);
    QVERIFY(store.logSession(u"airflow"_s, 30, T0.addDays(1)));
    QVERIFY(store.logSession(u"airflow"_s, 15, T0));
    QVERIFY(store.logSession(u"spark"_s, 60, T0));

    const QList<StudySession> sessions = store.sessions(u"airflow"_s);
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(0).start, T0); // oldest first
    QCOMPARE(sessions.at(0).minutes, 15);
    QCOMPARE(sessions.at(1).start, T0.addDays(1));
    QCOMPARE(store.sessions().size(), 3);
    QCOMPARE(store.progress(u"airflow"_s).minutes, 45);
    QCOMPARE(store.allProgress().value(u"spark"_s).minutes, 60);

    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy.at(0).at(0).toString(), u"airflow"_s);
    QCOMPARE(spy.at(0).at(1).toInt(), 30);
}

void TestProgressStore::orphanTopicsAreKept()
{
    // The store knows no curriculum: any id is kept, whether a curriculum lists it or not.
    const QString orphan = u"topic-removed-from-the-curriculum"_s;
    {
        ProgressStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.setStatus(orphan, TopicStatus::Done, T0));
        QVERIFY(store.setNotes(u"only-notes"_s, u"kept"_s));
        QVERIFY(store.logSession(u"only-session"_s, 5, T0));
    }
    ProgressStore store;
    QVERIFY(store.open(path()));
    const QHash<QString, TopicProgress> all = store.allProgress();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.value(orphan).status, TopicStatus::Done);
    QCOMPARE(all.value(orphan).statusSince, T0);
    QCOMPARE(all.value(u"only-notes"_s).notes, u"kept"_s);
    QCOMPARE(all.value(u"only-notes"_s).status, TopicStatus::Pending);
    QCOMPARE(all.value(u"only-session"_s).minutes, 5);
    QCOMPARE(all.value(u"only-session"_s).topicId, u"only-session"_s);
}

void TestProgressStore::invalidArgumentsRejected_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("topicId");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QDateTime>("at");
    QTest::newRow("status: empty topic") << u"status"_s << QString() << 0 << T0;
    QTest::newRow("status: blank topic") << u"status"_s << u"  "_s << 0 << T0;
    QTest::newRow("status: invalid time") << u"status"_s << u"t"_s << 0 << QDateTime();
    QTest::newRow("notes: empty topic") << u"notes"_s << QString() << 0 << T0;
    QTest::newRow("session: empty topic") << u"session"_s << QString() << 10 << T0;
    QTest::newRow("session: 0 minutes") << u"session"_s << u"t"_s << 0 << T0;
    QTest::newRow("session: negative") << u"session"_s << u"t"_s << -5 << T0;
    QTest::newRow("session: over a day") << u"session"_s << u"t"_s << 1441 << T0;
    QTest::newRow("session: invalid start") << u"session"_s << u"t"_s << 10 << QDateTime();
}

void TestProgressStore::invalidArgumentsRejected()
{
    QFETCH(QString, call);
    QFETCH(QString, topicId);
    QFETCH(int, minutes);
    QFETCH(QDateTime, at);
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy statusSpy(&store, &ProgressStore::statusChanged);
    QSignalSpy notesSpy(&store, &ProgressStore::notesChanged);
    QSignalSpy sessionSpy(&store, &ProgressStore::sessionLogged);

    bool ok = true;
    if (call == u"status"_s)
        ok = store.setStatus(topicId, TopicStatus::Done, at);
    else if (call == u"notes"_s)
        ok = store.setNotes(topicId, u"text"_s);
    else
        ok = store.logSession(topicId, minutes, at);
    QVERIFY(!ok);
    QVERIFY2(store.errorString().startsWith(path() + u": "_s), qPrintable(store.errorString()));
    QCOMPARE(statusSpy.size() + notesSpy.size() + sessionSpy.size(), 0);
    QVERIFY(store.allProgress().isEmpty());
}

void TestProgressStore::sessionMinuteBoundsAccepted()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.logSession(u"t"_s, 1, T0));
    QVERIFY(store.logSession(u"t"_s, ProgressStore::MaxSessionMinutes, T0));
    QCOMPARE(store.progress(u"t"_s).minutes, 1 + 1440);
}

void TestProgressStore::writesFailWhenClosed()
{
    ProgressStore store;
    QVERIFY(!store.setStatus(u"t"_s, TopicStatus::Done));
    QVERIFY(!store.errorString().isEmpty());
    QVERIFY(store.open(path()));
    store.close();
    QVERIFY(!store.setNotes(u"t"_s, u"x"_s));
    QVERIFY(store.errorString().contains(path()));
}

void TestProgressStore::headerHasVersionAndApplicationId()
{
    {
        ProgressStore store;
        QVERIFY(store.open(path()));
        QCOMPARE(store.schemaVersion(), ProgressStore::SchemaVersion);
    }
    const QByteArray header = fileHeader(path());
    QCOMPARE(header.size(), 100);
    QVERIFY(header.startsWith(QByteArrayView("SQLite format 3", 16)));
    QCOMPARE(headerU32(header, 60), quint32(ProgressStore::SchemaVersion));
    QCOMPARE(headerU32(header, 68), quint32(ProgressStore::ApplicationId));
    QCOMPARE(int(header.at(18)), 2); // WAL
    QCOMPARE(int(header.at(19)), 2);
}

void TestProgressStore::headerKinds_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SqliteFileHeader::Kind>("kind");
    QTest::addColumn<quint32>("userVersion");
    QTest::addColumn<quint32>("applicationId");
    QByteArray header("SQLite format 3\0", 16);
    header.append(SqliteFileHeader::Size - header.size(), '\0');
    header.replace(60, 4, QByteArray("\0\0\0\x07", 4));
    header.replace(68, 4, QByteArray("MLPS"));
    QTest::newRow("empty") << QByteArray() << SqliteFileHeader::Kind::Empty << 0u << 0u;
    QTest::newRow("a header") << header << SqliteFileHeader::Kind::Sqlite << 7u << 0x4D4C5053u;
    QTest::newRow("a header and pages")
        << header + QByteArray(4096, 'p') << SqliteFileHeader::Kind::Sqlite << 7u << 0x4D4C5053u;
    QTest::newRow("truncated") << header.left(SqliteFileHeader::Size - 1)
                               << SqliteFileHeader::Kind::Truncated << 0u << 0u;
    QTest::newRow("no NUL after the magic") << QByteArray("SQLite format 3!").append(header.mid(16))
                                            << SqliteFileHeader::Kind::NotSqlite << 0u << 0u;
    QTest::newRow("text") << QByteArray("hello") << SqliteFileHeader::Kind::NotSqlite << 0u << 0u;
}

// What open() decides from the first bytes alone.
void TestProgressStore::headerKinds()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SqliteFileHeader::Kind, kind);
    QFETCH(quint32, userVersion);
    QFETCH(quint32, applicationId);
    const SqliteFileHeader header = SqliteFileHeader::parse(bytes);
    QCOMPARE(header.kind, kind);
    QCOMPARE(header.userVersion, userVersion);
    QCOMPARE(header.applicationId, applicationId);
}

void TestProgressStore::migratesOlderFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");       // written as the file when not empty…
    QTest::addColumn<QStringList>("statements"); // …else the file is built with these
    QTest::newRow("empty file, version 0") << QByteArray() << QStringList();
    QTest::newRow("empty SQLite database, version 0")
        << QByteArray() << QStringList{u"CREATE TABLE t (x)"_s, u"DROP TABLE t"_s};
    QTest::newRow("our application id, version 0")
        << QByteArray() << QStringList{applicationIdPragma(ProgressStore::ApplicationId)};
}

void TestProgressStore::migratesOlderFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, statements);
    if (statements.isEmpty())
        QVERIFY(writeFile(path(), bytes));
    else
        QVERIFY(runSql(path(), statements));
    {
        ProgressStore store;
        QVERIFY2(store.open(path()), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), ProgressStore::SchemaVersion);
        QVERIFY(store.setStatus(u"t"_s, TopicStatus::Done, T0));
    }
    const QByteArray header = fileHeader(path());
    QCOMPARE(headerU32(header, 60), quint32(ProgressStore::SchemaVersion));
    QCOMPARE(headerU32(header, 68), quint32(ProgressStore::ApplicationId));
}

void TestProgressStore::failedMigrationRollsBack()
{
    // Ours at version 0, but a table in the way of a later statement of step 0 -> 1: the
    // statements before it must be rolled back too.
    QVERIFY(runSql(
        path(),
        {applicationIdPragma(ProgressStore::ApplicationId), u"CREATE TABLE study_sessions (x)"_s}));
    const QByteArray before = fileHash(path());
    ProgressStore store;
    QVERIFY(!store.open(path()));
    QVERIFY(!store.isOpen());
    QVERIFY2(
        store.errorString().startsWith(path() + u": cannot upgrade the database from schema 0"_s),
        qPrintable(store.errorString()));
    QCOMPARE(fileHash(path()), before);
    QCOMPARE(headerU32(fileHeader(path()), 60), 0u);
    QVERIFY(!QFile::exists(path() + u"-journal"_s));
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
}

void TestProgressStore::version1FileKeepsItsData()
{
    // A file as version 1 wrote it, with progress in it.
    QStringList statements = ProgressSchema::migrations().first().statements;
    statements
        << applicationIdPragma(ProgressStore::ApplicationId) << u"PRAGMA user_version = 1"_s
        << u"INSERT INTO status_events (topic_id, status, at_ms) VALUES ('k8s', 'done', %1)"_s.arg(
               T0.toMSecsSinceEpoch())
        << u"INSERT INTO study_sessions (topic_id, start_ms, minutes) VALUES ('k8s', %1, 40)"_s.arg(
               T0.toMSecsSinceEpoch())
        << u"INSERT INTO notes (topic_id, body, updated_ms) VALUES ('k8s', 'n', 0)"_s;
    QVERIFY(runSql(path(), statements));
    ProgressStore store;
    QVERIFY2(store.open(path()), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ProgressStore::SchemaVersion);
    const TopicProgress k8s = store.progress(u"k8s"_s);
    QCOMPARE(k8s.status, TopicStatus::Done);
    QCOMPARE(k8s.minutes, 40);
    QCOMPARE(k8s.notes, u"n"_s);
    // What version 2 adds works on the upgraded file.
    // Its revision starts at its rows (one event, one session, one note): a backup is due.
    QCOMPARE(store.revision(), 3);
    QCOMPARE(store.lastBackup().revision, 0);
    QVERIFY(!store.runningTimer());
    QVERIFY(store.startTimer(u"k8s"_s, T0));
    QCOMPARE(store.revision(), 4);
    QVERIFY(!store.lastBackup().at.isValid());
}

void TestProgressStore::version2FileKeepsItsData()
{
    // A file as version 2 wrote it (steps 1 and 2), with a status, a session and a timer.
    QStringList statements;
    for (const ProgressSchema::Migration &step : ProgressSchema::migrations().first(2))
        statements << step.statements;
    statements
        << applicationIdPragma(ProgressStore::ApplicationId) << u"PRAGMA user_version = 2"_s
        << u"INSERT INTO status_events (topic_id, status, at_ms) VALUES ('k8s', 'learning', %1)"_s
               .arg(T0.toMSecsSinceEpoch())
        << u"INSERT INTO study_sessions (topic_id, start_ms, minutes) VALUES ('k8s', %1, 25)"_s.arg(
               T0.toMSecsSinceEpoch())
        << u"INSERT INTO study_timer (id, topic_id, start_ms) VALUES (1, 'k8s', %1)"_s.arg(
               T0.toMSecsSinceEpoch());
    QVERIFY(runSql(path(), statements));
    ProgressStore store;
    QVERIFY2(store.open(path()), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), 3);
    QCOMPARE(store.status(u"k8s"_s), TopicStatus::Learning);
    QCOMPARE(store.sessions().size(), 1);
    QCOMPARE(store.sessions().first().minutes, 25);
    QVERIFY(store.runningTimer());
    QVERIFY(store.reviewCards().isEmpty());
    ReviewAnswer answer{0, u"k8s/pods"_s, u"k8s"_s, 2, true, T0};
    QVERIFY2(store.recordAnswer(answer, SelfCheckScheduling::scheduler()),
             qPrintable(store.errorString()));
    QCOMPARE(store.reviewAnswers().size(), 1);
}

void TestProgressStore::answersKeepTheirLogAndSchedule()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QSignalSpy recorded(&store, &ProgressStore::answerRecorded);
    const qint64 before = store.revision();
    ReviewAnswer first{0, u"t/q"_s, u"t"_s, 1, false, T0};
    ReviewCard card;
    ReviewAnswer stored;
    QVERIFY(store.recordAnswer(first, SelfCheckScheduling::scheduler(), &card, &stored));
    QVERIFY(stored.id > 0);
    QCOMPARE(recorded.size(), 1);
    QVERIFY(store.revision() > before); // a backup becomes due
    QCOMPARE(card.due, T0.addSecs(SelfCheckScheduling::RelearnMinutes * 60));
    ReviewAnswer second{0, u"t/q"_s, u"t"_s, 0, true, card.due};
    QVERIFY(store.recordAnswer(second, SelfCheckScheduling::scheduler(), &card));
    // The stored card is the one the scheduler computed; the log keeps both answers.
    QCOMPARE(store.reviewCard(u"t/q"_s), std::optional<ReviewCard>(card));
    QCOMPARE(card.reps, 2);
    const QList<ReviewAnswer> log = store.reviewAnswers(u"t/q"_s);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.at(0).choice, 1);
    QVERIFY(!log.at(0).correct);
    QCOMPARE(log.at(1).at, card.lastReview);
    const ReviewTimeline timeline = store.reviewTimeline();
    QCOMPARE(timeline.firstAnswer, (QList<bool>{true, false}));
    // An answer older than the latest is refused and changes nothing.
    ReviewAnswer late{0, u"t/q"_s, u"t"_s, 0, true, T0};
    QVERIFY(!store.recordAnswer(late, SelfCheckScheduling::scheduler()));
    QVERIFY2(store.errorString().contains(u"older than its latest answer"_s),
             qPrintable(store.errorString()));
    ReviewAnswer badChoice{0, u"t/q"_s, u"t"_s, 4, true, card.due};
    QVERIFY(!store.recordAnswer(badChoice, SelfCheckScheduling::scheduler()));
    QCOMPARE(store.reviewAnswers().size(), 2);
    QCOMPARE(recorded.size(), 2);
}

void TestProgressStore::rejectsFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << u"text"_s << u": not an SQLite database"_s;
    QTest::newRow("PNG image") << u"png"_s << u": not an SQLite database"_s;
    QTest::newRow("truncated header") << u"truncated"_s << u": the database is corrupt"_s;
    QTest::newRow("foreign SQLite tables")
        << u"foreign-tables"_s
        << u": not an MLOps Roadmap Studio progress database (application id 0x00000000"_s;
    QTest::newRow("foreign application id")
        << u"foreign-id"_s
        << u": not an MLOps Roadmap Studio progress database (application id 0x12345678)"_s;
    QTest::newRow("newer schema") << u"newer"_s
                                  << u": written by a newer version of MLOps Roadmap Studio "
                                     "(schema %1; this version reads up to %2)"_s
                                         .arg(ProgressStore::SchemaVersion + 1)
                                         .arg(ProgressStore::SchemaVersion);
    QTest::newRow("corrupt") << u"corrupt"_s << u": the database is corrupt (quick_check: "_s;
}

void TestProgressStore::rejectsFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString file = path();
    if (kind == u"text"_s) {
        QVERIFY(writeFile(file, "# My notes\nnot a database\n"));
    } else if (kind == u"png"_s) {
        QVERIFY(writeFile(
            file, QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(64, 0)));
    } else if (kind == u"truncated"_s) {
        QVERIFY(writeFile(file, QByteArray("SQLite format 3", 16) + QByteArray(20, 1)));
    } else if (kind == u"foreign-tables"_s) {
        QVERIFY(runSql(
            file,
            {u"CREATE TABLE recipes (name TEXT)"_s, u"INSERT INTO recipes VALUES ('bread')"_s}));
    } else if (kind == u"foreign-id"_s) {
        QVERIFY(runSql(file, {applicationIdPragma(0x12345678), u"CREATE TABLE x (y)"_s}));
    } else if (kind == u"newer"_s) {
        QVERIFY(runSql(file,
                       {applicationIdPragma(ProgressStore::ApplicationId),
                        u"PRAGMA user_version = %1"_s.arg(ProgressStore::SchemaVersion + 1),
                        u"CREATE TABLE future (y)"_s}));
    } else {
        QVERIFY(makeCorruptDatabase(file));
    }
    const QByteArray before = fileHash(file);
    QVERIFY(!before.isEmpty());

    ProgressStore store;
    QSignalSpy spy(&store, &ProgressStore::progressReset);
    QVERIFY(!store.open(file));
    QVERIFY(!store.isOpen());
    QVERIFY2(store.errorString().startsWith(file + expected), qPrintable(store.errorString()));
    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + u"-wal"_s));
    QVERIFY(!QFile::exists(file + u"-journal"_s));
    QCOMPARE(spy.size(), 0);
}

void TestProgressStore::unusableLocation_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("parent is a file") << u"blocker/progress.db"_s << u"blocker is a file"_s;
    QTest::newRow("ancestor is a file") << u"blocker/a/b/progress.db"_s << u"blocker is a file"_s;
    QTest::newRow("path is a folder") << u"folder"_s << u"is a folder"_s;
}

void TestProgressStore::unusableLocation()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, expected);
    QVERIFY(writeFile(path(u"blocker"_s), "just a file"));
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder"_s));
    ProgressStore store;
    QVERIFY(!store.open(path(relativePath)));
    QVERIFY2(store.errorString().startsWith(path(relativePath) + u": "_s),
             qPrintable(store.errorString()));
    QVERIFY2(store.errorString().contains(expected), qPrintable(store.errorString()));
    QCOMPARE(fileHash(path(u"blocker"_s)),
             QCryptographicHash::hash("just a file", QCryptographicHash::Sha256));
}

void TestProgressStore::integrityCheckOnGoodDatabase()
{
    ProgressStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.setStatus(u"t"_s, TopicStatus::Learning, T0));
    QString report;
    QVERIFY(store.integrityCheck(&report));
    QCOMPARE(report, u"ok"_s);
}

void TestProgressStore::externalChangesAreNoticed()
{
    // Two stores on one file stand in for the window and the command line.
    ProgressStore window;
    ProgressStore cli;
    QVERIFY(window.open(path()));
    QVERIFY(cli.open(path()));
    QSignalSpy spy(&window, &ProgressStore::progressReset);
    QVERIFY(!window.checkExternalChanges());
    QVERIFY(window.setStatus(u"t"_s, TopicStatus::Learning, T0)); // its own write is not external
    QVERIFY(!window.checkExternalChanges());

    QVERIFY(cli.setStatus(u"t"_s, TopicStatus::Done, T0.addSecs(5)));
    QVERIFY(window.checkExternalChanges());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(window.status(u"t"_s), TopicStatus::Done);
    QVERIFY(!window.checkExternalChanges());
}

QTEST_MAIN(TestProgressStore)
#include "tst_progressstore.moc"
