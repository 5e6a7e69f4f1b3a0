// Crash safety: kills a writer (helper_crashwriter) with SIGKILL at random points, over 200 times
// in all, and checks what it left. Progress writes: every acknowledged write is there and
// PRAGMA integrity_check is ok. Pipeline saves and autosave: the file is byte for byte either the
// last acknowledged version or the one being written, never a mix, and nothing else is left but
// QSaveFile's temporary files.
// The kill points come from a seed printed at the start; MLOPS_CRASH_SEED=<seed> repeats a run.
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinerecoverysidecar.h"
#include "support/crashwrites.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedProgressWriterLosesNothing();
    void killedAnswerWriterLosesNothing();
    void killedSaveLeavesOldOrNew();
    void killedAutosaveLeavesOldOrNew();
    void killedBackupLeavesWholeBackups();

private:
    // Starts the helper, waits for "ready" and a random number of acks (up to maxAcks), then a
    // random 0–3 ms more, and kills it. Returns the highest acknowledged write, or -1 on error.
    int runAndKill(const QStringList &arguments, int maxAcks, QByteArray *output = nullptr);

    QTemporaryDir m_dir;
    QString m_helper;
    QRandomGenerator m_random;
};

namespace {

constexpr int WaitMs = 30000;
constexpr int ProgressRounds = 100;
constexpr int AnswerRounds = 30;
constexpr int SaveRounds = 60;
constexpr int AutosaveRounds = 60;
constexpr int BackupRounds = 30;

// Reads complete "ack <n>" lines; returns the highest n seen so far.
int readAcks(QProcess &process, int acked, QByteArray *output)
{
    while (process.canReadLine()) {
        const QByteArray line = process.readLine();
        if (output)
            *output += line;
        if (line.startsWith("ack "))
            acked = qMax(acked, line.mid(4).trimmed().toInt());
    }
    return acked;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The version of the pipeline file: `acked`, or `acked + 1` when the kill came after the new
// file was in place but before the ack was printed; -1 for anything else.
int versionOf(const QByteArray &bytes, int acked)
{
    for (int n : {acked, acked + 1}) {
        if (n >= 0 && bytes == CrashWrites::pipelineVersion(n))
            return n;
    }
    return -1;
}

// What else is in `dir` than `expected`: nothing, but for temporary files a killed write leaves
// behind and nothing ever reads: QSaveFile's and a backup's ("<name>.XXXXXX"), and the SQLite
// journal of a backup's ("<name>.XXXXXX-journal").
QStringList strayFiles(const QString &dir, const QStringList &expected)
{
    QStringList stray = QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    stray.removeIf([&](const QString &name) {
        return std::any_of(expected.begin(), expected.end(), [&](const QString &file) {
            const QString temporary = name.endsWith(u"-journal"_s) ? name.chopped(8) : name;
            return name == file
                   || (temporary.size() == file.size() + 7 && temporary.startsWith(file + u'.'));
        });
    });
    return stray;
}

} // namespace

void TestDurability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_helper = QCoreApplication::applicationDirPath() + u"/helper_crashwriter"_s;
    QVERIFY2(QFileInfo(m_helper).isExecutable(), qPrintable(m_helper + u" is not built"_s));
    bool fromEnvironment = false;
    quint32 seed = quint32(qEnvironmentVariableIntValue("MLOPS_CRASH_SEED", &fromEnvironment));
    if (!fromEnvironment)
        seed = QRandomGenerator::global()->generate() & 0x7fffffff;
    m_random.seed(seed);
    qInfo("kill points from MLOPS_CRASH_SEED=%u", seed);
}

int TestDurability::runAndKill(const QStringList &arguments, int maxAcks, QByteArray *output)
{
    QProcess writer;
    writer.start(m_helper, arguments);
    if (!writer.waitForStarted(WaitMs)) {
        qWarning("%s", qPrintable(writer.errorString()));
        return -1;
    }
    QByteArray lines;
    // Acks that come in the same read as "ready" count too: dropping them once made a writer
    // killed after its second write look as if it had acknowledged none.
    int acked = 0;
    while (!lines.contains("ready\n")) {
        if (!writer.waitForReadyRead(WaitMs)) {
            qWarning("no ready: %s", writer.readAllStandardError().constData());
            return -1;
        }
        acked = readAcks(writer, acked, &lines);
    }
    const int target = int(m_random.bounded(maxAcks + 1));
    while (acked < target) {
        if (!writer.waitForReadyRead(WaitMs)) {
            qWarning("stopped acknowledging: %s", writer.readAllStandardError().constData());
            return -1;
        }
        acked = readAcks(writer, acked, &lines);
    }
    QThread::usleep(m_random.bounded(3000)); // the random point inside the next writes
    writer.kill();                           // SIGKILL: no chance to close or clean up
    if (!writer.waitForFinished(WaitMs) || writer.exitStatus() != QProcess::CrashExit) {
        qWarning("the writer was not killed: %s", writer.readAllStandardError().constData());
        return -1;
    }
    acked = readAcks(writer, acked, &lines); // printed before the kill: acknowledged too
    if (output)
        *output = lines;
    return acked;
}

