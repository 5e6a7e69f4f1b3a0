#include "orchestrator/orchestratorwriters.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "support/engineemulation.h"
#include "support/exportcheckers.h"
#include "support/exportreadback.h"
#include "support/hostilepipeline.h"
#include "support/pipelinespec.h"
#include "support/require.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace EngineEmulation;
using namespace ExportReadBack;

// The GitLab CI export read back as GitLab and its runner read it: stages and `needs`, job names
// that are no keywords, variables and images kept from expansion (what every target's export
// must do: tst_orchestratorexport).
namespace {

// What a job gets in a variable (https://docs.gitlab.com/ci/variables/): a value with
// `expand: false` as written; any other value is expanded by GitLab ($VAR, ${VAR}, %VAR%) and
// by the runner, so it must hold none of them (`ok` turns false).
QString gitlabVariable(const YAML::Node &variable, bool *ok)
{
    if (variable.IsMap()) {
        if (!variable["expand"] || variable["expand"].as<bool>())
            *ok = false;
        return text(variable["value"]);
    }
    const QString value = text(variable);
    if (value.contains(u'$') || value.contains(u'%'))
        *ok = false;
    return value;
}

// A chain of generic steps named `names`, data to data.
PipelineSpec chainNamed(const QStringList &names)
{
    QString nodes;
    QString edges;
    for (qsizetype i = 0; i < names.size(); ++i) {
        nodes += u"step:n%1:%2 "_s.arg(i).arg(names.at(i));
        if (i > 0)
            edges += u"n%1.data>n%2.data "_s.arg(i - 1).arg(i);
    }
    return PipelineSpec::parse(nodes + u'|' + edges);
}

} // namespace

class TestGitLabCiExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void hostileTextReachesGitLabJobs();
    void gitLabStagesAndNeedsFollowTheLayers();
    void gitLabJobNamesAvoidItsKeywords();
    void gitLabNeedsAtMostFiftyJobs();
    void gitLabImageKeepsItsDollars();

private:
    void loadHostile();
    OrchestratorExport::Result exportTo(ExportTarget target);
    void passesTheCheckers(ExportTarget target);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineGraph> m_graph;
    QString m_title;
};

void TestGitLabCiExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
}

void TestGitLabCiExport::loadHostile()
{
    const HostilePipeline hostile = HostilePipeline::make();
    m_graph->reset(hostile.nodes, hostile.edges, {});
    m_title = u"on: {{x}} ${{y}} ${z} $(w) {% raw %}"_s;
}

OrchestratorExport::Result TestGitLabCiExport::exportTo(ExportTarget target)
{
    return OrchestratorExport::exportPipeline(*m_graph, m_title, target);
}

// The export of the loaded pipeline passes GitLab's checker.
void TestGitLabCiExport::passesTheCheckers(ExportTarget target)
{
    ExportReadBack::passesTheCheckers(exportTo(target), target, m_dir->path());
}

// GitLab hands each job its variables (expanded unless `expand: false`) and its image after the
// runner's expansion; the job's shell reads the script. Each job gets the stage's argv, name,
// notes and parameter values exactly, whatever $VAR, ${VAR}, %VAR%, $( ) or quotes they hold.
void TestGitLabCiExport::hostileTextReachesGitLabJobs()
{
    loadHostile();
    const OrchestratorExport::Result result = exportTo(ExportTarget::GitLabCi);
    QVERIFY(result.ok());
    QCOMPARE(result.files.first().fileName, u".gitlab-ci.yml"_s);
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    const QHash<QString, PipelineNode> nodes = nodesById(*m_graph, m_title, ExportTarget::GitLabCi);
    const auto jobs = gitlabJobs(root);
    QCOMPARE(jobs.size(), nodes.size());
    // Defined, to show they are not expanded into the job.
    const QHash<QString, QString> runner{{u"CI_JOB_TOKEN"_s, u"secret"_s}, {u"HOME"_s, u"/root"_s}};
    for (const auto &[id, job] : jobs) {
        const PipelineNode node = nodes.value(id);
        bool ok = true;
        QCOMPARE(gitlabRunnerExpand(text(job["image"]["name"]), runner), node.image);
        QHash<QString, QString> variables;
        for (const auto &variable : job["variables"])
            variables.insert(text(variable.first), gitlabVariable(variable.second, &ok));
        QCOMPARE(variables.value(u"MLOPS_STEP_NAME"_s), node.name);
        QCOMPARE(variables.value(u"MLOPS_STEP_NOTES"_s), node.notes);
        QStringList values;
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            if (it.key().startsWith(u"MLOPS_PARAM_"_s))
                values << it.value();
        values.sort();
        QCOMPARE(values, parameterValues(node));
        const QStringList script = strings(job["script"]);
        QCOMPARE(script.size(), 1);
        QCOMPARE(shellArgv(script.first(), &ok), node.command);
        QVERIFY2(ok, qPrintable(id));
    }
}

