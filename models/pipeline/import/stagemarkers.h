#pragma once

#include <QHash>
#include <QString>

// What the orchestrator exports write about each stage besides the engine's own fields, so that
// importing an export gives back the stages that were drawn (README "Orchestrator export"): the
// stage's name where the engine's job id is a sanitized one, and its catalog kind, which the
// import kind rules could not tell from a generic command. The exporters write them, the
// importers read them as the strongest evidence; a kind the catalog does not know is ignored.
namespace StageMarkers {

// GitHub Actions (job `env`), GitLab CI (job `variables`) and Argo (container `env`).
inline constexpr QStringView NameVariable = u"MLOPS_STEP_NAME";
// GitHub Actions (job `env`) and GitLab CI (job `variables`).
inline constexpr QStringView KindVariable = u"MLOPS_STEP_KIND";
// Argo: an annotation of the template's pod metadata (a Kubernetes annotation key: prefix/name).
inline constexpr QStringView KindAnnotation = u"mlops-studio/kind";
// DVC: keys of a stage's free-form `meta`.
inline constexpr QStringView MetaName = u"name";
inline constexpr QStringView MetaKind = u"kind";

// GitHub evaluates ${{ … }} in a job's `name`; a string literal expression (${{ 'text' }}, a
// quote doubled inside) is the text itself, which is how an export writes a literal "${{". Other
// expressions stay as written: they have no value before a run.
// https://docs.github.com/actions/reference/workflows-and-actions/expressions#literals
QString gitHubLiterals(const QString &text);

// Kubernetes' expansion of a container's env values: "$$" is "$", $(NAME) the value of a
// variable defined earlier in the list, anything else stays as written.
// https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
QString kubernetesExpand(const QString &text, const QHash<QString, QString> &earlier);

// DVC interpolates ${…} in dvc.yaml and reads "\${" as a literal "${".
// https://dvc.org/doc/user-guide/project-structure/dvcyaml-files#templating
QString dvcLiteral(const QString &text);

} // namespace StageMarkers
