#include "curriculum/curriculumloader.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/pipelinespec.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<PipelineFinding> validate(const QString &spec)
{
    const PipelineSpec pipeline = PipelineSpec::parse(spec);
    return validatePipeline(pipeline.nodes, pipeline.edges, NodeCatalog::builtIn());
}

QStringList describe(const QList<PipelineFinding> &findings)
{
    QStringList lines;
    for (const PipelineFinding &finding : findings)
        lines << u"%1 %2 %3"_s.arg(
            finding.severity == PipelineFinding::Severity::Error ? u"error"_s : u"warning"_s,
            finding.code,
            finding.nodeId);
    return lines;
}

// Every stage a complete pipeline has, wired so that no check fires.
const QString Complete
    = u"ingest:I validate-data:V transform:T feature-store:F train:R evaluate:E register:G "
      "ci-gate:C package:P deploy:D@Kubernetes monitor:M alert:A retrain-trigger:X | "
      "I.data>V.data V.data>T.data T.features>F.features F.features>R.data F.features>D.features "
      "R.model>E.model E.model>G.model G.model>C.model C.model>P.model P.image>D.image "
      "D.endpoint>M.endpoint M.drift>A.signal M.drift>X.signal X.trigger>R.trigger"_s;

} // namespace

class TestPipelineValidator : public QObject
{
    Q_OBJECT

private slots:
    void completePipelineIsClean();
    void checks_data();
    void checks();
    void importedPipelineIsClean();
    void templatedImages_data();
    void templatedImages();
    void imagePinning_data();
    void imagePinning();
    void findingsTeach();
    void findingsAreSorted();
    void graphOverload();
    void largePipeline();
};

void TestPipelineValidator::completePipelineIsClean()
{
    QCOMPARE(describe(validate(Complete)), QStringList());
}

