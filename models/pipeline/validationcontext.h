#pragma once

#include "pipeline/pipelineflow.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinevalidator.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class NodeCatalog;
struct NodeKind;

// The lifecycle stages the checks reason about, as bits so "is there a registry upstream?" is
// one AND. Kinds the checks do not know (custom catalogs) have no bit.
namespace Role {
inline constexpr quint32 Ingest = 1u << 0;
inline constexpr quint32 ValidateData = 1u << 1;
inline constexpr quint32 Transform = 1u << 2;
inline constexpr quint32 FeatureStore = 1u << 3;
inline constexpr quint32 Train = 1u << 4;
inline constexpr quint32 Tune = 1u << 5;
inline constexpr quint32 Evaluate = 1u << 6;
inline constexpr quint32 Register = 1u << 7;
inline constexpr quint32 CiGate = 1u << 8;
inline constexpr quint32 Package = 1u << 9;
inline constexpr quint32 Deploy = 1u << 10;
inline constexpr quint32 Monitor = 1u << 11;
inline constexpr quint32 Alert = 1u << 12;
inline constexpr quint32 RetrainTrigger = 1u << 13;
inline constexpr quint32 Step = 1u << 14;
quint32 of(const QString &kindId);
} // namespace Role

// What the checks of validatePipeline() share, built once in O(nodes + edges): node indexes,
// kinds and roles, which ports are connected, the arcs the flow analysis follows, and the
// findings so far. Edge errors (missing ports, type mismatches, an input fed twice, a stage
// feeding itself) are found while building it.
class ValidationContext
{
    Q_DECLARE_TR_FUNCTIONS(ValidationContext)

public:
    ValidationContext(const QList<PipelineNode> &nodes,
                      const QList<PipelineEdge> &edges,
                      const NodeCatalog &catalog);

    const QList<PipelineNode> &nodes;
    QList<const NodeKind *> kinds; // nullptr for a kind the catalog lacks
    QList<quint32> roles;
    QList<quint32> successorRoles; // roles of the stages each one feeds directly
    // Every edge between existing ports except feedback edges (out of a kind the catalog marks
    // "feedback", a retrain trigger): the one loop allowed, so the flow analysis must not see it.
    QList<PipelineFlow::Arc> arcs;

    bool isConnected(qsizetype node, const QString &input) const;
    bool isUsed(qsizetype node, const QString &output) const;
    bool hasEdges(qsizetype node) const;

    void add(qsizetype node,
             PipelineFinding::Severity severity,
             const QString &code,
             const QString &topicId,
             const QString &message);
    QList<PipelineFinding> sortedFindings() const;

private:
    void addEdge(const PipelineEdge &edge, QHash<PortRef, int> &inputEdges);
    bool checkPorts(const PipelineEdge &edge, qsizetype from, qsizetype to);

    QHash<QString, qsizetype> m_index;
    QList<QStringList> m_connectedInputs;
    QList<QStringList> m_usedOutputs;
    QList<std::pair<qsizetype, PipelineFinding>> m_findings;
};

// The teaching warnings (pipelinechecks.cpp). `upstream` and `downstream` hold, per node, the
// roles of every stage before and after it.
void checkLifecycle(ValidationContext &context,
                    const QList<quint32> &upstream,
                    const QList<quint32> &downstream);
void checkHygiene(ValidationContext &context);
