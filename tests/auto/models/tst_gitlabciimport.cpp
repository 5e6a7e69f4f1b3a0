#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinevalidator.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using Format = PipelineImport::Format;

// The GitLab CI reader: expected values come from GitLab's documentation of .gitlab-ci.yml,
// https://docs.gitlab.com/ci/yaml/ (cited at each test), and the YAML merge key's,
// https://yaml.org/type/merge.html.
namespace {

PipelineImport::Result importText(const QByteArray &yaml,
                                  const QString &name = u".gitlab-ci.yml"_s,
                                  std::optional<Format> format = std::nullopt)
{
    return PipelineImport::importData(yaml, name, NodeCatalog::builtIn(), format);
}

const PipelineNode *nodeFromSource(const PipelineImport::Result &result, const QString &id)
{
    for (const PipelineNode &node : result.pipeline.nodes)
        if (node.source.id == id)
            return &node;
    return nullptr;
}

QStringList sourceIds(const PipelineImport::Result &result)
{
    QStringList ids;
    for (const PipelineNode &node : result.pipeline.nodes)
        ids << node.source.id;
    return ids;
}

// "a>b" for each edge, by source ids, sorted.
QStringList edgesBySource(const PipelineImport::Result &result)
{
    QHash<QString, QString> idOf;
    for (const PipelineNode &node : result.pipeline.nodes)
        idOf.insert(node.id, node.source.id);
    QStringList edges;
    for (const PipelineEdge &edge : result.pipeline.edges)
        edges << idOf.value(edge.from.node) + u'>' + idOf.value(edge.to.node);
    edges.sort();
    return edges;
}

QString detail(const PipelineNode *node, const QString &key)
{
    for (const auto &[k, v] : node->details)
        if (k == key)
            return v;
    return {};
}

QString pipelineDetail(const PipelineImport::Result &result, const QString &key)
{
    for (const auto &[k, v] : result.pipeline.source.details)
        if (k == key)
            return v;
    return {};
}

// The titles of the group frames, left to right.
QStringList stageColumns(const PipelineImport::Result &result)
{
    QList<PipelineAnnotation> frames = result.pipeline.annotations;
    std::sort(frames.begin(), frames.end(), [](const auto &a, const auto &b) {
        return a.rect.x() < b.rect.x();
    });
    QStringList titles;
    for (const PipelineAnnotation &frame : std::as_const(frames))
        titles << frame.text;
    return titles;
}

QString script(const PipelineNode *node)
{
    return node->command.size() == 3 ? node->command.at(2) : QString();
}

bool hasWarning(const PipelineImport::Result &result, int line, const QString &start)
{
    return std::any_of(result.warnings.cbegin(), result.warnings.cend(), [&](const auto &note) {
        return note.line == line && note.message.startsWith(start);
    });
}

QString warningsText(const PipelineImport::Result &result)
{
    QStringList lines;
    for (const PipelineImport::Note &note : result.warnings)
        lines << u"%1: %2"_s.arg(note.line).arg(note.message);
    return lines.join(u'\n');
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
    void extendsChains();
    void extendsMergesMapsAndReplacesLists();
    void extendsProblemsAreWarnings();
    void extendsTooDeep();
    void mergeKeys();
    void referenceTags();
    void hiddenJobsAreNotNodes();
    void parallelBadges_data();
    void parallelBadges();
    void whenOnTheNodeAndEdges();
    void keepsWhatItCannotDraw();
    void defaultsApplyToJobs();
    void scriptForms();
    void includeIsNotFollowed();
    void oddJobs();
    void componentHeaderDocument();
    void detection_data();
    void detection();
    void otherFormatsAreNotGitLab();
    void manyJobs();
    void aliasBombEndsQuickly();
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
    // Each stage a column: its jobs share an x, left to right in stage order.
    const double x = nodeFromSource(result, u"prepare"_s)->pos.x();
    QVERIFY(x < nodeFromSource(result, u"style"_s)->pos.x());
    QVERIFY(nodeFromSource(result, u"style"_s)->pos.x()
            < nodeFromSource(result, u"compile"_s)->pos.x());
    QVERIFY(nodeFromSource(result, u"pkg"_s)->pos.x() < nodeFromSource(result, u"done"_s)->pos.x());
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

// `extends` is followed through templates that extend others; with a list, later entries win
// over earlier ones and the job's own keys over all (https://docs.gitlab.com/ci/yaml/#extends and
// yaml_optimization/#use-extends-to-reuse-configuration-sections).
void TestGitLabCiImport::extendsChains()
{
    const PipelineImport::Result result = importText(R"(.base:
  image: alpine
  stage: build
  script: echo base
.tests:
  extends: .base
  stage: test
.docker:
  image: docker:24
job-a:
  extends: .tests
job-b:
  extends: [.tests, .docker]
  script: echo own
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), (QStringList{u"job-a"_s, u"job-b"_s}));
    const PipelineNode *a = nodeFromSource(result, u"job-a"_s);
    QCOMPARE(a->image, u"alpine"_s);
    QCOMPARE(script(a), u"echo base"_s);
    QCOMPARE(detail(a, u"stage"_s), u"test"_s);
    const PipelineNode *b = nodeFromSource(result, u"job-b"_s);
    QCOMPARE(b->image, u"docker:24"_s);
    QCOMPARE(script(b), u"echo own"_s);
    QCOMPARE(detail(b, u"extends"_s), u"[.tests, .docker]"_s);
    QCOMPARE(stageColumns(result), QStringList{u"test"_s});
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// "GitLab … merges hashes deeply; arrays and scalars are overwritten": the variables of template
// and job merge, the job's `rules` replace the template's
// (https://docs.gitlab.com/ci/yaml/yaml_optimization/#merge-details, whose example this is).
void TestGitLabCiImport::extendsMergesMapsAndReplacesLists()
{
    const PipelineImport::Result result = importText(R"(.only-important:
  variables:
    URL: "http://my-url.internal"
    IMPORTANT_VAR: "the details"
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
    - if: $CI_COMMIT_BRANCH =~ /^stable-branch/
  script:
    - echo "Hello world!"
.in-docker:
  variables:
    URL: "http://docker-url.internal"
  tags:
    - docker
  image: alpine
rspec:
  variables:
    GITLAB: "is-awesome"
  extends:
    - .only-important
    - .in-docker
  script:
    - rake rspec
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *rspec = nodeFromSource(result, u"rspec"_s);
    QVERIFY(rspec);
    KeyValueList parameters = rspec->parameters;
    std::sort(parameters.begin(), parameters.end());
    QCOMPARE(parameters,
             (KeyValueList{{u"GITLAB"_s, u"is-awesome"_s},
                           {u"IMPORTANT_VAR"_s, u"the details"_s},
                           {u"URL"_s, u"http://docker-url.internal"_s}}));
    QCOMPARE(script(rspec), u"rake rspec"_s); // the job's list replaces the template's
    QCOMPARE(detail(rspec, u"tags"_s), u"[docker]"_s);
    QCOMPARE(rspec->image, u"alpine"_s);
    QCOMPARE(detail(rspec, u"rules"_s),
             u"[{if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH}, {if: $CI_COMMIT_BRANCH =~ "
             "/^stable-branch/}]"_s);
}

// A template that is not in the file (it may come from an include) and a cycle are warnings with
// the line of the `extends`; the job is still drawn with what it has.
void TestGitLabCiImport::extendsProblemsAreWarnings()
{
    const PipelineImport::Result result = importText(R"(.a:
  extends: .b
  script: echo a
.b:
  extends: .a
  image: b
job:
  extends: [.a, .from-include]
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY2(hasWarning(result, 8, u"'job' extends '.from-include', which is not in this file"_s),
             qPrintable(warningsText(result)));
    QVERIFY2(hasWarning(result, 5, u"'.b' extends '.a', which extends it in turn"_s),
             qPrintable(warningsText(result)));
    const PipelineNode *job = nodeFromSource(result, u"job"_s);
    QCOMPARE(script(job), u"echo a"_s);
    QCOMPARE(job->image, u"b"_s);
}

// "You can use up to eleven levels of inheritance" (https://docs.gitlab.com/ci/yaml/#extends):
// twelve are said, not refused.
void TestGitLabCiImport::extendsTooDeep()
{
    QByteArray yaml = ".t0: {script: echo deep}\n";
    for (int level = 1; level <= 11; ++level)
        yaml += ".t" + QByteArray::number(level) + ": {extends: .t" + QByteArray::number(level - 1)
                + "}\n";
    yaml += "ok: {extends: .t10}\ntoo-deep: {extends: .t11}\n";
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(script(nodeFromSource(result, u"too-deep"_s)), u"echo deep"_s);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(hasWarning(result, 14, u"job 'too-deep' stands on 12 levels of 'extends'"_s),
             qPrintable(warningsText(result)));
}

// https://yaml.org/type/merge.html: the merged mappings' keys are inserted unless the mapping has
// them; in a list, an earlier mapping wins over a later one. GitLab files use it for templates
// (https://docs.gitlab.com/ci/yaml/yaml_optimization/#yaml-anchors-for-scripts).
void TestGitLabCiImport::mergeKeys()
{
    const PipelineImport::Result result = importText(R"(.defaults: &defaults
  image: ruby:3
  script: echo default
  variables: &vars
    A: "1"
.more: &more
  image: ruby:2
  tags: [fast]
job1:
  <<: *defaults
  script: echo own
job2:
  <<: [*defaults, *more]
  variables:
    <<: *vars
    B: "2"
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), (QStringList{u"job1"_s, u"job2"_s}));
    const PipelineNode *job1 = nodeFromSource(result, u"job1"_s);
    QCOMPARE(job1->image, u"ruby:3"_s);
    QCOMPARE(script(job1), u"echo own"_s);
    QCOMPARE(job1->parameters, (KeyValueList{{u"A"_s, u"1"_s}}));
    QCOMPARE(detail(job1, u"<<"_s), QString()); // no key named "<<"
    const PipelineNode *job2 = nodeFromSource(result, u"job2"_s);
    QCOMPARE(job2->image, u"ruby:3"_s); // *defaults comes first in the list
    QCOMPARE(detail(job2, u"tags"_s), u"[fast]"_s);
    QCOMPARE(script(job2), u"echo default"_s);
    QCOMPARE(job2->parameters, (KeyValueList{{u"B"_s, u"2"_s}, {u"A"_s, u"1"_s}}));
}

// `!reference [.job, key]` puts that key's value in its place; in a script the referenced lines
// join the list (https://docs.gitlab.com/ci/yaml/yaml_optimization/#reference-tags). GitLab
// resolves the tags after `extends` (Gitlab::Ci::Config#build_config: Extendable, then
// Yaml::Tags::Resolver), so a tag sees what a template inherits. What is not in the file stays
// as text, said.
void TestGitLabCiImport::referenceTags()
{
    const PipelineImport::Result result = importText(R"(.base:
  before_script: [echo base]
.setup:
  extends: .base
  script:
    - echo creating environment
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
.vars:
  variables:
    A: one
test:
  variables: !reference [.vars, variables]
  before_script: !reference [.setup, before_script]
  script:
    - !reference [.setup, script]
    - echo running my own command
    - !reference [.elsewhere, script]
  rules:
    - !reference [.setup, rules]
    - when: manual
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *test = nodeFromSource(result, u"test"_s);
    QCOMPARE(script(test),
             u"echo base\necho creating environment\necho running my own command\n!reference "
             "[.elsewhere, script]"_s);
    QCOMPARE(test->parameters, (KeyValueList{{u"A"_s, u"one"_s}}));
    QCOMPARE(detail(test, u"rules"_s),
             u"[{if: $CI_PIPELINE_SOURCE == \"schedule\"}, {when: manual}]"_s);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY2(hasWarning(result, 18, u"!reference [.elsewhere, script] names what is not in this"_s),
             qPrintable(warningsText(result)));
}

// "To temporarily disable a job … start the job name with a dot": hidden jobs are not run
// (https://docs.gitlab.com/ci/jobs/#hide-a-job), nor are the pipeline's own keywords jobs.
void TestGitLabCiImport::hiddenJobsAreNotNodes()
{
    const PipelineImport::Result result = importText(R"(.sha: &sha 0123abcd
.hidden_job:
  script: [run-tests]
variables: {GIT_DEPTH: "1"}
workflow: {rules: [{if: $CI_COMMIT_BRANCH}]}
default: {tags: [docker]}
cache: {paths: [.cache]}
job: {script: echo, variables: {REF: *sha}}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), QStringList{u"job"_s});
    QCOMPARE(nodeFromSource(result, u"job"_s)->parameters,
             (KeyValueList{{u"REF"_s, u"0123abcd"_s}}));
    QCOMPARE(pipelineDetail(result, u"variables"_s), u"{GIT_DEPTH: 1}"_s);
    QCOMPARE(pipelineDetail(result, u"workflow"_s), u"{rules: [{if: $CI_COMMIT_BRANCH}]}"_s);
    QCOMPARE(pipelineDetail(result, u"default"_s), u"{tags: [docker]}"_s);
    QCOMPARE(pipelineDetail(result, u"cache"_s), u"{paths: [.cache]}"_s);
}

// `parallel: 5` runs five jobs; `parallel: matrix:` one a combination of each entry's values
// (https://docs.gitlab.com/ci/yaml/#parallel and #parallelmatrix: its `deploystacks` example
// "generates 7 parallel deploystacks jobs").
void TestGitLabCiImport::parallelBadges_data()
{
    QTest::addColumn<QByteArray>("parallel");
    QTest::addColumn<QString>("badge");
    QTest::newRow("count") << QByteArray("5") << u"parallel ×5"_s;
    QTest::newRow("docs' matrix example")
        << QByteArray("\n    matrix:\n      - PROVIDER: aws\n        STACK:\n          - "
                      "monitoring\n          - app1\n          - app2\n      - PROVIDER: [gcp, "
                      "vultr]\n        STACK: [data, processing]")
        << u"matrix ×7"_s;
    QTest::newRow("one list") << QByteArray("{matrix: [{RUBY: ['3.1', '3.2', '3.3']}]}")
                              << u"matrix ×3"_s;
    QTest::newRow("not a list") << QByteArray("{matrix: $MATRIX}") << u"matrix"_s;
}

void TestGitLabCiImport::parallelBadges()
{
    QFETCH(QByteArray, parallel);
    QFETCH(QString, badge);
    const PipelineImport::Result result
        = importText("deploystacks:\n  stage: deploy\n  script:\n    - bin/deploy\n  parallel: "
                     + parallel + "\n");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.first().badges, QStringList{badge});
}

// `when: manual` waits for a person; `on_failure` runs only when a job before it failed, so its
// edges say so (https://docs.gitlab.com/ci/yaml/#when).
void TestGitLabCiImport::whenOnTheNodeAndEdges()
{
    const PipelineImport::Result result = importText(R"(build: {stage: build, script: make}
cleanup: {stage: test, script: make clean, when: on_failure}
release: {stage: deploy, script: make release, when: manual, needs: [build]}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QVERIFY(nodeFromSource(result, u"release"_s)->badges.contains(u"manual"_s));
    QCOMPARE(detail(nodeFromSource(result, u"cleanup"_s), u"when"_s), u"on_failure"_s);
    QHash<QString, QString> conditionTo;
    for (const PipelineEdge &edge : result.pipeline.edges)
        for (const PipelineNode &node : result.pipeline.nodes)
            if (node.id == edge.to.node)
                conditionTo.insert(node.source.id, edge.condition);
    QCOMPARE(conditionTo.value(u"cleanup"_s), u"on_failure"_s);
    QCOMPARE(conditionTo.value(u"release"_s), QString());
}

void TestGitLabCiImport::keepsWhatItCannotDraw()
{
    const PipelineImport::Result result = importText(R"(deploy-prod:
  stage: deploy
  image: {name: "registry.example.com/deployer:1", entrypoint: [""]}
  script: ./deploy.sh
  environment:
    name: production
    url: https://example.com
  rules: [{if: $CI_COMMIT_TAG}]
  tags: [k8s]
  retry: 2
  timeout: 1h
  resource_group: production
  interruptible: false
  allow_failure: true
  artifacts: {paths: [out/]}
  variables: {TARGET: {value: prod, description: where}}
  coverage: '/Total: \d+%/'
  dependencies: []
downstream:
  stage: deploy
  trigger: {project: my/deployments, branch: main}
child:
  stage: deploy
  trigger: {include: child.yml}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *prod = nodeFromSource(result, u"deploy-prod"_s);
    QCOMPARE(prod->image, u"registry.example.com/deployer:1"_s);
    QCOMPARE(prod->kind, u"deploy"_s);
    QCOMPARE(detail(prod, u"environment"_s), u"production"_s);
    QCOMPARE(detail(prod, u"rules"_s), u"[{if: $CI_COMMIT_TAG}]"_s);
    QCOMPARE(detail(prod, u"tags"_s), u"[k8s]"_s);
    QCOMPARE(detail(prod, u"retry"_s), u"2"_s);
    QCOMPARE(detail(prod, u"timeout"_s), u"1h"_s);
    QCOMPARE(detail(prod, u"resource_group"_s), u"production"_s);
    QCOMPARE(detail(prod, u"interruptible"_s), u"false"_s);
    QCOMPARE(detail(prod, u"artifacts"_s), u"{paths: [out/]}"_s);
    QCOMPARE(detail(prod, u"coverage"_s), u"/Total: \\d+%/"_s);
    QCOMPARE(detail(prod, u"dependencies"_s), u"[]"_s);
    QVERIFY(prod->badges.contains(u"may fail"_s));
    QCOMPARE(prod->parameters, (KeyValueList{{u"TARGET"_s, u"prod"_s}}));
    const PipelineNode *downstream = nodeFromSource(result, u"downstream"_s);
    QVERIFY(downstream->badges.contains(u"triggers my/deployments"_s));
    QCOMPARE(detail(downstream, u"trigger"_s), u"{project: my/deployments, branch: main}"_s);
    QVERIFY(nodeFromSource(result, u"child"_s)->badges.contains(u"triggers a child pipeline"_s));
    QVERIFY2(result.warnings.isEmpty(), qPrintable(warningsText(result)));
}

// `default:` keywords apply to every job that does not set them, unless `inherit: default`
// says otherwise (https://docs.gitlab.com/ci/yaml/#default, #inheritdefault).
void TestGitLabCiImport::defaultsApplyToJobs()
{
    const PipelineImport::Result result = importText(R"(default:
  image: python:3.12
  before_script: [pip install -r requirements.txt]
plain: {script: pytest}
own: {image: node:20, script: npm test}
alone: {inherit: {default: false}, script: make}
some: {inherit: {default: [image]}, script: tox}
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    const PipelineNode *plain = nodeFromSource(result, u"plain"_s);
    QCOMPARE(plain->image, u"python:3.12"_s);
    QCOMPARE(script(plain), u"pip install -r requirements.txt\npytest"_s);
    QCOMPARE(nodeFromSource(result, u"own"_s)->image, u"node:20"_s);
    QCOMPARE(nodeFromSource(result, u"alone"_s)->image, QString());
    QCOMPARE(script(nodeFromSource(result, u"alone"_s)), u"make"_s);
    QCOMPARE(nodeFromSource(result, u"some"_s)->image, u"python:3.12"_s);
    QCOMPARE(script(nodeFromSource(result, u"some"_s)), u"tox"_s);
}

// `script` is a line or a list; nested lists are flattened
// (https://docs.gitlab.com/ci/yaml/#script); before_script runs first, after_script last.
void TestGitLabCiImport::scriptForms()
{
    const PipelineImport::Result result = importText(R"(one: {script: make all}
nested:
  before_script: [echo before]
  script:
    - echo a
    - [echo b, [echo c]]
  after_script: echo after
oops:
  script:
    - echo key: value
)");
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(nodeFromSource(result, u"one"_s)->command,
             (QStringList{u"sh"_s, u"-c"_s, u"make all"_s}));
    QCOMPARE(script(nodeFromSource(result, u"nested"_s)),
             u"echo before\necho a\necho b\necho c\necho after"_s);
    QCOMPARE(script(nodeFromSource(result, u"oops"_s)), u"{echo key: value}"_s);
    QVERIFY2(hasWarning(result, 10, u"job 'oops': 'script' has an entry that is not a line"_s),
             qPrintable(warningsText(result)));
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

// "Billion laughs" through the ways GitLab reuses configuration: merge keys (ten a level),
// !reference and extends over nine levels of ten aliases each end at once instead of walking
// 10^9 nodes; so does a mapping that holds itself (an alias inside its own anchor).
void TestGitLabCiImport::aliasBombEndsQuickly()
{
    QByteArray yaml = ".a0: &a0 {x: [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n";
    for (int level = 1; level <= 9; ++level) {
        QByteArray keys;
        for (int i = 0; i < 10; ++i)
            keys += (i ? ", k" : "k") + QByteArray::number(i) + ": *a"
                    + QByteArray::number(level - 1);
        const QByteArray alias = "*a" + QByteArray::number(level - 1);
        const QByteArray merges = QList<QByteArray>(10, alias).join(", ");
        yaml += ".a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " {<<: ["
                + merges + "], " + keys + "}\n";
    }
    yaml += "bomb:\n  extends: .a9\n  <<: *a9\n  variables: *a9\n  script:\n    - !reference "
            "[.a9, k0]\n    - *a9\n";
    const PipelineImport::Result result = importText(yaml);
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(sourceIds(result), QStringList{u"bomb"_s});
    QVERIFY(detail(&result.pipeline.nodes.first(), u"k1"_s).size() <= 401);

    const PipelineImport::Result itself = importText(
        ".t: &t {script: [echo], self: *t, <<: *t}\njob: {<<: *t, extends: .t, variables: *t}\n");
    QVERIFY2(itself.ok, qPrintable(itself.errorMessage));
    QCOMPARE(sourceIds(itself), QStringList{u"job"_s});
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
            YAML::Node copy = body;
            const YAML::Node extends = copy["extends"];
            std::vector<std::string> parents;
            if (extends.IsScalar())
                parents.push_back(extends.Scalar());
            for (const YAML::Node &parent : extends.IsSequence() ? extends : YAML::Node())
                parents.push_back(parent.Scalar());
            for (auto parent = parents.rbegin(); parent != parents.rend(); ++parent) {
                YAML::Node top = root;
                if (YAML::Node found = find(top[*parent], key, depth + 1); found)
                    return found;
            }
            return none;
        };
        std::vector<std::string> jobs;
        std::map<std::string, std::string> stageOf;
        std::map<std::string, int> lineOf;
        std::vector<std::string> stages{".pre"};
        for (const YAML::Node &stage :
             root["stages"].IsDefined() ? root["stages"] : YAML::Load("[build, test, deploy]"))
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
            const YAML::Node needs = find(root[job], "needs", 0);
            if (needs.IsSequence()) {
                std::set<std::string> distinct;
                for (const YAML::Node &need : needs) {
                    std::string name
                        = need.IsMap() ? need["job"].as<std::string>("") : need.Scalar();
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
