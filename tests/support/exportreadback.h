#pragma once

#include "orchestrator/orchestratorwriters.h"
#include "pipeline/pipelinegraph.h"
#include "support/exportcheckers.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>

// What the orchestrator export tests read back from an export: its YAML, the plan's step ids
// and the nodes they came from, the files written where the offline checkers can read them.
namespace ExportReadBack {

using namespace Qt::StringLiterals;

// A scalar's text; empty for a key the file leaves out (an empty field is not written).
inline QString text(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.as<std::string>())
                                               : QString();
}

inline QStringList strings(const YAML::Node &list)
{
    QStringList result;
    for (const YAML::Node &item : list)
        result << text(item);
    return result;
}

inline ExportNaming namingOf(ExportTarget target)
{
    switch (target) {
    case ExportTarget::Argo:
        return ArgoExport::naming();
    case ExportTarget::Airflow:
        return AirflowExport::naming();
    case ExportTarget::GitHubActions:
        return GitHubActionsExport::naming();
    case ExportTarget::GitLabCi:
        return GitLabCiExport::naming();
    case ExportTarget::Dvc:
        break;
    }
    return DvcExport::naming();
}

// Step id -> the node it came from, as the plan of that target names them.
inline QHash<QString, PipelineNode>
nodesById(const PipelineGraph &graph, const QString &title, ExportTarget target)
{
    const ExportPlan plan = ExportPlan::build(graph, title, namingOf(target));
    QHash<QString, PipelineNode> nodes;
    for (const ExportStep &step : plan.steps)
        nodes.insert(step.id, *graph.node(step.nodeId));
    return nodes;
}

// The node's parameter values, sorted: what its MLOPS_PARAM_* variables must hold.
inline QStringList parameterValues(const PipelineNode &node)
{
    QStringList values;
    for (const auto &[key, value] : node.parameters)
        values << value;
    values.sort();
    return values;
}

// The jobs of a .gitlab-ci.yml: every top-level key but the global keywords the export writes.
inline QList<std::pair<QString, YAML::Node>> gitlabJobs(const YAML::Node &root)
{
    QList<std::pair<QString, YAML::Node>> jobs;
    for (const auto &entry : root)
        if (text(entry.first) != u"stages"_s)
            jobs.append({text(entry.first), entry.second});
    return jobs;
}

inline QString writeFiles(const QString &dir, const QList<ExportedFile> &files)
{
    for (const ExportedFile &file : files) {
        QFile out(QDir(dir).filePath(file.fileName));
        if (!out.open(QIODevice::WriteOnly) || out.write(file.contents) != file.contents.size())
            return {};
    }
    return QDir(dir).filePath(files.first().fileName);
}

// The export, written to `dir`, passes its engine's checker (with `expectation`, the Airflow
// checker's structure file), and a file beside it passes yamllint.
inline void passesTheCheckers(const OrchestratorExport::Result &result,
                              ExportTarget target,
                              const QString &dir,
                              const QString &expectation = {})
{
    QVERIFY(result.ok());
    const QString main = writeFiles(dir, result.files);
    QVERIFY(!main.isEmpty());
    const CheckerRun check = checkExport(OrchestratorExport::info(target).id, main, expectation);
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    for (const ExportedFile &extra : result.files.mid(1)) {
        const CheckerRun yaml = checkExport(u"yaml"_s, QDir(dir).filePath(extra.fileName));
        QVERIFY2(yaml.exitCode == 0, qPrintable(yaml.output));
    }
}

} // namespace ExportReadBack
