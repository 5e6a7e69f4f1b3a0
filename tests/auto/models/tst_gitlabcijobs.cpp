#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "support/importresults.h"

#include <QHash>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace ImportResults;
using Format = PipelineImport::Format;

// The GitLab CI reader, job by job: the keys a job gives a place of their own (parallel, when,
// script, image, trigger, …), `default:`, and the ways GitLab reuses configuration that are
// resolved before a job is read: `extends`, YAML merge keys and `!reference` (the pipeline as a
// whole: tst_gitlabciimport). Expected values come from GitLab's documentation of
// .gitlab-ci.yml, https://docs.gitlab.com/ci/yaml/ (cited at each test), and the YAML merge
// key's, https://yaml.org/type/merge.html.
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

class TestGitLabCiJobs : public QObject
{
    Q_OBJECT

private slots:
    void extendsChains();
    void extendsMergesMapsAndReplacesLists();
    void extendsProblemsAreWarnings();
    void extendsTooDeep();
    void mergeKeys();
    void referenceTags();
    void onlyOneFeatureDeepInside();
    void hiddenJobsAreNotNodes();
    void parallelBadges_data();
    void parallelBadges();
    void whenOnTheNodeAndEdges();
    void keepsWhatItCannotDraw();
    void defaultsApplyToJobs();
    void scriptForms();
    void aliasBombEndsQuickly();
};

// `extends` is followed through templates that extend others; with a list, later entries win
// over earlier ones and the job's own keys over all (https://docs.gitlab.com/ci/yaml/#extends and
// yaml_optimization/#use-extends-to-reuse-configuration-sections).
void TestGitLabCiJobs::extendsChains()
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
void TestGitLabCiJobs::extendsMergesMapsAndReplacesLists()
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
void TestGitLabCiJobs::extendsProblemsAreWarnings()
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
void TestGitLabCiJobs::extendsTooDeep()
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
void TestGitLabCiJobs::mergeKeys()
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
void TestGitLabCiJobs::referenceTags()
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

// A file that has only one of the two, and only inside a job, still has it resolved (the import
// skips the pass a file has nothing for).
void TestGitLabCiJobs::onlyOneFeatureDeepInside()
{
    const PipelineImport::Result merged = importText(R"(.vars: &vars
  A: "1"
job:
  script: echo
  variables:
    <<: *vars
    B: "2"
)");
    QVERIFY2(merged.ok, qPrintable(merged.errorMessage));
    QCOMPARE(nodeFromSource(merged, u"job"_s)->parameters,
             (KeyValueList{{u"B"_s, u"2"_s}, {u"A"_s, u"1"_s}}));

    const PipelineImport::Result referenced = importText(R"(.setup:
  script: [echo one, echo two]
job:
  script:
    - !reference [.setup, script]
    - echo three
)");
    QVERIFY2(referenced.ok, qPrintable(referenced.errorMessage));
    QCOMPARE(script(nodeFromSource(referenced, u"job"_s)), u"echo one\necho two\necho three"_s);
    QVERIFY2(referenced.warnings.isEmpty(), qPrintable(warningsText(referenced)));
}

// "To temporarily disable a job … start the job name with a dot": hidden jobs are not run
// (https://docs.gitlab.com/ci/jobs/#hide-a-job), nor are the pipeline's own keywords jobs.
void TestGitLabCiJobs::hiddenJobsAreNotNodes()
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
void TestGitLabCiJobs::parallelBadges_data()
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

void TestGitLabCiJobs::parallelBadges()
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
void TestGitLabCiJobs::whenOnTheNodeAndEdges()
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

void TestGitLabCiJobs::keepsWhatItCannotDraw()
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
void TestGitLabCiJobs::defaultsApplyToJobs()
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
void TestGitLabCiJobs::scriptForms()
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

// "Billion laughs" through the ways GitLab reuses configuration: merge keys (ten a level),
// !reference and extends over nine levels of ten aliases each end at once instead of walking
// 10^9 nodes; so does a mapping that holds itself (an alias inside its own anchor).
void TestGitLabCiJobs::aliasBombEndsQuickly()
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

QTEST_GUILESS_MAIN(TestGitLabCiJobs)
#include "tst_gitlabcijobs.moc"