// Every round adds to the same database under its own topic, so later rounds also open a file
// left by a killed writer (its -wal file not checkpointed).
void TestDurability::killedProgressWriterLosesNothing()
{
    const QString database = m_dir.filePath(u"progress.db"_s);
    for (int round = 1; round <= ProgressRounds; ++round) {
        const QString topicId = u"round-%1"_s.arg(round);
        const int acked = runAndKill({u"progress"_s, database, topicId}, 40);
        QVERIFY2(acked >= 0, qPrintable(topicId));

        ProgressStore store;
        QVERIFY2(store.open(database), qPrintable(store.errorString()));
        QString report;
        QVERIFY2(store.integrityCheck(&report), qPrintable(report));

        const QList<StatusEvent> events = store.statusHistory(topicId);
        const int statusWrites = (acked + 2) / 3; // n = 1, 4, 7 …
        QVERIFY2(events.size() >= statusWrites, qPrintable(u"%1 events"_s.arg(events.size())));
        for (int k = 0; k < statusWrites; ++k)
            QCOMPARE(events.at(k).status, CrashWrites::progressStatus(3 * k + 1));

        const QList<StudySession> sessions = store.sessions(topicId);
        const int sessionWrites = acked / 3; // n = 3, 6, 9 …
        QVERIFY(sessions.size() >= sessionWrites);
        for (int k = 0; k < sessionWrites; ++k) {
            const int n = 3 * (k + 1);
            QCOMPARE(sessions.at(k).minutes, CrashWrites::sessionMinutes(n));
            QCOMPARE(sessions.at(k).start, CrashWrites::sessionStart(n));
        }
        if (acked >= 2) {
            const int lastNote = acked - (acked + 1) % 3; // the highest n <= acked, n % 3 == 2
            const QString notes = store.notes(topicId);
            QVERIFY2(notes.startsWith(u"note "_s), qPrintable(notes));
            QVERIFY2(notes.mid(5).toInt() >= lastNote, qPrintable(notes));
        }
    }
}

// Self-check answers: every acknowledged answer is in the log, in order, and each question's
// scheduling state agrees with its answers in the log (both are written in one transaction).
void TestDurability::killedAnswerWriterLosesNothing()
{
    const QString database = m_dir.filePath(u"answers.db"_s);
    for (int round = 1; round <= AnswerRounds; ++round) {
        const QString topicId = u"round-%1"_s.arg(round);
        const int acked = runAndKill({u"answers"_s, database, topicId}, 40);
        QVERIFY2(acked >= 0, qPrintable(topicId));

        ProgressStore store;
        QVERIFY2(store.open(database), qPrintable(store.errorString()));
        QString report;
        QVERIFY2(store.integrityCheck(&report), qPrintable(report));
        QList<ReviewAnswer> log;
        for (const ReviewAnswer &answer : store.reviewAnswers()) {
            if (answer.topicId == topicId)
                log << answer;
        }
        QVERIFY2(log.size() >= acked, qPrintable(u"%1 of %2"_s.arg(log.size()).arg(acked)));
        QHash<QString, int> answersPerQuestion;
        for (int k = 0; k < log.size(); ++k) {
            const ReviewAnswer expected = CrashWrites::answer(topicId, k + 1);
            QCOMPARE(log.at(k).questionId, expected.questionId);
            QCOMPARE(log.at(k).choice, expected.choice);
            QCOMPARE(log.at(k).correct, expected.correct);
            QCOMPARE(log.at(k).at, expected.at);
            ++answersPerQuestion[expected.questionId];
        }
        for (auto it = answersPerQuestion.cbegin(); it != answersPerQuestion.cend(); ++it) {
            const std::optional<ReviewCard> card = store.reviewCard(it.key());
            QVERIFY2(card, qPrintable(it.key()));
            QCOMPARE(card->reps, it.value());
        }
    }
}

