#include "curriculum/curriculumloader.h"
#include "pipeline/nodecatalog.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A one-kind catalog; `kind` replaces the kind object so each row varies one thing.
QByteArray catalogWith(const QByteArray &kind)
{
    return R"({"format": "mlops-studio-node-catalog", "version": 1, "kinds": [)" + kind + "]}";
}

const QByteArray GoodKind = R"({"id": "train", "name": "Train",
    "inputs": [{"name": "data", "type": "Features"}],
    "outputs": [{"name": "model", "type": "Model"}]})";

} // namespace

class TestNodeCatalog : public QObject
{
    Q_OBJECT

private slots:
    void artifactTypesRoundTrip();
    void builtInHasEveryStage();
    void builtInTopicsExist();
    void builtInKindsAreComplete();
    void builtInPorts_data();
    void builtInPorts();
    void parsesDefaults();
    void feedbackFlag_data();
    void feedbackFlag();
    void builtInFeedbackIsTheRetrainTrigger();
    void rejects_data();
    void rejects();
};

void TestNodeCatalog::artifactTypesRoundTrip()
{
    const QStringList names = ArtifactTypes::names();
    QCOMPARE(names.size(), 7);
    for (const QString &name : names) {
        const std::optional<ArtifactType> type = ArtifactTypes::fromString(name);
        QVERIFY2(type, qPrintable(name));
        QCOMPARE(ArtifactTypes::toString(*type), name);
    }
    QVERIFY(!ArtifactTypes::fromString(u"dataset"_s)); // case matters, as in the files
    QVERIFY(!ArtifactTypes::fromString(QString()));
}

void TestNodeCatalog::builtInHasEveryStage()
{
    const QStringList expected{u"ingest"_s,
                               u"validate-data"_s,
                               u"transform"_s,
                               u"feature-store"_s,
                               u"train"_s,
                               u"tune"_s,
                               u"evaluate"_s,
                               u"register"_s,
                               u"ci-gate"_s,
                               u"package"_s,
                               u"deploy"_s,
                               u"monitor"_s,
                               u"alert"_s,
                               u"retrain-trigger"_s,
                               u"step"_s};
    const NodeCatalog &catalog = NodeCatalog::builtIn();
    const QStringList ids = catalog.kindIds();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()),
             QSet<QString>(expected.cbegin(), expected.cend()));
    for (const QString &id : expected)
        QCOMPARE(catalog.kind(id)->id, id);
    QVERIFY(!catalog.kind(u"nope"_s));
}

void TestNodeCatalog::builtInTopicsExist()
{
    const CurriculumLoader::Result curriculum = CurriculumLoader::loadBuiltIn();
    QVERIFY(curriculum.ok);
    for (const NodeKind &kind : NodeCatalog::builtIn().kinds()) {
        QVERIFY2(!kind.topics.isEmpty(), qPrintable(kind.id));
        for (const QString &topic : kind.topics)
            QVERIFY2(curriculum.curriculum.findTopic(topic),
                     qPrintable(u"%1: unknown topic %2"_s.arg(kind.id, topic)));
    }
}

void TestNodeCatalog::builtInKindsAreComplete()
{
    for (const NodeKind &kind : NodeCatalog::builtIn().kinds()) {
        const char *id = qPrintable(kind.id);
        QVERIFY2(!kind.name.isEmpty() && !kind.description.isEmpty(), id);
        QVERIFY2(!kind.category.isEmpty(), id);
        QVERIFY2(!kind.tools.isEmpty(), id);
        QVERIFY2(!kind.command.isEmpty(), id);
        // A pinned tag: "latest" or no tag would make a template irreproducible.
        QVERIFY2(kind.image.contains(u':') && !kind.image.endsWith(u":latest"_s), id);
        QVERIFY2(!kind.inputs.isEmpty() || !kind.outputs.isEmpty(), id);
    }
}

