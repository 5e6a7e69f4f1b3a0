#include "pipeline/import/importedpipeline.h"

#include "curriculum/tooltagger.h"
#include "pipeline/import/stagekindrules.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineImport)
};

QString chooseKind(const ImportedJob &job, const NodeCatalog &catalog, StageKindRules::Memo &memo)
{
    if (!job.kind.isEmpty() && catalog.kind(job.kind))
        return job.kind;
    return StageKindRules::builtIn().kindFor(
        {job.name, job.id, job.kindHints.join(u'\n'), job.command.join(u'\n'), job.image},
        catalog,
        &memo);
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
    StageKindRules::Memo memo;
    for (const ImportedJob &job : imported.jobs) {
        PipelineNode node;
        node.id = u"n%1"_s.arg(nodes.size() + 1);
        node.kind = chooseKind(job, catalog, memo);
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

// A frame for each group that holds a job (or a group that does), parents first so they are
// drawn beneath their children, with the clusters saying what each frame holds: the layout
// sizes the frames round their members (PipelineAutoLayout::arrange), as Auto-arrange does.
QList<PipelineAnnotation> groupFrames(const QList<PipelineNode> &nodes,
                                      const ImportedPipeline &imported,
                                      PipelineAutoLayout::Clusters *clusters)
{
    QHash<QString, QString> frameOf;
    QHash<QString, QString> parentOf;
    QList<ImportedGroup> groups; // each id once: a reader may name a group twice (the first wins)
    for (const ImportedGroup &group : imported.groups) {
        if (frameOf.contains(group.id))
            continue;
        frameOf.insert(group.id, u"g%1"_s.arg(frameOf.size() + 1));
        parentOf.insert(group.id, group.parent);
        groups << group;
    }
    QSet<QString> used; // groups with a job inside, at any depth
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        const QString &group = imported.jobs.at(n).group;
        if (!frameOf.contains(group))
            continue;
        clusters->frameOfNode.insert(nodes.at(n).id, frameOf.value(group));
        // Up the parents, bounded by the count in case a source nests groups in a loop.
        QString at = group;
        for (int d = 0; frameOf.contains(at) && !used.contains(at) && d <= parentOf.size(); ++d) {
            used.insert(at);
            at = parentOf.value(at);
        }
    }
    const auto depth = [&](const QString &id) {
        int d = 0;
        for (QString at = parentOf.value(id); !at.isEmpty() && d <= parentOf.size(); ++d)
            at = parentOf.value(at);
        return d;
    };
    QList<ImportedGroup> parentsFirst;
    for (const ImportedGroup &group : std::as_const(groups)) {
        if (used.contains(group.id))
            parentsFirst << group;
    }
    std::stable_sort(parentsFirst.begin(), parentsFirst.end(), [&](const auto &a, const auto &b) {
        return depth(a.id) < depth(b.id);
    });
    QList<PipelineAnnotation> frames;
    for (const ImportedGroup &group : std::as_const(parentsFirst)) {
        const QString frame = frameOf.value(group.id);
        frames.append({frame, PipelineAnnotation::Kind::Group, QRectF(), group.title});
        if (used.contains(group.parent))
            clusters->parentOfFrame.insert(frame, frameOf.value(group.parent));
        else if (imported.groupColumns)
            clusters->frameSequence << frame;
    }
    return frames;
}

// The canvas measures a node when it draws it; here only its name is known. A long name wraps
// (up to 8 lines in the node's width), so the estimate errs tall: a little spare room between
// rows rather than stages that overlap.
QSizeF estimatedSize(const PipelineNode &node)
{
    constexpr double Width = 200, Height = 96, LineHeight = 18, CharsPerLine = 22;
    const int lines = std::clamp(int(std::ceil(node.name.size() / CharsPerLine)), 1, 8);
    return QSizeF(Width, Height + (lines - 1) * LineHeight);
}

// The auto-layout of every node, and every frame sized round its members, as Auto-arrange does.
void placeAll(PipelineFile::ReadResult &result,
              const PipelineAutoLayout::Clusters &clusters,
              const NodeCatalog &catalog)
{
    PipelineGraph graph(&catalog);
    graph.reset(result.nodes, result.edges, result.annotations);
    PipelineAutoLayout::Options options;
    options.nodeSizeOf = estimatedSize;
    const PipelineAutoLayout::Arrangement arranged
        = PipelineAutoLayout::arrange(graph, clusters, options);
    for (PipelineNode &node : result.nodes)
        node.pos = arranged.nodes.value(node.id, node.pos);
    for (PipelineAnnotation &frame : result.annotations)
        frame.rect = arranged.frames.value(frame.id);
}

} // namespace

PipelineFile::ReadResult finishImport(ImportedPipeline &imported,
                                      const QString &sourcePath,
                                      const NodeCatalog &catalog,
                                      bool layOut)
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

    PipelineAutoLayout::Clusters clusters;
    result.annotations = groupFrames(result.nodes, imported, &clusters);
    if (layOut)
        placeAll(result, clusters, catalog);

    result.source = {PipelineImport::formatId(imported.format), sourcePath, imported.details};
    std::stable_sort(imported.warnings.begin(),
                     imported.warnings.end(),
                     [](const auto &a, const auto &b) { return a.line < b.line; });
    result.ok = true;
    return result;
}