void TestPipelineValidator::checks_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("finding"); // "severity code node"
    QTest::addColumn<bool>("expected");

    const auto row
        = [](const char *name, const QString &spec, const QString &finding, bool expected) {
              QTest::newRow(name) << spec << finding << expected;
          };
    row("cycle", u"step:A step:B | A.data>B.data B.data>A.data"_s, u"error cycle A"_s, true);
    row("no cycle", u"step:A step:B | A.data>B.data"_s, u"error cycle A"_s, false);
    row("self loop", u"step:A | A.data>A.data"_s, u"error cycle A"_s, true);
    row("retrain loop allowed", Complete, u"error cycle R"_s, false);
    row("loop through a step refused",
        u"train:R step:S | R.model>S.model S.features>R.data"_s,
        u"error cycle R"_s,
        true);
    row("loop beside a retrain loop refused",
        Complete + u" E.model>E2.model"_s.replace(u"E2"_s, u"E"_s),
        u"error cycle E"_s,
        true);
    row("type mismatch",
        u"ingest:I train:R | I.data>R.data"_s,
        u"error port-type-mismatch R"_s,
        true);
    row("types match",
        u"transform:T train:R | T.features>R.data"_s,
        u"error port-type-mismatch R"_s,
        false);
    row("missing port", u"ingest:I train:R | I.rows>R.data"_s, u"error missing-port I"_s, true);
    row("input fed twice",
        u"ingest:I ingest:J validate-data:V | I.data>V.data J.data>V.data"_s,
        u"error input-taken V"_s,
        true);
    row("input fed once",
        u"ingest:I validate-data:V | I.data>V.data"_s,
        u"error input-taken V"_s,
        false);
    row("required input open", u"train:R"_s, u"error missing-input R"_s, true);
    row("optional input open",
        u"transform:T train:R | T.features>R.data"_s,
        u"error missing-input R"_s,
        false);
    row("deploy needs a model or an image", u"deploy:D"_s, u"error missing-input D"_s, true);
    row("deploy with a model",
        u"register:G deploy:D | G.model>D.model"_s,
        u"error missing-input D"_s,
        false);
    row("duplicate name", u"step:a:Same step:b:Same"_s, u"error duplicate-name b"_s, true);
    row("duplicate name, first too",
        u"step:a:Same step:b:Same"_s,
        u"error duplicate-name a"_s,
        true);
    row("distinct names", u"step:a:One step:b:Two"_s, u"error duplicate-name b"_s, false);
    row("empty name", u"step:a:"_s, u"error empty-name a"_s, true);
    row("unknown kind", u"trainer:Z"_s, u"error unknown-kind Z"_s, true);

    row("deploy without monitoring",
        u"register:G ci-gate:C deploy:D | G.model>C.model C.model>D.model"_s,
        u"warning deploy-without-monitoring D"_s,
        true);
    row("deploy with monitoring",
        u"register:G ci-gate:C deploy:D monitor:M alert:A | G.model>C.model C.model>D.model "
        "D.endpoint>M.endpoint M.drift>A.signal"_s,
        u"warning deploy-without-monitoring D"_s,
        false);
    row("deploy without registry",
        u"ci-gate:C deploy:D | C.model>D.model"_s,
        u"warning deploy-without-registry D"_s,
        true);
    row("deploy from registry",
        u"register:G ci-gate:C deploy:D | G.model>C.model C.model>D.model"_s,
        u"warning deploy-without-registry D"_s,
        false);
    row("deploy without gate",
        u"register:G deploy:D | G.model>D.model"_s,
        u"warning deploy-without-ci-gate D"_s,
        true);
    row("deploy after gate",
        u"register:G ci-gate:C deploy:D | G.model>C.model C.model>D.model"_s,
        u"warning deploy-without-ci-gate D"_s,
        false);
    row("kubernetes without image",
        u"register:G deploy:D@Kubernetes | G.model>D.model"_s,
        u"warning kubernetes-without-image D"_s,
        true);
    row("kubernetes with image",
        u"register:G package:P deploy:D@Kubernetes | G.model>P.model P.image>D.image"_s,
        u"warning kubernetes-without-image D"_s,
        false);
    row("serverless without image",
        u"register:G deploy:D@FastAPI | G.model>D.model"_s,
        u"warning kubernetes-without-image D"_s,
        false);
    row("unvalidated training data",
        u"ingest:I transform:T train:R | I.data>T.data T.features>R.data"_s,
        u"warning unvalidated-training-data R"_s,
        true);
    row("validated training data",
        u"ingest:I validate-data:V transform:T train:R | I.data>V.data V.data>T.data "
        "T.features>R.data"_s,
        u"warning unvalidated-training-data R"_s,
        false);
    row("unvalidated tuning data",
        u"ingest:I transform:T tune:U | I.data>T.data T.features>U.data"_s,
        u"warning unvalidated-training-data U"_s,
        true);
    row("registry without evaluation",
        u"transform:T train:R register:G | T.features>R.data R.model>G.model"_s,
        u"warning no-evaluation-before-registry G"_s,
        true);
    row("registry after evaluation",
        u"transform:T train:R evaluate:E register:G | T.features>R.data R.model>E.model "
        "E.model>G.model"_s,
        u"warning no-evaluation-before-registry G"_s,
        false);
    row("monitor triggers nothing",
        u"deploy:D monitor:M | D.endpoint>M.endpoint"_s,
        u"warning monitor-triggers-nothing M"_s,
        true);
    row("monitor alerts",
        u"deploy:D monitor:M alert:A | D.endpoint>M.endpoint M.drift>A.signal"_s,
        u"warning monitor-triggers-nothing M"_s,
        false);
    row("monitor retrains",
        u"deploy:D monitor:M retrain-trigger:X | D.endpoint>M.endpoint M.drift>X.signal"_s,
        u"warning monitor-triggers-nothing M"_s,
        false);
    row("training/serving skew",
        u"feature-store:F train:R deploy:D | F.features>R.data R.model>D.model"_s,
        u"warning training-serving-skew F"_s,
        true);
    row("features served too",
        u"feature-store:F train:R deploy:D | F.features>R.data R.model>D.model "
        "F.features>D.features"_s,
        u"warning training-serving-skew F"_s,
        false);
    row("model goes nowhere",
        u"transform:T train:R | T.features>R.data"_s,
        u"warning unused-model R"_s,
        true);
    row("model is used",
        u"transform:T train:R evaluate:E | T.features>R.data R.model>E.model"_s,
        u"warning unused-model R"_s,
        false);
    row("retrain trigger starts nothing",
        u"monitor:M retrain-trigger:X | M.drift>X.signal"_s,
        u"warning retrain-triggers-nothing X"_s,
        true);
    row("disconnected stage", u"step:A step:B"_s, u"warning disconnected-node B"_s, true);
    // Ordering edges ("runs after", from an imported file) carry no type: no port rule applies,
    // they satisfy inputs, and they still order the lifecycle for the teaching warnings.
    row("ordering edge satisfies a required input",
        u"ingest:I train:R | I>R"_s,
        u"error missing-input R"_s,
        false);
    row("ordering edge still teaches",
        u"ingest:I train:R | I>R"_s,
        u"warning unvalidated-training-data R"_s,
        true);
    row("ordering edge uses the model",
        u"train:R evaluate:E | R>E"_s,
        u"warning unused-model R"_s,
        false);
    row("ordering cycle", u"+step:A +step:B | A>B B>A"_s, u"error cycle A"_s, true);
    row("ordering self loop", u"+step:A | A>A"_s, u"error cycle A"_s, true);
    row("imported job needs no wiring", u"+train:R"_s, u"error missing-input R"_s, false);
    row("imported deploy needs no wiring", u"+deploy:D"_s, u"error missing-input D"_s, false);
    row("drawn deploy needs an input", u"deploy:D"_s, u"error missing-input D"_s, true);
    row("imported independent jobs", u"+step:A +step:B"_s, u"warning disconnected-node B"_s, false);
    row("imported deploy without monitoring",
        u"+package:P +deploy:D | P>D"_s,
        u"warning deploy-without-monitoring D"_s,
        true);
    row("a lone stage is not disconnected", u"step:A"_s, u"warning disconnected-node A"_s, false);
}

