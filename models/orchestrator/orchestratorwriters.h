#pragma once

#include "orchestrator/exportplan.h"
#include "orchestrator/orchestratorexport.h"

// One writer per engine, each in its own file; OrchestratorExport picks one. naming() says how
// the engine names things, write() turns a plan built with that naming into files.
namespace ArgoExport {
ExportNaming naming();
QList<ExportedFile> write(const ExportPlan &plan);
} // namespace ArgoExport

namespace AirflowExport {
ExportNaming naming();
QList<ExportedFile> write(const ExportPlan &plan);
} // namespace AirflowExport

namespace GitHubActionsExport {
ExportNaming naming();
QList<ExportedFile> write(const ExportPlan &plan);
} // namespace GitHubActionsExport

namespace GitLabCiExport {
ExportNaming naming();
QList<ExportedFile> write(const ExportPlan &plan);
} // namespace GitLabCiExport

namespace DvcExport {
ExportNaming naming();
QList<ExportedFile> write(const ExportPlan &plan);
} // namespace DvcExport
