#include "curriculum/curriculum.h"
#include "curriculum/curriculumjson.h"
#include "curriculum/curriculumloader.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Two sections, three topics: small enough to vary one field per test row.
QByteArray minimalJson(const QByteArray &title = "\"Two\"", const QByteArray &version = "1")
{
    return R"({
  "format": "mlops-studio-curriculum",
  "version": )"
           + version + R"(,
  "title": "Plan",
  "sections": [
    {"id": "a", "title": "A", "topics": [
      {"id": "t1", "title": "One", "hours": 1},
      {"id": "t2", "title": )"
           + title + R"(, "hours": 2}
    ]},
    {"id": "b", "title": "B", "prerequisites": ["a"], "topics": [
      {"id": "t3", "title": "Three", "hours": 3}
    ]}
  ]
}
)";
}

// A compact document with the given sections ("{...},{...}").
QByteArray withSections(const QByteArray &sections)
{
    return R"({"format":"mlops-studio-curriculum","version":1,"title":"Plan","sections":[)"
           + sections + "]}";
}

QByteArray
section(const QByteArray &id, const QByteArray &prerequisites = {}, const QByteArray &topics = {})
{
    return R"({"id":")" + id + R"(","title":"S","prerequisites":[)" + prerequisites
           + R"(],"topics":[)" + topics + "]}";
}

QByteArray topic(const QByteArray &id)
{
    return R"({"id":")" + id + R"(","title":"T","hours":1})";
}

// Sections in an order where each comes after its prerequisites, or fewer when there is a cycle.
QStringList topologicalOrder(const Curriculum &curriculum)
{
    QHash<QString, qsizetype> missing;
    for (const Section &section : curriculum.sections)
        missing.insert(section.id, section.prerequisites.size());
    QStringList order;
    bool progressed = true;
    while (progressed) {
        progressed = false;
        for (const Section &section : curriculum.sections) {
            if (order.contains(section.id) || missing.value(section.id) != 0)
                continue;
            order.append(section.id);
            progressed = true;
            for (const Section &other : curriculum.sections)
                if (other.prerequisites.contains(section.id))
                    --missing[other.id];
        }
    }
    return order;
}

// The error of a failed load, checked to start with "PATH:LINE: " (or "PATH: " for line 0).
QString locatedMessage(const CurriculumLoader::Result &result, const QString &path, int line)
{
    if (result.ok) {
        qWarning("loading %s unexpectedly succeeded", qUtf8Printable(path));
        return {};
    }
    const QString prefix = line > 0 ? u"%1:%2: "_s.arg(path).arg(line) : path + u": "_s;
    if (!result.error.startsWith(prefix)) {
        qWarning("expected the error to start with \"%s\", got \"%s\"",
                 qUtf8Printable(prefix),
                 qUtf8Printable(result.error));
        return {};
    }
    return result.error.mid(prefix.size());
}

} // namespace

class TestCurriculumJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void loadsBuiltIn();
    void builtInPrerequisitesFormDag();
    void roundTripsBuiltIn();
    void roundTripsEdgeValues();

    void loadsFile_data();
    void loadsFile();
    void importsSharedCourseworkAsShipped();
    void acceptsFileAtSizeLimit();

    void rejectsContent_data();
    void rejectsContent();
    void rejectsMissingFile();
    void rejectsDirectory();
    void readRefusesOversizeData();
    void rejectsOversizeFile();
    void survivesLongPrerequisiteChain();

    void slugifies_data();
    void slugifies();
    void validatesIds_data();
    void validatesIds();
    void makesUnique();

private:
    QString writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
};

void TestCurriculumJson::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString TestCurriculumJson::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        qFatal("cannot write %s", qUtf8Printable(path));
    return path;
}