// Each round starts from version 0 written here; the helper saves versions 1, 2, 3 …
void TestDurability::killedSaveLeavesOldOrNew()
{
    const QString dir = m_dir.filePath(u"saves"_s);
    QVERIFY(QDir().mkpath(dir));
    const QString file = QDir(dir).filePath(u"churn.mlpipe"_s);
    for (int round = 1; round <= SaveRounds; ++round) {
        QString error;
        QVERIFY2(PipelineFile::save(file, CrashWrites::pipelineVersion(0), &error),
                 qPrintable(error));
        const int acked = runAndKill({u"save"_s, file}, 12);
        QVERIFY2(acked >= 0, qPrintable(u"round %1"_s.arg(round)));

        const int version = versionOf(contents(file), acked);
        QVERIFY2(version >= 0,
                 qPrintable(u"round %1: %2 is neither version %3 nor %4"_s.arg(round).arg(
                     file, QString::number(acked), QString::number(acked + 1))));
        const QStringList stray = strayFiles(dir, {u"churn.mlpipe"_s});
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(u", "_s)));
        QVERIFY(PipelineFile::load(file, NodeCatalog::builtIn()).ok);
    }
}

// Each round is a new document in its own recovery folder; what the killed helper left must be
// a whole recovery the next start offers, with the last or the next version.
void TestDurability::killedAutosaveLeavesOldOrNew()
{
    for (int round = 1; round <= AutosaveRounds; ++round) {
        const QString dir = m_dir.filePath(u"recovery-%1"_s.arg(round));
        QByteArray output;
        const int acked = runAndKill({u"autosave"_s, dir}, 12, &output);
        QVERIFY2(acked >= 0, qPrintable(u"round %1"_s.arg(round)));
        const QByteArray announced = output.mid(output.indexOf("recovery ") + 9);
        const QString recoveryFile
            = QString::fromLocal8Bit(announced.left(announced.indexOf('\n')));
        const QString sidecarFile
            = QDir(dir).filePath(QFileInfo(recoveryFile).completeBaseName() + u".json"_s);

        const QList<PipelineDocument::Recovery> pending = PipelineDocument::pendingRecoveries(dir);
        if (!QFileInfo::exists(sidecarFile)) {
            // Killed before the first sidecar was complete: nothing to offer yet.
            QCOMPARE(acked, 0);
            QVERIFY(pending.isEmpty());
            QVERIFY(!QFileInfo::exists(recoveryFile) || versionOf(contents(recoveryFile), 0) == 1);
            continue;
        }
        QVERIFY2(PipelineRecoverySidecar::read(sidecarFile).has_value(),
                 contents(sidecarFile).constData());
        const int version = versionOf(contents(recoveryFile), acked);
        QVERIFY2(version >= 1,
                 qPrintable(u"round %1: %2 is neither version %3 nor %4"_s.arg(round).arg(
                     recoveryFile, QString::number(acked), QString::number(acked + 1))));
        QCOMPARE(pending.size(), 1);
        QCOMPARE(QFileInfo(pending.first().recoveryFile).fileName(),
                 QFileInfo(recoveryFile).fileName());
        const QStringList stray = strayFiles(
            dir, {QFileInfo(sidecarFile).fileName(), QFileInfo(recoveryFile).fileName()});
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(u", "_s)));
    }
}

// A backup is a whole database or no file at all: one the writer acknowledged opens and checks ok,
// and the one it was making when killed is either absent or whole too.
void TestDurability::killedBackupLeavesWholeBackups()
{
    const QString database = m_dir.filePath(u"backed-up.db"_s);
    for (int round = 1; round <= BackupRounds; ++round) {
        const QString dir = m_dir.filePath(u"backups-%1"_s.arg(round));
        QVERIFY(QDir().mkpath(dir));
        const int acked = runAndKill({u"backup"_s, database, dir}, 6);
        QVERIFY2(acked >= 0, qPrintable(u"round %1"_s.arg(round)));
        for (int n = 1; n <= acked + 1; ++n) {
            const QString backup = CrashWrites::backupPath(dir, n);
            if (n == acked + 1 && !QFileInfo::exists(backup))
                break;
            QVERIFY2(QFileInfo::exists(backup), qPrintable(backup + u" is missing"_s));
            ProgressStore store;
            QVERIFY2(store.open(backup), qPrintable(store.errorString()));
            QString report;
            QVERIFY2(store.integrityCheck(&report), qPrintable(backup + u": "_s + report));
        }
        const QStringList stray = strayFiles(dir, [&] {
            QStringList names;
            for (int n = 1; n <= acked + 1; ++n)
                names << QFileInfo(CrashWrites::backupPath(dir, n)).fileName();
            return names;
        }());
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(u", "_s)));
    }
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
