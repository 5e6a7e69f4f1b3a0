#include "pipeline/pipelineflow.h"

#include <algorithm>

namespace {

// Compressed adjacency: one flat array of neighbours plus where each node's run starts.
void buildCsr(qsizetype nodeCount,
              const QList<PipelineFlow::Arc> &arcs,
              bool forward,
              QList<qsizetype> &start,
              QList<qsizetype> &neighbours)
{
    start.fill(0, nodeCount + 1);
    for (const auto &[from, to] : arcs)
        ++start[(forward ? from : to) + 1];
    for (qsizetype n = 0; n < nodeCount; ++n)
        start[n + 1] += start[n];
    QList<qsizetype> next = start;
    neighbours.resize(arcs.size());
    for (const auto &[from, to] : arcs)
        neighbours[next[forward ? from : to]++] = forward ? to : from;
}

} // namespace

PipelineFlow::PipelineFlow(qsizetype nodeCount, const QList<Arc> &arcs)
{
    buildCsr(nodeCount, arcs, true, m_arcStart, m_targets);
    buildCsr(nodeCount, arcs, false, m_sourceStart, m_sources);
    findComponents();
}

void PipelineFlow::findComponents()
{
    const qsizetype count = m_arcStart.size() - 1;
    QList<qsizetype> order(count, -1), low(count, 0);
    QList<bool> onStack(count, false);
    QList<qsizetype> stack;
    QList<std::pair<qsizetype, qsizetype>> calls; // node, next arc to follow
    m_component.fill(-1, count);
    qsizetype counter = 0;
    for (qsizetype root = 0; root < count; ++root) {
        if (order[root] >= 0)
            continue;
        calls.append({root, m_arcStart[root]});
        order[root] = low[root] = counter++;
        stack.append(root);
        onStack[root] = true;
        while (!calls.isEmpty()) {
            auto &[node, arc] = calls.last();
            if (arc < m_arcStart[node + 1]) {
                const qsizetype next = m_targets[arc++];
                if (order[next] < 0) {
                    order[next] = low[next] = counter++;
                    stack.append(next);
                    onStack[next] = true;
                    calls.append({next, m_arcStart[next]});
                } else if (onStack[next]) {
                    low[node] = std::min(low[node], order[next]);
                }
                continue;
            }
            const qsizetype finished = node;
            calls.removeLast();
            if (!calls.isEmpty())
                low[calls.last().first] = std::min(low[calls.last().first], low[finished]);
            if (low[finished] != order[finished])
                continue;
            QList<qsizetype> members;
            qsizetype member = -1;
            do {
                member = stack.takeLast();
                onStack[member] = false;
                m_component[member] = m_members.size();
                members.append(member);
            } while (member != finished);
            m_members.append(members);
        }
    }
}

QList<QList<qsizetype>> PipelineFlow::cycles() const
{
    QList<QList<qsizetype>> result;
    for (QList<qsizetype> members : m_members) {
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end());
        result.append(members);
    }
    std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        return a.first() < b.first();
    });
    return result;
}

QList<quint32> PipelineFlow::propagate(const QList<quint32> &roles, bool forward) const
{
    // Components are numbered sinks first, so walking them in that order sees every
    // successor before its predecessors (downstream); the reverse order serves upstream.
    const qsizetype componentCount = m_members.size();
    QList<quint32> own(componentCount, 0), reach(componentCount, 0);
    for (qsizetype n = 0; n < roles.size(); ++n)
        own[m_component[n]] |= roles[n];
    const QList<qsizetype> &start = forward ? m_arcStart : m_sourceStart;
    const QList<qsizetype> &neighbours = forward ? m_targets : m_sources;
    for (qsizetype i = 0; i < componentCount; ++i) {
        const qsizetype c = forward ? i : componentCount - 1 - i;
        for (const qsizetype n : m_members[c]) {
            for (qsizetype arc = start[n]; arc < start[n + 1]; ++arc) {
                const qsizetype other = m_component[neighbours[arc]];
                if (other != c)
                    reach[c] |= reach[other] | own[other];
            }
        }
        if (m_members[c].size() > 1)
            reach[c] |= own[c];
    }
    QList<quint32> result(roles.size(), 0);
    for (qsizetype n = 0; n < roles.size(); ++n)
        result[n] = reach[m_component[n]];
    return result;
}

QList<quint32> PipelineFlow::upstream(const QList<quint32> &roles) const
{
    return propagate(roles, false);
}

QList<quint32> PipelineFlow::downstream(const QList<quint32> &roles) const
{
    return propagate(roles, true);
}
