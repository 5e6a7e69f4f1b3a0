#pragma once

#include <QList>
#include <QtGlobal>

#include <utility>

// A pipeline reduced to integers for linear-time analysis: nodes 0..n-1, arcs between them,
// and a bit set of "roles" per node. Answers which roles lie upstream or downstream of each
// node, and which nodes form cycles, in O(nodes + arcs) via Tarjan's strongly connected
// components (iterative: a 5,000-stage chain must not overflow the stack).
class PipelineFlow
{
public:
    using Arc = std::pair<qsizetype, qsizetype>; // from, to
    PipelineFlow(qsizetype nodeCount, const QList<Arc> &arcs);

    // Groups of two or more nodes that reach each other, each sorted by node index, ordered by
    // their first node.
    QList<QList<qsizetype>> cycles() const;
    // For each node, the OR of `roles` over every node it can be reached from (upstream) or
    // can reach (downstream), itself excluded unless it lies on a cycle.
    QList<quint32> upstream(const QList<quint32> &roles) const;
    QList<quint32> downstream(const QList<quint32> &roles) const;

private:
    void findComponents();
    QList<quint32> propagate(const QList<quint32> &roles, bool forward) const;

    QList<qsizetype> m_arcStart; // CSR: successors of n are m_targets[m_arcStart[n] .. n+1)
    QList<qsizetype> m_targets;
    QList<qsizetype> m_sourceStart; // the same for predecessors
    QList<qsizetype> m_sources;
    QList<qsizetype> m_component;      // node -> component, numbered sinks first
    QList<QList<qsizetype>> m_members; // component -> nodes
};
