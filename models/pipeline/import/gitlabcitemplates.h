#pragma once

#include "pipeline/import/importedpipeline.h"

#include <QString>

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

// The ways a GitLab CI file reuses its own configuration, resolved the way GitLab does before the
// jobs are read, in GitLab's order: YAML merge keys (`<<: *defaults`, which the YAML tree leaves
// as a plain key named "<<", as yaml-cpp 0.7 does) when the YAML is read, then `extends:`, then
// `!reference [.job, key, …]` tags, which so name what a job has after its `extends`.
// https://docs.gitlab.com/ci/yaml/yaml_optimization/
//
// Nothing here changes the parsed document: what is resolved is built as new nodes that share
// the unchanged parts. Each node is expanded once (a node of the file is remembered by its
// position, which an alias shares with its anchor; a built one by a number in its tag), so an
// alias bomb costs no more than the file's own size.
//
// Two traps of yaml-cpp 0.7 shape this code. `a = b` on a node that is bound rewrites the node
// `a` refers to (and so every alias of it, and the document): nodes are rebound with reset(),
// never assigned. And each new node has its own memory, which absorbs the whole memory of any
// node put into it: new nodes are made in the memory of a sink that took in the document once,
// so building costs nothing per document node.
class GitLabCiTemplates
{
public:
    struct Entry
    {
        YAML::Node key;
        YAML::Node value;
    };
    // How many map entries the merge keys may still bring in, whatever the aliases.
    struct Budget
    {
        qint64 left = 200000;
        bool said = false;
    };

    // The top-level entries of `document` in file order, `<<` merge keys applied: hidden
    // templates, the pipeline's own keywords and the jobs alike.
    static std::vector<Entry> topLevel(const YAML::Node &document, ImportedPipeline &out);

    // `entries`: what topLevel() gave; the last entry of a repeated name wins, as in GitLab.
    GitLabCiTemplates(const std::vector<Entry> &entries, ImportedPipeline &out);

    bool has(const std::string &name) const { return m_index.count(name) > 0; }
    // A value with its merge keys and `!reference` tags resolved.
    YAML::Node expand(const YAML::Node &node);
    // The body of the top-level entry `name` with `extends` merged in and its tags resolved; with
    // the number of `extends` levels it stands on (GitLab takes up to 11).
    std::pair<YAML::Node, int> resolved(const std::string &name);

private:
    enum class State { Expanding, Expanded };
    enum class Pass { Merges, References };
    // A node's pass, position in the file (or -1), number as a built node (or -1) and type.
    using MemoKey = std::tuple<Pass, int, int, int>;
    static inline const std::string BuiltTag = "!mlops-studio-built:";
    struct Resolution
    {
        YAML::Node body;
        int height = 0;
        bool done = false;
    };

    void noteFeatures(const YAML::Node &node, std::unordered_set<qint64> &seen, int depth);
    YAML::Node newNode(YAML::NodeType::value type);
    static std::optional<MemoKey> memoKey(const YAML::Node &node, Pass pass);
    YAML::Node expandMap(const YAML::Node &map, Pass pass, int depth);
    YAML::Node expandList(const YAML::Node &list, Pass pass, int depth);
    YAML::Node expandAt(const YAML::Node &node, Pass pass, int depth);
    YAML::Node reference(const YAML::Node &tagged, int depth);
    YAML::Node deepMerge(const YAML::Node &base, const YAML::Node &over, int depth);
    std::pair<YAML::Node, int> extended(const std::string &name, int depth);

    YAML::Node m_sink;                  // holds every node built here, in the document's memory
    std::vector<YAML::Node> m_document; // the top-level values, until the sink takes them in
    bool m_hasMerges = false;           // a `<<` key inside a top-level value
    bool m_hasReferences = false;       // a `!reference` tag
    std::unordered_map<std::string, YAML::Node> m_index; // top-level name -> value as written
    // By pass, source position and node type: an alias is the node of its anchor, at its position.
    std::map<MemoKey, std::pair<State, YAML::Node>> m_expanded;
    int m_built = 0; // nodes built so far
    std::unordered_map<std::string, Resolution> m_resolved;
    std::unordered_set<std::string> m_resolving;
    bool m_cycle = false;          // set when an expansion reached a node it was expanding
    qint64 m_mergeBudget = 200000; // map entries deepMerge may visit, whatever the aliases
    Budget m_collectBudget;
    ImportedPipeline &m_out;
};
