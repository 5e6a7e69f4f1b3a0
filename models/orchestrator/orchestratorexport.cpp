#include "orchestrator/orchestratorexport.h"

#include "orchestrator/orchestratorwriters.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct OrchestratorExportText
{
    Q_DECLARE_TR_FUNCTIONS(OrchestratorExportNotes)
};

QString keysOf(const KeyValueList &list)
{
    QStringList keys;
    for (const auto &[key, value] : list)
        if (!keys.contains(key))
            keys << key;
    return keys.join(u", "_s);
}

// What an imported pipeline kept from its source and the stage fields cannot hold: the export
// writes the stage's image, command, parameters and dependencies, and says the rest.
QStringList notCarried(const PipelineGraph &graph)
{
    QStringList notes;
    if (!graph.source().details.isEmpty())
        notes << OrchestratorExportText::tr(
                     "the pipeline's %1 (from its source file) are not carried")
                     .arg(keysOf(graph.source().details));
    for (const PipelineNode &node : graph.nodes()) {
        const NodeKind *kind = graph.catalog()->kind(node.kind);
        if (!node.details.isEmpty())
            notes << OrchestratorExportText::tr(
                         "stage '%1': %2 (from its source file) are not carried")
                         .arg(node.name, keysOf(node.details));
        if (node.source.isEmpty() || !kind)
            continue;
        if (node.image.isEmpty())
            notes << OrchestratorExportText::tr(
                         "stage '%1' has no image in its source: it runs in its kind's "
                         "default, %2")
                         .arg(node.name, kind->image);
        if (node.command.isEmpty())
            notes << OrchestratorExportText::tr(
                         "stage '%1' has no command in its source: it runs its kind's "
                         "default, %2")
                         .arg(node.name, kind->command.join(u' '));
    }
    for (const PipelineEdge &edge : graph.edges()) {
        const PipelineNode *from = graph.node(edge.from.node);
        const PipelineNode *to = graph.node(edge.to.node);
        if (!edge.condition.isEmpty() && from && to)
            notes << OrchestratorExportText::tr(
                         "the condition '%1' on '%2' after '%3' is not carried: it runs "
                         "when '%3' succeeds")
                         .arg(edge.condition, to->name, from->name);
    }
    return notes;
}

} // namespace

namespace OrchestratorExport {

const QList<TargetInfo> &targets()
{
    static const QList<TargetInfo> all{
        {ExportTarget::Argo, u"argo"_s, u"Argo Workflows"_s},
        {ExportTarget::Airflow, u"airflow"_s, u"Apache Airflow"_s},
        {ExportTarget::GitHubActions, u"github-actions"_s, u"GitHub Actions"_s},
        {ExportTarget::GitLabCi, u"gitlab-ci"_s, u"GitLab CI/CD"_s},
        {ExportTarget::Dvc, u"dvc"_s, u"DVC"_s},
    };
    return all;
}

const TargetInfo &info(ExportTarget target)
{
    return targets().at(qsizetype(target));
}

std::optional<ExportTarget> targetFromId(const QString &id)
{
    for (const TargetInfo &target : targets())
        if (target.id.compare(id, Qt::CaseInsensitive) == 0)
            return target.target;
    return std::nullopt;
}

Result exportPipeline(const PipelineGraph &graph, const QString &title, ExportTarget target)
{
    using Writer = QList<ExportedFile> (*)(const ExportPlan &);
    struct Engine
    {
        ExportNaming naming;
        Writer write;
    };
    const Engine engine = [target]() -> Engine {
        switch (target) {
        case ExportTarget::Argo:
            return {ArgoExport::naming(), ArgoExport::write};
        case ExportTarget::Airflow:
            return {AirflowExport::naming(), AirflowExport::write};
        case ExportTarget::GitHubActions:
            return {GitHubActionsExport::naming(), GitHubActionsExport::write};
        case ExportTarget::GitLabCi:
            return {GitLabCiExport::naming(), GitLabCiExport::write};
        case ExportTarget::Dvc:
            break;
        }
        return {DvcExport::naming(), DvcExport::write};
    }();
    const ExportPlan plan = ExportPlan::build(graph, title, engine.naming);
    if (!plan.ok())
        return {{}, plan.problems, {}};
    return {engine.write(plan), {}, notCarried(graph)};
}

} // namespace OrchestratorExport