void TestNodeCatalog::builtInPorts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("inputs");  // name:Type, '?' after an optional one
    QTest::addColumn<QString>("outputs"); // name:Type

    QTest::newRow("ingest") << u"ingest"_s << u"trigger:Signal?"_s << u"data:Dataset"_s;
    QTest::newRow("validate-data")
        << u"validate-data"_s << u"data:Dataset"_s << u"data:Dataset report:Metrics"_s;
    QTest::newRow("transform") << u"transform"_s << u"data:Dataset"_s << u"features:Features"_s;
    QTest::newRow("feature-store")
        << u"feature-store"_s << u"features:Features"_s << u"features:Features"_s;
    QTest::newRow("train") << u"train"_s << u"data:Features trigger:Signal?"_s
                           << u"model:Model metrics:Metrics"_s;
    QTest::newRow("evaluate") << u"evaluate"_s << u"model:Model data:Features?"_s
                              << u"model:Model metrics:Metrics"_s;
    QTest::newRow("register") << u"register"_s << u"model:Model metrics:Metrics?"_s
                              << u"model:Model"_s;
    QTest::newRow("ci-gate") << u"ci-gate"_s << u"model:Model metrics:Metrics?"_s
                             << u"model:Model"_s;
    QTest::newRow("package") << u"package"_s << u"model:Model"_s << u"image:Image"_s;
    QTest::newRow("deploy") << u"deploy"_s
                            << u"model:Model? image:Image? features:Features? data:Dataset?"_s
                            << u"endpoint:Endpoint predictions:Dataset"_s;
    QTest::newRow("monitor") << u"monitor"_s << u"endpoint:Endpoint? predictions:Dataset?"_s
                             << u"metrics:Metrics drift:Signal"_s;
    QTest::newRow("alert") << u"alert"_s << u"signal:Signal"_s << QString();
    QTest::newRow("retrain-trigger")
        << u"retrain-trigger"_s << u"signal:Signal"_s << u"trigger:Signal"_s;
}

static QString describe(const QList<PortSpec> &ports, bool inputs)
{
    QStringList parts;
    for (const PortSpec &port : ports)
        parts << port.name + u':' + ArtifactTypes::toString(port.type)
                     + (inputs && !port.required ? u"?"_s : QString());
    return parts.join(u' ');
}

void TestNodeCatalog::builtInPorts()
{
    QFETCH(QString, kind);
    QFETCH(QString, inputs);
    QFETCH(QString, outputs);
    const NodeKind *found = NodeCatalog::builtIn().kind(kind);
    QVERIFY(found);
    QCOMPARE(describe(found->inputs, true), inputs);
    QCOMPARE(describe(found->outputs, false), outputs);
    for (const PortSpec &port : found->inputs)
        QCOMPARE(found->input(port.name), &port);
    QVERIFY(!found->input(u"no-such-port"_s));
}

void TestNodeCatalog::parsesDefaults()
{
    QString error;
    const std::optional<NodeCatalog> catalog = NodeCatalog::fromJson(catalogWith(GoodKind), &error);
    QVERIFY2(catalog, qPrintable(error));
    const NodeKind *train = catalog->kind(u"train"_s);
    QVERIFY(train);
    QVERIFY(train->input(u"data"_s)->required); // inputs are required unless they say not
    QVERIFY(!train->output(u"model"_s)->required);
    QCOMPARE(train->output(u"model"_s)->type, ArtifactType::Model);
    QVERIFY(train->tools.isEmpty() && train->image.isEmpty() && train->requiresOneOf.isEmpty());
}

void TestNodeCatalog::feedbackFlag_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<bool>("feedback");

    QTest::newRow("absent") << GoodKind << false;
    QTest::newRow("true") << QByteArray(R"({"id": "loop", "name": "Loop", "feedback": true,
        "outputs": [{"name": "trigger", "type": "Signal"}]})")
                          << true;
    QTest::newRow("false") << QByteArray(R"({"id": "t", "name": "T", "feedback": false})") << false;
}

