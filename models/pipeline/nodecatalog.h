#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What flows along a pipeline edge. An output connects to an input of the same type.
enum class ArtifactType { Dataset, Features, Model, Metrics, Image, Endpoint, Signal };

namespace ArtifactTypes {
QString toString(ArtifactType type); // "Dataset", "Features" … as in the catalog file
std::optional<ArtifactType> fromString(const QString &name);
QStringList names();
} // namespace ArtifactTypes

struct PortSpec
{
    QString name; // unique among a kind's inputs, and among its outputs: "data", "model" …
    ArtifactType type = ArtifactType::Dataset;
    bool required = true; // inputs only: a required input left unconnected is an error
    QString description;  // what flows through it, for tooltips
};

// One ML lifecycle stage a pipeline node can be: its ports, default tool, container and the
// curriculum topics it teaches. Data from curriculum/pipeline-catalog.json, not code.
struct NodeKind
{
    QString id;   // "ingest", "validate-data", "train" …
    QString name; // "Ingest data"
    QString description;
    QString category; // "Data", "Model", "Deploy", "Operate", "Generic"
    QList<PortSpec> inputs;
    QList<PortSpec> outputs;
    QStringList tools;   // choices offered in the property panel, the default first
    QString image;       // default container image
    QStringList command; // default command, as an argv list
    QStringList topics;  // curriculum topic ids this stage teaches
    // Inputs of which at least one must be connected, when each alone is optional (a deploy
    // takes a model or an image; a monitor watches an endpoint or batch predictions).
    QStringList requiresOneOf;
    // Every edge out of this stage starts the pipeline again (a retrain trigger): the one loop a
    // pipeline may have, so validation, Arrange and the orchestrator exports leave it out of the
    // DAG instead of calling it a cycle or a dependency.
    bool feedback = false;

    const PortSpec *input(const QString &portName) const;
    const PortSpec *output(const QString &portName) const;
};

class NodeCatalog
{
public:
    static constexpr QStringView FormatName{u"mlops-studio-node-catalog"};
    static constexpr int FormatVersion = 1;

    static const NodeCatalog &builtIn(); // :/curriculum/pipeline-catalog.json
    // Parses a catalog file; on failure returns nullopt and sets `error` (with the JSON path).
    static std::optional<NodeCatalog> fromJson(const QByteArray &json, QString *error);

    const QList<NodeKind> &kinds() const { return m_kinds; }
    const NodeKind *kind(const QString &kindId) const;
    QStringList kindIds() const;

private:
    QList<NodeKind> m_kinds;
    QHash<QString, qsizetype> m_index; // kind id -> position in m_kinds
};
