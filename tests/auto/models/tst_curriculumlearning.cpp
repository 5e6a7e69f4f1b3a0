// The built-in curriculum's reading and self-check questions as data: every topic has 3-6
// resources and 5-8 questions (issue 13), every address is https on a host of
// curriculum/resource-hosts.txt, no question is asked twice, every question has one right
// answer among distinct choices and an explanation, and ids are written in the data.
#include "curriculum/curriculumjson.h"
#include "curriculum/curriculumloader.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// A small curriculum whose second topic gets `extra` members after its title.
QByteArray minimalJson(const QByteArray &extra)
{
    return "{\"format\": \"mlops-studio-curriculum\", \"version\": 1, \"title\": \"Plan\", "
           "\"sections\": [{\"id\": \"a\", \"title\": \"A\", \"topics\": ["
           "{\"id\": \"t1\", \"title\": \"One\"}, {\"id\": \"t2\", \"title\": \"Two\""
           + extra + "}]}]}";
}

} // namespace

class TestCurriculumLearning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        m_curriculum = loaded.curriculum;
        QFile hosts(QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/resource-hosts.txt"));
        QVERIFY(hosts.open(QIODevice::ReadOnly | QIODevice::Text));
        for (const QByteArray &line : hosts.readAll().split('\n')) {
            const QString host = QString::fromUtf8(line).trimmed();
            if (!host.isEmpty() && !host.startsWith(u'#'))
                m_hosts.insert(host);
        }
        QVERIFY(m_hosts.size() > 10);
    }

    void everyTopicHasReadingAndQuestions()
    {
        for (const Section &section : m_curriculum.sections) {
            for (const Topic &topic : section.topics) {
                QVERIFY2(topic.resources.size() >= 3 && topic.resources.size() <= 6,
                         qPrintable(topic.id));
                QVERIFY2(topic.questions.size() >= 5 && topic.questions.size() <= 8,
                         qPrintable(topic.id));
            }
        }
    }

    void addressesAreHttpsOnListedHosts()
    {
        // What a tracker or shortener adds, and hosts that are search pages or shorteners.
        static const QRegularExpression tracking(u"[?&](utm_[a-z]+|fbclid|gclid)="_s);
        static const QStringList shorteners{
            u"bit.ly"_s, u"t.co"_s, u"goo.gl"_s, u"tinyurl.com"_s, u"ow.ly"_s};
        QSet<QString> used;
        QHash<QString, int> timesUsed;
        for (const Section &section : m_curriculum.sections) {
            for (const Topic &topic : section.topics) {
                for (const TopicResource &resource : topic.resources) {
                    const QUrl url(resource.url, QUrl::StrictMode);
                    const QString where = topic.id + u": "_s + resource.url;
                    QVERIFY2(url.isValid() && url.scheme() == u"https"_s, qPrintable(where));
                    QVERIFY2(m_hosts.contains(url.host()), qPrintable(where));
                    QVERIFY2(!shorteners.contains(url.host()), qPrintable(where));
                    QVERIFY2(!resource.url.contains(tracking), qPrintable(where));
                    QVERIFY2(!url.path().contains(u"/search"_s), qPrintable(where));
                    QVERIFY2(TopicLearning::resourceKinds().contains(resource.kind),
                             qPrintable(where));
                    QVERIFY2(!resource.why.trimmed().isEmpty(), qPrintable(where));
                    used.insert(url.host());
                    ++timesUsed[resource.url];
                }
            }
        }
        // The list names no host the data no longer uses: it stays a reviewed list.
        QCOMPARE(used, m_hosts);
        for (auto it = timesUsed.cbegin(); it != timesUsed.cend(); ++it)
            QVERIFY2(it.value() <= 3, qPrintable(it.key())); // a canonical guide, not a filler
    }

    void questionsAreWellFormed()
    {
        QSet<QString> ids;
        QSet<QString> prompts;
        for (const Section &section : m_curriculum.sections) {
            for (const Topic &topic : section.topics) {
                for (const SelfCheckQuestion &question : topic.questions) {
                    const char *where = qPrintable(question.id);
                    QVERIFY2(question.id.startsWith(topic.id + u'/'), where);
                    QVERIFY2(!ids.contains(question.id), where);
                    ids.insert(question.id);
                    const QString prompt = question.prompt.simplified().toCaseFolded();
                    QVERIFY2(!prompts.contains(prompt), where);
                    prompts.insert(prompt);
                    QVERIFY2(question.choices.size() >= 3 && question.choices.size() <= 4, where);
                    QVERIFY2(question.answer >= 0 && question.answer < question.choices.size(),
                             where);
                    QSet<QString> choices;
                    for (const QString &choice : question.choices)
                        choices.insert(choice.simplified().toCaseFolded());
                    QCOMPARE(choices.size(), question.choices.size()); // one right answer
                    QVERIFY2(question.explanation.size() >= 40, where);
                    QVERIFY2(TopicLearning::checkQuestion(question).isEmpty(), where);
                }
            }
        }
        QCOMPARE(ids.size(), m_curriculum.questionCount());
    }

    void rightAnswersAreSpreadOverThePositions()
    {
        // A learner must not learn "it is always the first": each position is right at least
        // a sixth of the time.
        QList<int> counts(4, 0);
        for (const Section &section : m_curriculum.sections)
            for (const Topic &topic : section.topics)
                for (const SelfCheckQuestion &question : topic.questions)
                    ++counts[question.answer];
        for (int position = 0; position < 4; ++position)
            QVERIFY2(counts.at(position) * 6 >= m_curriculum.questionCount(),
                     qPrintable(QString::number(position)));
    }

    void idsAreDataNotDerived()
    {
        // Ids are read as written and written as read, so a rebuild, a reworded prompt or a
        // reordered list keeps them (the review history is keyed by them).
        const CurriculumJson::ReadResult again
            = CurriculumJson::read(CurriculumJson::write(m_curriculum));
        QVERIFY2(again.ok, qPrintable(again.errorMessage));
        QCOMPARE(again.curriculum, m_curriculum);
        QFile source(QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/mlops-coursework.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray json = source.readAll();
        for (const Section &section : m_curriculum.sections)
            for (const Topic &topic : section.topics)
                for (const SelfCheckQuestion &question : topic.questions)
                    QVERIFY2(json.contains("\"id\": \"" + question.id.toUtf8() + '"'),
                             qPrintable(question.id));
    }

    // The format's own checks of resources and questions, for any curriculum: each refused with
    // the problem and the question or resource it is about.
    void rejectsMalformedLearning_data();
    void rejectsMalformedLearning();

private:
    Curriculum m_curriculum;
    QSet<QString> m_hosts;
};

