// Round trips between the orchestrator exports and the importers (README "Orchestrator export",
// "Opening other pipelines"):
// - our exports read back: every built-in template and a hostile pipeline, exported to GitHub
//   Actions, Argo, DVC and GitLab CI and imported again, give the same stage names, the same kind
//   of each stage and the same dependencies. The expectations come from the source pipeline.
// - a real file back to its own engine: each corpus file imported and exported to its engine
//   keeps every job and every dependency (counted in the export with yaml-cpp directly), passes
//   the engine's checker, and the export says what it does not carry.
#include "orchestrator/orchestratorexport.h"
#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "support/engineemulation.h"
#include "support/exportcheckers.h"
#include "support/exportreadback.h"
#include "support/hostilepipeline.h"
#include "support/require.h"
#include "support/sharedreference.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace ExportReadBack;
using Format = PipelineImport::Format;

Q_DECLARE_METATYPE(ExportTarget)

namespace {

using Edges = QSet<std::pair<QString, QString>>; // by stage name: upstream, downstream

struct Target
{
    ExportTarget target;
    Format format;
};

const QList<Target> &roundTripTargets()
{
    static const QList<Target> targets{{ExportTarget::GitHubActions, Format::GitHubActions},
                                       {ExportTarget::Argo, Format::Argo},
                                       {ExportTarget::Dvc, Format::Dvc},
                                       {ExportTarget::GitLabCi, Format::GitLabCi}};
    return targets;
}

// The hostile pipeline of the export tests, with every third stage a "validate-data" stage: a
// kind the import rules cannot tell from its generic command, so only the export's kind marker
// brings it back. Its ports (data in, data out) keep the chain valid.
HostilePipeline hostileWithKinds()
{
    HostilePipeline hostile = HostilePipeline::make();
    for (qsizetype i = 1; i < hostile.nodes.size(); i += 3) // each after a stage feeding it
        hostile.nodes[i].kind = u"validate-data"_s;
    return hostile;
}

// The dependencies of a graph by name: every edge but a feedback edge (the one out of a Retrain
// trigger), which starts the pipeline again and is no dependency in any export.
Edges dependencies(const PipelineGraph &graph, qsizetype *feedback = nullptr)
{
    Edges edges;
    for (const PipelineEdge &edge : graph.edges()) {
        if (PipelineAutoLayout::isFeedbackEdge(graph, edge)) {
            if (feedback)
                ++*feedback;
            continue;
        }
        edges.insert({graph.node(edge.from.node)->name, graph.node(edge.to.node)->name});
    }
    return edges;
}

QHash<QString, QString> kindsByName(const QList<PipelineNode> &nodes)
{
    QHash<QString, QString> kinds;
    for (const PipelineNode &node : nodes)
        kinds.insert(node.name, node.kind);
    return kinds;
}

QString edgesText(const Edges &edges)
{
    QStringList lines;
    for (const auto &[from, to] : edges)
        lines << from + u" > "_s + to;
    lines.sort();
    return lines.join(u'\n');
}

// --- What an export holds, read with yaml-cpp ---------------------------------------------------

struct Exported
{
    QStringList names; // each job's stage name, decoded as the engine reads it
    Edges edges;
    bool ok = true; // false: a name the engine would evaluate
};

// A member, or a null node: yaml-cpp's operator[] gives a node that throws for a missing key.
YAML::Node child(const YAML::Node &map, const char *key)
{
    if (!map.IsDefined() || !map.IsMap())
        return YAML::Node();
    const YAML::Node value = map[key];
    return value.IsDefined() ? value : YAML::Node();
}

// GitHub Actions: jobs, their `name` (a literal "${{" is written ${{ '${{' }}) and `needs`.
// https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idneeds
Exported readGitHub(const YAML::Node &root)
{
    Exported out;
    QHash<QString, QString> nameOf;
    const YAML::Node jobs = child(root, "jobs");
    for (const auto &job : jobs)
        nameOf.insert(
            text(job.first),
            EngineEmulation::githubEvaluate(text(child(job.second, "name")), {}, &out.ok));
    for (const auto &job : jobs) {
        const YAML::Node needs = child(job.second, "needs");
        const QStringList upstream = needs.IsScalar() ? QStringList{text(needs)} : strings(needs);
        for (const QString &from : upstream)
            out.edges.insert({nameOf.value(from), nameOf.value(text(job.first))});
        out.names << nameOf.value(text(job.first));
    }
    return out;
}

// GitLab CI: the jobs, MLOPS_STEP_NAME (written with `expand: false`, so as it is) and `needs`;
// a job without `needs` waits for the jobs of the earlier stages
// (https://docs.gitlab.com/ci/yaml/#needs, #stages): the previous stage's, which wait in turn.
Exported readGitLab(const YAML::Node &root)
{
    Exported out;
    const QStringList stages = strings(child(root, "stages"));
    const auto jobs = gitlabJobs(root);
    QHash<QString, QString> nameOf;
    for (const auto &[id, job] : jobs)
        nameOf.insert(id, text(child(child(child(job, "variables"), "MLOPS_STEP_NAME"), "value")));
    for (const auto &[id, job] : jobs) {
        out.names << nameOf.value(id);
        const YAML::Node needs = child(job, "needs");
        QStringList upstream = strings(needs);
        const qsizetype stage = stages.indexOf(text(child(job, "stage")));
        if (!needs.IsDefined() && stage > 0)
            for (const auto &[otherId, other] : jobs)
                if (text(child(other, "stage")) == stages.at(stage - 1))
                    upstream << otherId;
        for (const QString &from : upstream)
            out.edges.insert({nameOf.value(from), nameOf.value(id)});
    }
    return out;
}

// Argo: the entrypoint DAG's tasks, `depends` ("a && b"), and the stage name in the env of each
// task's template, as Kubernetes expands it.
// https://argo-workflows.readthedocs.io/en/latest/enhanced-depends-logic/
Exported readArgo(const YAML::Node &root)
{
    Exported out;
    const YAML::Node spec = child(root, "spec");
    const QString entrypoint = text(child(spec, "entrypoint"));
    QHash<QString, QString> nameOf; // template -> stage name
    YAML::Node tasks;
    for (const YAML::Node &body : child(spec, "templates")) {
        if (text(child(body, "name")) == entrypoint)
            tasks = child(child(body, "dag"), "tasks");
        QHash<QString, QString> env;
        for (const YAML::Node &variable : child(child(body, "container"), "env"))
            env.insert(text(child(variable, "name")),
                       EngineEmulation::kubernetesExpand(text(child(variable, "value")), env));
        nameOf.insert(text(child(body, "name")), env.value(u"MLOPS_STEP_NAME"_s));
    }
    QHash<QString, QString> templateOf;
    for (const YAML::Node &task : tasks)
        templateOf.insert(text(child(task, "name")), text(child(task, "template")));
    for (const YAML::Node &task : tasks) {
        const QString to = nameOf.value(text(child(task, "template")));
        out.names << to;
        for (const QString &from :
             text(child(task, "depends")).split(u" && "_s, Qt::SkipEmptyParts))
            out.edges.insert({nameOf.value(templateOf.value(from.trimmed())), to});
    }
    return out;
}

// DVC: the stages, the name in their `meta`, and an edge where a stage depends on a path another
// stage outputs (https://dvc.org/doc/user-guide/pipelines/defining-pipelines).
Exported readDvc(const YAML::Node &root)
{
    Exported out;
    QHash<QString, QString> writer; // path -> stage name
    const YAML::Node stages = child(root, "stages");
    for (const auto &stage : stages) {
        const QString name = EngineEmulation::dvcResolve(
            text(child(child(stage.second, "meta"), "name")), &out.ok);
        out.names << name;
        for (const QString &path : strings(child(stage.second, "outs")))
            writer.insert(path, name);
    }
    qsizetype s = 0;
    for (const auto &stage : stages) {
        for (const QString &path : strings(child(stage.second, "deps")))
            if (writer.contains(path))
                out.edges.insert({writer.value(path), out.names.at(s)});
        ++s;
    }
    return out;
}

Exported readExport(ExportTarget target, const QByteArray &contents)
{
    const YAML::Node root = YAML::Load(contents.toStdString());
    switch (target) {
    case ExportTarget::GitHubActions:
        return readGitHub(root);
    case ExportTarget::GitLabCi:
        return readGitLab(root);
    case ExportTarget::Argo:
        return readArgo(root);
    default:
        break;
    }
    return readDvc(root);
}

// The rule names actionlint gives its findings ("… [deprecated-commands]").
QSet<QString> actionlintRules(const QString &output)
{
    static const QRegularExpression rule(u"\\[([a-z-]+)\\]$"_s,
                                         QRegularExpression::MultilineOption);
    QSet<QString> rules;
    for (auto it = rule.globalMatch(output); it.hasNext();)
        rules.insert(it.next().captured(1));
    return rules;
}

} // namespace

class TestExportRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void ourExportsReadBack_data();
    void ourExportsReadBack();
    void unknownKindMarkerIsIgnored();
    void realFilesBackToTheirEngine_data();
    void realFilesBackToTheirEngine();
};

void TestExportRoundTrip::ourExportsReadBack_data()
{
    QTest::addColumn<ExportTarget>("target");
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("pipeline"); // a template id, or "hostile"
    for (const Target &target : roundTripTargets()) {
        const QString targetId = OrchestratorExport::info(target.target).id;
        for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all())
            QTest::addRow("%s %s", qPrintable(targetId), qPrintable(pipelineTemplate.id))
                << target.target << target.format << pipelineTemplate.id;
        QTest::addRow("%s hostile", qPrintable(targetId))
            << target.target << target.format << u"hostile"_s;
    }
}

// Names: the import makes a stage name one line (finishImport: whitespace runs, line breaks
// included, become one space), so a hostile name comes back simplified; every other character
// comes back. Kinds: the catalog kind of each stage. Dependencies: every edge by name, but the
// feedback edge out of a Retrain trigger, which the exports leave out (their header says so) and
// so the import does not have.
void TestExportRoundTrip::ourExportsReadBack()
{
    QFETCH(ExportTarget, target);
    QFETCH(Format, format);
    QFETCH(QString, pipeline);
    PipelineGraph graph(&NodeCatalog::builtIn());
    if (pipeline == u"hostile"_s) {
        const HostilePipeline hostile = hostileWithKinds();
        graph.reset(hostile.nodes, hostile.edges, {});
    } else {
        const auto all = PipelineTemplates::all();
        const auto found = std::find_if(
            all.cbegin(), all.cend(), [&](const auto &t) { return t.id == pipeline; });
        QVERIFY(found != all.cend());
        const PipelineFile::ReadResult read
            = PipelineTemplates::load(*found, NodeCatalog::builtIn());
        QVERIFY(read.ok);
        graph.reset(read.nodes, read.edges, read.annotations);
    }
    const OrchestratorExport::Result exported
        = OrchestratorExport::exportPipeline(graph, pipeline, target);
    QVERIFY2(exported.ok(),
             exported.problems.isEmpty() ? "" : qPrintable(exported.problems.first().message));
    QVERIFY2(exported.notCarried.isEmpty(), qPrintable(exported.notCarried.join(u'\n')));

    const PipelineImport::Result back = PipelineImport::importData(
        exported.files.first().contents, exported.files.first().fileName, NodeCatalog::builtIn());
    QVERIFY2(back.ok, qPrintable(back.errorMessage));
    QCOMPARE(back.format, format);

    QHash<QString, QString> expectedKinds;
    for (const PipelineNode &node : graph.nodes())
        expectedKinds.insert(node.name.simplified(), node.kind);
    const QHash<QString, QString> kinds = kindsByName(back.pipeline.nodes);
    QStringList expectedNames = expectedKinds.keys(), names = kinds.keys();
    expectedNames.sort();
    names.sort();
    QCOMPARE(names, expectedNames);
    QCOMPARE(kinds, expectedKinds);

    qsizetype feedback = 0;
    Edges expected;
    for (const auto &[from, to] : dependencies(graph, &feedback))
        expected.insert({from.simplified(), to.simplified()});
    PipelineGraph imported(&NodeCatalog::builtIn());
    imported.reset(back.pipeline.nodes, back.pipeline.edges, {});
    const Edges edges = dependencies(imported);
    QVERIFY2(edges == expected,
             qPrintable(edgesText(edges) + u"\n--- expected:\n"_s + edgesText(expected)));
    QCOMPARE(back.pipeline.edges.size(), expected.size()); // one edge a pair: no extra ones
    if (pipeline == u"continuous-training"_s) // its loop: the Retrain trigger restarts it
        QVERIFY(feedback > 0);
}

