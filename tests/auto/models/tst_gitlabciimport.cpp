#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/importresults.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace ImportResults;
using Format = PipelineImport::Format;

// The GitLab CI reader, the pipeline as a whole: stages, `needs` and the edges they give,
// includes, detection and the real files of ../shared/corpus (what each job holds, and what
// GitLab's templates give it: tst_gitlabcijobs). Expected values come from GitLab's
// documentation of .gitlab-ci.yml, https://docs.gitlab.com/ci/yaml/ (cited at each test).
namespace {

PipelineImport::Result importText(const QByteArray &yaml,
                                  const QString &name = u".gitlab-ci.yml"_s,
                                  std::optional<Format> format = std::nullopt)
{
    return PipelineImport::importData(yaml, name, NodeCatalog::builtIn(), format);
}

QString script(const PipelineNode *node)
{
    return node->command.size() == 3 ? node->command.at(2) : QString();
}

} // namespace

class TestGitLabCiImport : public QObject
{
    Q_OBJECT

private slots:
    void stagesAreColumnsInOrder();
    void defaultStages();
    void stageOrderGivesEdges();
    void needsReplaceTheStageOrder();
    void needsForms();
    void missingNeedIsAnError();
    void missingNeedWithIncludesIsAWarning();
    void includeIsNotFollowed();
    void oddJobs();
    void componentHeaderDocument();
    void detection_data();
    void detection();
    void otherFormatsAreNotGitLab();
    void manyJobs();
    void realGitLabFiles();
};

// "If stages is not defined … the default pipeline stages are .pre, build, test, deploy, .post";
// .pre and .post are always the first and last stages; the order of `stages:` is the order the
// stages run (https://docs.gitlab.com/ci/yaml/#stages).
void TestGitLabCiImport::stagesAreColumnsInOrder()
{
    const PipelineImport::Result result = importText(R"(stages: [lint, build, publish]
done: {stage: .post, script: echo done}
pkg: {stage: publish, script: make dist}
compile: {stage: build, script: make}
prepare: {stage: .pre, script: ./configure}
style: {stage: lint, script: make lint}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::GitLabCi);
    QCOMPARE(result.pipeline.source.format, u"gitlab-ci"_s);
    QCOMPARE(stageColumns(result),
             (QStringList{u".pre"_s, u"lint"_s, u"build"_s, u"publish"_s, u".post"_s}));
    // Each stage a frame round its jobs, the frames in stage order (above).
    const auto frame = [&](const QString &title) {
        for (const PipelineAnnotation &annotation : result.pipeline.annotations)
            if (annotation.text == title)
                return annotation.rect;
        return QRectF();
    };
    QVERIFY(frame(u".pre"_s).contains(nodeFromSource(result, u"prepare"_s)->pos));
    QVERIFY(frame(u"lint"_s).contains(nodeFromSource(result, u"style"_s)->pos));
    QVERIFY(frame(u"build"_s).contains(nodeFromSource(result, u"compile"_s)->pos));
    QVERIFY(frame(u"publish"_s).contains(nodeFromSource(result, u"pkg"_s)->pos));
    QVERIFY(frame(u".post"_s).contains(nodeFromSource(result, u"done"_s)->pos));
    QCOMPARE(nodeFromSource(result, u"done"_s)->source.line, 2);
}

// No `stages:`: build, test, deploy; a job without `stage:` is in test
// (https://docs.gitlab.com/ci/yaml/#stage: "If stage is not defined, the job uses the test stage").
void TestGitLabCiImport::defaultStages()
{
    const PipelineImport::Result result = importText(R"(unit: {script: make check}
ship: {stage: deploy, script: make install}
compile: {stage: build, script: make}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(stageColumns(result), (QStringList{u"build"_s, u"test"_s, u"deploy"_s}));
    QCOMPARE(edgesBySource(result), (QStringList{u"compile>unit"_s, u"unit>ship"_s}));
    QVERIFY(result.warnings.isEmpty());
}

// Without `needs`, a job starts when every job of the previous stage is done; an empty stage is
// skipped (https://docs.gitlab.com/ci/yaml/#stages: "jobs in the next stage run after the jobs
// from the previous stage complete successfully").
void TestGitLabCiImport::stageOrderGivesEdges()
{
    const PipelineImport::Result result = importText(R"(stages: [build, test, deploy]
b1: {stage: build, script: a}
b2: {stage: build, script: b}
d1: {stage: deploy, script: c}
d2: {stage: deploy, script: d}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), (QStringList{u"b1>d1"_s, u"b1>d2"_s, u"b2>d1"_s, u"b2>d2"_s}));
    for (const PipelineEdge &edge : result.pipeline.edges)
        QVERIFY(edge.isOrdering());
}