// An imported pipeline well formed as an ML pipeline opens without a single finding.
void TestPipelineValidator::importedPipelineIsClean()
{
    QCOMPARE(describe(validate(u"+ingest:I +validate-data:V +train:R +evaluate:E +register:G "
                               "+ci-gate:C +package:P +deploy:D +monitor:M +alert:A | I>V V>R R>E "
                               "E>G G>C C>P P>D D>M M>A"_s)),
             QStringList());
}

// The engine fills in an imported image ("${{ matrix.image }}"): the app cannot judge it. The
// same text typed into a drawn stage is no image reference at all.
void TestPipelineValidator::templatedImages_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("findings");
    const QStringList none;
    QTest::newRow("github") << u"+step:S"_s << u"${{ matrix.image }}"_s << none;
    QTest::newRow("gitlab") << u"+step:S"_s << u"$CI_REGISTRY_IMAGE:$TAG"_s << none;
    QTest::newRow("argo") << u"+step:S"_s << u"{{inputs.parameters.image}}"_s << none;
    QTest::newRow("imported, invalid")
        << u"+step:S"_s << u"Not An Image"_s << QStringList{u"error invalid-image S"_s};
    QTest::newRow("drawn") << u"step:S"_s << u"${{ matrix.image }}"_s
                           << QStringList{u"error invalid-image S"_s};
}

void TestPipelineValidator::templatedImages()
{
    QFETCH(QString, spec);
    QFETCH(QString, image);
    QFETCH(QStringList, findings);
    PipelineSpec pipeline = PipelineSpec::parse(spec);
    pipeline.nodes.first().image = image;
    QCOMPARE(describe(validatePipeline(pipeline.nodes, pipeline.edges, NodeCatalog::builtIn())),
             findings);
}

