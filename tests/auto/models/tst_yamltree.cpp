#include "pipeline/import/importedpipeline.h"
#include "pipeline/import/yamltree.h"

#include <QTest>

#include <string>

using namespace Qt::StringLiterals;

// The YAML tree the importers read, built from libyaml's events. Expected values follow the YAML
// 1.2 specification (the core schema's nulls, non-specific tags "!" and "?", anchors and aliases
// per document) and yaml-cpp's node model, which the importers were written against.
class TestYamlTree : public QObject
{
    Q_OBJECT

private slots:
    void scalarsKeepTheirTags();
    void nullsFollowTheCoreSchema_data();
    void nullsFollowTheCoreSchema();
    void collectionsAndOrder();
    void aliasesShareTheAnchoredNode();
    void aliasesStayInTheirDocument();
    void selfReferenceIsACycleNotAHang();
    void documentsInOrder();
    void marksPointAtTheNode();
    void errors_data();
    void errors();
};

namespace {

YAML::Node only(const QByteArray &yaml)
{
    const std::vector<YAML::Node> documents = YamlTree::documents(yaml);
    if (documents.size() != 1)
        qFatal("expected one document, got %zu", documents.size());
    return documents.front();
}

const YAML::Node value(const YAML::Node &map, const char *key)
{
    for (const auto &entry : map)
        if (entry.first.Scalar() == key)
            return entry.second;
    qFatal("no key %s", key);
}

} // namespace

void TestYamlTree::scalarsKeepTheirTags()
{
    const YAML::Node root = only("plain: text\nsingle: 'text'\ndouble: \"a\\tb\"\n"
                                 "literal: |\n  one\n  two\nref: !reference [.setup, script]\n"
                                 "str: !!str 42\nsequence: [x]\n");
    QCOMPARE(value(root, "plain").Scalar(), "text");
    QCOMPARE(value(root, "plain").Tag(), "?");  // a plain scalar's tag is still to be resolved
    QCOMPARE(value(root, "single").Tag(), "!"); // a quoted or block scalar is a string
    QCOMPARE(value(root, "double").Scalar(), "a\tb");
    QCOMPARE(value(root, "literal").Scalar(), "one\ntwo\n");
    QCOMPARE(value(root, "literal").Tag(), "!");
    QCOMPARE(value(root, "ref").Tag(), "!reference"); // the primary handle "!" stands for itself
    QVERIFY(value(root, "ref").IsSequence());
    QCOMPARE(value(root, "str").Tag(), "tag:yaml.org,2002:str"); // "!!" is the YAML tag prefix
    QCOMPARE(value(root, "sequence").Tag(), "?");
    QCOMPARE(root.Tag(), "?");
}

void TestYamlTree::nullsFollowTheCoreSchema_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("isNull");
    for (const char *word : {"~", "null", "Null", "NULL"})
        QTest::newRow(word) << QByteArray("key: ") + word + '\n' << true;
    QTest::newRow("empty") << QByteArray("key:\nnext: 1\n") << true;
    QTest::newRow("empty at the end") << QByteArray("key:") << true;
    QTest::newRow("nULL is text") << QByteArray("key: nULL\n") << false;
    QTest::newRow("quoted") << QByteArray("key: \"null\"\n") << false;
    QTest::newRow("tagged string") << QByteArray("key: !!str null\n") << false;
    QTest::newRow("empty quoted") << QByteArray("key: ''\n") << false;
}

void TestYamlTree::nullsFollowTheCoreSchema()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, isNull);
    const YAML::Node node = value(only(yaml), "key");
    QCOMPARE(node.IsNull(), isNull);
    QCOMPARE(node.IsScalar(), !isNull);
}

void TestYamlTree::collectionsAndOrder()
{
    const YAML::Node root = only("b: 1\na: [x, {k: v}, [y]]\nb: 2\n{c: d}: flow key\n");
    QVERIFY(root.IsMap());
    QCOMPARE(root.size(), std::size_t(4)); // a repeated key is kept: the importers say so
    std::string keys;
    for (const auto &entry : root)
        keys += entry.first.IsScalar() ? entry.first.Scalar() : "{}";
    QCOMPARE(keys, std::string("bab{}")); // b, a, b, then the map key
    const YAML::Node list = value(root, "a");
    QCOMPARE(list.size(), std::size_t(3));
    QCOMPARE(list[0].Scalar(), "x");
    QVERIFY(list[1].IsMap());
    QCOMPARE(list[2][0].Scalar(), "y");
}

