#include "pipeline/validationcontext.h"

#include "pipeline/nodecatalog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

using Severity = PipelineFinding::Severity;

quint32 Role::of(const QString &kindId)
{
    static const QHash<QString, quint32> roles{{u"ingest"_s, Ingest},
                                               {u"validate-data"_s, ValidateData},
                                               {u"transform"_s, Transform},
                                               {u"feature-store"_s, FeatureStore},
                                               {u"train"_s, Train},
                                               {u"tune"_s, Tune},
                                               {u"evaluate"_s, Evaluate},
                                               {u"register"_s, Register},
                                               {u"ci-gate"_s, CiGate},
                                               {u"package"_s, Package},
                                               {u"deploy"_s, Deploy},
                                               {u"monitor"_s, Monitor},
                                               {u"alert"_s, Alert},
                                               {u"retrain-trigger"_s, RetrainTrigger},
                                               {u"step"_s, Step}};
    return roles.value(kindId, 0);
}

ValidationContext::ValidationContext(const QList<PipelineNode> &nodes,
                                     const QList<PipelineEdge> &edges,
                                     const NodeCatalog &catalog)
    : nodes(nodes)
    , kinds(nodes.size(), nullptr)
    , roles(nodes.size(), 0)
    , successorRoles(nodes.size(), 0)
    , m_connectedInputs(nodes.size())
    , m_usedOutputs(nodes.size())
{
    m_index.reserve(nodes.size());
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        const PipelineNode &node = nodes.at(n);
        m_index.insert(node.id, n);
        kinds[n] = catalog.kind(node.kind);
        roles[n] = Role::of(node.kind);
        if (!kinds[n])
            add(n,
                Severity::Error,
                u"unknown-kind"_s,
                u"ai-ml-lifecycle"_s,
                tr("The catalog has no stage kind '%1'.").arg(node.kind));
    }
    QHash<PortRef, int> inputEdges;
    inputEdges.reserve(edges.size());
    arcs.reserve(edges.size());
    for (const PipelineEdge &edge : edges)
        addEdge(edge, inputEdges);
}

bool ValidationContext::checkPorts(const PipelineEdge &edge, qsizetype from, qsizetype to)
{
    const PortSpec *output = kinds[from] ? kinds[from]->output(edge.from.port) : nullptr;
    const PortSpec *input = kinds[to] ? kinds[to]->input(edge.to.port) : nullptr;
    if (!output || !input) {
        const bool outputMissing = !output;
        add(outputMissing ? from : to,
            Severity::Error,
            u"missing-port"_s,
            u"ai-ml-lifecycle"_s,
            outputMissing ? tr("An edge uses the output '%1', which this stage does not have.")
                                .arg(edge.from.port)
                          : tr("An edge uses the input '%1', which this stage does not have.")
                                .arg(edge.to.port));
        return false;
    }
    if (output->type != input->type) {
        add(to,
            Severity::Error,
            u"port-type-mismatch"_s,
            u"ai-ml-lifecycle"_s,
            tr("The %1 output '%2' of '%3' cannot feed the %4 input '%5': an edge carries one "
               "kind of artifact, and this input expects %4.")
                .arg(ArtifactTypes::toString(output->type),
                     edge.from.port,
                     nodes.at(from).name,
                     ArtifactTypes::toString(input->type),
                     edge.to.port));
    }
    return true;
}

void ValidationContext::addEdge(const PipelineEdge &edge, QHash<PortRef, int> &inputEdges)
{
    const qsizetype from = m_index.value(edge.from.node, -1);
    const qsizetype to = m_index.value(edge.to.node, -1);
    if (from < 0 || to < 0)
        return; // PipelineGraph and PipelineFile never keep an edge to a missing node
    if (edge.isOrdering()) {
        // "Runs after": no port, no type, so it stands for any of the ports (isConnected()).
        m_connectedInputs[to].append(QString());
        m_usedOutputs[from].append(QString());
    } else if (!checkPorts(edge, from, to)) {
        return;
    } else {
        m_connectedInputs[to].append(edge.to.port);
        m_usedOutputs[from].append(edge.from.port);
    }
    successorRoles[from] |= roles[to];
    if (!edge.isOrdering() && ++inputEdges[edge.to] == 2) {
        add(to,
            Severity::Error,
            u"input-taken"_s,
            u"data-pipelines"_s,
            tr("The input '%1' has more than one edge: an input takes one. Merge the data in a "
               "stage before it.")
                .arg(edge.to.port));
    }
    if (from == to) {
        add(from,
            Severity::Error,
            u"cycle"_s,
            u"data-pipelines"_s,
            tr("This stage feeds itself: a pipeline runs as a DAG and this would never finish."));
    } else if (!kinds[from]->feedback) {
        arcs.append({from, to});
    }
}

// The empty name is an ordering edge's end, which may carry what any port would.
bool ValidationContext::isConnected(qsizetype node, const QString &input) const
{
    const QStringList &inputs = m_connectedInputs.at(node);
    return inputs.contains(input) || inputs.contains(QString());
}

bool ValidationContext::isUsed(qsizetype node, const QString &output) const
{
    const QStringList &outputs = m_usedOutputs.at(node);
    return outputs.contains(output) || outputs.contains(QString());
}

bool ValidationContext::hasEdges(qsizetype node) const
{
    return !m_connectedInputs.at(node).isEmpty() || !m_usedOutputs.at(node).isEmpty();
}

void ValidationContext::add(qsizetype node,
                            Severity severity,
                            const QString &code,
                            const QString &topicId,
                            const QString &message)
{
    m_findings.append({node, {severity, nodes.at(node).id, message, topicId, code}});
}

QList<PipelineFinding> ValidationContext::sortedFindings() const
{
    auto sorted = m_findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return std::tuple(a.second.severity, a.first, a.second.code)
               < std::tuple(b.second.severity, b.first, b.second.code);
    });
    QList<PipelineFinding> findings;
    findings.reserve(sorted.size());
    for (const auto &entry : sorted)
        findings.append(entry.second);
    return findings;
}
