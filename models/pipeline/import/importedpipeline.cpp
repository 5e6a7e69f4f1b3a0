#include "pipeline/import/importedpipeline.h"

#include "curriculum/tooltagger.h"
#include "pipeline/import/stagekindrules.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineImport)
};

// The canvas's node size and the room a group frame leaves around its members.
constexpr double GroupPadding = 24;
constexpr double GroupTitleRoom = 36;

QString chooseKind(const ImportedJob &job, const NodeCatalog &catalog)
{
    if (!job.kind.isEmpty() && catalog.kind(job.kind))
        return job.kind;
    return StageKindRules::builtIn().kindFor(
        {job.name, job.id, job.kindHints.join(u'\n'), job.command.join(u'\n'), job.image}, catalog);
}

QString chooseTool(const ImportedJob &job)
{
    const QString text
        = QStringList{job.kindHints.join(u'\n'), job.command.join(u'\n'), job.image}.join(u'\n');
    return ToolTagger::builtIn().tagsFor(text).value(0);
}

// Names are unique on the canvas (exports turn them into task names): a repeated one gets the
// shortest end of its source id that tells it apart ("iteration-driver (for-loop-16)" rather than
// the whole nesting path), then a number.
QString uniqueName(const ImportedJob &job, QSet<QString> &taken)
{
    QString name = job.name.trimmed().isEmpty() ? job.id : job.name.simplified();
    if (taken.contains(name) && name != job.id) {
        QStringList path = job.id.split(u'/', Qt::SkipEmptyParts);
        if (path.size() > 1 && path.last() == name)
            path.removeLast(); // "outer/inner/name": the name is already said
        for (qsizetype k = 1; k <= path.size(); ++k) {
            const QString candidate
                = u"%1 (%2)"_s.arg(name, QStringList(path.mid(path.size() - k)).join(u'/'));
            if (!taken.contains(candidate) || k == path.size()) {
                name = candidate;
                break;
            }
        }
    }
    const QString base = name;
    for (int k = 2; taken.contains(name); ++k)
        name = u"%1 %2"_s.arg(base).arg(k);
    taken.insert(name);
    return name;
}

// Keys of a job's details and parameters are unique and not empty, as a .mlpipe file requires.
// YAML forbids a repeated key but parsers (yaml-cpp among them) take it: the repeat is kept under
// "key (2)" and said, so nothing is dropped and the pipeline still saves.
void makeKeysUnique(KeyValueList &list, int line, const QString &where, ImportedPipeline &out)
{
    QSet<QString> seen;
    for (auto &[key, value] : list) {
        if (key.isEmpty()) {
            key = ImportText::tr("(no name)");
            out.warn(line, ImportText::tr("%1: a key without a name").arg(where));
        }
        if (seen.contains(key)) {
            const QString base = key;
            for (int k = 2; seen.contains(key); ++k)
                key = u"%1 (%2)"_s.arg(base).arg(k);
            out.warn(line,
                     ImportText::tr("%1: the key '%2' appears more than once; the repeat is kept "
                                    "as '%3'")
                         .arg(where, base, key));
        }
        seen.insert(key);
    }
}

void makeAllKeysUnique(ImportedPipeline &imported)
{
    for (ImportedJob &job : imported.jobs) {
        const QString where = ImportText::tr("job '%1'").arg(job.id);
        makeKeysUnique(job.details, job.line, where, imported);
        makeKeysUnique(job.parameters, job.line, where, imported);
    }
    makeKeysUnique(imported.details, 0, ImportText::tr("the pipeline"), imported);
}

QList<PipelineNode> makeNodes(const ImportedPipeline &imported, const NodeCatalog &catalog)
{
    QList<PipelineNode> nodes;
    nodes.reserve(imported.jobs.size());
    QSet<QString> names;
    const QString format = PipelineImport::formatId(imported.format);
    for (const ImportedJob &job : imported.jobs) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(nodes.size() + 1);
        node.kind = chooseKind(job, catalog);
        node.name = uniqueName(job, names);
        node.tool = chooseTool(job);
        node.image = job.image;
        node.command = job.command;
        node.parameters = job.parameters;
        node.source = {format, job.id, job.line};
        node.details = job.details;
        node.badges = job.badges;
        nodes << node;
    }
    return nodes;
}

QList<PipelineEdge> makeEdges(const ImportedPipeline &imported,
                              const QHash<QString, QString> &nodeOfJob)
{
    QList<PipelineEdge> edges;
    QHash<std::pair<QString, QString>, qsizetype> seen;
    for (const ImportedDependency &dependency : imported.dependencies) {
        const QString from = nodeOfJob.value(dependency.from);
        const QString to = nodeOfJob.value(dependency.to);
        if (from.isEmpty() || to.isEmpty()) {
            const QString missing = from.isEmpty() ? dependency.from : dependency.to;
            const QString other = from.isEmpty() ? dependency.to : dependency.from;
            throw ImportError{
                dependency.line,
                ImportText::tr("'%1' depends on '%2', which is not a job of this file")
                    .arg(other, missing)};
        }
        const auto key = std::pair(from, to);
        if (const auto at = seen.constFind(key); at != seen.cend()) {
            // One edge a pair: a second mention only adds its condition ("A.Failed || A.Errored").
            PipelineEdge &edge = edges[*at];
            if (!dependency.condition.isEmpty() && !edge.condition.contains(dependency.condition))
                edge.condition
                    += (edge.condition.isEmpty() ? u""_s : u" · "_s) + dependency.condition;
            continue;
        }
        seen.insert(key, edges.size());
        edges.append({{from, {}}, {to, {}}, dependency.condition});
    }
    return edges;
}

