#include "pipeline/pipelineautolayout.h"

#include "pipeline/layeredgraph.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"

#include <QList>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace PipelineAutoLayout {

namespace {

using LayeredGraph::Adjacency;
using LayeredGraph::Dag;

void sortUnique(Adjacency &arcs)
{
    for (QList<qsizetype> &targets : arcs) {
        std::sort(targets.begin(), targets.end());
        targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    }
}

// Boxes (nodes, or frames laid out already) and the arcs between them, ready for layering.
struct Boxes
{
    QList<QSizeF> sizes;
    Adjacency arcs;
};

// Centres of one layer's boxes: each as near its predecessors' mean as the order and the
// spacing allow. Pushing down from the top and up from the bottom gives two valid placements;
// their mean is valid too and favours neither end. A dummy needs less room than a box.
void placeLayer(const QList<qsizetype> &layer,
                const Adjacency &predecessors,
                const QList<QSizeF> &sizes,
                qsizetype boxes,
                double gap,
                QList<double> *y)
{
    const qsizetype k = layer.size();
    const auto step = [&](qsizetype i) { // from the centre of layer[i - 1] to that of layer[i]
        const qsizetype a = layer.at(i - 1);
        const qsizetype b = layer.at(i);
        const double room = a >= boxes || b >= boxes ? gap / 2 : gap;
        return (sizes.at(a).height() + sizes.at(b).height()) / 2 + room;
    };
    QList<double> wanted(k);
    double stacked = 0;
    for (qsizetype i = 0; i < k; ++i) {
        if (i > 0)
            stacked += step(i);
        const QList<qsizetype> &near = predecessors.at(layer.at(i));
        double sum = 0;
        for (const qsizetype u : near)
            sum += y->at(u);
        wanted[i] = near.isEmpty() ? stacked : sum / near.size();
    }
    QList<double> down(wanted);
    for (qsizetype i = 1; i < k; ++i)
        down[i] = std::max(wanted.at(i), down.at(i - 1) + step(i));
    QList<double> up(wanted);
    for (qsizetype i = k - 2; i >= 0; --i)
        up[i] = std::min(wanted.at(i), up.at(i + 1) - step(i + 1));
    for (qsizetype i = 0; i < k; ++i)
        (*y)[layer.at(i)] = (down.at(i) + up.at(i)) / 2;
}

// The widest (or tallest) a drawing may be and still fit a slide (issue 15).
constexpr double MaxSlideAspect = 3;

// How many columns a band: the count whose drawing comes nearest the target aspect (on a log
// scale, so 2:1 and 1:2 are equally far from 1:1) among those that fit a slide (at most 3:1
// either way), when any does; ties go to fewer bands.
qsizetype columnsPerBand(const QList<double> &columnWidth,
                         const QList<double> &top,
                         const QList<double> &bottom,
                         const Options &options)
{
    const qsizetype layers = columnWidth.size();
    if (options.targetAspect <= 0 || layers <= 1)
        return std::max<qsizetype>(layers, 1);
    const double target = std::log(options.targetAspect);
    qsizetype best = layers;
    double bestDistance = std::numeric_limits<double>::max();
    for (qsizetype k = layers; k >= 1; --k) {
        double width = 0, height = 0;
        for (qsizetype first = 0; first < layers; first += k) {
            double bandWidth = 0, bandTop = std::numeric_limits<double>::max(),
                   bandBottom = std::numeric_limits<double>::lowest();
            for (qsizetype l = first; l < std::min(layers, first + k); ++l) {
                bandWidth += columnWidth.at(l) + (l > first ? options.layerGap : 0);
                bandTop = std::min(bandTop, top.at(l));
                bandBottom = std::max(bandBottom, bottom.at(l));
            }
            width = std::max(width, bandWidth);
            height += bandBottom - bandTop + (first > 0 ? 2 * options.rowGap : 0);
        }
        const double aspect = std::log(width / std::max(height, 1.0));
        const bool fitsSlide = std::abs(aspect) <= std::log(MaxSlideAspect);
        // Past any count that fits, one that does not is never chosen.
        const double distance = std::abs(aspect - target) + (fitsSlide ? 0 : 1000);
        if (distance < bestDistance - 1e-9) {
            best = k;
            bestDistance = distance;
        }
    }
    return best;
}

// Top-left corners of the boxes, the drawing's top-left at (0, 0).
QList<QPointF> placeBoxes(const Boxes &input, const Options &options)
{
    const qsizetype boxes = input.sizes.size();
    if (boxes == 0)
        return {};
    QList<QSizeF> sizes = input.sizes;
    Dag dag = LayeredGraph::withoutBackArcs(input.arcs);

    // A layer may be as tall as a drawing of the target aspect holding every box would be.
    double area = 0, tallest = 0;
    for (const QSizeF &size : std::as_const(sizes)) {
        area += (size.width() + options.layerGap) * (size.height() + options.rowGap);
        tallest = std::max(tallest, size.height());
    }
    const double maxHeight = options.targetAspect > 0
                                 ? std::max(tallest, std::sqrt(area / options.targetAspect))
                                 : std::numeric_limits<double>::max();
    const QList<qsizetype> layerOf
        = LayeredGraph::addDummies(dag, LayeredGraph::cappedLayers(dag, sizes, maxHeight), sizes);

    LayeredGraph::Ordering ordering(dag, layerOf);
    for (int i = 0; i < options.sweeps; ++i)
        ordering.sweep();
    const QList<QList<qsizetype>> &layers = ordering.layers();

    QList<double> y(sizes.size(), 0); // centres
    for (const QList<qsizetype> &layer : layers)
        placeLayer(layer, dag.predecessors, sizes, boxes, options.rowGap, &y);

    const qsizetype layerCount = layers.size();
    QList<double> columnWidth(layerCount, 0);
    QList<double> top(layerCount, std::numeric_limits<double>::max());
    QList<double> bottom(layerCount, std::numeric_limits<double>::lowest());
    for (qsizetype l = 0; l < layerCount; ++l) {
        for (const qsizetype v : layers.at(l)) {
            columnWidth[l] = std::max(columnWidth.at(l), sizes.at(v).width());
            top[l] = std::min(top.at(l), y.at(v) - sizes.at(v).height() / 2);
            bottom[l] = std::max(bottom.at(l), y.at(v) + sizes.at(v).height() / 2);
        }
    }
    const qsizetype perBand = columnsPerBand(columnWidth, top, bottom, options);

    QList<QPointF> positions(boxes);
    double bandY = 0;
    for (qsizetype first = 0; first < layerCount; first += perBand) {
        const qsizetype end = std::min(layerCount, first + perBand);
        double bandTop = std::numeric_limits<double>::max();
        double bandBottom = std::numeric_limits<double>::lowest();
        for (qsizetype l = first; l < end; ++l) {
            bandTop = std::min(bandTop, top.at(l));
            bandBottom = std::max(bandBottom, bottom.at(l));
        }
        double x = 0;
        for (qsizetype l = first; l < end; ++l) {
            for (const qsizetype v : layers.at(l)) {
                if (v < boxes)
                    positions[v] = QPointF(x, bandY + y.at(v) - sizes.at(v).height() / 2 - bandTop);
            }
            x += columnWidth.at(l) + options.layerGap;
        }
        bandY += bandBottom - bandTop + 2 * options.rowGap;
    }
    return positions;
}

// The frames of `clusters` as a tree: which boxes each frame (or the top, "") holds.
struct Tree
{
    QStringList frames;             // every clustered frame, parents before children
    QHash<QString, QString> parent; // frame -> enclosing frame, "" at the top
    QHash<QString, QStringList> frameChildren;
    QHash<QString, QList<qsizetype>> nodeChildren;
    QHash<QString, int> depth;
};

Tree makeTree(const PipelineGraph &graph, const Clusters &clusters)
{
    Tree tree;
    QSet<QString> named; // frames the clusters mention, as members or as holders
    for (auto it = clusters.parentOfFrame.cbegin(); it != clusters.parentOfFrame.cend(); ++it)
        named << it.key() << it.value();
    for (const QString &frame : clusters.frameOfNode)
        named << frame;
    for (const QString &frame : clusters.frameSequence)
        named << frame;
    QSet<QString> known;
    for (const PipelineAnnotation &annotation : graph.annotations()) {
        if (annotation.kind == PipelineAnnotation::Kind::Group && named.contains(annotation.id))
            known.insert(annotation.id);
    }
    // A parent that is not a known frame, or a chain that loops, puts the frame at the top.
    const auto depthOf = [&](const QString &frame) {
        int d = 0;
        for (QString at = clusters.parentOfFrame.value(frame); !at.isEmpty();
             at = clusters.parentOfFrame.value(at)) {
            if (!known.contains(at) || ++d > known.size())
                return -1;
        }
        return d;
    };
    for (const PipelineAnnotation &annotation : graph.annotations()) {
        if (!known.contains(annotation.id))
            continue;
        const int d = depthOf(annotation.id);
        tree.frames << annotation.id;
        tree.depth.insert(annotation.id, std::max(d, 0));
        tree.parent.insert(annotation.id,
                           d > 0 ? clusters.parentOfFrame.value(annotation.id) : QString());
    }
    std::stable_sort(tree.frames.begin(), tree.frames.end(), [&](const auto &a, const auto &b) {
        return tree.depth.value(a) < tree.depth.value(b);
    });
    for (const QString &frame : std::as_const(tree.frames))
        tree.frameChildren[tree.parent.value(frame)] << frame;
    for (qsizetype n = 0; n < graph.nodes().size(); ++n) {
        const QString frame = clusters.frameOfNode.value(graph.nodes().at(n).id);
        tree.nodeChildren[known.contains(frame) ? frame : QString()] << n;
    }
    return tree;
}

// A container's boxes (the top level's, or a frame's): its frames (by index into
// frameChildren) then its nodes, and where placeBoxes put them.
struct Container
{
    QStringList frames;
    QList<qsizetype> nodes;
    Boxes boxes;
    QList<QPointF> positions;
};

// Every container, with the arcs between its boxes.
struct Compound
{
    QHash<QString, Container> containers;
    QHash<QString, qsizetype> boxOfFrame; // index in its parent's container
    QList<qsizetype> boxOfNode;
};

// Each edge joins two boxes of the innermost container holding both ends.
void joinBoxes(Compound &compound,
               const PipelineGraph &graph,
               const Tree &tree,
               const Clusters &clusters)
{
    const QList<PipelineNode> &nodes = graph.nodes();
    // Every node's frames from the top down, to find the pair of boxes an edge joins.
    QList<QStringList> lineage(nodes.size());
    for (qsizetype n = 0; n < nodes.size(); ++n) {
        for (QString at = clusters.frameOfNode.value(nodes.at(n).id); tree.parent.contains(at);
             at = tree.parent.value(at))
            lineage[n].prepend(at);
    }
    for (const PipelineEdge &edge : graph.edges()) {
        const qsizetype from = graph.indexOfNode(edge.from.node);
        const qsizetype to = graph.indexOfNode(edge.to.node);
        if (from < 0 || to < 0 || from == to || isFeedbackEdge(graph, edge))
            continue;
        const QStringList &a = lineage.at(from);
        const QStringList &b = lineage.at(to);
        qsizetype shared = 0;
        while (shared < a.size() && shared < b.size() && a.at(shared) == b.at(shared))
            ++shared;
        Container &container = compound.containers[shared == 0 ? QString() : a.at(shared - 1)];
        const qsizetype u = shared < a.size() ? compound.boxOfFrame.value(a.at(shared))
                                              : compound.boxOfNode.at(from);
        const qsizetype v = shared < b.size() ? compound.boxOfFrame.value(b.at(shared))
                                              : compound.boxOfNode.at(to);
        if (u != v)
            container.boxes.arcs[u] << v;
    }
    Container &top = compound.containers[QString()];
    for (qsizetype i = 1; i < clusters.frameSequence.size(); ++i) {
        const QString &before = clusters.frameSequence.at(i - 1);
        const QString &after = clusters.frameSequence.at(i);
        if (tree.parent.contains(before) && tree.parent.contains(after)
            && tree.parent.value(before).isEmpty() && tree.parent.value(after).isEmpty())
            top.boxes.arcs[compound.boxOfFrame.value(before)] << compound.boxOfFrame.value(after);
    }
}

Compound makeCompound(const PipelineGraph &graph, const Tree &tree, const Clusters &clusters)
{
    Compound compound;
    const auto containerOf = [&](const QString &frame) {
        Container &c = compound.containers[frame];
        c.frames = tree.frameChildren.value(frame);
        c.nodes = tree.nodeChildren.value(frame);
        c.boxes.sizes.resize(c.frames.size() + c.nodes.size());
        c.boxes.arcs.resize(c.frames.size() + c.nodes.size());
    };
    containerOf(QString());
    for (const QString &frame : tree.frames)
        containerOf(frame);
    compound.boxOfNode.resize(graph.nodes().size());
    for (auto it = compound.containers.cbegin(); it != compound.containers.cend(); ++it) {
        for (qsizetype i = 0; i < it->frames.size(); ++i)
            compound.boxOfFrame.insert(it->frames.at(i), i);
        for (qsizetype i = 0; i < it->nodes.size(); ++i)
            compound.boxOfNode[it->nodes.at(i)] = it->frames.size() + i;
    }
    joinBoxes(compound, graph, tree, clusters);
    return compound;
}

// Innermost frames first: each is laid out, then measured, then a box of its parent. The size of
// each frame.
QHash<QString, QSizeF> layOutContainers(Compound &compound,
                                        const PipelineGraph &graph,
                                        const Tree &tree,
                                        const Options &options)
{
    QHash<QString, QSizeF> frameSize;
    const auto layOut = [&](const QString &frame) {
        Container &c = compound.containers[frame];
        for (qsizetype i = 0; i < c.frames.size(); ++i)
            c.boxes.sizes[i] = frameSize.value(c.frames.at(i));
        for (qsizetype i = 0; i < c.nodes.size(); ++i)
            c.boxes.sizes[c.frames.size() + i] = options.sizeOf(graph.nodes().at(c.nodes.at(i)));
        sortUnique(c.boxes.arcs);
        c.positions = placeBoxes(c.boxes, options);
        if (frame.isEmpty())
            return;
        QRectF content;
        for (qsizetype i = 0; i < c.positions.size(); ++i)
            content |= QRectF(c.positions.at(i), c.boxes.sizes.at(i));
        const PipelineAnnotation *annotation = graph.annotation(frame);
        frameSize.insert(frame,
                         c.positions.isEmpty() && annotation
                             ? annotation->rect.size()
                             : QSizeF(content.width() + 2 * FramePadding,
                                      content.height() + 2 * FramePadding + FrameTitleRoom));
    };
    for (auto it = tree.frames.crbegin(); it != tree.frames.crend(); ++it)
        layOut(*it);
    layOut(QString());
    return frameSize;
}

// The old top-left corner, in whole units so arranging twice moves nothing.
QPointF keptOrigin(const PipelineGraph &graph, const Tree &tree)
{
    QPointF origin(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    const auto include = [&origin](const QPointF &p) {
        origin = QPointF(std::min(origin.x(), p.x()), std::min(origin.y(), p.y()));
    };
    for (const PipelineNode &node : graph.nodes())
        include(node.pos);
    for (const QString &frame : tree.frames)
        include(graph.annotation(frame)->rect.topLeft());
    return {std::round(origin.x()), std::round(origin.y())};
}

} // namespace

QSizeF Options::sizeOf(const PipelineNode &node) const
{
    const QSizeF size = nodeSizeOf ? nodeSizeOf(node) : QSizeF();
    return size.isValid() && !size.isEmpty() ? size : nodeSize;
}

bool isFeedbackEdge(const PipelineGraph &graph, const PipelineEdge &edge)
{
    const PipelineNode *from = graph.node(edge.from.node);
    const NodeKind *kind = from ? graph.catalog()->kind(from->kind) : nullptr;
    return kind && kind->feedback;
}

Arrangement arrange(const PipelineGraph &graph, const Clusters &clusters, const Options &options)
{
    const QList<PipelineNode> &nodes = graph.nodes();
    const Tree tree = makeTree(graph, clusters);
    if (nodes.isEmpty() && tree.frames.isEmpty())
        return {};
    Compound compound = makeCompound(graph, tree, clusters);
    const QHash<QString, QSizeF> frameSize = layOutContainers(compound, graph, tree, options);

    Arrangement result;
    result.nodes.reserve(nodes.size());
    const auto place = [&](const QString &frame, const QPointF &at, const auto &self) -> void {
        const Container &c = compound.containers[frame];
        for (qsizetype i = 0; i < c.frames.size(); ++i) {
            const QPointF corner = at + c.positions.at(i);
            const QPointF rounded(std::round(corner.x()), std::round(corner.y()));
            result.frames.insert(c.frames.at(i), QRectF(rounded, frameSize.value(c.frames.at(i))));
            self(c.frames.at(i),
                 corner + QPointF(FramePadding, FramePadding + FrameTitleRoom),
                 self);
        }
        for (qsizetype i = 0; i < c.nodes.size(); ++i) {
            const QPointF corner = at + c.positions.at(c.frames.size() + i);
            result.nodes.insert(nodes.at(c.nodes.at(i)).id,
                                QPointF(std::round(corner.x()), std::round(corner.y())));
        }
    };
    place(QString(), keptOrigin(graph, tree), place);
    return result;
}

QHash<QString, QPointF> layout(const PipelineGraph &graph, const Options &options)
{
    return arrange(graph, {}, options).nodes;
}

} // namespace PipelineAutoLayout