void TestYamlTree::aliasesShareTheAnchoredNode()
{
    const YAML::Node root = only("base: &base {image: alpine}\njob: *base\nlist: [&s one, *s]\n");
    QVERIFY(value(root, "job").is(value(root, "base")));
    QCOMPARE(value(root, "list")[1].Scalar(), "one");
    // A redefined anchor names the newest node from there on.
    const YAML::Node again = only("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
    QCOMPARE(value(again, "b").Scalar(), "1");
    QCOMPARE(value(again, "d").Scalar(), "2");
}

void TestYamlTree::aliasesStayInTheirDocument()
{
    try {
        YamlTree::documents("a: &x 1\n---\nb: *x\n");
        QFAIL("an alias to another document's anchor was accepted");
    } catch (const ImportError &error) {
        QCOMPARE(error.line, 3);
        QCOMPARE(error.message, u"not valid YAML: the alias *x names no anchor before it"_s);
    }
}

void TestYamlTree::selfReferenceIsACycleNotAHang()
{
    const YAML::Node root = only("&a [*a, end]\n");
    QCOMPARE(root.size(), std::size_t(2));
    QVERIFY(root[0].is(root));
}

void TestYamlTree::documentsInOrder()
{
    const std::vector<YAML::Node> documents
        = YamlTree::documents("first: 1\n---\n---\n# nothing\n...\n---\nthird: 3\n");
    QCOMPARE(documents.size(), std::size_t(4));
    QVERIFY(documents[0].IsMap());
    QVERIFY(documents[1].IsNull()); // empty: "---" right after "---"
    QVERIFY(documents[2].IsNull()); // only a comment, ended by "..."
    QCOMPARE(value(documents[3], "third").Scalar(), "3");
}

void TestYamlTree::marksPointAtTheNode()
{
    const YAML::Node root = only("# comment\njobs:\n  build:\n    - run: make\n  \"é\": [ü, x]\n");
    // Marks are 0-based; columns count characters, as an editor does.
    QCOMPARE(root.Mark().line, 2 - 1); // a block map starts at its first key
    const YAML::Node jobs = value(root, "jobs");
    QCOMPARE(jobs.Mark().line, 3 - 1);
    QCOMPARE(jobs.Mark().column, 2);
    const YAML::Node build = value(jobs, "build");
    QCOMPARE(build.Mark().line, 4 - 1);
    QCOMPARE(build.Mark().column, 4);
    QCOMPARE(build[0].Mark().column, 6); // the item's map, after "- "
    const YAML::Node flow = value(jobs, "é");
    QCOMPARE(flow.Mark().line, 5 - 1);
    QCOMPARE(flow.Mark().column, 7);     // "  "é": " is 7 characters
    QCOMPARE(flow[1].Mark().column, 11); // "[ü, " is 4 more, though ü is two bytes
    QCOMPARE(flow[1].Mark().pos - flow[0].Mark().pos, 3);
}

void TestYamlTree::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("alias first") << QByteArray("a: 1\nb: *x\nc: &x 2\n") << 2
                                 << u"not valid YAML: the alias *x names no anchor before it"_s;
    QTest::newRow("wrong bracket") << QByteArray("a: 1\nb: [1, 2}\n") << 2 << u"not valid YAML: "_s;
    QTest::newRow("tab indentation") << QByteArray("a:\n\tb: 1\n") << 2 << u"not valid YAML: "_s;
    QByteArray deepest = QByteArray(YamlTree::MaxDepth, '[') + QByteArray(YamlTree::MaxDepth, ']');
    QTest::newRow("as deep as allowed") << deepest << 0 << QString();
    QTest::newRow("one level too deep")
        << "\n[" + deepest + "]" << 2
        << u"nested more than %1 levels deep: no pipeline is"_s.arg(YamlTree::MaxDepth);
    // Broken and too deep: the syntax error is the one that says what is wrong, at the end of
    // the file where the brackets are still open.
    QTest::newRow("too deep and unclosed")
        << QByteArray(2 * qsizetype(YamlTree::MaxDepth), '[') + '\n'
        << 2 << u"not valid YAML: "_s;
}

void TestYamlTree::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    try {
        const std::vector<YAML::Node> documents = YamlTree::documents(yaml);
        QVERIFY2(message.isEmpty(), "no error");
        QCOMPARE(documents.size(), std::size_t(1));
    } catch (const ImportError &error) {
        QVERIFY2(!message.isEmpty(), qPrintable(error.message));
        QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
        QCOMPARE(error.line, line);
    }
}

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
