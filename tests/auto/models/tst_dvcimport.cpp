#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/importresults.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace ImportResults;
using Format = PipelineImport::Format;

// The DVC reader: stages, the edges their paths give, detection and the real dvc.yaml files of
// ../shared/corpus (the stages `foreach` and `matrix` generate: tst_dvcexpansion). The rules come
// from DVC's documentation of dvc.yaml
// (https://dvc.org/doc/user-guide/project-structure/dvcyaml-files) and, for the names DVC gives
// generated stages, from its parser (dvc/parsing/__init__.py: ForeachDefinition and
// MatrixDefinition, https://github.com/iterative/dvc/pull/9725).
namespace {

PipelineImport::Result importText(const QByteArray &yaml, const QString &name = u"dvc.yaml"_s)
{
    return PipelineImport::importData(yaml, name, NodeCatalog::builtIn());
}

// What the corpus test expects, computed here with yaml-cpp alone: DVC's generated names and a
// brute-force match of each stage's deps against every other stage's outputs.
struct CorpusStage
{
    QString name;
    QStringList deps, outputs;
};

QString scalarText(const YAML::Node &node)
{
    if (!node.IsScalar())
        return {};
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() == "?" && (text == u"true"_s || text == u"True"_s))
        return u"true"_s;
    if (node.Tag() == "?" && (text == u"false"_s || text == u"False"_s))
        return u"false"_s;
    return text;
}

// A matrix item is its variables' values; a foreach item is one node (under the empty name).
using Item = QList<std::pair<QString, YAML::Node>>;

QString expand(QString text, const QString &key, const Item &item)
{
    static const QRegularExpression reference(u"\\$\\{(item|key)([^}]*)\\}"_s);
    for (QRegularExpressionMatch m = reference.match(text); m.hasMatch();) {
        QString value;
        if (m.captured(1) == u"key"_s) {
            value = key;
        } else {
            QString path = m.captured(2);
            QStringList parts
                = path.replace(u'[', u'.').remove(u']').split(u'.', Qt::SkipEmptyParts);
            const QString first
                = item.size() == 1 && item.first().first.isEmpty() ? QString() : parts.takeFirst();
            YAML::Node at;
            for (const auto &[name, node] : item)
                if (name == first)
                    at.reset(node);
            for (const QString &part : parts)
                at.reset(at.IsSequence() ? at[part.toInt()] : at[part.toStdString()]);
            value = scalarText(at);
        }
        text.replace(m.capturedStart(), m.capturedLength(), value);
        m = reference.match(text, m.capturedStart() + value.size());
    }
    return text;
}

QStringList paths(const YAML::Node &list, const QString &wdir, const QString &key, const Item &item)
{
    QStringList result;
    if (!list.IsSequence())
        return result;
    for (const YAML::Node &entry : list) {
        const QString path = entry.IsMap() ? QString::fromStdString(entry.begin()->first.Scalar())
                                           : QString::fromStdString(entry.Scalar());
        result << QDir::cleanPath(wdir + u'/' + expand(path, key, item));
    }
    return result;
}

CorpusStage corpusStage(const QString &name, YAML::Node body, const QString &key, const Item &item)
{
    const QString wdir = body["wdir"] ? expand(scalarText(body["wdir"]), key, item) : u"."_s;
    CorpusStage stage{name, paths(body["deps"], wdir, key, item), {}};
    for (const char *field : {"outs", "metrics", "plots"})
        stage.outputs << paths(body[field], wdir, key, item);
    return stage;
}

QList<CorpusStage> corpusStages(const YAML::Node &root)
{
    QList<CorpusStage> stages;
    for (const auto &entry : root["stages"]) {
        const QString name = QString::fromStdString(entry.first.Scalar());
        YAML::Node body = entry.second;
        if (YAML::Node foreach = body["foreach"]) {
            bool composite = false;
            for (const YAML::Node &n : foreach)
                composite = composite || n.IsMap() || n.IsSequence();
            int index = 0;
            for (auto it = foreach.begin(); it != foreach.end(); ++it, ++index) {
                const QString key = foreach.IsMap() ? scalarText(it->first)
                                    : composite     ? QString::number(index)
                                                    : scalarText(*it);
                const YAML::Node item = foreach.IsMap() ? it->second : *it;
                stages << corpusStage(name + u'@' + key, body["do"], key, {{QString(), item}});
            }
        } else if (YAML::Node matrix = body["matrix"]) {
            QList<std::pair<QString, Item>> combinations{{QString(), {}}};
            for (const auto &variable : matrix) {
                const QString variableName = QString::fromStdString(variable.first.Scalar());
                QList<std::pair<QString, Item>> next;
                for (const auto &[key, item] : combinations) {
                    for (std::size_t i = 0; i < variable.second.size(); ++i) {
                        const YAML::Node value = variable.second[i];
                        const QString fragment = value.IsScalar()
                                                     ? scalarText(value)
                                                     : variableName + QString::number(i);
                        next.append({key.isNull() ? fragment : key + u'-' + fragment,
                                     item + Item{{variableName, value}}});
                    }
                }
                combinations = next;
            }
            for (const auto &[key, item] : combinations)
                stages << corpusStage(name + u'@' + key, body, key, item);
        } else {
            stages << corpusStage(name, body, {}, {});
        }
    }
    return stages;
}

