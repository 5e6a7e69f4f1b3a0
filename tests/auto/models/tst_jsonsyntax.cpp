#include "support/jsoncursor.h"
#include "support/jsonsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool qtAccepts(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError;
}

// Walks a checked value with the cursor and builds the QJsonValue it stands for.
QJsonValue readValue(JsonCursor &cursor)
{
    switch (cursor.type()) {
    case JsonCursor::Type::Object: {
        QJsonObject object;
        cursor.enter();
        QByteArrayView key;
        while (cursor.nextMember(&key)) {
            const QString name = QString::fromUtf8(key);
            object.insert(name, readValue(cursor));
        }
        return object;
    }
    case JsonCursor::Type::Array: {
        QJsonArray array;
        cursor.enter();
        while (cursor.nextElement())
            array.append(readValue(cursor));
        return array;
    }
    default:
        return cursor.scalar();
    }
}

} // namespace

// The big-file JSON path (JsonSyntax + JsonCursor): RFC 8259, and whatever it accepts
// QJsonDocument reads to the same values, so the pipeline loader means what a JSON file says.
class TestJsonSyntax : public QObject
{
    Q_OBJECT

private slots:
    void followsTheStandard_data();
    void followsTheStandard();
    void errorsHaveLines();
    void limitsNesting();
    void recordsRootMembers();
    void cursorReadsWhatQtReads();
    void cursorSkipsAnything();
    void mutationsReadLikeQt();
};

void TestJsonSyntax::followsTheStandard_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    const auto valid = [](const QByteArray &json) {
        QTest::newRow(json.toPercentEncoding(" {}[]\":,").constData()) << json << true;
    };
    const auto invalid = [](const QByteArray &json) {
        QTest::newRow(json.toPercentEncoding(" {}[]\":,").constData()) << json << false;
    };
    for (const char *json : {"{}",
                             "[]",
                             " {\"a\": 1} ",
                             "\t\r\n[1, 2.5, -3e2, 0, -0.0, 1E+2, 1e-2]\n",
                             "\"text\"",
                             "true",
                             "false",
                             "null",
                             "12",
                             "-0",
                             "{\"a\": {\"b\": [null, true, {}]}}",
                             "{\"a\\u00e9\\n\": \"\\ud83d\\ude00 \\\" \\\\ \\/ \\b \\f \\r \\t\"}",
                             "{\"k\": \"Ω — 日本\"}",
                             "{\"k\": \"\xf0\x9f\x98\x80\"}",
                             "[1e308]",
                             "[1e-400]"})
        valid(json);
    for (const char *json : {"",
                             " ",
                             "{",
                             "}",
                             "[",
                             "[1,]",
                             "{\"a\": 1,}",
                             "{\"a\" 1}",
                             "{a: 1}",
                             "{\"a\": }",
                             "[01]",
                             "[1.]",
                             "[.5]",
                             "[1e]",
                             "[+1]",
                             "[-]",
                             "[1e999]",
                             "[-1e999]",
                             "[tru]",
                             "[True]",
                             "[nul]",
                             "[\"a]",
                             "[\"\\x\"]",
                             "[\"\\u12\"]",
                             "[\"a\tb\"]",
                             "[\"a\nb\"]",
                             "{} {}",
                             "{}x",
                             "[1 2]",
                             "{\"a\": 1 \"b\": 2}",
                             "[\"\xff\"]",
                             "[\"\xc0\xaf\"]",
                             "[\"\xed\xa0\x80\"]",
                             "[\"\xf4\x90\x80\x80\"]",
                             "[\"\xe2\x82\"]",
                             "['a']",
                             "[NaN]",
                             "[Infinity]",
                             "[0x10]",
                             "\xef\xbb\xbf{}",
                             "/* c */ {}",
                             "[,1]",
                             "{,}",
                             "{\"a\":1,,\"b\":2}"})
        invalid(json);
    invalid(QByteArray("{\"a\":1}\0", 8));
}

void TestJsonSyntax::followsTheStandard()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const JsonSyntax::Result result = JsonSyntax::check(json);
    QCOMPARE(result.ok, valid);
    QCOMPARE(result.errorMessage.isEmpty(), valid);
    // Qt is laxer ("1.", raw tabs in strings) but never accepts less, except for a scalar
    // document and a number that underflows, which RFC 8259 allows.
    if (valid && (json.contains('{') || json.contains('[')) && !json.contains("e-400"))
        QVERIFY(qtAccepts(json));
}

void TestJsonSyntax::errorsHaveLines()
{
    const QByteArray json = "{\n  \"a\": [1, 2],\n  \"b\": [3 4]\n}\n";
    const JsonSyntax::Result result = JsonSyntax::check(json);
    QVERIFY(!result.ok);
    QCOMPARE(JsonSyntax::lineAt(json, result.errorOffset), 3);
    QCOMPARE(json.at(result.errorOffset), '4');
    QCOMPARE(result.errorMessage, u"expected ',' or ']' after an element"_s);

    const JsonSyntax::Result open = JsonSyntax::check("{\n\"a\": \"never closed\n}");
    QVERIFY(!open.ok);
    QCOMPARE(open.errorMessage,
             u"a control character in a string (write it as an escape, \\n or \\u00XX)"_s);
    QCOMPARE(JsonSyntax::lineAt("{\n\"a\": \"never closed\n}", open.errorOffset), 2);
}

