#include "curriculum/markdownblocks.h"
#include "curriculum/markdownimporter.h"
#include "curriculum/tooltagger.h"
#include "support/curriculumoutline.h"
#include "support/sharedreference.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qUtf8Printable(path));
    return file.readAll();
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

const QByteArray Table = "| Topic | Learning Goals | Suggested Activities |\n"
                         "|---|---|---|\n"
                         "| Alpha | Goal a | Act a |\n";

const QByteArray BoldDocument = "# **My Plan**\n"
                                "\n"
                                "Intro one.\n"
                                "\n"
                                "---\n"
                                "\n"
                                "Intro **two**.\n"
                                "\n"
                                "### **1. Basics**\n"
                                "#### **Objective**: Learn the basics.\n"
                                "\n"
                                "| **Topics** | **Learning Goals** | **Suggested Activities** |\n"
                                "|---|---|---|\n"
                                "| **Alpha** | Goal a | Act a |\n"
                                "| **Beta** | Goal b | Act b |\n"
                                "\n"
                                "### **Expected Outcomes**\n"
                                "By the end you will:\n"
                                "1. First.\n"
                                "2. Second.\n";

// The shape curriculum/README.md documents ("Resources and self-check questions"): parts under
// the section of their topic, a second section with a topic of the same title.
const QStringList BoldOutline = {
    u"title: My Plan"_s,
    u"intro: Intro one. Intro two."_s,
    u"S1 basics | Basics | Learn the basics."_s,
    u"T alpha | Alpha | Goal a | Act a"_s,
    u"T beta | Beta | Goal b | Act b"_s,
    u"O First."_s,
    u"O Second."_s,
};

} // namespace

class TestMarkdownImporter : public QObject
{
    Q_OBJECT

private slots:
    void importsShippedCoursework();
    void recognizesVariations_data();
    void recognizesVariations();
    void appliesDocumentedDefaults();
    void rejects_data();
    void rejects();
    void acceptsInputAtSizeLimit();
    void padsShortDelimiterRows_data();
    void padsShortDelimiterRows();

    void tagsWithBuiltInDictionary_data();
    void tagsWithBuiltInDictionary();
    void tagsWithCustomDictionary();
    void tagsResumeAfterEachMatch();
    void rejectsMalformedDictionary_data();
    void rejectsMalformedDictionary();
};

void TestMarkdownImporter::importsShippedCoursework()
{
    REQUIRE_SHARED_REFERENCE(u"coursework.md"_s);
    const auto result = MarkdownImporter::import(readFile(sharedReferencePath(u"coursework.md"_s)));
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const Curriculum &imported = result.curriculum;
    const QJsonObject shipped
        = QJsonDocument::fromJson(readFile(MLOPS_SOURCE_DIR "/curriculum/mlops-coursework.json"_L1))
              .object();
    QVERIFY(!shipped.isEmpty());

    QCOMPARE(imported.title, shipped.value(u"title"_s).toString());
    QCOMPARE(imported.introduction, shipped.value(u"introduction"_s).toString());
    QCOMPARE(imported.outcomes, toStringList(shipped.value(u"outcomes"_s)));
    QCOMPARE(imported.outcomes.size(), 4);
    QCOMPARE(imported.sections.size(), 9);
    QCOMPARE(imported.topicCount(), 26);

    const QJsonArray sections = shipped.value(u"sections"_s).toArray();
    QCOMPARE(imported.sections.size(), sections.size());
    for (int s = 0; s < sections.size(); ++s) {
        const QJsonObject expected = sections.at(s).toObject();
        const Section &section = imported.sections.at(s);
        QCOMPARE(section.id, expected.value(u"id"_s).toString());
        QCOMPARE(section.number, expected.value(u"number"_s).toInt());
        QCOMPARE(section.title, expected.value(u"title"_s).toString());
        QCOMPARE(section.objective, expected.value(u"objective"_s).toString());
        const QJsonArray topics = expected.value(u"topics"_s).toArray();
        QCOMPARE(section.topics.size(), topics.size());
        for (int t = 0; t < topics.size(); ++t) {
            const QJsonObject expectedTopic = topics.at(t).toObject();
            const Topic &topic = section.topics.at(t);
            QCOMPARE(topic.id, expectedTopic.value(u"id"_s).toString());
            QCOMPARE(topic.title, expectedTopic.value(u"title"_s).toString());
            QCOMPARE(topic.goals, expectedTopic.value(u"goals"_s).toString());
            QCOMPARE(topic.activities, expectedTopic.value(u"activities"_s).toString());
            QCOMPARE(topic.tags, toStringList(expectedTopic.value(u"tags"_s)));
        }
    }
}