bool writes(const QString &output, const QString &dep)
{
    return output == dep || output.startsWith(dep + u'/') || dep.startsWith(output + u'/');
}

} // namespace

class TestDvcImport : public QObject
{
    Q_OBJECT

private slots:
    void stagesAndWhatTheyKeep();
    void edgesFromPaths();
    void edgesRelativeToWdir();
    void duplicateOutputIsSaid();
    void cycleIsAValidationError();
    void detection_data();
    void detection();
    void realDvcPipelines();
};

void TestDvcImport::stagesAndWhatTheyKeep()
{
    const PipelineImport::Result result = importText(R"(vars:
  - params.json
params:
  - params.yaml
metrics:
  - metrics.json
stages:
  preprocess:
    cmd: bin/cleanup raw.txt clean.txt
    desc: Clean the raw text
    deps:
      - raw.txt
    params:
      - threshold
      - myparams.yaml:
          - epochs
      - config.json:
    outs:
      - clean.txt
  build:
    cmd:
      - python train.py
      - python report.py
    wdir: src
    frozen: true
    always_changed: true
    meta: {owner: data-team}
    deps:
      - ../clean.txt
    outs:
      - model.pt
    metrics:
      - accuracy.txt:
          cache: false
    plots:
      - auc.json:
          cache: false
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::Dvc);
    QCOMPARE(sourceIds(result), (QStringList{u"preprocess"_s, u"build"_s}));
    const PipelineNode *preprocess = nodeFromSource(result, u"preprocess"_s);
    QCOMPARE(preprocess->source.format, u"dvc"_s);
    QCOMPARE(preprocess->source.line, 8);
    QCOMPARE(preprocess->command,
             (QStringList{u"sh"_s, u"-c"_s, u"bin/cleanup raw.txt clean.txt"_s}));
    QCOMPARE(detail(preprocess, u"deps"_s), u"raw.txt"_s);
    QCOMPARE(detail(preprocess, u"outs"_s), u"clean.txt"_s);
    QCOMPARE(detail(preprocess, u"params"_s),
             u"threshold\nmyparams.yaml: epochs\nconfig.json: (all)"_s);
    QCOMPARE(detail(preprocess, u"desc"_s), u"Clean the raw text"_s);
    const PipelineNode *build = nodeFromSource(result, u"build"_s);
    // "Commands are executed sequentially until all are finished or until one of them fails."
    QCOMPARE(build->command,
             (QStringList{u"sh"_s, u"-ec"_s, u"python train.py\npython report.py"_s}));
    QCOMPARE(detail(build, u"wdir"_s), u"src"_s);
    QCOMPARE(detail(build, u"metrics"_s), u"accuracy.txt {cache: false}"_s);
    QCOMPARE(detail(build, u"plots"_s), u"auc.json {cache: false}"_s);
    QCOMPARE(detail(build, u"always_changed"_s), u"true"_s);
    QCOMPARE(detail(build, u"meta"_s), u"{owner: data-team}"_s);
    QVERIFY(build->badges.contains(u"frozen"_s));
    QCOMPARE(edgesBySource(result), QStringList{u"preprocess>build"_s});
    const KeyValueList &details = result.pipeline.source.details;
    QVERIFY(details.contains(std::pair(u"vars"_s, u"[params.json]"_s)));
    QVERIFY(details.contains(std::pair(u"params"_s, u"[params.yaml]"_s)));
    QVERIFY(details.contains(std::pair(u"metrics"_s, u"[metrics.json]"_s)));
    QVERIFY(result.warnings.isEmpty());
}

