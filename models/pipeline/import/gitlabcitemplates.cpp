#include "pipeline/import/gitlabcitemplates.h"

#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace YamlSource;

namespace {

struct GitLabTemplatesText
{
    Q_DECLARE_TR_FUNCTIONS(GitLabCiImport)
};

// Far past any real file (GitLab nests `!reference` 10 levels and `extends` 11); only a hostile
// one gets there, and the stack stays small.
constexpr int MaxDepth = 64;

std::string keyOf(const YAML::Node &key)
{
    return key.IsScalar() ? key.Scalar() : std::string();
}

bool isMergeKey(const YAML::Node &key)
{
    return key.IsScalar() && key.Scalar() == "<<" && key.Tag() != "!";
}

void warnMergeValue(const YAML::Node &value, ImportedPipeline &out)
{
    out.warn(lineOf(value),
             GitLabTemplatesText::tr("a merge key '<<' takes a mapping or a list of mappings; "
                                     "this value is neither and is ignored"));
}

// The entries of `map`, its `<<` merge keys applied (https://yaml.org/type/merge.html): the keys
// of the merged mappings are inserted unless the mapping has them itself, and a mapping earlier
// in a `<<` list wins over a later one. True when the mapping has merge keys.
// `budget` counts the entries visited: merge lists of aliases can repeat a mapping
// exponentially often.
bool collect(const YAML::Node &map,
             std::vector<GitLabCiTemplates::Entry> &entries,
             ImportedPipeline &out,
             int depth,
             GitLabCiTemplates::Budget &budget)
{
    std::vector<YAML::Node> sources;
    std::vector<std::string> explicitKeys;
    for (const auto &entry : map) {
        --budget.left;
        if (!isMergeKey(entry.first)) {
            entries.push_back({entry.first, entry.second});
            explicitKeys.push_back(keyOf(entry.first));
            continue;
        }
        if (isMap(entry.second)) {
            sources.push_back(entry.second);
        } else if (isList(entry.second)) {
            for (const YAML::Node &item : entry.second) {
                if (isMap(item))
                    sources.push_back(item);
                else
                    warnMergeValue(item, out);
            }
        } else {
            warnMergeValue(entry.second, out);
        }
    }
    if (sources.empty())
        return entries.size() != map.size();
    if (depth > MaxDepth || budget.left <= 0) {
        if (!std::exchange(budget.said, true))
            out.warn(lineOf(map),
                     GitLabTemplatesText::tr("merge keys '<<' nested too deep or repeated too "
                                             "often to follow: the rest are ignored"));
        return true;
    }
    std::unordered_set<std::string> taken(explicitKeys.cbegin(), explicitKeys.cend());
    for (const YAML::Node &source : sources) {
        std::vector<GitLabCiTemplates::Entry> merged;
        collect(source, merged, out, depth + 1, budget);
        for (const GitLabCiTemplates::Entry &entry : merged) {
            if (!entry.key.IsScalar() || taken.insert(entry.key.Scalar()).second)
                entries.push_back(entry);
        }
    }
    return true;
}

QString referenceText(const YAML::Node &tagged)
{
    QStringList path;
    if (isList(tagged))
        for (const YAML::Node &item : tagged)
            path << (item.IsScalar() ? scalar(item) : brief(item, 80));
    return u"!reference [%1]"_s.arg(path.join(u", "_s));
}

} // namespace

std::vector<GitLabCiTemplates::Entry> GitLabCiTemplates::topLevel(const YAML::Node &document,
                                                                  ImportedPipeline &out)
{
    std::vector<Entry> entries;
    Budget budget;
    if (isMap(document))
        collect(document, entries, out, 0, budget);
    return entries;
}

GitLabCiTemplates::GitLabCiTemplates(const std::vector<Entry> &entries, ImportedPipeline &out)
    : m_sink(YAML::NodeType::Sequence)
    , m_out(out)
{
    std::unordered_set<qint64> seen;
    for (const Entry &entry : entries) {
        m_document.push_back(entry.value);
        if (entry.key.IsScalar())
            m_index[entry.key.Scalar()].reset(entry.value);
        noteFeatures(entry.value, seen, 0);
    }
}