void TestCurriculumJson::loadsBuiltIn()
{
    const CurriculumLoader::Result result = CurriculumLoader::loadBuiltIn();
    QVERIFY2(result.ok, qPrintable(result.error));
    const Curriculum &curriculum = result.curriculum;
    QVERIFY(!curriculum.title.isEmpty());
    QCOMPARE(curriculum.sections.size(), 9);
    QCOMPARE(curriculum.topicCount(), 26);
    QCOMPARE(curriculum.topicIds().size(), 26);
    QCOMPARE(curriculum.outcomes.size(), 4);
    for (int i = 0; i < curriculum.sections.size(); ++i) {
        const Section &section = curriculum.sections.at(i);
        QCOMPARE(section.number, i + 1);
        QVERIFY2(!section.topics.isEmpty(), qPrintable(section.id));
        for (const Topic &topic : section.topics) {
            QVERIFY2(topic.hours > 0, qPrintable(topic.id));
            QCOMPARE(curriculum.sectionOfTopic(topic.id), &section);
        }
    }
    QCOMPARE(curriculum.validate(), QString());
}

void TestCurriculumJson::builtInPrerequisitesFormDag()
{
    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    QCOMPARE(curriculum.sections.size(), 9);
    QCOMPARE(curriculum.sections.first().prerequisites, QStringList());
    for (const Section &section : curriculum.sections) {
        for (const QString &pre : section.prerequisites)
            QVERIFY2(curriculum.findSection(pre), qPrintable(pre));
    }
    for (const Section &section : curriculum.sections.sliced(1))
        QVERIFY2(!section.prerequisites.isEmpty(), qPrintable(section.id));
    // Every section can be ordered after its prerequisites exactly when there is no cycle.
    QCOMPARE(topologicalOrder(curriculum).size(), curriculum.sections.size());
}

void TestCurriculumJson::roundTripsBuiltIn()
{
    const Curriculum original = CurriculumLoader::loadBuiltIn().curriculum;
    const QByteArray json = CurriculumJson::write(original);
    QVERIFY(json.endsWith('\n'));
    const CurriculumJson::ReadResult read = CurriculumJson::read(json);
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.curriculum, original);
    QCOMPARE(CurriculumJson::write(read.curriculum), json);
}

void TestCurriculumJson::roundTripsEdgeValues()
{
    Curriculum original;
    original.title = u"Plän \"quoted\" \\ slash\nsecond line \U0001F680"_s;
    original.outcomes = {u"one"_s, u""_s, u"tab\there"_s};
    Section first;
    first.id = u"s0"_s;
    first.number = 0;
    first.title = u"Zero"_s;
    // Resources and questions round-trip too, "kind" and "why" left out or given.
    const QList<TopicResource> resources{
        {u"Docs"_s, u"https://example.org/docs?a=1&b=2"_s, u"docs"_s, u"Why \"this\""_s},
        {u"Paper"_s, u"http://example.org/p"_s, {}, {}}};
    const QList<SelfCheckQuestion> questions{
        {u"t-1/what"_s, u"What?"_s, {u"a"_s, u"b"_s, u"c"_s, u"d"_s}, 3, u"Because."_s},
        {u"t-1/two"_s, u"Two?"_s, {u"yes"_s, u"no"_s}, 0, {}}};
    first.topics = {Topic{u"t-1"_s, u"Tiny"_s, {}, {}, {u"Docker"_s}, 0.1, resources, questions},
                    Topic{u"t-2"_s, u"Huge"_s, u"g"_s, u"a"_s, {}, 10000, {}, {}}};
    Section second;
    second.id = u"s-1000000"_s;
    second.number = 1000000;
    second.title = u"Last"_s;
    second.objective = u"</script> & <b>"_s;
    second.prerequisites = {u"s0"_s};
    original.sections = {first, second};
    QCOMPARE(original.validate(), QString());

    const CurriculumJson::ReadResult read = CurriculumJson::read(CurriculumJson::write(original));
    QVERIFY2(read.ok, qPrintable(read.errorMessage));
    QCOMPARE(read.curriculum, original);
}

