#include "orchestrator/orchestratorexport.h"

#include "orchestrator/orchestratorwriters.h"

using namespace Qt::StringLiterals;

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
        return {{}, plan.problems};
    return {engine.write(plan), {}};
}

} // namespace OrchestratorExport