// Which of the two passes have anything to do: a file without merge keys inside its values and
// without `!reference` tags (most files) is read as it is, without a memo of every node.
// A node of the file is looked at once, by its position (an alias has its anchor's).
void GitLabCiTemplates::noteFeatures(const YAML::Node &node,
                                     std::unordered_set<qint64> &seen,
                                     int depth)
{
    if (!node.IsDefined() || !(node.IsMap() || node.IsSequence()))
        return;
    if (depth > MaxDepth) { // the passes say where they stop: let them run
        m_hasMerges = m_hasReferences = true;
        return;
    }
    m_hasReferences = m_hasReferences || node.Tag() == "!reference";
    const qint64 at = qint64(node.Mark().pos) * 8 + int(node.Type()); // as memoKey()
    if ((m_hasMerges && m_hasReferences) || !seen.insert(at).second)
        return;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            noteFeatures(item, seen, depth + 1);
        return;
    }
    for (const auto &entry : node) {
        m_hasMerges = m_hasMerges || isMergeKey(entry.first);
        noteFeatures(entry.second, seen, depth + 1);
    }
}

// A built node has no position in the file: its tag carries a number of its own instead, so that
// it is expanded once however many times it is shared.
YAML::Node GitLabCiTemplates::newNode(YAML::NodeType::value type)
{
    if (!m_document.empty()) {
        // The document's nodes join the sink's memory once, before the first node is built.
        for (const YAML::Node &value : m_document)
            m_sink.push_back(value);
        m_document.clear();
    }
    YAML::Node node(type);
    node.SetTag(BuiltTag + std::to_string(++m_built));
    m_sink.push_back(node);
    return node;
}

std::optional<GitLabCiTemplates::MemoKey> GitLabCiTemplates::memoKey(const YAML::Node &node,
                                                                     Pass pass)
{
    if (!node.Mark().is_null()) // a node of the file: its position, shared by its aliases
        return MemoKey{pass, node.Mark().pos, -1, int(node.Type())};
    const std::string &tag = node.Tag();
    if (tag.size() <= BuiltTag.size() || tag.compare(0, BuiltTag.size(), BuiltTag) != 0)
        return std::nullopt;
    return MemoKey{pass, -1, std::atoi(tag.c_str() + BuiltTag.size()), int(node.Type())};
}

YAML::Node GitLabCiTemplates::expand(const YAML::Node &node)
{
    m_cycle = false;
    return expandAt(expandAt(node, Pass::Merges, 0), Pass::References, 0);
}

// One pass over a value: its merge keys, or else its `!reference` tags (GitLab resolves these
// after `extends`, so the first pass leaves them be).
YAML::Node GitLabCiTemplates::expandAt(const YAML::Node &node, Pass pass, int depth)
{
    if (!node.IsDefined() || !(node.IsMap() || node.IsSequence()))
        return node;
    if ((pass == Pass::Merges && !m_hasMerges) || (pass == Pass::References && !m_hasReferences))
        return node;
    if (depth > MaxDepth) {
        m_out.warn(lineOf(node),
                   GitLabTemplatesText::tr("nested too deep to resolve its merge keys and "
                                           "!reference tags: kept as written"));
        return node;
    }
    const std::optional<MemoKey> key = memoKey(node, pass);
    const bool remembered = key.has_value();
    if (remembered) {
        if (const auto at = m_expanded.find(*key); at != m_expanded.cend()) {
            if (at->second.first == State::Expanding)
                m_cycle = true;
            return at->second.second;
        }
        m_expanded.emplace(*key, std::pair(State::Expanding, node));
    }
    const bool tagged = node.Tag() == "!reference";
    const YAML::Node expanded = tagged && pass == Pass::Merges ? node
                                : tagged                       ? reference(node, depth)
                                : node.IsMap()                 ? expandMap(node, pass, depth)
                                                               : expandList(node, pass, depth);
    if (remembered) {
        auto &slot = m_expanded.at(*key);
        slot.first = State::Expanded;
        slot.second.reset(expanded); // rebinds; `=` would rewrite the source node itself
    }
    return expanded;
}

