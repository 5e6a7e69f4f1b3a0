// `curriculum show [--json]` as a user runs it: each topic's resources and self-check questions,
// as docs/command-line.md describes them.
#include "support/require.h"
#include "support/studioprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// One topic with two resources (one without a kind or a why) and two questions, in the shape
// curriculum/README.md documents; a second topic with neither.
const QByteArray LearningCurriculum
    = "# Tiny course\n"
      "\n"
      "## 1. Basics\n"
      "\n"
      "| Topic | Goals | Activities |\n"
      "|---|---|---|\n"
      "| Tracking | Track runs | Log one |\n"
      "| Serving | Serve | Deploy |\n"
      "\n"
      "### Resources: Tracking\n"
      "- [MLflow Tracking](https://mlflow.org/docs/latest/tracking.html) (docs): where runs, "
      "parameters and metrics are logged.\n"
      "- [Rules of ML](https://developers.google.com/machine-learning/guides/rules-of-ml)\n"
      "\n"
      "### Questions: Tracking\n"
      "1. What does a run record? {#run-record}\n"
      "   - [ ] Only the model file\n"
      "   - [x] Parameters, metrics and artifacts\n"
      "   > A run keeps what is needed to compare and reproduce it.\n"
      "2. Is tracking optional?\n"
      "   - [x] No\n"
      "   - [ ] Yes\n"_ba;

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

} // namespace

class TestCurriculumCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void textListsResourcesAndQuestionCount();
    void jsonHasResourcesAndQuestions();
    void builtInTopicsShowTheirLearning();
    void helpNamesResourcesAndQuestions();

private:
    StudioRun run(const QStringList &arguments) const;
    QString learningCurriculum() const; // where the tests write LearningCurriculum

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCurriculumCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

StudioRun TestCurriculumCommand::run(const QStringList &arguments) const
{
    const StudioProcess studio{m_dir->path(), false, {}, {}};
    return studio.run(arguments);
}

QString TestCurriculumCommand::learningCurriculum() const
{
    return m_dir->filePath(u"tiny.md"_s);
}

void TestCurriculumCommand::textListsResourcesAndQuestionCount()
{
    const QString path = learningCurriculum();
    REQUIRE_OK(writeFile(path, LearningCurriculum));
    const StudioRun shown = run({u"--curriculum"_s, path, u"curriculum"_s, u"show"_s});
    QCOMPARE(shown.exitCode, 0);
    const QList<QByteArray> lines = shown.out.split('\n');
    const qsizetype tracking = lines.indexOf("   - tracking  Tracking (4 h)");
    QVERIFY2(tracking >= 0, shown.out);
    // Under the topic's line: the question count, then each resource with its address and why.
    QCOMPARE(
        lines.mid(tracking + 1, 5),
        (QList<QByteArray>{
            "       Self-check: 2 questions",
            "       Read: MLflow Tracking (docs)  https://mlflow.org/docs/latest/tracking.html",
            "             where runs, parameters and metrics are logged.",
            "       Read: Rules of ML  "
            "https://developers.google.com/machine-learning/guides/rules-of-ml",
            "   - serving  Serving (4 h)",
        }));
}

void TestCurriculumCommand::jsonHasResourcesAndQuestions()
{
    const QString path = learningCurriculum();
    REQUIRE_OK(writeFile(path, LearningCurriculum));
    const StudioRun shown = run({u"--curriculum"_s, path, u"curriculum"_s, u"show"_s, u"--json"_s});
    QCOMPARE(shown.exitCode, 0);
    const QJsonArray topics = shown.json()[u"sections"_s].toArray().at(0)[u"topics"_s].toArray();
    QCOMPARE(topics.size(), 2);
    const QJsonObject tracking = topics.at(0).toObject();
    // docs/file-formats.md: kind and why are left out when empty.
    QCOMPARE(
        tracking[u"resources"_s].toArray(),
        QJsonArray({QJsonObject{{u"title"_s, u"MLflow Tracking"_s},
                                {u"url"_s, u"https://mlflow.org/docs/latest/tracking.html"_s},
                                {u"kind"_s, u"docs"_s},
                                {u"why"_s, u"where runs, parameters and metrics are logged."_s}},
                    QJsonObject{{u"title"_s, u"Rules of ML"_s},
                                {u"url"_s,
                                 u"https://developers.google.com/machine-learning/guides/"
                                 u"rules-of-ml"_s}}}));
    QCOMPARE(
        tracking[u"questions"_s].toArray(),
        QJsonArray(
            {QJsonObject{
                 {u"id"_s, u"tracking/run-record"_s},
                 {u"prompt"_s, u"What does a run record?"_s},
                 {u"choices"_s,
                  QJsonArray{u"Only the model file"_s, u"Parameters, metrics and artifacts"_s}},
                 {u"answer"_s, 1},
                 {u"explanation"_s, u"A run keeps what is needed to compare and reproduce it."_s}},
             QJsonObject{{u"id"_s, u"tracking/is-tracking-optional"_s},
                         {u"prompt"_s, u"Is tracking optional?"_s},
                         {u"choices"_s, QJsonArray{u"No"_s, u"Yes"_s}},
                         {u"answer"_s, 0},
                         {u"explanation"_s, u""_s}}}));
    // A topic without them has neither key, as before they existed.
    const QJsonObject serving = topics.at(1).toObject();
    QVERIFY(!serving.contains(u"resources"_s));
    QVERIFY(!serving.contains(u"questions"_s));
}

// The built-in curriculum gives every topic resources and questions (issue 13): each topic of
// the text has its question line, and the JSON carries them.
void TestCurriculumCommand::builtInTopicsShowTheirLearning()
{
    const StudioRun json = run({u"curriculum"_s, u"show"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    int topicCount = 0;
    for (const QJsonValue &section : json.json()[u"sections"_s].toArray()) {
        for (const QJsonValue &topic : section[u"topics"_s].toArray()) {
            ++topicCount;
            QVERIFY2(!topic[u"resources"_s].toArray().isEmpty(),
                     qPrintable(topic[u"id"_s].toString()));
            const QJsonArray questions = topic[u"questions"_s].toArray();
            QVERIFY2(!questions.isEmpty(), qPrintable(topic[u"id"_s].toString()));
            for (const char *key : {"id", "prompt", "choices", "answer", "explanation"})
                QVERIFY2(questions.at(0).toObject().contains(QLatin1String(key)), key);
        }
    }
    QVERIFY(topicCount > 0);

    const StudioRun text = run({u"curriculum"_s, u"show"_s});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count("\n       Self-check: "), topicCount);
    QVERIFY(text.out.count("\n       Read: ") >= topicCount);
}

void TestCurriculumCommand::helpNamesResourcesAndQuestions()
{
    const StudioRun help = run({u"curriculum"_s, u"show"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("resources"), help.out);
    QVERIFY2(help.out.contains("self-check questions"), help.out);
    QVERIFY2(help.out.contains("right answers included"), help.out);
}

QTEST_GUILESS_MAIN(TestCurriculumCommand)
#include "tst_curriculumcommand.moc"