// A kind marker that names no catalog kind (a hand-edited export) is ignored, and said: the kind
// comes from the rules, as for any job.
void TestExportRoundTrip::unknownKindMarkerIsIgnored()
{
    const QByteArray workflow = "on: push\n"
                                "jobs:\n"
                                "  build:\n"
                                "    runs-on: ubuntu-latest\n"
                                "    env: {MLOPS_STEP_KIND: no-such-kind}\n"
                                "    steps: [{run: echo hi}]\n";
    const PipelineImport::Result result
        = PipelineImport::importData(workflow, u"ci.yml"_s, NodeCatalog::builtIn());
    QVERIFY2(result.ok, qPrintable(result.errorMessage));
    QCOMPARE(result.pipeline.nodes.size(), 1);
    QVERIFY(NodeCatalog::builtIn().kind(result.pipeline.nodes.first().kind));
    QVERIFY(result.pipeline.nodes.first().parameters.isEmpty()); // the marker is no parameter
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.first().line, 3);
    QVERIFY(result.warnings.first().message.contains(u"'no-such-kind'"_s));
}

void TestExportRoundTrip::realFilesBackToTheirEngine_data()
{
    QTest::addColumn<ExportTarget>("target");
    QTest::addColumn<QString>("file");
    for (const Target &target : roundTripTargets()) {
        const QString folder
            = u"corpus/real-pipelines/"_s + PipelineImport::formatId(target.format);
        const QDir dir(sharedReferencePath(folder));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            QTest::addRow("%s", qPrintable(name)) << target.target << dir.filePath(name);
    }
}