void TestCurriculumJson::loadsFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("topicCount");

    const QByteArray markdown = "# Md Plan\n\n## 1. Tools\n\n| Topic | Goals | Activities |\n"
                                "|-|-|-|\n| Docker | Images | Build one |\n";
    QTest::newRow(".json") << u"plan.json"_s << minimalJson() << u"Plan"_s << 3;
    QTest::newRow(".JSON, any case") << u"PLAN.JSON"_s << minimalJson() << u"Plan"_s << 3;
    QTest::newRow(".md") << u"plan.md"_s << markdown << u"Md Plan"_s << 1;
    QTest::newRow(".markdown") << u"plan.markdown"_s << markdown << u"Md Plan"_s << 1;
    QTest::newRow("other suffix, JSON content")
        << u"plan.txt"_s << "\n  \t" + minimalJson() << u"Plan"_s << 3;
    QTest::newRow("no suffix, JSON content after a byte order mark")
        << u"plan"_s << "\xEF\xBB\xBF" + minimalJson() << u"Plan"_s << 3;
    QTest::newRow(".json with a byte order mark")
        << u"bom.json"_s << "\xEF\xBB\xBF" + minimalJson() << u"Plan"_s << 3;
    QTest::newRow("other suffix, Markdown content")
        << u"plan.curriculum"_s << markdown << u"Md Plan"_s << 1;
}

void TestCurriculumJson::loadsFile()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, title);
    QFETCH(int, topicCount);
    const CurriculumLoader::Result result
        = CurriculumLoader::loadFile(writeFile(fileName, content));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.curriculum.title, title);
    QCOMPARE(result.curriculum.topicCount(), topicCount);
}

// The shipped JSON is coursework.md imported, plus hours, prerequisites, reading, questions.
void TestCurriculumJson::importsSharedCourseworkAsShipped()
{
    REQUIRE_SHARED_REFERENCE(u"coursework.md"_s);
    const QString path = sharedReferencePath(u"coursework.md"_s);
    const CurriculumLoader::Result imported = CurriculumLoader::loadFile(path);
    QVERIFY2(imported.ok, qPrintable(imported.error));
    const Curriculum shipped = CurriculumLoader::loadBuiltIn().curriculum;

    Curriculum edited = imported.curriculum;
    QCOMPARE(edited.sections.size(), shipped.sections.size());
    for (int s = 0; s < edited.sections.size(); ++s) {
        Section &section = edited.sections[s];
        section.prerequisites = shipped.sections.at(s).prerequisites;
        QCOMPARE(section.topics.size(), shipped.sections.at(s).topics.size());
        for (int t = 0; t < section.topics.size(); ++t) {
            QCOMPARE(section.topics.at(t).hours, 4.0); // the importer's default
            QVERIFY(section.topics.at(t).resources.isEmpty());
            QVERIFY(section.topics.at(t).questions.isEmpty());
            const Topic &shippedTopic = shipped.sections.at(s).topics.at(t);
            section.topics[t].hours = shippedTopic.hours;
            section.topics[t].resources = shippedTopic.resources;
            section.topics[t].questions = shippedTopic.questions;
        }
    }
    QCOMPARE(edited, shipped);
}

void TestCurriculumJson::acceptsFileAtSizeLimit()
{
    QByteArray content = minimalJson();
    content.append(CurriculumLoader::MaxFileBytes - content.size(), ' ');
    QCOMPARE(content.size(), CurriculumLoader::MaxFileBytes);
    const CurriculumLoader::Result result
        = CurriculumLoader::loadFile(writeFile(u"limit.json"_s, content));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.curriculum.topicCount(), 3);
}