YAML::Node GitLabCiTemplates::expandMap(const YAML::Node &map, Pass pass, int depth)
{
    std::vector<Entry> entries;
    bool changed = false;
    if (pass == Pass::Merges)
        changed = collect(map, entries, m_out, depth, m_collectBudget);
    else
        for (const auto &entry : map)
            entries.push_back({entry.first, entry.second});
    for (Entry &entry : entries) {
        const YAML::Node value = expandAt(entry.value, pass, depth + 1);
        changed = changed || !value.is(entry.value);
        entry.value.reset(value);
    }
    if (!changed)
        return map;
    YAML::Node expanded = newNode(YAML::NodeType::Map);
    for (const Entry &entry : entries)
        expanded.force_insert(entry.key, entry.value);
    return expanded;
}

// A `!reference` inside a list puts the list it names in its place: GitLab flattens the nesting
// (https://docs.gitlab.com/ci/yaml/yaml_optimization/#reference-tags).
YAML::Node GitLabCiTemplates::expandList(const YAML::Node &list, Pass pass, int depth)
{
    std::vector<YAML::Node> items;
    bool changed = false;
    for (const YAML::Node &item : list) {
        const YAML::Node value = expandAt(item, pass, depth + 1);
        if (pass == Pass::References && item.Tag() == "!reference" && isList(value)) {
            for (const YAML::Node &spliced : value)
                items.push_back(spliced);
            changed = true;
            continue;
        }
        changed = changed || !value.is(item);
        items.push_back(value);
    }
    if (!changed)
        return list;
    YAML::Node expanded = newNode(YAML::NodeType::Sequence);
    for (const YAML::Node &item : items)
        expanded.push_back(item);
    return expanded;
}

// `!reference [.job, key, …]`: the value under those keys of a top-level entry of this file, as
// it is after `extends`. What it names elsewhere (an included file) cannot be read: the tag stays
// as text.
YAML::Node GitLabCiTemplates::reference(const YAML::Node &tagged, int depth)
{
    const QString text = referenceText(tagged);
    const YAML::Node asText(text.toStdString());
    std::vector<std::string> path;
    for (const YAML::Node &item : tagged)
        path.push_back(item.IsScalar() ? item.Scalar() : std::string());
    if (path.size() < 2 || std::find(path.cbegin(), path.cend(), std::string()) != path.cend()) {
        m_out.warn(lineOf(tagged),
                   GitLabTemplatesText::tr("%1 should name a job and one or more of its keys: "
                                           "kept as text")
                       .arg(text));
        return asText;
    }
    YAML::Node target = extended(path.front(), 0).first;
    for (std::size_t k = 1; k < path.size() && target.IsDefined(); ++k)
        target.reset(member(target, path[k].c_str()));
    if (!target.IsDefined()) {
        m_out.warn(lineOf(tagged),
                   GitLabTemplatesText::tr("%1 names what is not in this file (an included file "
                                           "may have it): kept as text")
                       .arg(text));
        return asText;
    }
    const bool wasCycle = std::exchange(m_cycle, false);
    const YAML::Node resolved = expandAt(target, Pass::References, depth + 1);
    if (std::exchange(m_cycle, wasCycle)) {
        m_out.warn(lineOf(tagged),
                   GitLabTemplatesText::tr("%1 refers to itself: kept as text").arg(text));
        return asText;
    }
    return resolved;
}