// Puts each top-level group's jobs in a column of its own, in the groups' order, keeping the
// vertical order the layout found.
void placeInGroupColumns(QList<PipelineNode> &nodes,
                         const ImportedPipeline &imported,
                         const PipelineAutoLayout::Options &options)
{
    QHash<QString, int> column;
    for (const ImportedGroup &group : imported.groups)
        if (group.parent.isEmpty())
            column.insert(group.id, int(column.size()));
    QList<qsizetype> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return std::pair(nodes.at(a).pos.y(), nodes.at(a).pos.x())
               < std::pair(nodes.at(b).pos.y(), nodes.at(b).pos.x());
    });
    QHash<int, int> rows;
    for (const qsizetype n : order) {
        const int c = column.value(imported.jobs.at(n).group, int(column.size()));
        const int row = rows[c]++;
        nodes[n].pos = QPointF(c * (options.nodeSize.width() + options.layerGap),
                               row * (options.nodeSize.height() + options.rowGap));
    }
}

// A frame round each group's members (and its nested groups), innermost first.
QList<PipelineAnnotation> groupFrames(const QList<PipelineNode> &nodes,
                                      const ImportedPipeline &imported,
                                      const PipelineAutoLayout::Options &options)
{
    QHash<QString, QRectF> rects;
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        const QString &group = imported.jobs.at(n).group;
        if (group.isEmpty())
            continue;
        const QRectF rect(nodes.at(n).pos, options.nodeSize);
        rects[group] = rects.value(group).isNull() ? rect : rects.value(group).united(rect);
    }
    QHash<QString, QString> parentOf;
    for (const ImportedGroup &group : imported.groups)
        parentOf.insert(group.id, group.parent);
    // Children before parents: a group's depth is its number of ancestors (bounded by the count).
    const auto depth = [&](const QString &id) {
        int d = 0;
        for (QString at = parentOf.value(id); !at.isEmpty() && d <= parentOf.size(); ++d)
            at = parentOf.value(at);
        return d;
    };
    QList<ImportedGroup> deepestFirst = imported.groups;
    std::stable_sort(deepestFirst.begin(), deepestFirst.end(), [&](const auto &a, const auto &b) {
        return depth(a.id) > depth(b.id);
    });
    QList<PipelineAnnotation> frames;
    for (const ImportedGroup &group : std::as_const(deepestFirst)) {
        if (!rects.contains(group.id))
            continue; // no member: nothing to frame
        const QRectF frame = rects.value(group.id).adjusted(
            -GroupPadding, -GroupPadding - GroupTitleRoom, GroupPadding, GroupPadding);
        if (!group.parent.isEmpty())
            rects[group.parent] = rects.value(group.parent).isNull()
                                      ? frame
                                      : rects.value(group.parent).united(frame);
        frames.append(
            {u"g%1"_s.arg(frames.size() + 1), PipelineAnnotation::Kind::Group, frame, group.title});
    }
    // Parents first in the list, so they are drawn beneath their children.
    std::reverse(frames.begin(), frames.end());
    return frames;
}

} // namespace

PipelineFile::ReadResult
finishImport(ImportedPipeline &imported, const QString &sourcePath, const NodeCatalog &catalog)
{
    QHash<QString, QString> nodeOfJob;
    for (qsizetype j = 0; j < imported.jobs.size(); ++j) {
        const ImportedJob &job = imported.jobs.at(j);
        if (nodeOfJob.contains(job.id))
            throw ImportError{job.line, ImportText::tr("a second job called '%1'").arg(job.id)};
        nodeOfJob.insert(job.id, u"n%1"_s.arg(j + 1));
    }
    makeAllKeysUnique(imported);
    for (const ImportedJob &job : std::as_const(imported.jobs))
        if (!job.kind.isEmpty() && !catalog.kind(job.kind))
            imported.warn(job.line,
                          ImportText::tr("job '%1' names the kind '%2', which is not a stage "
                                         "kind: its kind is chosen from what it runs")
                              .arg(job.id, job.kind));
    PipelineFile::ReadResult result;
    result.nodes = makeNodes(imported, catalog);
    result.edges = makeEdges(imported, nodeOfJob);

    PipelineGraph graph(&catalog);
    graph.reset(result.nodes, result.edges, {});
    const PipelineAutoLayout::Options options;
    const QHash<QString, QPointF> positions = PipelineAutoLayout::layout(graph, options);
    for (PipelineNode &node : result.nodes)
        node.pos = positions.value(node.id, node.pos);
    if (imported.groupColumns)
        placeInGroupColumns(result.nodes, imported, options);
    result.annotations = groupFrames(result.nodes, imported, options);

    result.source = {PipelineImport::formatId(imported.format), sourcePath, imported.details};
    std::stable_sort(imported.warnings.begin(),
                     imported.warnings.end(),
                     [](const auto &a, const auto &b) { return a.line < b.line; });
    result.ok = true;
    return result;
}
