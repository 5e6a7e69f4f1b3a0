// `quiz due | answer | stats` as a user or a script runs them, in Berlin time. Expected due
// times come from FSRS-4.5's published defaults: a first right answer has stability
// S0(Good) = w2 = 3.7145 days, due after round(3.7145) = 4 days; a wrong one is due again after
// the 10-minute relearning step.
#include "curriculum/curriculumloader.h"
#include "support/progressfixtures.h"
#include "support/require.h"
#include "support/studioprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProgressFixtures;

class TestQuizCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
        const Topic *topic = curriculum.findTopic(u"feature-stores"_s);
        QVERIFY(topic && topic->questions.size() >= 2);
        m_first = topic->questions.at(0);
        m_second = topic->questions.at(1);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void answersAreScheduled()
    {
        // 2026-03-02 09:00 in Berlin (CET) is 08:00 UTC.
        const QString right = QString::number(m_first.answer + 1);
        StudioRun run
            = studio({u"quiz"_s, u"answer"_s, m_first.id, right, u"--at"_s, u"2026-03-02T09:00"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("Right."), run.out);
        QVERIFY2(run.out.contains("Next review: 2026-03-06 09:00"), run.out);

        const int wrongChoice = (m_second.answer + 1) % int(m_second.choices.size());
        run = studio({u"quiz"_s,
                      u"answer"_s,
                      m_second.id,
                      QString::number(wrongChoice + 1),
                      u"--at"_s,
                      u"2026-03-02T09:05"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.out.startsWith(u"Wrong: the answer is %1."_s.arg(m_second.answer + 1).toUtf8()),
            run.out);
        QVERIFY2(run.out.contains(m_second.explanation.toUtf8()), run.out);
        QVERIFY2(run.out.contains("Read: "), run.out);
        QVERIFY2(run.out.contains("Next review: 2026-03-02 09:15"), run.out);

        // That day: the wrong one is due, the right one is not.
        QJsonObject due
            = studio({u"quiz"_s, u"due"_s, u"--json"_s, u"--as-of"_s, u"2026-03-02"_s}).json();
        QCOMPARE(due[u"due"_s].toInt(), 1);
        QCOMPARE(due[u"questions"_s].toArray().at(0)[u"id"_s].toString(), m_second.id);
        QCOMPARE(due[u"questions"_s].toArray().at(0)[u"due"_s].toString(),
                 u"2026-03-02T08:15:00Z"_s);
        // On March 6 both: the right one fell due at 09:00 that day.
        due = studio({u"quiz"_s, u"due"_s, u"--json"_s, u"--as-of"_s, u"2026-03-06T00:00"_s})
                  .json();
        QCOMPARE(due[u"due"_s].toInt(), 2);
        QCOMPARE(due[u"new"_s].toInt(), 0); // no topic is being learned

        // New questions come from the topics being learned.
        REQUIRE_OK(record({u"progress"_s, u"set"_s, u"feature-stores"_s, u"learning"_s}));
        due = studio({u"quiz"_s, u"due"_s, u"--json"_s, u"--as-of"_s, u"2026-03-02"_s}).json();
        const Curriculum builtIn = CurriculumLoader::loadBuiltIn().curriculum;
        const Topic *topic = builtIn.findTopic(u"feature-stores"_s);
        QCOMPARE(due[u"new"_s].toInt(), int(topic->questions.size()) - 2);

        const QJsonObject stats
            = studio({u"quiz"_s, u"stats"_s, u"--json"_s, u"--as-of"_s, u"2026-03-02T12:00"_s})
                  .json();
        QCOMPARE(stats[u"answered"_s].toInt(), 2);
        QCOMPARE(stats[u"remembered"_s].toInt(), 1);
        QCOMPARE(stats[u"dueToday"_s].toInt(), 1);
        QCOMPARE(stats[u"answers"_s].toInt(), 2);
        QCOMPARE(stats[u"reviews"_s].toInt(), 0);
        QVERIFY(stats[u"retention"_s].isNull()); // nothing seen twice yet
        QCOMPARE(stats[u"forecast"_s].toArray().size(), 30);
        QCOMPARE(stats[u"forecast"_s].toArray().at(0).toInt(), 1); // today
        QCOMPARE(stats[u"forecast"_s].toArray().at(4).toInt(), 1); // March 6
        QCOMPARE(stats[u"days"_s].toArray().size(), 1);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unknown id, near one")
            << QStringList{u"quiz"_s, u"answer"_s, u"feature-stores/online-offline-skw"_s, u"1"_s}
            << QByteArray("unknown question id 'feature-stores/online-offline-skw'");
        QTest::newRow("choice 0") << QStringList{u"quiz"_s, u"answer"_s, u"%FIRST%"_s, u"0"_s}
                                  << QByteArray("CHOICE '0': expected a number from 1 to");
        QTest::newRow("choice past the choices")
            << QStringList{u"quiz"_s, u"answer"_s, u"%FIRST%"_s, u"9"_s}
            << QByteArray("CHOICE '9': expected a number from 1 to");
        QTest::newRow("choice a word") << QStringList{u"quiz"_s, u"answer"_s, u"%FIRST%"_s, u"b"_s}
                                       << QByteArray("CHOICE 'b'");
        QTest::newRow("answer in the future")
            << QStringList{u"quiz"_s, u"answer"_s, u"%FIRST%"_s, u"1"_s, u"--at"_s, u"2999-01-01"_s}
            << QByteArray("--at");
        QTest::newRow("bad --as-of") << QStringList{u"quiz"_s, u"due"_s, u"--as-of"_s, u"soon"_s}
                                     << QByteArray("--as-of 'soon': expected an ISO-8601 date");
        QTest::newRow("missing choice")
            << QStringList{u"quiz"_s, u"answer"_s, u"%FIRST%"_s} << QByteArray("quiz answer");
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        arguments.replaceInStrings(u"%FIRST%"_s, m_first.id);
        REQUIRE_OK(record({u"quiz"_s, u"answer"_s, m_second.id, u"1"_s}));
        const QByteArray before = fileHash(QDir(data()).filePath(u"progress.db"_s));
        const StudioRun run = studio(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), run.err);
        QCOMPARE(fileHash(QDir(data()).filePath(u"progress.db"_s)), before);
    }

    void unknownIdSuggestsTheNearest()
    {
        const QString typo = m_first.id.chopped(1);
        const StudioRun run = studio({u"quiz"_s, u"answer"_s, typo, u"1"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"did you mean '%1'"_s.arg(m_first.id).toUtf8()), run.err);
    }

    void answerOlderThanTheLatestIsRefused()
    {
        REQUIRE_OK(
            record({u"quiz"_s, u"answer"_s, m_first.id, u"1"_s, u"--at"_s, u"2026-03-02T09:00"_s}));
        const StudioRun run = studio(
            {u"quiz"_s, u"answer"_s, m_first.id, u"1"_s, u"--at"_s, u"2026-03-01T09:00"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("older than its latest answer"), run.err);
    }

private:
    StudioRun studio(const QStringList &arguments) const
    {
        const StudioProcess process{m_dir->path(), false, {u"TZ=Europe/Berlin"_s}, {}};
        return process.run(QStringList{u"--data-dir"_s, data()} + arguments);
    }
    void record(const QStringList &arguments) const
    {
        const StudioRun result = studio(arguments);
        QVERIFY2(result.exitCode == 0, result.err);
    }
    QString data() const { return m_dir->filePath(u"data"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    SelfCheckQuestion m_first;
    SelfCheckQuestion m_second;
};

QTEST_GUILESS_MAIN(TestQuizCommand)
#include "tst_quizcommand.moc"