void TestMarkdownImporter::recognizesVariations_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bold headings, objective heading, numbered outcomes")
        << BoldDocument << BoldOutline;
    QTest::newRow("windows line endings")
        << QByteArray(BoldDocument).replace("\n", "\r\n") << BoldOutline;
    QTest::newRow("UTF-8 byte order mark") << "\xEF\xBB\xBF" + BoldDocument << BoldOutline;
    QTest::newRow("extra blank lines")
        << QByteArray(BoldDocument).replace("\n\n", "\n\n\n\n") << BoldOutline;

    QTest::newRow("plain ## headings without numbers, no outcomes")
        << "# Plan\n\n## Basics\n\n" + Table + "\n## Advanced\n\n" + Table
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 basics | Basics | "_s,
                       u"T alpha | Alpha | Goal a | Act a"_s,
                       u"S2 advanced | Advanced | "_s,
                       u"T alpha-2 | Alpha | Goal a | Act a"_s};
    // A byte order mark inside the text (files joined together) is not part of the words, and
    // a row whose title cannot be seen is no topic, like an empty one.
    QTest::newRow("byte order marks inside the text, an invisible title")
        << "# Plan\n\n### 1. \xEF\xBB\xBF"
           "Basics\n\n"
           "| Topic | Learning Goals | Suggested Activities |\n|---|---|---|\n"
           "| \xEF\xBB\xBF"
           "Alpha | Goal\xEF\xBB\xBF a | Act a |\n"
           "| \xE2\x80\x8B \xE2\x80\x8F | Hidden goal | Hidden act |\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 basics | Basics | "_s,
                       u"T alpha | Alpha | Goal a | Act a"_s};
    QTest::newRow("#### headings, \"Section N:\" and \"N)\" numbers")
        << "#### Plan\n\n#### Section 3: Deep Dive\n\n" + Table + "\n#### 4) Wrap Up\n\n" + Table
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S3 deep-dive | Deep Dive | "_s,
                       u"T alpha | Alpha | Goal a | Act a"_s,
                       u"S4 wrap-up | Wrap Up | "_s,
                       u"T alpha-2 | Alpha | Goal a | Act a"_s};
    QTest::newRow("\"N:\" number, objective as a bold paragraph")
        << "# Plan\n\n## 2: Tools\n\n**Objective:** Use tools.\n\n" + Table
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S2 tools | Tools | Use tools."_s,
                       u"T alpha | Alpha | Goal a | Act a"_s};
    QTest::newRow("objective heading with a dash")
        << "# Plan\n\n## 1. Tools\n### Objective \u2013 Use tools.\n\n"_ba + Table
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | Use tools."_s,
                       u"T alpha | Alpha | Goal a | Act a"_s};
    QTest::newRow("other header words")
        << "# Plan\n\n## 1. Tools\n\n| Module | What you learn | Exercises |\n|---|---|---|\n"
           "| Docker | Images | Build one |\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker | Docker | Images | Build one"_s};
    QTest::newRow("columns in another order")
        << "# Plan\n\n## 1. Tools\n\n| Exercises | Topic | Learning objectives |\n|---|---|---|\n"
           "| Build one | Docker | Images |\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker | Docker | Images | Build one"_s};
    QTest::newRow("links, inline code, escaped pipes, entities, <br>")
        << "# Plan\n\n## 1. Tools\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
           "| [Docker](https://docker.com) basics | Run `docker run` | a \\| b and `x \\| y` |\n"
           "| Q&amp;A &#65;&#x42; | one<br>two | &lt;tag&gt; &quot;q&quot; |\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker-basics | Docker basics | Run docker run | a | b and x | y"_s,
                       u"T q-a-ab | Q&A AB | one\ntwo | <tag> \"q\""_s};
    QTest::newRow("non-ASCII titles")
        << "# Plän\n\n## 1. Café Déjà\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
           "| Naïve Bayes | Zählen | Üben |\n"_ba
        << QStringList{u"title: Plän"_s,
                       u"intro: "_s,
                       u"S1 cafe-deja | Café Déjà | "_s,
                       u"T naive-bayes | Naïve Bayes | Zählen | Üben"_s};
    QTest::newRow("duplicate titles, empty title cells, two tables in a section")
        << "# Plan\n\n## 1. Same\n\n" + Table
               + "\n| Topic | Goals | Activities |\n|---|---|---|\n"
                 "| Alpha | g | a |\n|  | orphan goal | orphan activity |\n\n## 2. Same\n\n"
               + Table
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 same | Same | "_s,
                       u"T alpha | Alpha | Goal a | Act a"_s,
                       u"T alpha-2 | Alpha | g | a"_s,
                       u"S2 same-2 | Same | "_s,
                       u"T alpha-3 | Alpha | Goal a | Act a"_s};
    QTest::newRow("bullet outcomes after a lead-in, nested items left out")
        << "# Plan\n\n## 1. Tools\n\n" + Table
               + "\n## Learning outcomes\n\nAfter this you will:\n\n- Ship models\n"
                 "- Watch them\n  - closely\n\nThanks.\n"
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T alpha | Alpha | Goal a | Act a"_s,
                       u"O Ship models"_s,
                       u"O Watch them"_s};
    QTest::newRow("one- and two-dash delimiter cells, with colons")
        << "# Plan\n\n## 1. Tools\n\n| Topic | Goals | Activities |\n|:-|--|-:|\n"
           "| Docker | Images | Build one |\n\n## 2. More\n\nTopic | Goals | Activities\n"
           "-|:-:|-\nGit | Commits | Commit\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker | Docker | Images | Build one"_s,
                       u"S2 more | More | "_s,
                       u"T git | Git | Commits | Commit"_s};
    QTest::newRow("short-dash table with windows line endings")
        << "# Plan\r\n\r\n## 1. Tools\r\n\r\n| Topic | Goals | Activities |\r\n|-|-|-|\r\n"
           "| Docker | Images | Build one |\r\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker | Docker | Images | Build one"_s};
    QTest::newRow("a body row of dashes stays text")
        << "# Plan\n\n## 1. Tools\n\n| Topic | Goals | Activities |\n|-|-|-|\n"
           "| Docker | Images | Build one |\n| - | - | - |\n"_ba
        << QStringList{u"title: Plan"_s,
                       u"intro: "_s,
                       u"S1 tools | Tools | "_s,
                       u"T docker | Docker | Images | Build one"_s,
                       u"T topic-2 | - | - | -"_s};
    QTest::newRow("no title heading") << "Some words first.\n\n## 1. Tools\n\n" + Table
                                      << QStringList{u"title: Untitled curriculum"_s,
                                                     u"intro: Some words first."_s,
                                                     u"S1 tools | Tools | "_s,
                                                     u"T alpha | Alpha | Goal a | Act a"_s};
}