void TestCurriculumJson::rejectsContent_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");        // 0: the error names no line
    QTest::addColumn<QString>("message"); // how the message after "PATH:LINE: " starts

    QTest::newRow("empty .json") << u"empty.json"_s << QByteArray() << 1 << u"invalid JSON"_s;
    QTest::newRow("empty .md") << u"empty.md"_s << QByteArray() << 1 << u"not a curriculum"_s;
    QTest::newRow("empty, other suffix")
        << u"empty.txt"_s << QByteArray() << 1 << u"not a curriculum"_s;
    QTest::newRow("invalid JSON on line 4")
        << u"bad.json"_s
        << "{\n  \"format\": \"mlops-studio-curriculum\",\n  \"version\": 1,\n  \"title\": oops\n}\n"_ba
        << 4 << u"invalid JSON"_s;
    QTest::newRow("unterminated JSON sniffed")
        << u"bad.txt"_s << minimalJson().chopped(4) << 13 << u"invalid JSON"_s;
    QTest::newRow("Markdown in a .json file")
        << u"plan.json"_s << "# Plan\n"_ba << 1 << u"invalid JSON"_s;
    QTest::newRow("JSON array") << u"list.json"_s << "[1, 2]"_ba << 1
                                << u"not a curriculum file: expected a JSON object"_s;
    QTest::newRow("wrong format")
        << u"tools.json"_s << R"({"format":"mlops-studio-tools","version":1,"tools":[]})"_ba << 0
        << u"not a curriculum file: expected \"format\": \"mlops-studio-curriculum\""_s;
    QTest::newRow("no format") << u"plan.json"_s << R"({"version":1})"_ba << 0
                               << u"not a curriculum file"_s;
    QTest::newRow("newer version") << u"new.json"_s << minimalJson("\"Two\"", "2") << 0
                                   << u"written by a newer version (format version 2; this version "
                                      "reads up to 1)"_s;
    QTest::newRow("far newer version") << u"new.json"_s << minimalJson("\"Two\"", "1e10") << 0
                                       << u"written by a newer version (format version 1e+10;"_s;
    QTest::newRow("fractional version")
        << u"v.json"_s << minimalJson("\"Two\"", "1.5") << 0
        << u"version: expected a whole number from 1, found a number"_s;
    QTest::newRow("negative version") << u"v.json"_s << minimalJson("\"Two\"", "-3") << 0
                                      << u"version: expected a whole number from 1"_s;
    QTest::newRow("version 0") << u"v.json"_s << minimalJson("\"Two\"", "0") << 0
                               << u"version: expected a whole number from 1"_s;
    QTest::newRow("version a string") << u"v.json"_s << minimalJson("\"Two\"", "\"1\"") << 0
                                      << u"version: expected a number, found a string"_s;
    QTest::newRow("topic title a number")
        << u"types.json"_s << minimalJson("42") << 0
        << u"sections[0].topics[1].title: expected a string, found a number"_s;
    QTest::newRow("topic title missing")
        << u"types.json"_s << minimalJson("null") << 0
        << u"sections[0].topics[1].title: expected a string, found null"_s;
    QTest::newRow("curriculum title a number")
        << u"types.json"_s
        << R"({"format":"mlops-studio-curriculum","version":1,"title":7,"sections":[]})"_ba << 0
        << u"title: expected a string, found a number"_s;
    QTest::newRow("sections an object")
        << u"types.json"_s
        << R"({"format":"mlops-studio-curriculum","version":1,"title":"P","sections":{}})"_ba << 0
        << u"sections: expected an array, found an object"_s;
    QTest::newRow("section a string")
        << u"types.json"_s << withSections(section("a", {}, topic("t")) + ",\"b\"") << 0
        << u"sections[1]: expected an object, found a string"_s;
    QTest::newRow("tag a number")
        << u"types.json"_s
        << withSections(section("a", {}, R"({"id":"t","title":"T","tags":["x",3]})")) << 0
        << u"sections[0].topics[0].tags[1]: expected a string, found a number"_s;
    QTest::newRow("hours a string")
        << u"types.json"_s
        << withSections(section("a", {}, R"({"id":"t","title":"T","hours":"4"})")) << 0
        << u"sections[0].topics[0].hours: expected a number, found a string"_s;
    QTest::newRow("negative hours")
        << u"types.json"_s << withSections(section("a", {}, R"({"id":"t","title":"T","hours":-1})"))
        << 0 << u"topic 't': hours must be between 0 and 10000"_s;
    QTest::newRow("fractional section number")
        << u"types.json"_s << withSections(R"({"id":"a","title":"A","number":1.5,"topics":[]})")
        << 0 << u"sections[0].number: expected a whole number from 0 to 1000000, found a number"_s;
    QTest::newRow("no sections") << u"none.json"_s << withSections({}) << 0
                                 << u"the curriculum has no sections"_s;
    QTest::newRow("empty section title")
        << u"title.json"_s << withSections(R"({"id":"a","title":" ","topics":[]})") << 0
        << u"section 'a' has no title"_s;
    QTest::newRow("invisible topic title")
        << u"title.json"_s
        << withSections(section("a", {}, R"({"id":"t","title":"\u200b\u200f\ufeff "})")) << 0
        << u"topic 't' has no title"_s;
    QTest::newRow("duplicate topic ids")
        << u"dup.json"_s
        << withSections(section("a", {}, topic("t1") + "," + topic("t2")) + ","
                        + section("b", {}, topic("t1")))
        << 0 << u"duplicate topic id 't1'"_s;
    QTest::newRow("duplicate section ids")
        << u"dup.json"_s << withSections(section("a") + "," + section("a")) << 0
        << u"section 2: duplicate section id 'a'"_s;
    QTest::newRow("unknown prerequisite")
        << u"pre.json"_s << withSections(section("a") + "," + section("b", R"("zz")")) << 0
        << u"section 'b': unknown prerequisite 'zz'"_s;
    QTest::newRow("prerequisite of itself") << u"pre.json"_s << withSections(section("a", R"("a")"))
                                            << 0 << u"section 'a' lists itself as a prerequisite"_s;
    QTest::newRow("prerequisite cycle")
        << u"cycle.json"_s
        << withSections(section("x") + "," + section("a", R"("x","c")") + ","
                        + section("b", R"("a")") + "," + section("c", R"("b")"))
        << 0 << u"prerequisites form a cycle: a -> c -> b -> a"_s;
    QTest::newRow("invalid section id")
        << u"id.json"_s << withSections(section("Bad_Id")) << 0
        << u"section 1: invalid id 'Bad_Id' (expected lowercase letters, digits and '-')"_s;
    QTest::newRow("invalid topic id") << u"id.json"_s << withSections(section("a", {}, topic("t-")))
                                      << 0 << u"section 'a': invalid topic id 't-'"_s;
    QTest::newRow("empty topic id") << u"id.json"_s << withSections(section("a", {}, topic("")))
                                    << 0 << u"section 'a': invalid topic id ''"_s;
    QTest::newRow("5000 nested arrays, .json")
        << u"deep.json"_s << QByteArray(5000, '[') + QByteArray(5000, ']') << 1
        << u"invalid JSON"_s;
    QTest::newRow("5000 nested objects, sniffed")
        << u"deep.txt"_s << QByteArray("{\"a\":").repeated(5000) + QByteArray(5000, '}') << 1
        << u"invalid JSON"_s;
    QTest::newRow("5000 nested arrays, .md")
        << u"deep.md"_s << QByteArray(5000, '[') + QByteArray(5000, ']') << 1
        << u"not a curriculum"_s;
    QTest::newRow("5000 nested block quotes, .md")
        << u"quotes.md"_s << QByteArray(5000, '>') + " x\n"
        << 1 << u"not a curriculum"_s;
    QTest::newRow("5000 nested lists, .md")
        << u"lists.md"_s << QByteArray("- ").repeated(5000) + "x\n"
        << 1 << u"not a curriculum"_s;
    const QByteArray png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"_ba;
    QTest::newRow("binary garbage, .json") << u"image.json"_s << png << 1 << u"invalid JSON"_s;
    QTest::newRow("binary garbage, .md") << u"image.md"_s << png << 3 << u"not a text document"_s;
    QTest::newRow("binary garbage, sniffed")
        << u"image.png"_s << png << 3 << u"not a text document"_s;
    QTest::newRow("invalid UTF-8 in JSON")
        << u"latin1.json"_s << minimalJson("\"caf\xe9\"") << 8 << u"invalid JSON"_s;
}