// `needs` lists what a job waits for instead of the stage order; `needs: []` waits for nothing
// (https://docs.gitlab.com/ci/yaml/#needs).
void TestGitLabCiImport::needsReplaceTheStageOrder()
{
    const PipelineImport::Result result = importText(R"(stages: [build, test, deploy]
linux: {stage: build, script: a}
mac: {stage: build, script: b}
test-linux: {stage: test, needs: [linux], script: c}
lint: {stage: test, needs: [], script: d}
all: {stage: test, script: e}
ship: {stage: deploy, script: f}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result),
             (QStringList{u"all>ship"_s,
                          u"lint>ship"_s,
                          u"linux>all"_s,
                          u"linux>test-linux"_s,
                          u"mac>all"_s,
                          u"test-linux>ship"_s}));
}

// needs entries: a name; `job:` with `artifacts`/`optional`; `pipeline:` and `project:` name jobs
// of other pipelines; a parallel job's instance "name: [values]" is the job
// (https://docs.gitlab.com/ci/yaml/#needs, #needsproject, #needspipelinejob, #needsoptional).
void TestGitLabCiImport::needsForms()
{
    const PipelineImport::Result result = importText(R"(stages: [build, test]
build:
  stage: build
  script: make
  parallel:
    matrix:
      - OS: [linux, mac]
test:
  stage: test
  script: make check
  needs:
    - job: "build: [linux]"
      artifacts: false
    - job: lint
      optional: true
    - project: group/other
      job: build-other
      ref: main
      artifacts: true
    - pipeline: $PARENT_PIPELINE_ID
      job: generate
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(edgesBySource(result), QStringList{u"build>test"_s});
    QCOMPARE(result.pipeline.edges.first().condition, QString());
    const PipelineNode *test = nodeFromSource(result, u"test"_s);
    QVERIFY(test->badges.contains(u"needs group/other"_s));
    QVERIFY(test->badges.contains(u"needs another pipeline"_s));
    QVERIFY2(hasWarning(result, 14, u"job 'test' needs 'lint' (optional)"_s),
             qPrintable(warningsText(result)));
    QVERIFY(!detail(test, u"needs"_s).isEmpty());
}

// GitLab refuses a `needs` naming no job of the pipeline ("undefined need"): the import fails
// with the line of the entry.
void TestGitLabCiImport::missingNeedIsAnError()
{
    const PipelineImport::Result result = importText(R"(build: {stage: build, script: make}
test:
  script: make check
  needs:
    - build
    - ghost
)");
    QVERIFY(!result.ok);
    QCOMPARE(result.errorLine, 6);
    QCOMPARE(result.errorMessage, u"'test' depends on 'ghost', which is not a job of this file"_s);
}

// With `include:` the job may be in an included file, which this import does not read: a
// warning, so that the rest still opens.
void TestGitLabCiImport::missingNeedWithIncludesIsAWarning()
{
    const PipelineImport::Result result = importText(R"(include: {local: ci/build.yml}
test:
  script: make check
  needs: [ghost]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY2(hasWarning(result, 4, u"job 'test' needs 'ghost', which is not a job of this file"_s),
             qPrintable(warningsText(result)));
    QVERIFY(result.pipeline.edges.isEmpty());
}

// `include:` is not read: said once with its line, each include kept on the pipeline
// (https://docs.gitlab.com/ci/yaml/#include).
void TestGitLabCiImport::includeIsNotFollowed()
{
    const PipelineImport::Result result = importText(R"(stages: [build]

include:
  - local: ci/common.yml
  - project: group/templates
    file: [a.yml, b.yml]
  - template: Security/SAST.gitlab-ci.yml
build:
  stage: build
  extends: .from-common
  script: make
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY2(hasWarning(result,
                        4,
                        u"'include' is not followed: the jobs and templates of 3 "
                        "included files are not part of this import"_s),
             qPrintable(warningsText(result)));
    QCOMPARE(pipelineDetail(result, u"include"_s),
             u"local: ci/common.yml\nproject: group/templates (a.yml, b.yml)\ntemplate: "
             "Security/SAST.gitlab-ci.yml"_s);
    QVERIFY(hasWarning(result, 10, u"'build' extends '.from-common', which is not in this file"_s));
}

// Jobs whose body is not a mapping, a repeated job name, a stage that is not declared: kept and
// said, never dropped in silence.
void TestGitLabCiImport::oddJobs()
{
    const PipelineImport::Result result = importText(R"(stages: [build]
build: {stage: build, script: make}
empty:
strange: just text
build: {stage: build, script: make again}
late: {stage: verify, script: check}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), (QStringList{u"empty"_s, u"strange"_s, u"build"_s, u"late"_s}));
    QCOMPARE(script(nodeFromSource(result, u"build"_s)), u"make again"_s);
    QVERIFY(hasWarning(result, 2, u"job 'build' is defined again further down"_s));
    QVERIFY(hasWarning(result, 3, u"job 'empty' is not a mapping"_s));
    QVERIFY(hasWarning(result, 4, u"job 'strange' is not a mapping"_s));
    QVERIFY(hasWarning(result, 6, u"job 'late': stage 'verify' is not one of the pipeline's"_s));
    // Jobs with no stage are in test, which `stages:` lacks: also said, shown after build.
    QCOMPARE(stageColumns(result), (QStringList{u"build"_s, u"test"_s, u"verify"_s}));
}

// A CI/CD component's file starts with a `spec:` document, then `---`, then the jobs
// (https://docs.gitlab.com/ci/yaml/#spec).
void TestGitLabCiImport::componentHeaderDocument()
{
    const PipelineImport::Result result = importText(R"(spec:
  inputs:
    stage:
      default: test
---
component-job:
  script: echo job 1
  stage: $[[ inputs.stage ]]
)",
                                                     u"templates/my-component.yml"_s);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.format, Format::GitLabCi);
    QCOMPARE(sourceIds(result), QStringList{u"component-job"_s});
    QCOMPARE(nodeFromSource(result, u"component-job"_s)->source.line, 6);
}