// Imported, then exported to the same engine: every job and every dependency kept, by name (a
// dependency the import draws as a feedback edge is no dependency in the export: counted apart);
// what the stages had besides their image, command and parameters said in notCarried; the export
// passes the engine's checker, or fails it only where the source itself does (actionlint flags
// the source's own shell lines, which the export carries as they are).
void TestExportRoundTrip::realFilesBackToTheirEngine()
{
    REQUIRE_SHARED_REFERENCE(u"corpus/real-pipelines/MANIFEST.tsv"_s);
    QFETCH(ExportTarget, target);
    QFETCH(QString, file);
    const PipelineImport::Result imported
        = PipelineImport::importFile(file, NodeCatalog::builtIn());
    QVERIFY2(imported.ok, qPrintable(imported.errorMessage));
    const PipelineFile::ReadResult &read = imported.pipeline;
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations, read.source);
    const OrchestratorExport::Result exported
        = OrchestratorExport::exportPipeline(graph, QFileInfo(file).completeBaseName(), target);
    QVERIFY(exported.ok());

    const Exported out = readExport(target, exported.files.first().contents);
    QVERIFY(out.ok);
    QStringList expectedNames;
    for (const PipelineNode &node : read.nodes)
        expectedNames << node.name;
    QStringList names = out.names;
    expectedNames.sort();
    names.sort();
    QCOMPARE(names, expectedNames);
    const Edges expected = dependencies(graph);
    QVERIFY2(out.edges == expected,
             qPrintable(edgesText(out.edges) + u"\n--- expected:\n"_s + edgesText(expected)));

    // Every stage with details from its source, and the pipeline's own, are named in the notes.
    const QString notes = exported.notCarried.join(u'\n');
    for (const PipelineNode &node : read.nodes)
        if (!node.details.isEmpty())
            QVERIFY2(notes.contains(u"stage '%1'"_s.arg(node.name)), qPrintable(node.name));
    if (!read.source.details.isEmpty())
        QVERIFY(notes.contains(u"the pipeline's "_s));

    if (checkersSkipped())
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeFiles(dir.path(), exported.files).isEmpty());
    const QString format = OrchestratorExport::info(target).id;
    const CheckerRun check
        = checkExport(format, QDir(dir.path()).filePath(exported.files.first().fileName));
    if (check.exitCode != 0) {
        // Only actionlint's findings, each of a rule the source breaks too (actionlint run on the
        // source alone: check-export stops at yamllint for some real files).
        QCOMPARE(target, ExportTarget::GitHubActions);
        const CheckerRun source = runProgram(
            u"node"_s, {sharedReferencePath(u"validators/actionlint/check.cjs"_s), file});
        const QSet<QString> rules = actionlintRules(check.output);
        QVERIFY2(!rules.isEmpty() && actionlintRules(source.output).contains(rules),
                 qPrintable(check.output));
        for (const QString &line : check.output.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.endsWith(u": OK"_s) || line.endsWith(u']'), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_exportroundtrip.moc"