void TestCurriculumJson::rejectsContent()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, message);
    const QString path = writeFile(fileName, content);
    const QString error = locatedMessage(CurriculumLoader::loadFile(path), path, line);
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void TestCurriculumJson::rejectsMissingFile()
{
    const QString path = m_dir.filePath(u"no/such/plan.json"_s);
    const CurriculumLoader::Result result = CurriculumLoader::loadFile(path);
    QCOMPARE(locatedMessage(result, path, 0), u"no such file"_s);
}

void TestCurriculumJson::rejectsDirectory()
{
    const QString path = m_dir.filePath(u"folder.json"_s);
    QVERIFY(QDir().mkpath(path));
    const CurriculumLoader::Result result = CurriculumLoader::loadFile(path);
    QVERIFY2(locatedMessage(result, path, 0).startsWith(u"is a directory"_s),
             qPrintable(result.error));
}

void TestCurriculumJson::readRefusesOversizeData()
{
    QByteArray content = minimalJson();
    content.append(CurriculumJson::MaxInputBytes - content.size(), ' ');
    QVERIFY(CurriculumJson::read(content).ok);
    content.append(' ');
    const CurriculumJson::ReadResult read = CurriculumJson::read(content);
    QVERIFY(!read.ok);
    QCOMPARE(read.errorMessage, u"too large (over 8 MiB) for a curriculum file"_s);
}

