// Kills a writer process with SIGKILL after it acknowledged some writes and checks that every
// acknowledged write survived: ProgressStore commits durably before a call returns.
#include "progressstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWriterLosesNothing_data();
    void killedWriterLosesNothing();

private:
    QString databasePath() const { return m_dir.filePath(u"progress.db"_s); }

    QTemporaryDir m_dir;
    QString m_helper;
};

namespace {

constexpr int WaitMs = 10000;

// The rules helper_progresswriter follows for write n.
TopicStatus expectedStatus(int n)
{
    return (n / 3) % 2 == 0 ? TopicStatus::Learning : TopicStatus::Done;
}

QDateTime expectedStart(int n)
{
    return QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).addSecs(60 * n);
}

// Reads complete "ack <n>" lines; returns the highest n seen so far.
int readAcks(QProcess &process, int acked)
{
    while (process.canReadLine()) {
        const QByteArray line = process.readLine().trimmed();
        if (line.startsWith("ack "))
            acked = qMax(acked, line.mid(4).toInt());
    }
    return acked;
}

} // namespace

void TestDurability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_helper = QCoreApplication::applicationDirPath() + u"/helper_progresswriter"_s;
    QVERIFY2(QFileInfo(m_helper).isExecutable(), qPrintable(m_helper + u" is not built"_s));
}

// Every round uses the same database, so later rounds also open a file left by a killed
// writer (its -wal file not checkpointed).
void TestDurability::killedWriterLosesNothing_data()
{
    QTest::addColumn<int>("target");
    QTest::newRow("round-1") << 1;
    QTest::newRow("round-2") << 8;
    QTest::newRow("round-3") << 31;
    QTest::newRow("round-4") << 97;
    QTest::newRow("round-5") << 200;
}

void TestDurability::killedWriterLosesNothing()
{
    QFETCH(int, target);
    const QString topicId = QString::fromLatin1(QTest::currentDataTag());

    QProcess writer;
    writer.start(m_helper, {databasePath(), topicId});
    QVERIFY2(writer.waitForStarted(WaitMs), qPrintable(writer.errorString()));
    int acked = 0;
    while (acked < target) {
        QVERIFY2(writer.waitForReadyRead(WaitMs), writer.readAllStandardError().constData());
        acked = readAcks(writer, acked);
    }
    writer.kill(); // SIGKILL: no chance to close the database
    QVERIFY(writer.waitForFinished(WaitMs));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    acked = readAcks(writer, acked); // printed before the kill, so also acknowledged

    ProgressStore store;
    QVERIFY2(store.open(databasePath()), qPrintable(store.errorString()));
    QString report;
    QVERIFY2(store.integrityCheck(&report), qPrintable(report));

    const QList<StatusEvent> events = store.statusHistory(topicId);
    const int statusWrites = (acked + 2) / 3; // n = 1, 4, 7 …
    QVERIFY2(events.size() >= statusWrites, qPrintable(u"%1 events"_s.arg(events.size())));
    for (int k = 0; k < statusWrites; ++k)
        QCOMPARE(events.at(k).status, expectedStatus(3 * k + 1));

    const QList<StudySession> sessions = store.sessions(topicId);
    const int sessionWrites = acked / 3; // n = 3, 6, 9 …
    QVERIFY(sessions.size() >= sessionWrites);
    for (int k = 0; k < sessionWrites; ++k) {
        const int n = 3 * (k + 1);
        QCOMPARE(sessions.at(k).minutes, n % 60 + 1);
        QCOMPARE(sessions.at(k).start, expectedStart(n));
    }

    if (acked >= 2) {
        const int lastNote = acked - (acked + 1) % 3; // the highest n <= acked with n % 3 == 2
        const QString notes = store.notes(topicId);
        QVERIFY2(notes.startsWith(u"note "_s), qPrintable(notes));
        QVERIFY2(notes.mid(5).toInt() >= lastNote, qPrintable(notes));
    }
}

QTEST_MAIN(TestDurability)
#include "tst_durability.moc"