void TestJsonSyntax::limitsNesting()
{
    const int limit = JsonSyntax::MaxDepth;
    const QByteArray deepest = QByteArray(limit, '[') + QByteArray(limit, ']');
    QVERIFY(JsonSyntax::check(deepest).ok);
    // No recursion: a million brackets are refused quickly, not by a stack overflow.
    const QByteArray tooDeep = QByteArray(1000000, '[') + QByteArray(1000000, ']');
    const JsonSyntax::Result result = JsonSyntax::check(tooDeep);
    QVERIFY(!result.ok);
    QCOMPARE(result.errorOffset, qsizetype(limit));
    QCOMPARE(result.errorMessage, u"nested more than %1 deep"_s.arg(limit));
}

void TestJsonSyntax::recordsRootMembers()
{
    const QByteArray json = R"({"a": {"x": 1}, "b" :  [ {"y": 2} ], "a": "again"})";
    const JsonSyntax::Result result = JsonSyntax::check(json);
    QVERIFY(result.ok);
    QVERIFY(result.rootIsObject);
    QCOMPARE(result.rootMembers.size(), 3); // the nested "x" and "y" are not root members
    QCOMPARE(result.rootMembers.at(0).rawKey, QByteArrayView("a"));
    QCOMPARE(json.at(result.rootMembers.at(0).valueOffset), '{');
    QCOMPARE(result.rootMembers.at(1).rawKey, QByteArrayView("b"));
    QCOMPARE(json.at(result.rootMembers.at(1).valueOffset), '[');
    QCOMPARE(json.mid(result.rootMembers.at(2).valueOffset, 7), QByteArray("\"again\""));
    QVERIFY(!JsonSyntax::check("[1]").rootIsObject);
}

void TestJsonSyntax::cursorReadsWhatQtReads()
{
    const QByteArray json
        = R"({"s": "a\"b\\c\/d\u00e9\ud83d\ude00\n", "n": [0, -1.5, 2e3, 123456789012],
        "b": [true, false, null], "o": {"k\u0041": {"deep": [[], {}, [{"z": "\u0000"}]]}}, "e": ""})";
    QVERIFY(JsonSyntax::check(json).ok);
    JsonCursor cursor(json, 0);
    QCOMPARE(readValue(cursor), QJsonValue(QJsonDocument::fromJson(json).object()));
    QCOMPARE(cursor.offset(), json.size());

    JsonCursor tiny("[1e-400]", 1);
    QCOMPARE(tiny.number(), 0.0); // underflow reads as zero
}

void TestJsonSyntax::cursorSkipsAnything()
{
    const QByteArray json
        = R"({"skip": {"a": ["]", "}", "\"", {"b": [1, -2.5e-3, true, null]}]}, "keep": "yes"})";
    JsonCursor cursor(json, 0);
    cursor.enter();
    QByteArrayView key;
    QVERIFY(cursor.nextMember(&key));
    QCOMPARE(key, QByteArrayView("skip"));
    cursor.skip();
    QVERIFY(cursor.nextMember(&key));
    QCOMPARE(key, QByteArrayView("keep"));
    QCOMPARE(cursor.string(), u"yes"_s);
    QVERIFY(!cursor.nextMember(&key));
}

// Random edits of a valid document: whatever the check accepts, Qt reads to the same value.
void TestJsonSyntax::mutationsReadLikeQt()
{
    const QByteArray base = R"({"format": "x", "nodes": [{"id": "n1", "x": -12.5e1, "ok": true,
        "p": {"k": "v\n\u00e9"}, "l": [null, false, 0]}], "t": "Ω"})";
    const QByteArray alphabet = "{}[]\",:\\ 0123456789.eE+-tfnulrsaxyz\n\t\x01\x7f\xc3\xa9\xff";
    QRandomGenerator random(20261126);
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray json = base;
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(json.size()));
            const char c = alphabet.at(random.bounded(int(alphabet.size())));
            switch (random.bounded(3)) {
            case 0:
                json[at] = c;
                break;
            case 1:
                json.insert(at, c);
                break;
            default:
                json.remove(at, 1);
            }
        }
        const JsonSyntax::Result result = JsonSyntax::check(json);
        if (result.ok && !qtAccepts(json))
            QFAIL(json.toPercentEncoding(" {}[]\":,").constData());
        if (result.ok && result.rootIsObject) {
            ++accepted;
            JsonCursor cursor(json, 0);
            QCOMPARE(readValue(cursor), QJsonValue(QJsonDocument::fromJson(json).object()));
        }
    }
    QVERIFY2(accepted > 100, "too few edits stayed valid to compare the readers");
}

QTEST_GUILESS_MAIN(TestJsonSyntax)
#include "tst_jsonsyntax.moc"