void TestCurriculumLearning::rejectsMalformedLearning_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // how the error starts
    const auto withQuestions = [](const QByteArray &questions) {
        return minimalJson(", \"questions\": [" + questions + "]");
    };
    const QByteArray question = R"({"id": "t2/q", "prompt": "P?", "choices": ["a", "b"], )";
    QTest::newRow("answer past the choices")
        << withQuestions(question + R"("answer": 2})")
        << u"topic 't2': question 't2/q': answer 2 is not one of its 2 choices"_s;
    QTest::newRow("answer not a whole number")
        << withQuestions(question + R"("answer": 0.5})")
        << u"sections[0].topics[1].questions[0].answer: expected the index of the right choice"_s;
    QTest::newRow("five choices")
        << withQuestions(
               R"({"id": "t2/q", "prompt": "P?", "choices": ["a","b","c","d","e"], "answer": 0})")
        << u"topic 't2': question 't2/q' has 5 choices (expected 2 to 4)"_s;
    QTest::newRow("one choice") << withQuestions(
        R"({"id": "t2/q", "prompt": "P?", "choices": ["a"], "answer": 0})")
                                << u"topic 't2': question 't2/q' has 1 choices (expected 2 to 4)"_s;
    QTest::newRow("the same choice twice")
        << withQuestions(
               R"({"id": "t2/q", "prompt": "P?", "choices": ["Yes", " yes"], "answer": 0})")
        << u"topic 't2': question 't2/q' lists the choice ' yes' twice"_s;
    QTest::newRow("duplicate question id")
        << withQuestions(question + R"("answer": 0}, )" + question + R"("answer": 1})")
        << u"duplicate question id 't2/q'"_s;
    QTest::newRow("question id with spaces")
        << withQuestions(R"({"id": "T2 Q", "prompt": "P?", "choices": ["a", "b"], "answer": 0})")
        << u"topic 't2': invalid question id 'T2 Q'"_s;
    QTest::newRow("question without text")
        << withQuestions(R"({"id": "t2/q", "prompt": " ", "choices": ["a", "b"], "answer": 0})")
        << u"topic 't2': question 't2/q' has no text"_s;
    const auto withResource = [](const QByteArray &resource) {
        return minimalJson(", \"resources\": [" + resource + "]");
    };
    QTest::newRow("resource address a script")
        << withResource(R"j({"title": "X", "url": "javascript:alert(1)"})j")
        << u"topic 't2': resource 'X': 'javascript:alert(1)' is not an http or https address"_s;
    QTest::newRow("resource address relative")
        << withResource(R"({"title": "X", "url": "docs/index.html"})")
        << u"topic 't2': resource 'X': 'docs/index.html' is not an http or https address"_s;
    QTest::newRow("resource of an unknown kind")
        << withResource(R"({"title": "X", "url": "https://example.org", "kind": "podcast"})")
        << u"topic 't2': resource 'X': unknown kind 'podcast'"_s;
    QTest::newRow("resource without a title")
        << withResource(R"({"title": "", "url": "https://example.org"})")
        << u"topic 't2': a resource has no title"_s;
}

void TestCurriculumLearning::rejectsMalformedLearning()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const CurriculumJson::ReadResult result = CurriculumJson::read(json);
    QVERIFY(!result.ok);
    QVERIFY2(result.errorMessage.startsWith(message), qPrintable(result.errorMessage));
}

QTEST_GUILESS_MAIN(TestCurriculumLearning)
#include "tst_curriculumlearning.moc"