// A diamond with a skipped level and a second root. GitLab runs stages in the order `stages`
// lists them and starts a job with `needs` when the jobs it names finish
// (https://docs.gitlab.com/ci/yaml/needs/): each job needs exactly the stages it takes from, and
// its stage comes after theirs. Its parameters are variables, kept from expansion.
void TestGitLabCiExport::gitLabStagesAndNeedsFollowTheLayers()
{
    PipelineSpec spec = PipelineSpec::parse(
        u"step:a step:b step:c step:d step:e | a.data>b.data a.features>c.features "
        "e.data>c.data b.data>d.data c.model>d.model a.signal>d.signal"_s);
    spec.nodes[0].parameters = {{u"epochs"_s, u"10"_s}, {u"learning rate"_s, u"$LR %PATH%"_s}};
    m_graph->reset(spec.nodes, spec.edges, {});
    const OrchestratorExport::Result result
        = OrchestratorExport::exportPipeline(*m_graph, u"layers"_s, ExportTarget::GitLabCi);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());

    const QStringList stages = strings(root["stages"]);
    QCOMPARE(stages.size(), 3);
    QCOMPARE(QSet<QString>(stages.cbegin(), stages.cend()).size(), 3);
    const QHash<QString, int> column{
        {u"a"_s, 0}, {u"e"_s, 0}, {u"b"_s, 1}, {u"c"_s, 1}, {u"d"_s, 2}};
    const QHash<QString, QStringList> needs{
        {u"b"_s, {u"a"_s}}, {u"c"_s, {u"a"_s, u"e"_s}}, {u"d"_s, {u"a"_s, u"b"_s, u"c"_s}}};
    const auto jobs = gitlabJobs(root);
    QCOMPARE(jobs.size(), 5);
    for (const auto &[id, job] : jobs) {
        QCOMPARE(stages.indexOf(text(job["stage"])), column.value(id));
        // A root is in the first stage, which starts at once: it needs no `needs: []`.
        QCOMPARE(bool(job["needs"]), needs.contains(id));
        QStringList need = strings(job["needs"]);
        need.sort();
        QCOMPARE(need, needs.value(id));
    }

    const YAML::Node a = root["a"];
    bool ok = true;
    QCOMPARE(gitlabVariable(a["variables"]["MLOPS_PARAM_EPOCHS"], &ok), u"10"_s);
    QCOMPARE(gitlabVariable(a["variables"]["MLOPS_PARAM_LEARNING_RATE"], &ok), u"$LR %PATH%"_s);
    QVERIFY(ok);
    // An output is an artifact of its job; the jobs that need it find it where it was made.
    QCOMPARE(
        strings(a["artifacts"]["paths"]),
        (QStringList{u"artifacts/a/data"_s, u"artifacts/a/features"_s, u"artifacts/a/signal"_s}));
    QCOMPARE(text(root["b"]["variables"]["MLOPS_INPUT_DATA"]), u"artifacts/a/data"_s);
    QCOMPARE(text(root["d"]["variables"]["MLOPS_INPUT_SIGNAL"]), u"artifacts/a/signal"_s);
    QVERIFY(!root["d"]["artifacts"]);
}