void TestPipelineValidator::checks()
{
    QFETCH(QString, spec);
    QFETCH(QString, finding);
    QFETCH(bool, expected);
    const QStringList found = describe(validate(spec));
    QVERIFY2(found.contains(finding) == expected, qPrintable(found.join(u"; "_s)));
}

void TestPipelineValidator::imagePinning_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<bool>("pinned");
    QTest::newRow("no tag") << u"python"_s << false;
    QTest::newRow("latest") << u"python:latest"_s << false;
    QTest::newRow("tag") << u"python:3.11-slim"_s << true;
    QTest::newRow("registry port, no tag") << u"registry:5000/ml/model"_s << false;
    QTest::newRow("registry port and tag") << u"registry:5000/ml/model:1.0"_s << true;
    QTest::newRow("digest") << u"ghcr.io/ml/model@sha256:0123abcd"_s << true;
    QTest::newRow("none") << QString() << true;
}

void TestPipelineValidator::imagePinning()
{
    QFETCH(QString, image);
    QFETCH(bool, pinned);
    PipelineSpec pipeline = PipelineSpec::parse(u"step:S"_s);
    pipeline.nodes.first().image = image;
    const QStringList found
        = describe(validatePipeline(pipeline.nodes, pipeline.edges, NodeCatalog::builtIn()));
    QCOMPARE(found.contains(u"warning unpinned-image S"_s), !pinned);
}

void TestPipelineValidator::findingsTeach()
{
    // Every finding says why and names a topic the curriculum has.
    const CurriculumLoader::Result curriculum = CurriculumLoader::loadBuiltIn();
    QVERIFY(curriculum.ok);
    const QString everything
        = u"step:A step:B deploy:D@Kubernetes monitor:M feature-store:F train:R register:G "
          "ingest:I transform:T tune:U retrain-trigger:X step:a:A deploy:D2 | G.model>D2.model "
          "A.data>B.data B.data>A.data "
          "D.endpoint>M.endpoint F.features>R.data R.model>D.model R.model>G.model "
          "I.data>T.data T.features>U.data I.data>R.data X.trigger>I.trigger"_s;
    const QList<PipelineFinding> findings = validate(everything);
    QVERIFY(findings.size() > 10);
    for (const PipelineFinding &finding : findings) {
        QVERIFY2(curriculum.curriculum.findTopic(finding.topicId), qPrintable(finding.code));
        QVERIFY2(finding.message.size() > 40 && finding.message.endsWith(u'.'),
                 qPrintable(finding.message));
    }
    const auto deploy = std::find_if(findings.cbegin(), findings.cend(), [](const auto &f) {
        return f.code == u"deploy-without-monitoring"_s;
    });
    QVERIFY(deploy != findings.cend());
    QCOMPARE(deploy->topicId, u"monitoring-and-logging"_s);
    QVERIFY(deploy->message.contains(u"Add a Monitor stage"_s));
}

void TestPipelineValidator::findingsAreSorted()
{
    const QStringList found
        = describe(validate(u"transform:T train:R step:A step:B | T.features>R.data A.data>B.data "
                            "B.data>A.data"_s));
    // Errors first, then node order (T, R, A), then code.
    QCOMPARE(found,
             (QStringList{u"error missing-input T"_s,
                          u"error cycle A"_s,
                          u"warning unused-model R"_s,
                          u"warning unvalidated-training-data R"_s}));
}

void TestPipelineValidator::graphOverload()
{
    const PipelineSpec pipeline = PipelineSpec::parse(u"step:A step:B"_s);
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(pipeline.nodes, pipeline.edges, {});
    QCOMPARE(validatePipeline(graph),
             validatePipeline(pipeline.nodes, pipeline.edges, NodeCatalog::builtIn()));
    QCOMPARE(validatePipeline(graph).size(), 2);
}