void TestMarkdownImporter::recognizesVariations()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QStringList, expected);
    const auto result = MarkdownImporter::import(markdown);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(outline(result.curriculum), expected);
}

void TestMarkdownImporter::appliesDocumentedDefaults()
{
    const auto result = MarkdownImporter::import("# P\n\n## A\n\n" + Table + "\n## B\n\n" + Table
                                                 + "\n## C\n\n" + Table);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const QList<Section> &sections = result.curriculum.sections;
    QCOMPARE(sections.size(), 3);
    QCOMPARE(sections.at(0).prerequisites, QStringList());
    QCOMPARE(sections.at(1).prerequisites, QStringList{u"a"_s});
    QCOMPARE(sections.at(2).prerequisites, QStringList{u"b"_s});
    QCOMPARE(result.curriculum.totalHours(), 3 * 4.0);
}

void TestMarkdownImporter::rejects_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty document") << QByteArray() << 1 << u"not a curriculum"_s;
    QTest::newRow("plain prose") << "Hello.\n\nJust words,\nno tables.\n"_ba << 4
                                 << u"three-column table"_s;
    QTest::newRow("two-column table")
        << "# Plan\n\n## 1. Tools\n\n| Topic | Goals |\n|---|---|\n| Docker | Images |\n"_ba << 5
        << u"has only 2 columns"_s;
    QTest::newRow("table with a header only")
        << "# Plan\n\n## 1. Tools\n\n| Topic | Goals | Activities |\n|---|---|---|\n"_ba << 3
        << u"no topic rows"_s;
    QTest::newRow("table without a heading")
        << "Words.\n\n| Topic | Goals | Activities |\n|---|---|---|\n| a | b | c |\n"_ba << 3
        << u"no section heading"_s;
    QTest::newRow("short-dash two-column table after a padded row")
        << "Intro.\n\n|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n|x|x|x|x|x|x|x|x|x|x|\n\n"
           "| Topic | Goals |\n|:-|-:|\n| t | g |\n"_ba
        << 7 << u"has only 2 columns"_s;
    QTest::newRow("a section heading that cannot be seen")
        << "# Plan\n\n### \xE2\x80\x8B\xEF\xBB\xBF\n\n" + Table << 0 << u"has no title"_s;
    QTest::newRow("invalid UTF-8") << "# Plan\n\nLatin-1: caf\xe9\n"_ba << 3 << u"UTF-8"_s;
    QTest::newRow("binary garbage") << "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"_ba << 3 << u"NUL"_s;
    QTest::newRow("over the size limit")
        << QByteArray(MarkdownImporter::MaxInputBytes + 1, '\n') << 0 << u"too large"_s;
}