// "If a command reads input files, these (or their directory locations) can be defined as
// dependencies": a dependency on an output, on a file inside an output directory, or on a
// directory holding an output.
void TestDvcImport::edgesFromPaths()
{
    const PipelineImport::Result result = importText(R"(stages:
  prepare:
    cmd: python prepare.py
    outs: [data/prepared]
  featurize:
    cmd: python featurize.py
    deps: [data/prepared/train.csv, data/prepared/test.csv]
    outs: [data/features/train.pkl]
  train:
    cmd: python train.py
    deps: [data/features]
    outs: [model.pkl]
  evaluate:
    cmd: python evaluate.py
    deps: [./model.pkl, data/prepared2]
    metrics: [eval/metrics.json]
  report:
    cmd: python report.py
    deps: [eval/metrics.json]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"evaluate>report"_s,
                          u"featurize>train"_s,
                          u"prepare>featurize"_s,
                          u"train>evaluate"_s}));
}

// "wdir: Working directory for the cmd to run in (relative to the file's location). Any paths
// in other fields are also based on this."
void TestDvcImport::edgesRelativeToWdir()
{
    const PipelineImport::Result result = importText(R"(stages:
  fetch:
    cmd: python fetch.py
    wdir: ..
    outs: [data/raw.csv]
  clean:
    cmd: python clean.py
    wdir: ../
    deps: [data/raw.csv]
    outs: [data/clean.csv]
  split:
    cmd: python split.py
    deps: [../data/clean.csv, data/raw.csv]
    outs: [split]
  train:
    cmd: python train.py
    wdir: src
    deps: [../split/train.csv]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    // split's data/raw.csv is ./data/raw.csv, not fetch's ../data/raw.csv.
    QCOMPARE(edgesBySource(result),
             (QStringList{u"clean>split"_s, u"fetch>clean"_s, u"split>train"_s}));
}

void TestDvcImport::duplicateOutputIsSaid()
{
    const PipelineImport::Result result = importText(R"(stages:
  a:
    cmd: make a
    outs: [model.pt]
  b:
    cmd: make b
    wdir: sub
    outs: [../model.pt]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().line, 8);
    QCOMPARE(result.warnings.first().message,
             u"'model.pt' is an output of both 'a' and 'b': DVC refuses that"_s);
}

void TestDvcImport::cycleIsAValidationError()
{
    const PipelineImport::Result result = importText(R"(stages:
  a: {cmd: make a, deps: [b.txt], outs: [a.txt]}
  b: {cmd: make b, deps: [a.txt], outs: [b.txt]}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), (QStringList{u"a>b"_s, u"b>a"_s}));
    const QList<PipelineFinding> findings
        = validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn());
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const PipelineFinding &f) {
        return f.code == u"cycle"_s && f.severity == PipelineFinding::Severity::Error;
    }));
}

void TestDvcImport::detection_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("dvc");
    QTest::newRow("stages with cmd, any name")
        << QByteArray("stages:\n  a:\n    cmd: make\n") << u"pipeline.yml"_s << true;
    QTest::newRow("foreach stage") << QByteArray("stages:\n  a:\n    foreach: [x]\n    do: {cmd: "
                                                 "run}\n")
                                   << u"x.yaml"_s << true;
    QTest::newRow("GitLab's stages list")
        << QByteArray("stages: [build, test]\nbuild:\n  script: make\n") << u"dvc.yaml"_s << false;
    QTest::newRow("the name alone decides nothing")
        << QByteArray("stages:\n  a:\n    script: make\n") << u"dvc.yaml"_s << false;
    QTest::newRow("GitHub workflow")
        << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: []}\n") << u"dvc.yaml"_s << false;
}

void TestDvcImport::detection()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, name);
    QFETCH(bool, dvc);
    const PipelineImport::Result result = importText(yaml, name);
    QCOMPARE(result.ok && result.format == Format::Dvc, dvc);
}

// Every dvc.yaml of ../shared/corpus imports; its generated stage names and the path matches are
// worked out here with yaml-cpp directly, not through the importer.
void TestDvcImport::realDvcPipelines()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/dvc"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/dvc"_s));
    const QStringList files = folder.entryList({u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::Dvc);
        const QList<CorpusStage> stages = corpusStages(YAML::LoadFile(path.toStdString()));
        QStringList names;
        for (const CorpusStage &stage : stages)
            names << stage.name;
        QCOMPARE(sourceIds(result), names);
        QSet<std::pair<QString, QString>> edges;
        for (const CorpusStage &to : stages)
            for (const CorpusStage &from : stages)
                for (const QString &dep : to.deps)
                    for (const QString &output : from.outputs)
                        if (&from != &to && writes(output, dep))
                            edges.insert({from.name, to.name});
        QCOMPARE(result.pipeline.edges.size(), edges.size());
        qInfo("%s: %lld stages, %lld dependencies, %lld warnings",
              qPrintable(file),
              qlonglong(names.size()),
              qlonglong(edges.size()),
              qlonglong(result.warnings.size()));
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

QTEST_GUILESS_MAIN(TestDvcImport)
#include "tst_dvcimport.moc"
