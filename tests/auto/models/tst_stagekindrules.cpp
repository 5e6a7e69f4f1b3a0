// The stage-kind rules of imported jobs (curriculum/import-kinds.json; README "Opening other
// pipelines"): case-insensitive patterns, the first text that any rule matches decides, and in
// it the first rule. The expected kinds follow from that contract, not from running the code.
#include "pipeline/import/stagekindrules.h"
#include "pipeline/nodecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Rules as "kind=pattern" pairs, in order.
StageKindRules rules(const QStringList &pairs)
{
    QJsonArray list;
    for (const QString &pair : pairs) {
        const qsizetype at = pair.indexOf(u'=');
        list.append(QJsonObject{{u"kind"_s, pair.left(at)}, {u"pattern"_s, pair.mid(at + 1)}});
    }
    const QJsonObject root{
        {u"format"_s, u"mlops-studio-import-kinds"_s}, {u"version"_s, 1}, {u"rules"_s, list}};
    QString error;
    const std::optional<StageKindRules> read
        = StageKindRules::fromJson(QJsonDocument(root).toJson(), &error);
    if (!read)
        qFatal("rules refused: %s", qPrintable(error));
    return *read;
}

} // namespace

class TestStageKindRules : public QObject
{
    Q_OBJECT

private slots:
    void choosesKind_data();
    void choosesKind();
    void memoGivesTheSameKinds();
    void builtInRulesLoad();
    void refusesBadRules_data();
    void refusesBadRules();
};

void TestStageKindRules::choosesKind_data()
{
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QString>("kind");

    const QStringList trainThenDeploy{uR"(train=\btrain)"_s, uR"(deploy=\bdeploy)"_s};
    QTest::newRow("the first text decides")
        << trainThenDeploy << QStringList{u"deploy model"_s, u"train"_s} << u"deploy"_s;
    QTest::newRow("in one text, the first rule")
        << trainThenDeploy << QStringList{u"train and deploy"_s} << u"train"_s;
    QTest::newRow("empty texts are skipped")
        << trainThenDeploy << QStringList{QString(), u"deploy"_s} << u"deploy"_s;
    QTest::newRow("case-insensitive") << trainThenDeploy << QStringList{u"TRAIN"_s} << u"train"_s;
    QTest::newRow("no rule matches: a generic step")
        << trainThenDeploy << QStringList{u"job-1"_s, u"python run.py"_s} << u"step"_s;
    QTest::newRow("a kind the catalog lacks is passed over")
        << QStringList{u"no-such-kind=train"_s, uR"(train=\btrain)"_s} << QStringList{u"train"_s}
        << u"train"_s;
    // A pattern matches one text at a time: never across two of them.
    QTest::newRow("no match across texts")
        << QStringList{uR"(deploy=build\ndeploy)"_s, uR"(package=build\W+deploy)"_s}
        << QStringList{u"build"_s, u"deploy"_s} << u"step"_s;
    QTest::newRow("^ is the start of a text")
        << QStringList{u"deploy=^ship"_s} << QStringList{u"build"_s, u"ship it"_s} << u"deploy"_s;
    QTest::newRow("^ is not the start of a line inside a text")
        << QStringList{u"deploy=^ship"_s} << QStringList{u"build\nship"_s} << u"step"_s;
    QTest::newRow("$ is the end of a text")
        << QStringList{u"deploy=ship$"_s} << QStringList{u"we ship"_s, u"x"_s} << u"deploy"_s;
    QTest::newRow(R"(\A in a later text)")
        << QStringList{uR"(train=\Atrain)"_s} << QStringList{u"build"_s, u"train"_s} << u"train"_s;
    QTest::newRow("a back reference keeps its group")
        << QStringList{uR"(evaluate=(score)\b)"_s, uR"(train=(fit) \1)"_s}
        << QStringList{u"fit fit"_s} << u"train"_s;
    QTest::newRow("a back reference that does not match")
        << QStringList{uR"(evaluate=(score)\b)"_s, uR"(train=(fit) \1)"_s}
        << QStringList{u"fit fat"_s} << u"step"_s;
}

void TestStageKindRules::choosesKind()
{
    QFETCH(QStringList, rules);
    QFETCH(QStringList, texts);
    QFETCH(QString, kind);
    QCOMPARE(::rules(rules).kindFor(texts, NodeCatalog::builtIn()), kind);
}

// A memo only saves searching a text twice: every kind is what the rules give without it.
void TestStageKindRules::memoGivesTheSameKinds()
{
    const StageKindRules trainThenDeploy = rules({uR"(train=\btrain)"_s, uR"(deploy=\bdeploy)"_s});
    const QList<QStringList> jobs{{u"a"_s, u"deploy it"_s},
                                  {u"b"_s, u"deploy it"_s},
                                  {u"train"_s, u"deploy it"_s},
                                  {u"a"_s, u"python:3.12"_s},
                                  {u"TRAIN"_s}};
    StageKindRules::Memo memo;
    for (const QStringList &texts : jobs)
        QCOMPARE(trainThenDeploy.kindFor(texts, NodeCatalog::builtIn(), &memo),
                 trainThenDeploy.kindFor(texts, NodeCatalog::builtIn()));
    // Searched once each: a, deploy it, b, train, python:3.12, TRAIN (the first text that
    // matches ends a job's search, so "deploy it" after "train" is not searched again).
    QCOMPARE(memo.size(), 6);
    QCOMPARE(memo.value(u"a"_s), qsizetype(-1));
    QCOMPARE(memo.value(u"deploy it"_s), qsizetype(1));
}

// Every rule shipped names a kind of the built-in catalog (a typo would silently never apply).
void TestStageKindRules::builtInRulesLoad()
{
    const StageKindRules &builtIn = StageKindRules::builtIn();
    QVERIFY(builtIn.size() > 0);
    QCOMPARE(builtIn.kindFor({u"python train.py"_s}, NodeCatalog::builtIn()), u"train"_s);
    QCOMPARE(builtIn.kindFor({u"echo hello"_s}, NodeCatalog::builtIn()), u"step"_s);
}

void TestStageKindRules::refusesBadRules_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << "rules: []"_ba;
    QTest::newRow("wrong format") << R"({"format":"other","version":1,"rules":[]})"_ba;
    QTest::newRow("invalid pattern") << R"({"format":"mlops-studio-import-kinds","version":1,
               "rules":[{"kind":"train","pattern":"(train"}]})"_ba;
    QTest::newRow("empty pattern") << R"({"format":"mlops-studio-import-kinds","version":1,
               "rules":[{"kind":"train","pattern":""}]})"_ba;
    QTest::newRow("no kind") << R"({"format":"mlops-studio-import-kinds","version":1,
               "rules":[{"pattern":"train"}]})"_ba;
}

void TestStageKindRules::refusesBadRules()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!StageKindRules::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestStageKindRules)
#include "tst_stagekindrules.moc"