void TestGitLabCiImport::detection_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Format>("format");
    QTest::newRow("gitlab, any name")
        << QByteArray("stages: [build]\nb: {stage: build, script: make}\n") << u"ci.yml"_s << true
        << Format::GitLabCi;
    QTest::newRow("gitlab, only extends") << QByteArray("job:\n  extends: .from-include\n")
                                          << u"x.gitlab-ci.yml"_s << true << Format::GitLabCi;
    QTest::newRow("github workflow stays github")
        << QByteArray("on: push\njobs:\n  a: {runs-on: x, steps: [{run: make}]}\ndefaults: {run: "
                      "{shell: bash}}\n")
        << u".gitlab-ci.yml"_s << true << Format::GitHubActions;
    // DVC's `stages` is a mapping of stages with `cmd`
    // (https://dvc.org/doc/user-guide/project-structure/dvcyaml-files).
    // Even under GitLab's usual name, it is read as the DVC pipeline it is.
    QTest::newRow("dvc is not gitlab")
        << QByteArray("stages:\n  train:\n    cmd: python train.py\n    deps: [data]\n")
        << u".gitlab-ci.yml"_s << true << Format::Dvc;
    QTest::newRow("azure stages are not gitlab")
        << QByteArray("stages:\n- stage: Build\n  jobs:\n  - job: b\n    steps: [{script: make}]\n")
        << u"azure-pipelines.yml"_s << false << Format::GitLabCi;
    QTest::newRow("compose is not gitlab")
        << QByteArray("services:\n  web: {image: nginx, command: serve}\n") << u"compose.yml"_s
        << false << Format::GitLabCi;
    QTest::newRow("name alone decides nothing")
        << QByteArray("name: not a pipeline\nitems: [1, 2]\n") << u".gitlab-ci.yml"_s << false
        << Format::GitLabCi;
}