// GitLab reads some top-level keys as keywords, not jobs, and hides a job whose name starts with
// '.' (https://docs.gitlab.com/ci/jobs/#job-names): stages so named get another id, still
// unique, and the file passes GitLab's schema (where a job called `image` would be an image).
void TestGitLabCiExport::gitLabJobNamesAvoidItsKeywords()
{
    const PipelineSpec spec = chainNamed({u"image"_s,
                                          u"pages"_s,
                                          u"true"_s,
                                          u"default"_s,
                                          u"workflow"_s,
                                          u".hidden"_s,
                                          u"stages"_s,
                                          u"include"_s,
                                          u"services"_s,
                                          u"cache"_s,
                                          u"nil"_s,
                                          u"false"_s,
                                          u"Variables"_s,
                                          u"image-2"_s});
    m_graph->reset(spec.nodes, spec.edges, {});
    m_title = u"keywords"_s;
    const OrchestratorExport::Result result = exportTo(ExportTarget::GitLabCi);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    QStringList ids;
    for (const auto &[id, job] : gitlabJobs(root))
        ids << id;
    // ExportNames: a taken name gets "-2", "-3" …; kebab case drops the '.'.
    QCOMPARE(ids,
             (QStringList{u"image-2"_s,
                          u"pages-2"_s,
                          u"true-2"_s,
                          u"default-2"_s,
                          u"workflow-2"_s,
                          u"hidden"_s,
                          u"stages-2"_s,
                          u"include-2"_s,
                          u"services-2"_s,
                          u"cache-2"_s,
                          u"nil-2"_s,
                          u"false-2"_s,
                          u"variables-2"_s,
                          u"image-2-2"_s}));
    REQUIRE_SHARED_REFERENCE(u"validators/check-export"_s);
    REQUIRE_OK(passesTheCheckers(ExportTarget::GitLabCi));
}

// GitLab takes at most 50 jobs in one `needs` (https://docs.gitlab.com/ci/yaml/#needs). A job
// after more has no `needs` and waits, as a job without one does, for every job of the earlier
// stages: its own are all there.
void TestGitLabCiExport::gitLabNeedsAtMostFiftyJobs()
{
    QString nodes = u"step:many step:fifty "_s;
    QString edges;
    for (int i = 0; i < 51; ++i) {
        nodes += u"step:r%1 "_s.arg(i);
        edges += u"r%1>many "_s.arg(i);
        if (i < 50)
            edges += u"r%1>fifty "_s.arg(i);
    }
    const PipelineSpec spec = PipelineSpec::parse(nodes + u'|' + edges);
    m_graph->reset(spec.nodes, spec.edges, {});
    const OrchestratorExport::Result result
        = OrchestratorExport::exportPipeline(*m_graph, u"fan-in"_s, ExportTarget::GitLabCi);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    const QStringList stages = strings(root["stages"]);
    QCOMPARE(strings(root["fifty"]["needs"]).size(), 50);
    QVERIFY(!root["many"]["needs"]);
    for (int i = 0; i < 51; ++i)
        QVERIFY(stages.indexOf(text(root[u"r%1"_s.arg(i).toStdString()]["stage"]))
                < stages.indexOf(text(root["many"]["stage"])));
    QVERIFY(QString::fromUtf8(result.files.first().contents).contains(u"GitLab takes 50 jobs"_s));
}

// An imported stage may keep its engine's image expression; the runner expands $VAR and ${VAR}
// in `image`, so the export writes each '$' as "$$" and the runner gets the text back.
void TestGitLabCiExport::gitLabImageKeepsItsDollars()
{
    PipelineSpec spec = PipelineSpec::parse(u"+step:a +step:b | a.data>b.data"_s);
    spec.nodes[0].image = u"$CI_REGISTRY_IMAGE/app:${TAG}-$$"_s;
    spec.nodes[1].image = u"python:3.11-slim"_s;
    m_graph->reset(spec.nodes, spec.edges, {});
    const OrchestratorExport::Result result
        = OrchestratorExport::exportPipeline(*m_graph, u"imported"_s, ExportTarget::GitLabCi);
    QVERIFY(result.ok());
    const YAML::Node root = YAML::Load(result.files.first().contents.toStdString());
    const QHash<QString, QString> runner{{u"CI_REGISTRY_IMAGE"_s, u"registry.example.com/x"_s},
                                         {u"TAG"_s, u"1.0"_s}};
    QCOMPARE(gitlabRunnerExpand(text(root["a"]["image"]["name"]), runner), spec.nodes[0].image);
    QCOMPARE(gitlabRunnerExpand(text(root["b"]["image"]["name"]), runner), spec.nodes[1].image);
    // An empty entrypoint: the runner starts its shell, not the image's program.
    QCOMPARE(strings(root["a"]["image"]["entrypoint"]), QStringList{QString()});
}
QTEST_GUILESS_MAIN(TestGitLabCiExport)
#include "tst_gitlabciexport.moc"