void TestCurriculumJson::rejectsOversizeFile()
{
    QByteArray content = minimalJson();
    content.append(CurriculumLoader::MaxFileBytes + 1 - content.size(), ' ');
    const QString path = writeFile(u"huge.json"_s, content);
    const CurriculumLoader::Result result = CurriculumLoader::loadFile(path);
    QVERIFY2(locatedMessage(result, path, 0).startsWith(u"too large"_s), qPrintable(result.error));
}

// The longest chain a file under the size limit can hold: checking it must not overflow the stack.
void TestCurriculumJson::survivesLongPrerequisiteChain()
{
    constexpr int Count = 100000;
    QByteArray sections = section("s0");
    for (int i = 1; i < Count; ++i) {
        sections
            += ',' + section('s' + QByteArray::number(i), "\"s" + QByteArray::number(i - 1) + '"');
    }
    QByteArray chain = withSections(sections);
    QVERIFY(chain.size() <= CurriculumLoader::MaxFileBytes);

    const QString path = writeFile(u"chain.json"_s, chain);
    const CurriculumLoader::Result result = CurriculumLoader::loadFile(path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.curriculum.sections.size(), Count);

    // Closing the chain into one long cycle is found, too.
    const QByteArray cycle
        = chain.replace(R"("prerequisites":[])", R"("prerequisites":["s99999"])");
    const QString cyclePath = writeFile(u"cycle.json"_s, cycle);
    const QString error = locatedMessage(CurriculumLoader::loadFile(cyclePath), cyclePath, 0);
    QCOMPARE(error,
             u"prerequisites form a cycle: s0 -> s99999 -> s99998 -> s99997 -> s99996 -> \u2026 "
             "-> s4 -> s3 -> s2 -> s1 -> s0"_s);
}