void TestGitLabCiImport::detection()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(Format, format);
    const PipelineImport::Result result = importText(yaml, name);
    QCOMPARE(result.ok, ok);
    if (ok)
        QCOMPARE(result.format, format);
}

// No real file of another format in ../shared/corpus reads as GitLab CI, even when forced.
void TestGitLabCiImport::otherFormatsAreNotGitLab()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines"_s);
    const QDir corpus(sharedReferencePath(u"corpus/real-pipelines"_s));
    int files = 0;
    for (const QString &format : corpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (format == u"gitlab-ci"_s)
            continue;
        const QDir folder(corpus.filePath(format));
        for (const QString &file : folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files)) {
            const PipelineImport::Result result = PipelineImport::importFile(
                folder.filePath(file), NodeCatalog::builtIn(), Format::GitLabCi);
            QVERIFY2(!result.ok, qPrintable(format + u'/' + file));
            ++files;
        }
    }
    QVERIFY(files > 0);
}

// 2,000 jobs in 20 stages of 100: each job of a stage waits for the 100 of the stage before, as
// GitLab runs them, and the import says how many edges that makes.
void TestGitLabCiImport::manyJobs()
{
    QByteArray yaml = "stages:\n";
    for (int s = 0; s < 20; ++s)
        yaml += "  - s" + QByteArray::number(s) + "\n";
    for (int s = 0; s < 20; ++s)
        for (int j = 0; j < 100; ++j)
            yaml += "job-" + QByteArray::number(s) + "-" + QByteArray::number(j) + ": {stage: s"
                    + QByteArray::number(s) + ", script: make}\n";
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 2000);
    QCOMPARE(result.pipeline.edges.size(), 19 * 100 * 100);
    QCOMPARE(result.pipeline.annotations.size(), 20);
    QVERIFY2(hasWarning(result, 0, u"GitLab's stage order gives 190000 edges"_s),
             qPrintable(warningsText(result)));
}