void TestPipelineValidator::largePipeline()
{
    // 500 copies of a 10-stage pipeline, each feeding the next through its data: 5,000 stages
    // and 5,000 edges, validated in one pass. Figures only, never a time limit.
    const QStringList kinds{u"ingest"_s,
                            u"validate-data"_s,
                            u"transform"_s,
                            u"feature-store"_s,
                            u"train"_s,
                            u"evaluate"_s,
                            u"register"_s,
                            u"ci-gate"_s,
                            u"deploy"_s,
                            u"monitor"_s};
    const QList<std::pair<QString, QString>> ports{{u"data"_s, u"data"_s},
                                                   {u"data"_s, u"data"_s},
                                                   {u"features"_s, u"features"_s},
                                                   {u"features"_s, u"data"_s},
                                                   {u"model"_s, u"model"_s},
                                                   {u"model"_s, u"model"_s},
                                                   {u"model"_s, u"model"_s},
                                                   {u"model"_s, u"model"_s},
                                                   {u"endpoint"_s, u"endpoint"_s}};
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    for (int copy = 0; copy < 500; ++copy) {
        for (int k = 0; k < 10; ++k) {
            const QString id = u"n%1"_s.arg(copy * 10 + k);
            PipelineNode node;
            node.id = node.name = id;
            node.kind = kinds.at(k);
            node.pos = QPointF(k * 260, copy * 160);
            nodes.append(node);
            if (k > 0)
                edges.append(PipelineEdge{{u"n%1"_s.arg(copy * 10 + k - 1), ports.at(k - 1).first},
                                          {id, ports.at(k - 1).second}});
        }
        // The monitor of one copy feeds the next copy's ingestion trigger: one long chain.
        if (copy > 0)
            edges.append(PipelineEdge{{u"n%1"_s.arg(copy * 10 - 1), u"drift"_s},
                                      {u"n%1"_s.arg(copy * 10), u"trigger"_s}});
    }
    QCOMPARE(nodes.size(), 5000);
    QElapsedTimer timer;
    timer.start();
    QList<PipelineFinding> findings = validatePipeline(nodes, edges, NodeCatalog::builtIn());
    qInfo("5000 stages, 4999 edges: validated in %lld ms", timer.elapsed());
    // No errors; in each copy the feature store skips serving and the monitor only starts the
    // next copy, which is neither an alert nor a retrain trigger.
    QCOMPARE(
        std::count_if(findings.cbegin(),
                      findings.cend(),
                      [](const auto &f) { return f.severity == PipelineFinding::Severity::Error; }),
        0);
    QCOMPARE(findings.size(), 1000);
    QCOMPARE(findings.last().code, u"monitor-triggers-nothing"_s);
    QCOMPARE(findings.last().nodeId, u"n4999"_s);

    // Closing the chain into a loop that avoids every retrain trigger: one 5,000-stage cycle.
    edges.append(PipelineEdge{{u"n4999"_s, u"drift"_s}, {u"n0"_s, u"trigger"_s}});
    timer.restart();
    findings = validatePipeline(nodes, edges, NodeCatalog::builtIn());
    qInfo("5000 stages, 5000 edges, one cycle: validated in %lld ms", timer.elapsed());
    QCOMPARE(findings.first().code, u"cycle"_s);
    QCOMPARE(findings.first().nodeId, u"n0"_s);
    QVERIFY(findings.first().message.contains(u"'n0', 'n1', 'n2', 'n3', 'n4', …"_s));
    QCOMPARE(
        std::count_if(findings.cbegin(),
                      findings.cend(),
                      [](const auto &f) { return f.severity == PipelineFinding::Severity::Error; }),
        1);
}

QTEST_GUILESS_MAIN(TestPipelineValidator)
#include "tst_pipelinevalidator.moc"