void TestCurriculumJson::slugifies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("slug");

    QTest::newRow("plain") << u"MLOps Overview"_s << u"mlops-overview"_s;
    QTest::newRow("accents folded")
        << u"Café Déjà Vu, naïve Ångström"_s << u"cafe-deja-vu-naive-angstrom"_s;
    QTest::newRow("apostrophes dropped")
        << u"Let's go, it\u2019s Docker's"_s << u"lets-go-its-dockers"_s;
    QTest::newRow("punctuation runs become one dash")
        << u"AI/ML -- & Ops!! (v2.0)"_s << u"ai-ml-ops-v2-0"_s;
    QTest::newRow("no leading or trailing dash") << u"  --Edge--  "_s << u"edge"_s;
    QTest::newRow("compatibility forms") << u"\uFB01le \uFF21\uFF11 x\u00B2"_s << u"file-a1-x2"_s;
    QTest::newRow("empty → fallback") << QString() << u"fallback-1"_s;
    QTest::newRow("punctuation only → fallback") << u"!!! --- ???"_s << u"fallback-1"_s;
    QTest::newRow("no Latin letters → fallback") << u"日本語 ✓"_s << u"fallback-1"_s;

    const QString words = u"word "_s.repeated(30);
    QTest::newRow("long: cut at a word") << words + u"x"_s << u"word-"_s.repeated(12) + u"word"_s;
    QTest::newRow("long: cut inside a word drops it")
        << u"abcdefghi "_s.repeated(10) << u"abcdefghi-"_s.repeated(5) + u"abcdefghi"_s;
    QTest::newRow("long: a dash at the cut")
        << u"x"_s.repeated(63) + u" yz"_s << u"x"_s.repeated(63);
    QTest::newRow("long: one word") << u"a"_s.repeated(100) << u"a"_s.repeated(64);
    QTest::newRow("long: only an early dash")
        << u"ab "_s + u"c"_s.repeated(100) << u"ab-"_s + u"c"_s.repeated(61);
}

void TestCurriculumJson::slugifies()
{
    QFETCH(QString, text);
    QFETCH(QString, slug);
    const QString result = CurriculumIds::slugify(text, u"fallback-1"_s);
    QCOMPARE(result, slug);
    QVERIFY(result.size() <= 64);
    QVERIFY(CurriculumIds::isValidId(result));
}

void TestCurriculumJson::validatesIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("letters") << u"abc"_s << true;
    QTest::newRow("digits and dashes") << u"a1-2b-c"_s << true;
    QTest::newRow("72 characters") << u"a"_s.repeated(72) << true;
    QTest::newRow("73 characters") << u"a"_s.repeated(73) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dash") << u"-a"_s << false;
    QTest::newRow("trailing dash") << u"a-"_s << false;
    QTest::newRow("double dash") << u"a--b"_s << false;
    QTest::newRow("uppercase") << u"Abc"_s << false;
    QTest::newRow("underscore") << u"a_b"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("accent") << u"caf\u00e9"_s << false;
    QTest::newRow("trailing newline") << u"abc\n"_s << false;
}

void TestCurriculumJson::validatesIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(CurriculumIds::isValidId(id), valid);
}

void TestCurriculumJson::makesUnique()
{
    QStringList taken{u"b-2"_s};
    QCOMPARE(CurriculumIds::makeUnique(u"a"_s, taken), u"a"_s);
    QCOMPARE(CurriculumIds::makeUnique(u"a"_s, taken), u"a-2"_s);
    QCOMPARE(CurriculumIds::makeUnique(u"a"_s, taken), u"a-3"_s);
    QCOMPARE(CurriculumIds::makeUnique(u"b"_s, taken), u"b"_s);
    QCOMPARE(CurriculumIds::makeUnique(u"b"_s, taken), u"b-3"_s);
    QCOMPARE(CurriculumIds::makeUnique(u"a-2"_s, taken), u"a-2-2"_s);
    QCOMPARE(taken,
             (QStringList{u"b-2"_s, u"a"_s, u"a-2"_s, u"a-3"_s, u"b"_s, u"b-3"_s, u"a-2-2"_s}));

    // A longest slug with a suffix is still a valid id.
    const QString longest = CurriculumIds::slugify(u"z"_s.repeated(100), u"f"_s);
    QCOMPARE(longest.size(), 64);
    QStringList many;
    for (int i = 0; i < 12; ++i)
        CurriculumIds::makeUnique(longest, many);
    QCOMPARE(many.last(), longest + u"-12"_s);
    QVERIFY(CurriculumIds::isValidId(many.last()));
}

QTEST_GUILESS_MAIN(TestCurriculumJson)
#include "tst_curriculumjson.moc"