void TestNodeCatalog::feedbackFlag()
{
    QFETCH(QByteArray, kind);
    QFETCH(bool, feedback);
    QString error;
    const std::optional<NodeCatalog> catalog = NodeCatalog::fromJson(catalogWith(kind), &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->kinds().first().feedback, feedback);
}

void TestNodeCatalog::builtInFeedbackIsTheRetrainTrigger()
{
    // The one loop a pipeline may have runs through a Retrain trigger, and through no other stage.
    QStringList feedback;
    for (const NodeKind &kind : NodeCatalog::builtIn().kinds())
        if (kind.feedback)
            feedback << kind.id;
    QCOMPARE(feedback, QStringList{u"retrain-trigger"_s});
}

void TestNodeCatalog::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    const QByteArray header = R"({"format": "mlops-studio-node-catalog", )";
    QTest::newRow("not json") << QByteArray("{\n\"kinds\": [") << u"line 2: invalid JSON"_s;
    QTest::newRow("wrong format") << QByteArray(R"({"format": "other", "version": 1, "kinds": []})")
                                  << u"not a node catalog"_s;
    QTest::newRow("newer version")
        << header + R"("version": 2, "kinds": []})" << u"written by a newer version"_s;
    QTest::newRow("no kinds") << header + R"("version": 1, "kinds": []})"
                              << u"kinds: a catalog needs at least one kind"_s;
    QTest::newRow("kinds not array") << header + R"("version": 1, "kinds": {}})"
                                     << u"kinds: expected an array, found an object"_s;
    QTest::newRow("duplicate kind")
        << catalogWith(GoodKind + ", " + GoodKind) << u"kinds[1].id: duplicate kind id 'train'"_s;
    QTest::newRow("bad id") << catalogWith(R"({"id": "Train Me", "name": "T"})")
                            << u"kinds[0].id: 'Train Me' is not an id"_s;
    QTest::newRow("no name") << catalogWith(R"({"id": "t"})")
                             << u"kinds[0].name: expected a string, found missing"_s;
    QTest::newRow("duplicate input") << catalogWith(R"({"id": "t", "name": "T", "inputs": [
               {"name": "data", "type": "Dataset"}, {"name": "data", "type": "Features"}]})")
                                     << u"kinds[0].inputs[1].name: duplicate input 'data'"_s;
    QTest::newRow("duplicate output") << catalogWith(R"({"id": "t", "name": "T", "outputs": [
               {"name": "m", "type": "Model"}, {"name": "m", "type": "Model"}]})")
                                      << u"kinds[0].outputs[1].name: duplicate output 'm'"_s;
    QTest::newRow("unknown type")
        << catalogWith(
               R"({"id": "t", "name": "T", "outputs": [{"name": "m", "type": "Dataframe"}]})")
        << u"kinds[0].outputs[0].type: unknown artifact type 'Dataframe' (expected one of: "
           "Dataset, Features, Model, Metrics, Image, Endpoint, Signal)"_s;
    QTest::newRow("required not bool")
        << catalogWith(R"({"id": "t", "name": "T", "inputs": [
               {"name": "d", "type": "Dataset", "required": "yes"}]})")
        << u"kinds[0].inputs[0].required: expected a boolean, found a string"_s;
    QTest::newRow("feedback not bool")
        << catalogWith(R"({"id": "t", "name": "T", "feedback": "yes"})")
        << u"kinds[0].feedback: expected a boolean, found a string"_s;
    QTest::newRow("command not strings")
        << catalogWith(R"({"id": "t", "name": "T", "command": ["python", 3]})")
        << u"kinds[0].command[1]: expected a string, found a number"_s;
    QTest::newRow("requiresOneOf unknown input")
        << catalogWith(R"({"id": "t", "name": "T", "requiresOneOf": ["model"]})")
        << u"kinds[0].requiresOneOf[0]: 'model' is not an input of this kind"_s;
}

void TestNodeCatalog::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!NodeCatalog::fromJson(json, &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestNodeCatalog)
#include "tst_nodecatalog.moc"