void TestMarkdownImporter::rejects()
{
    QFETCH(QByteArray, markdown);
    QFETCH(int, line);
    QFETCH(QString, message);
    const auto result = MarkdownImporter::import(markdown);
    QVERIFY(!result.ok);
    QVERIFY2(result.errorMessage.contains(message), qPrintable(result.errorMessage));
    QCOMPARE(result.errorLine, line);
}

void TestMarkdownImporter::acceptsInputAtSizeLimit()
{
    QByteArray markdown = "# Plan\n\n## 1. Tools\n\n" + Table;
    markdown.append(MarkdownImporter::MaxInputBytes - markdown.size(), '\n');
    const auto result = MarkdownImporter::import(markdown);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.curriculum.topicCount(), 1);
}

void TestMarkdownImporter::padsShortDelimiterRows_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("outer pipes") << "| a | b |\n|-|--|\n"_ba
                                 << "| a | b |\n|---|---|\n"_ba;
    QTest::newRow("colons and spaces kept") << "a | b | c\n :- | :-: |  -: \n"_ba
                                            << "a | b | c\n :--- | :---: |  ---: \n"_ba;
    QTest::newRow("single cell with one pipe") << "| a\n|-\n"_ba
                                               << "| a\n|---\n"_ba;
    QTest::newRow("long runs unchanged") << "|a|b|\n|----|---|\n"_ba
                                         << "|a|b|\n|----|---|\n"_ba;
    QTest::newRow("CRLF and CR line breaks kept") << "|a|b|\r\n|-|-|\r|c|d|\r\n"_ba
                                                  << "|a|b|\r\n|---|---|\r|c|d|\r\n"_ba;
    QTest::newRow("indented, in a list item") << "- x\n\n  | a | b |\n  |-|-|\n"_ba
                                              << "- x\n\n  | a | b |\n  |---|---|\n"_ba;
    QTest::newRow("no pipe on the line before") << "a\n|-|-|\n"_ba
                                                << "a\n|-|-|\n"_ba;
    QTest::newRow("blank line before") << "|a|b|\n\n|-|-|\n"_ba
                                       << "|a|b|\n\n|-|-|\n"_ba;
    QTest::newRow("setext underline without pipe") << "a | b\n--\n"_ba
                                                   << "a | b\n--\n"_ba;
    QTest::newRow("not only dashes") << "|a|b|\n|-|x|\n"_ba
                                     << "|a|b|\n|-|x|\n"_ba;
    QTest::newRow("empty cell") << "|a|b|\n|-||\n"_ba
                                << "|a|b|\n|-||\n"_ba;
    QTest::newRow("pipe alone") << "|a|\n|\n"_ba
                                << "|a|\n|\n"_ba;
    QTest::newRow("body rows of dashes") << "|a|b|\n|-|-|\n|-|-|\n\n|c|d|\n|-|-|\n"_ba
                                         << "|a|b|\n|---|---|\n|-|-|\n\n|c|d|\n|---|---|\n"_ba;
    QTest::newRow("backtick fence") << "```\n|a|b|\n|-|-|\n```\n|c|d|\n|-|-|\n"_ba
                                    << "```\n|a|b|\n|-|-|\n```\n|c|d|\n|---|---|\n"_ba;
    QTest::newRow("tilde fence with info, longer closing fence")
        << "~~~~ md\n|a|b|\n|-|-|\n~~~\n|a|b|\n|-|-|\n~~~~~\n|c|d|\n|-|-|\n"_ba
        << "~~~~ md\n|a|b|\n|-|-|\n~~~\n|a|b|\n|-|-|\n~~~~~\n|c|d|\n|---|---|\n"_ba;
    QTest::newRow("other fence marker does not close") << "```\n~~~\n|a|b|\n|-|-|\n"_ba
                                                       << "```\n~~~\n|a|b|\n|-|-|\n"_ba;
    QTest::newRow("inline code is no fence") << "```a` b |\n|-|-|\n"_ba
                                             << "```a` b |\n|---|---|\n"_ba;
    QTest::newRow("no final line break") << "|a|\n|-|"_ba
                                         << "|a|\n|---|"_ba;
}

