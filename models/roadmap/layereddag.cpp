#include "roadmap/layereddag.h"

#include <QHash>

#include <algorithm>
#include <utility>

namespace {

// Known prerequisites as indices; the first section wins when ids repeat, as lookups do.
QList<QList<int>> knownPrerequisites(const QList<Section> &sections)
{
    QHash<QString, int> indexById;
    for (int i = 0; i < sections.size(); ++i) {
        if (!indexById.contains(sections[i].id))
            indexById.insert(sections[i].id, i);
    }
    QList<QList<int>> result(sections.size());
    for (int i = 0; i < sections.size(); ++i) {
        for (const QString &id : sections[i].prerequisites) {
            const int pre = indexById.value(id, -1);
            if (pre >= 0 && pre != i && !result[i].contains(pre))
                result[i].append(pre);
        }
    }
    return result;
}

// Longest-path layers by a depth-first walk with an explicit stack (a long chain must not
// overflow the call stack). A prerequisite that is still on the stack closes a cycle: skipped.
QList<int> longestPathLayers(const QList<QList<int>> &prerequisites)
{
    enum class State { Unvisited, Active, Done };
    const qsizetype count = prerequisites.size();
    QList<int> layers(count, 0);
    QList<State> states(count, State::Unvisited);
    for (int root = 0; root < count; ++root) {
        if (states[root] != State::Unvisited)
            continue;
        QList<std::pair<int, int>> stack{{root, 0}}; // node, next prerequisite to visit
        states[root] = State::Active;
        while (!stack.isEmpty()) {
            const int node = stack.last().first;
            const int next = stack.last().second++;
            if (next < prerequisites[node].size()) {
                const int pre = prerequisites[node][next];
                if (states[pre] == State::Unvisited) {
                    states[pre] = State::Active;
                    stack.append({pre, 0});
                } else if (states[pre] == State::Done) {
                    layers[node] = std::max(layers[node], layers[pre] + 1);
                }
                continue;
            }
            states[node] = State::Done;
            stack.removeLast();
            if (!stack.isEmpty()) {
                const int parent = stack.last().first;
                layers[parent] = std::max(layers[parent], layers[node] + 1);
            }
        }
    }
    return layers;
}

} // namespace

LayeredDag LayeredDag::build(const QList<Section> &sections)
{
    LayeredDag dag;
    const QList<QList<int>> known = knownPrerequisites(sections);
    dag.layers = longestPathLayers(known);
    dag.prerequisites.resize(sections.size());
    dag.dependents.resize(sections.size());
    // Keeping only edges that go to a later layer drops exactly the cycle-closing ones.
    for (int i = 0; i < sections.size(); ++i) {
        for (const int pre : known[i]) {
            if (dag.layers[pre] < dag.layers[i]) {
                dag.prerequisites[i].append(pre);
                dag.dependents[pre].append(i);
            }
        }
        dag.layerCount = std::max(dag.layerCount, dag.layers[i] + 1);
    }
    return dag;
}