// Every real file of ../shared/corpus imports with no error; its jobs are counted here with
// yaml-cpp directly, not through the importer, and so are its edges: each job's `needs` (a
// parallel job's instance "job: [..]" is the job), or else GitLab's stage order — every job of
// the previous stage that has jobs (https://docs.gitlab.com/ci/yaml/#stages).
void TestGitLabCiImport::realGitLabFiles()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/gitlab-ci"_s);
    const QDir folder(sharedReferencePath(u"corpus/real-pipelines/gitlab-ci"_s));
    const QStringList files = folder.entryList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    const std::set<std::string> global{"stages",
                                       "variables",
                                       "workflow",
                                       "include",
                                       "default",
                                       "image",
                                       "services",
                                       "before_script",
                                       "after_script",
                                       "cache",
                                       "spec"};
    for (const QString &file : files) {
        const QString path = folder.filePath(file);
        const PipelineImport::Result result
            = PipelineImport::importFile(path, NodeCatalog::builtIn());
        QVERIFY2(result.ok, qPrintable(PipelineImport::describeError(file, result)));
        QCOMPARE(result.format, Format::GitLabCi);
        YAML::Node root;
        try {
            QFile source(path);
            QVERIFY(source.open(QIODevice::ReadOnly));
            // A component's file has a `spec:` document first; the jobs are in the last one.
            root.reset(YAML::LoadAll(source.readAll().toStdString()).back());
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(file + u": "_s + QString::fromStdString(error.what())));
        }
        // A key of a job, looked up as GitLab would find it: the job's own, through its `<<`
        // merge keys, then its `extends` templates, the last one first.
        std::function<YAML::Node(const YAML::Node &, const char *, int)> find;
        const YAML::Node none(YAML::NodeType::Undefined);
        // A member looked up without operator[], which on a missing key inserts into the map
        // (and frees the entries a loop over it is iterating).
        const auto child = [&none](const YAML::Node &map, const std::string &key) {
            if (map.IsMap())
                for (const auto &entry : map)
                    if (entry.first.IsScalar() && entry.first.Scalar() == key)
                        return YAML::Node(entry.second);
            return none;
        };
        find = [&](const YAML::Node &body, const char *key, int depth) -> YAML::Node {
            if (!body.IsMap() || depth > 12)
                return none;
            for (const auto &entry : body)
                if (entry.first.Scalar() == key)
                    return entry.second;
            for (const auto &entry : body) {
                if (entry.first.Scalar() != "<<")
                    continue;
                if (entry.second.IsMap())
                    if (YAML::Node found = find(entry.second, key, depth + 1); found)
                        return found;
                if (entry.second.IsSequence())
                    for (const YAML::Node &merged : entry.second)
                        if (YAML::Node found = find(merged, key, depth + 1); found)
                            return found;
            }
            const YAML::Node extends = child(body, "extends");
            std::vector<std::string> parents;
            if (extends.IsScalar())
                parents.push_back(extends.Scalar());
            for (const YAML::Node &parent : extends.IsSequence() ? extends : YAML::Node())
                parents.push_back(parent.Scalar());
            for (auto parent = parents.rbegin(); parent != parents.rend(); ++parent) {
                if (YAML::Node found = find(child(root, *parent), key, depth + 1); found)
                    return found;
            }
            return none;
        };
        std::vector<std::string> jobs;
        std::map<std::string, std::string> stageOf;
        std::map<std::string, int> lineOf;
        std::vector<std::string> stages{".pre"};
        for (const YAML::Node &stage : child(root, "stages").IsDefined()
                                           ? child(root, "stages")
                                           : YAML::Load("[build, test, deploy]"))
            stages.push_back(stage.Scalar());
        for (const auto &entry : root) {
            const std::string name = entry.first.Scalar();
            if (global.count(name) || name.starts_with('.'))
                continue;
            jobs.push_back(name);
            lineOf[name] = entry.first.Mark().line + 1;
            const YAML::Node stage = find(entry.second, "stage", 0);
            stageOf[name] = stage.IsScalar() ? stage.Scalar() : "test";
            // A stage `stages:` lacks (it may come from an include): after the others, as the
            // import shows it.
            if (std::find(stages.cbegin(), stages.cend(), stageOf[name]) == stages.cend())
                stages.push_back(stageOf[name]);
        }
        stages.push_back(".post");
        QCOMPARE(result.pipeline.nodes.size(), qsizetype(jobs.size()));
        qsizetype edges = 0;
        for (const std::string &job : jobs) {
            const PipelineNode *node = nodeFromSource(result, QString::fromStdString(job));
            QVERIFY2(node, qPrintable(file + u": "_s + QString::fromStdString(job)));
            QCOMPARE(node->source.line, lineOf[job]);
            const YAML::Node needs = find(child(root, job), "needs", 0);
            if (needs.IsSequence()) {
                std::set<std::string> distinct;
                for (const YAML::Node &need : needs) {
                    std::string name
                        = need.IsMap() ? child(need, "job").as<std::string>("") : need.Scalar();
                    if (const auto bracket = name.find(": ["); bracket != std::string::npos)
                        name.resize(bracket);
                    if (std::find(jobs.cbegin(), jobs.cend(), name) != jobs.cend())
                        distinct.insert(name);
                }
                edges += qsizetype(distinct.size());
                continue;
            }
            auto stage = std::find(stages.cbegin(), stages.cend(), stageOf[job]);
            while (stage != stages.cbegin()) {
                --stage;
                const auto inStage = std::count_if(jobs.cbegin(), jobs.cend(), [&](const auto &j) {
                    return stageOf[j] == *stage;
                });
                if (inStage > 0) {
                    edges += inStage;
                    break;
                }
            }
        }
        QCOMPARE(result.pipeline.edges.size(), edges);
        qInfo("%s: %zu jobs, %lld edges, %lld warnings",
              qPrintable(file),
              jobs.size(),
              edges,
              result.warnings.size());
        // A well-formed file opens without errors: only the warnings that teach.
        for (const PipelineFinding &finding :
             validatePipeline(result.pipeline.nodes, result.pipeline.edges, NodeCatalog::builtIn()))
            QVERIFY2(finding.severity != PipelineFinding::Severity::Error,
                     qPrintable(file + u": "_s + finding.message));
    }
}

QTEST_GUILESS_MAIN(TestGitLabCiImport)
#include "tst_gitlabciimport.moc"