// GitLab's merge for `extends`: mappings are merged key by key, deeply; a list or a scalar of
// `over` replaces the one of `base`
// (https://docs.gitlab.com/ci/yaml/yaml_optimization/#merge-details).
YAML::Node GitLabCiTemplates::deepMerge(const YAML::Node &base, const YAML::Node &over, int depth)
{
    if (!isMap(base) || !isMap(over) || depth > MaxDepth || m_mergeBudget <= 0)
        return over;
    std::unordered_map<std::string, Entry> overrides;
    for (const auto &entry : over)
        if (entry.first.IsScalar())
            overrides.try_emplace(entry.first.Scalar(), Entry{entry.first, entry.second});
    std::unordered_set<std::string> used;
    YAML::Node merged = newNode(YAML::NodeType::Map);
    for (const auto &entry : base) {
        --m_mergeBudget;
        const auto at
            = entry.first.IsScalar() ? overrides.find(entry.first.Scalar()) : overrides.end();
        if (at == overrides.end()) {
            merged.force_insert(entry.first, entry.second);
            continue;
        }
        used.insert(at->first);
        merged.force_insert(at->second.key, deepMerge(entry.second, at->second.value, depth + 1));
    }
    for (const auto &entry : over) {
        --m_mergeBudget;
        if (!entry.first.IsScalar() || !used.erase(entry.first.Scalar()))
            merged.force_insert(entry.first, entry.second);
    }
    return merged;
}

std::pair<YAML::Node, int> GitLabCiTemplates::resolved(const std::string &name)
{
    const auto [body, height] = extended(name, 0);
    m_cycle = false;
    return {expandAt(body, Pass::References, 0), height};
}

// `extends: [.a, .b]`: .a, then .b over it, then the job's own keys over both; each template
// with its own `extends` resolved first (https://docs.gitlab.com/ci/yaml/#extends).
std::pair<YAML::Node, int> GitLabCiTemplates::extended(const std::string &name, int depth)
{
    if (const auto at = m_resolved.find(name); at != m_resolved.cend() && at->second.done)
        return {at->second.body, at->second.height};
    const auto at = m_index.find(name);
    if (at == m_index.cend())
        return {YAML::Node(YAML::NodeType::Undefined), 0};
    const YAML::Node body = expandAt(at->second, Pass::Merges, 0);
    const YAML::Node extends = member(body, "extends");
    if (!isMap(body) || !extends.IsDefined() || extends.IsNull()) {
        m_resolved.emplace(name, Resolution{body, 0, true});
        return {body, 0};
    }
    const QString job = QString::fromStdString(name);
    const int line = lineOf(extends);
    if (depth > MaxDepth) {
        m_out.warn(line,
                   GitLabTemplatesText::tr("'%1': 'extends' nested too deep to follow").arg(job));
        return {body, 0};
    }
    if (!extends.IsScalar() && !extends.IsSequence())
        m_out.warn(
            line,
            GitLabTemplatesText::tr("'%1': 'extends' takes a name or a list of names").arg(job));
    m_resolving.insert(name);
    YAML::Node merged;
    int height = 0;
    for (const QString &parentName : scalarOrList(extends)) {
        const std::string parent = parentName.toStdString();
        if (!has(parent)) {
            m_out.warn(line,
                       GitLabTemplatesText::tr("'%1' extends '%2', which is not in this file (an "
                                               "included file may define it): what it holds is "
                                               "missing here")
                           .arg(job, parentName));
            continue;
        }
        if (m_resolving.count(parent)) {
            m_out.warn(line,
                       GitLabTemplatesText::tr("'%1' extends '%2', which extends it in turn: a "
                                               "cycle, not followed")
                           .arg(job, parentName));
            continue;
        }
        const auto [parentBody, parentHeight] = extended(parent, depth + 1);
        if (!isMap(parentBody)) {
            m_out.warn(line,
                       GitLabTemplatesText::tr("'%1' extends '%2', which is not a mapping: ignored")
                           .arg(job, parentName));
            continue;
        }
        merged.reset(merged.IsDefined() && !merged.IsNull() ? deepMerge(merged, parentBody, 0)
                                                            : parentBody);
        height = std::max(height, parentHeight + 1);
    }
    m_resolving.erase(name);
    const YAML::Node result
        = merged.IsDefined() && !merged.IsNull() ? deepMerge(merged, body, 0) : body;
    m_resolved.emplace(name, Resolution{result, height, true});
    return {result, height};
}