void TestMarkdownImporter::padsShortDelimiterRows()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QByteArray, expected);
    const QByteArray padded = MarkdownBlocks::padDelimiterRows(markdown);
    QCOMPARE(padded, expected);
    QCOMPARE(MarkdownBlocks::lineCount(padded), MarkdownBlocks::lineCount(markdown));
}

// Expected values follow curriculum/README.md, "Resources and self-check questions".
void TestMarkdownImporter::tagsWithBuiltInDictionary_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");

    QTest::newRow("longest overlapping match wins")
        << u"Serve with TensorFlow Serving."_s << QStringList{u"TensorFlow Serving"_s};
    QTest::newRow("shorter name elsewhere still found")
        << u"TensorFlow Serving, then TensorFlow"_s
        << QStringList{u"TensorFlow Serving"_s, u"TensorFlow"_s};
    QTest::newRow("alias maps to the name")
        << u"TensorFlow Extended (TFX), K8s and Apache Airflow"_s
        << QStringList{u"TFX"_s, u"Kubernetes"_s, u"Airflow"_s};
    QTest::newRow("no match inside a longer word") << u"GitHub"_s << QStringList{u"GitHub"_s};
    QTest::newRow("slash separates words")
        << u"Git and GitHub/GitLab"_s << QStringList{u"Git"_s, u"GitHub"_s, u"GitLab"_s};
    QTest::newRow("digits are word characters") << u"Git2 and S3x"_s << QStringList();
    QTest::newRow("case-sensitive") << u"python and docker"_s << QStringList();
    QTest::newRow("first appearance order, no duplicates")
        << u"Docker, Python, Docker and Python"_s << QStringList{u"Docker"_s, u"Python"_s};
    QTest::newRow("name with punctuation") << u"GitLab CI/CD or Weights & Biases (W&B)"_s
                                           << QStringList{u"GitLab CI/CD"_s, u"Weights & Biases"_s};
}

void TestMarkdownImporter::tagsWithBuiltInDictionary()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    QCOMPARE(ToolTagger::builtIn().tagsFor(text), tags);
}

void TestMarkdownImporter::tagsWithCustomDictionary()
{
    QString error;
    const auto tagger = ToolTagger::fromJson(
        R"({"format":"mlops-studio-tools","version":1,
            "tools":[{"name":"Foo","aliases":["foo-bar"]},{"name":"Bar"}]})",
        &error);
    QVERIFY2(tagger, qPrintable(error));
    QCOMPARE(tagger->patternCount(), 3);
    QCOMPARE(tagger->tagsFor(u"Bar, then foo-bar and Foo"_s), (QStringList{u"Bar"_s, u"Foo"_s}));
    QCOMPARE(tagger->tagsFor(u"foo-barn"_s), QStringList());
}

// Each name's matches are Python re.finditer's: non-overlapping, the search resuming after a
// match. "b c b" matches "a b c b c b" at 2 only (6 is inside that match), and "a b c" covers it.
void TestMarkdownImporter::tagsResumeAfterEachMatch()
{
    const auto tagger = ToolTagger::fromJson(R"({"format":"mlops-studio-tools","version":1,
        "tools":[{"name":"a b c"},{"name":"b c b"}]})");
    QVERIFY(tagger);
    QCOMPARE(tagger->tagsFor(u"a b c b c b"_s), QStringList{u"a b c"_s});
    QCOMPARE(tagger->tagsFor(u"x b c b c b"_s), QStringList{u"b c b"_s});
}

void TestMarkdownImporter::rejectsMalformedDictionary_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << "tools: Docker"_ba;
    QTest::newRow("wrong format") << R"({"format":"other","version":1,"tools":[]})"_ba;
    QTest::newRow("wrong version")
        << R"({"format":"mlops-studio-tools","version":2,"tools":[]})"_ba;
    QTest::newRow("tools not an array")
        << R"({"format":"mlops-studio-tools","version":1,"tools":{}})"_ba;
    QTest::newRow("tool without a name")
        << R"({"format":"mlops-studio-tools","version":1,"tools":[{"aliases":["x"]}]})"_ba;
    QTest::newRow("alias not a string")
        << R"({"format":"mlops-studio-tools","version":1,"tools":[{"name":"X","aliases":[1]}]})"_ba;
}

void TestMarkdownImporter::rejectsMalformedDictionary()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!ToolTagger::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestMarkdownImporter)
#include "tst_markdownimporter.moc"
