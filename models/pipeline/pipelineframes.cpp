#include "pipeline/pipelineframes.h"

#include "pipeline/pipelinegraph.h"

#include <QList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace PipelineFrames {

namespace {

using PipelineAutoLayout::FramePadding;
using PipelineAutoLayout::FrameTitleRoom;

double area(const QRectF &rect)
{
    return rect.width() * rect.height();
}

// The gap between two rects: 0 when they touch or overlap.
double gap(const QRectF &a, const QRectF &b)
{
    const double dx = std::max({0.0, a.left() - b.right(), b.left() - a.right()});
    const double dy = std::max({0.0, a.top() - b.bottom(), b.top() - a.bottom()});
    return std::hypot(dx, dy);
}

QList<const PipelineAnnotation *> frames(const PipelineGraph &graph)
{
    QList<const PipelineAnnotation *> found;
    for (const PipelineAnnotation &annotation : graph.annotations()) {
        if (annotation.kind == PipelineAnnotation::Kind::Group)
            found << &annotation;
    }
    return found;
}

// The smallest frame passing `inside`, other than `self`; the first in the graph's order on a
// tie, so the answer never depends on a hash.
QString smallest(const QList<const PipelineAnnotation *> &candidates,
                 const QString &self,
                 const std::function<bool(const PipelineAnnotation &)> &inside)
{
    QString best;
    double bestArea = std::numeric_limits<double>::max();
    for (const PipelineAnnotation *frame : candidates) {
        if (frame->id != self && inside(*frame) && area(frame->rect) < bestArea) {
            best = frame->id;
            bestArea = area(frame->rect);
        }
    }
    return best;
}

} // namespace

Membership membership(const PipelineGraph &graph, const PipelineAutoLayout::Options &options)
{
    Membership result;
    const QList<const PipelineAnnotation *> all = frames(graph);
    for (const PipelineAnnotation *frame : all) {
        const qsizetype index = graph.indexOfAnnotation(frame->id);
        const QString parent = smallest(all, frame->id, [&](const PipelineAnnotation &other) {
            // Of two frames with the same rect, the later is inside the earlier, not both ways.
            return other.rect.contains(frame->rect)
                   && (other.rect != frame->rect || graph.indexOfAnnotation(other.id) < index);
        });
        // Every frame is named, a top-level one with no parent, so an empty frame is laid out
        // too (as a box of its size) rather than left where stages may land.
        result.clusters.parentOfFrame.insert(frame->id, parent);
    }
    for (const PipelineNode &node : graph.nodes()) {
        const QPointF centre = QRectF(node.pos, options.sizeOf(node)).center();
        const QString frame = smallest(
            all, {}, [&](const PipelineAnnotation &f) { return f.rect.contains(centre); });
        if (!frame.isEmpty())
            result.clusters.frameOfNode.insert(node.id, frame);
    }
    for (const PipelineAnnotation &note : graph.annotations()) {
        if (note.kind != PipelineAnnotation::Kind::Text)
            continue;
        double nearest = std::numeric_limits<double>::max();
        for (const PipelineNode &node : graph.nodes()) {
            const double distance = gap(note.rect, QRectF(node.pos, options.sizeOf(node)));
            if (distance < nearest) {
                nearest = distance;
                result.stageOfNote.insert(note.id, node.id);
            }
        }
    }
    return result;
}

QRectF frameAround(const QRectF &members)
{
    return members.adjusted(
        -FramePadding, -FramePadding - FrameTitleRoom, FramePadding, FramePadding);
}

ItemPositions arrange(const PipelineGraph &graph, const PipelineAutoLayout::Options &options)
{
    const Membership members = membership(graph, options);
    const PipelineAutoLayout::Arrangement arranged
        = PipelineAutoLayout::arrange(graph, members.clusters, options);
    ItemPositions result;
    result.nodes = arranged.nodes;
    result.annotationRects = arranged.frames;
    for (auto it = members.stageOfNote.cbegin(); it != members.stageOfNote.cend(); ++it) {
        const PipelineAnnotation *note = graph.annotation(it.key());
        const PipelineNode *stage = graph.node(it.value());
        const QPointF offset = note->rect.topLeft() - stage->pos;
        result.annotations.insert(note->id, arranged.nodes.value(stage->id) + offset);
    }
    return result;
}

ItemPositions followMove(const PipelineGraph &graph,
                         const ItemPositions &move,
                         const PipelineAutoLayout::Options &options)
{
    const Membership members = membership(graph, options);
    // Where every frame is after the move itself, before any grows.
    QHash<QString, QRectF> rect;
    for (const PipelineAnnotation *frame : frames(graph)) {
        QRectF r = move.annotationRects.value(frame->id, frame->rect);
        if (move.annotations.contains(frame->id))
            r.moveTopLeft(move.annotations.value(frame->id));
        rect.insert(frame->id, r);
    }
    QHash<QString, QRectF> grown;
    const auto grow = [&](QString frame, QRectF needed) {
        for (int depth = 0; !frame.isEmpty() && depth <= rect.size(); ++depth) {
            const QRectF current = grown.value(frame, rect.value(frame));
            const QRectF wanted = current | frameAround(needed);
            if (wanted == current)
                return;
            grown.insert(frame, wanted);
            needed = wanted; // and the parent grows round it, its own title clear of it
            frame = members.clusters.parentOfFrame.value(frame);
        }
    };
    for (auto it = move.nodes.cbegin(); it != move.nodes.cend(); ++it) {
        const PipelineNode *node = graph.node(it.key());
        const QString frame = members.clusters.frameOfNode.value(it.key());
        if (!node || frame.isEmpty() || move.annotations.contains(frame))
            continue; // a frame moved with its members already holds them
        const QRectF landed(it.value(), options.sizeOf(*node));
        if (landed.intersects(grown.value(frame, rect.value(frame))))
            grow(frame, landed);
    }
    ItemPositions result = move;
    for (auto it = grown.cbegin(); it != grown.cend(); ++it)
        result.annotationRects.insert(it.key(), it.value());
    return result;
}

} // namespace PipelineFrames
