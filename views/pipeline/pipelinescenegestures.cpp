// PipelineScene's mouse and key gestures: select, move, connect, delete, quick add. They emit
// requests; the graph changes only through the workspace's undo commands.
#include "pipeline/pipelinescene.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelineedgerouter.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QToolTip>

namespace {

// A port is easy to grab at any zoom: at least this many pixels around its centre count.
constexpr double PortGrabPixels = 7;

double viewScale(const QWidget *widget)
{
    const auto *view
        = widget ? qobject_cast<const QGraphicsView *>(widget->parentWidget()) : nullptr;
    return view ? std::max(view->transform().m11(), 1e-3) : 1.0;
}

} // namespace

QGraphicsItem *PipelineScene::gestureItemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        switch (item->type()) {
        case PipelineNodeItem::Type:
        case PipelineEdgeItem::Type:
        case PipelineAnnotationItem::Type:
            return item;
        default:
            break;
        }
    }
    return nullptr;
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_gesture != Gesture::None) {
        event->ignore();
        return;
    }
    const QPointF pos = event->scenePos();
    const double tolerance
        = std::max(m_theme.portHitRadius, PortGrabPixels / viewScale(event->widget()));
    if (const std::optional<PortAt> port = portAt(pos, tolerance)) {
        m_pressScreenPos = event->screenPos();
        beginConnect(*port, pos);
        event->accept();
        return;
    }
    if (PipelineAnnotationItem *annotation = resizeHandleAt(pos, viewScale(event->widget()))) {
        m_gesture = Gesture::Resizing;
        m_resizing = annotation;
        m_resizeStart = annotation->annotation().rect.size();
        m_pressScenePos = pos;
        event->accept();
        return;
    }
    QGraphicsItem *item = gestureItemAt(pos);
    if (!item) {
        // Not accepted: the view starts a rubber band (and clears the selection without Ctrl).
        event->ignore();
        return;
    }
    event->accept();
    m_selectOnlyOnClick = false;
    if (event->modifiers() & Qt::ControlModifier) {
        item->setSelected(!item->isSelected());
        if (!item->isSelected())
            return;
    } else if (!item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    } else {
        m_selectOnlyOnClick = true;
    }
    if (item->type() == PipelineEdgeItem::Type) {
        if (m_selectOnlyOnClick) {
            clearSelection();
            item->setSelected(true);
        }
        return;
    }
    beginMove(item, event);
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    switch (m_gesture) {
    case Gesture::Connecting:
        dragWire(event->scenePos());
        event->accept();
        return;
    case Gesture::Pressed:
        if ((event->screenPos() - m_pressScreenPos).manhattanLength()
            < QApplication::startDragDistance())
            return;
        m_gesture = Gesture::Moving;
        [[fallthrough]];
    case Gesture::Moving:
        dragMove(event);
        event->accept();
        return;
    case Gesture::Resizing:
        dragResize(event);
        event->accept();
        return;
    case Gesture::None:
        QGraphicsScene::mouseMoveEvent(event); // hover highlights
        return;
    }
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    switch (m_gesture) {
    case Gesture::Connecting:
        if ((event->screenPos() - m_pressScreenPos).manhattanLength()
            < QApplication::startDragDistance()) {
            // A click on a port: select its node.
            const QString nodeId = m_source.port.node;
            endConnect();
            if (PipelineNodeItem *item = m_nodes.value(nodeId)) {
                clearSelection();
                item->setSelected(true);
            }
            break;
        }
        finishConnect(event->scenePos(),
                      std::max(m_theme.portHitRadius, PortGrabPixels / viewScale(event->widget())));
        break;
    case Gesture::Moving:
        dragMove(event); // where and how (Alt) the button came up decides
        finishMove();
        break;
    case Gesture::Resizing:
        dragResize(event);
        finishResize();
        break;
    case Gesture::Pressed:
        if (m_selectOnlyOnClick && m_anchor) {
            clearSelection();
            m_anchor->setSelected(true);
        }
        m_gesture = Gesture::None;
        break;
    case Gesture::None:
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    m_anchor = nullptr;
    event->accept();
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    event->accept();
    QGraphicsItem *item = gestureItemAt(event->scenePos());
    if (!item) {
        emit quickAddRequested(event->scenePos());
    } else if (const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item)) {
        emit nodeActivated(node->nodeId());
    } else if (const auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item)) {
        emit annotationActivated(annotation->annotationId());
    }
}

void PipelineScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_gesture == Gesture::Connecting) {
        endConnect();
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        && m_gesture == Gesture::None && !selectedItems().isEmpty()) {
        emit deleteRequested();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void PipelineScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    QString text;
    QGraphicsItem *item = gestureItemAt(event->scenePos());
    if (const std::optional<PortAt> port = portAt(event->scenePos(), m_theme.portHitRadius))
        item = m_nodes.value(port->port.node);
    if (const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item)) {
        text = node->toolTipAt(event->scenePos());
    } else if (const auto *edge = qgraphicsitem_cast<PipelineEdgeItem *>(item)) {
        const PipelineEdge &e = edge->edge();
        text = tr("%1.%2 → %3.%4")
                   .arg(edge->fromItem()->name(), e.from.port, edge->toItem()->name(), e.to.port);
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

// Moving -------------------------------------------------------------------------------------

void PipelineScene::beginMove(QGraphicsItem *anchor, const QGraphicsSceneMouseEvent *event)
{
    m_gesture = Gesture::Pressed;
    m_anchor = anchor;
    m_anchorStart = anchor->pos();
    m_pressScenePos = event->scenePos();
    m_pressScreenPos = event->screenPos();
    m_nodeStarts.clear();
    m_annotationStarts.clear();
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        if (const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item))
            m_nodeStarts.insert(node->nodeId(), node->pos());
        else if (const auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item))
            m_annotationStarts.insert(annotation->annotationId(), annotation->pos());
    }
    for (QGraphicsItem *item : selected) {
        const auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item);
        if (annotation && annotation->kind() == PipelineAnnotation::Kind::Group)
            addFramedItems(annotation);
    }
}

// A group frame carries what it frames: the stages whose centre is inside it and the notes
// (and smaller frames) wholly inside, as they were when the drag began.
void PipelineScene::addFramedItems(const PipelineAnnotationItem *group)
{
    const QRectF frame = group->annotation().rect;
    for (QGraphicsItem *item : items(frame, Qt::IntersectsItemBoundingRect)) {
        if (const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item)) {
            if (frame.contains(node->sceneBoundingRect().center())
                && !m_nodeStarts.contains(node->nodeId()))
                m_nodeStarts.insert(node->nodeId(), node->pos());
        } else if (const auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item)) {
            if (annotation != group && frame.contains(annotation->annotation().rect)
                && !m_annotationStarts.contains(annotation->annotationId()))
                m_annotationStarts.insert(annotation->annotationId(), annotation->pos());
        }
    }
}

// Resizing -----------------------------------------------------------------------------------

PipelineAnnotationItem *PipelineScene::resizeHandleAt(const QPointF &scenePos, double scale) const
{
    for (QGraphicsItem *item : selectedItems()) {
        auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item);
        if (annotation && annotation->isOnResizeHandle(scenePos, scale))
            return annotation;
    }
    return nullptr;
}

void PipelineScene::dragResize(const QGraphicsSceneMouseEvent *event)
{
    if (!m_resizing)
        return;
    // The bottom-right corner follows the mouse, on the grid unless Alt is held.
    const QPointF topLeft = m_resizing->pos();
    QPointF corner = topLeft + QPointF(m_resizeStart.width(), m_resizeStart.height())
                     + event->scenePos() - m_pressScenePos;
    if (!(event->modifiers() & Qt::AltModifier))
        corner = snapToGrid(corner);
    const QSizeF minimum = m_resizing->minimumSize();
    const QSizeF size(std::max(corner.x() - topLeft.x(), minimum.width()),
                      std::max(corner.y() - topLeft.y(), minimum.height()));
    m_resizing->previewSize(size);
    growSceneRect(m_resizing->sceneBoundingRect());
    emit contentChanged();
}

void PipelineScene::finishResize()
{
    m_gesture = Gesture::None;
    PipelineAnnotationItem *item = std::exchange(m_resizing, nullptr);
    if (!item)
        return;
    const QString id = item->annotationId();
    const QRectF rect = item->annotation().rect;
    if (rect.size() != m_resizeStart)
        emit annotationResizeRequested(id, rect);
    // The graph is the truth: the item shows the model's size again, changed or not.
    if (const PipelineAnnotation *annotation = m_graph->annotation(id)) {
        if (PipelineAnnotationItem *current = m_annotations.value(id))
            current->setAnnotation(*annotation);
    }
    emit contentChanged();
}

void PipelineScene::dragMove(const QGraphicsSceneMouseEvent *event)
{
    if (!m_anchor) {
        m_gesture = Gesture::None;
        return;
    }
    // The grabbed item snaps to the grid and the others keep their offsets to it.
    QPointF target = m_anchorStart + event->scenePos() - m_pressScenePos;
    if (!(event->modifiers() & Qt::AltModifier))
        target = snapToGrid(target);
    const QPointF delta = target - m_anchorStart;
    QSet<PipelineEdgeItem *> edges;
    QRectF moved;
    for (auto it = m_nodeStarts.cbegin(); it != m_nodeStarts.cend(); ++it) {
        PipelineNodeItem *item = m_nodes.value(it.key());
        if (!item)
            continue;
        item->setPos(*it + delta);
        moved |= item->sceneBoundingRect();
        for (PipelineEdgeItem *edge : item->edges())
            edges.insert(edge);
    }
    for (auto it = m_annotationStarts.cbegin(); it != m_annotationStarts.cend(); ++it) {
        if (PipelineAnnotationItem *item = m_annotations.value(it.key())) {
            item->setPos(*it + delta);
            moved |= item->sceneBoundingRect();
        }
    }
    for (PipelineEdgeItem *edge : std::as_const(edges))
        edge->updatePath();
    // Edges of other stages that the moved ones now stand on go round them (a route's bounding
    // rectangle is wide: only those whose path runs through are routed again).
    const QList<QGraphicsItem *> near = items(moved, Qt::IntersectsItemBoundingRect);
    for (QGraphicsItem *item : near) {
        auto *edge = qgraphicsitem_cast<PipelineEdgeItem *>(item);
        if (edge && !edges.contains(edge) && PipelineEdgeRouter::crosses(edge->path(), {moved}))
            edge->reroute();
    }
    growSceneRect(moved);
    emit contentChanged();
}

void PipelineScene::finishMove()
{
    m_gesture = Gesture::None;
    QHash<QString, QPointF> oldNodes, newNodes, oldAnnotations, newAnnotations;
    for (auto it = m_nodeStarts.cbegin(); it != m_nodeStarts.cend(); ++it) {
        const PipelineNodeItem *item = m_nodes.value(it.key());
        if (item && item->pos() != *it) {
            oldNodes.insert(it.key(), *it);
            newNodes.insert(it.key(), item->pos());
        }
    }
    for (auto it = m_annotationStarts.cbegin(); it != m_annotationStarts.cend(); ++it) {
        const PipelineAnnotationItem *item = m_annotations.value(it.key());
        if (item && item->pos() != *it) {
            oldAnnotations.insert(it.key(), *it);
            newAnnotations.insert(it.key(), item->pos());
        }
    }
    m_nodeStarts.clear();
    m_annotationStarts.clear();
    if (newNodes.isEmpty() && newAnnotations.isEmpty())
        return;
    emit moveRequested(oldNodes, newNodes, oldAnnotations, newAnnotations);
    // The graph is the truth: where the workspace moved nothing, the items go back.
    syncPositionsFromGraph(newNodes.keys(), newAnnotations.keys());
}

void PipelineScene::syncPositionsFromGraph(const QStringList &nodeIds,
                                           const QStringList &annotationIds)
{
    bool changed = false;
    for (const QString &id : nodeIds) {
        PipelineNodeItem *item = m_nodes.value(id);
        const PipelineNode *node = m_graph->node(id);
        if (item && node && item->pos() != node->pos) {
            item->setPos(node->pos);
            item->updateEdges();
            changed = true;
        }
    }
    for (const QString &id : annotationIds) {
        PipelineAnnotationItem *item = m_annotations.value(id);
        const PipelineAnnotation *annotation = m_graph->annotation(id);
        if (item && annotation && item->pos() != annotation->rect.topLeft()) {
            item->setPos(annotation->rect.topLeft());
            changed = true;
        }
    }
    if (changed)
        emit contentChanged();
}

// Connecting ---------------------------------------------------------------------------------

void PipelineScene::beginConnect(const PortAt &source, const QPointF &scenePos)
{
    m_gesture = Gesture::Connecting;
    m_source = source;
    m_wire = new QGraphicsPathItem;
    m_wire->setPen(QPen(m_theme.wire, m_theme.edgeWidth, Qt::DashLine, Qt::RoundCap));
    m_wire->setZValue(PipelineLayer::Wire);
    m_wire->setAcceptedMouseButtons(Qt::NoButton);
    addItem(m_wire);
    markPorts();
    dragWire(scenePos);
}

std::optional<PipelineEdge> PipelineScene::candidateEdge(const PortAt &target) const
{
    // An edge always runs output -> input; a wire dragged from an input runs backwards.
    if (m_source.output)
        return PipelineEdge{m_source.port, target.port};
    return PipelineEdge{target.port, m_source.port};
}

void PipelineScene::markPorts()
{
    using Mark = PipelineNodeItem::PortMark;
    for (PipelineNodeItem *item : std::as_const(m_nodes)) {
        QList<Mark> marks[2];
        for (bool output : {false, true}) {
            for (qsizetype i = 0; i < item->portCount(output); ++i) {
                const PortAt port{PortRef{item->nodeId(), item->portSpec(output, i).name}, output};
                Mark mark = Mark::Incompatible;
                if (port.port == m_source.port && output == m_source.output)
                    mark = Mark::Source;
                else if (output != m_source.output
                         && m_graph->edgeProblem(*candidateEdge(port)).isEmpty())
                    mark = Mark::Compatible;
                marks[output] << mark;
            }
        }
        item->setPortMarks(marks[0], marks[1]);
    }
}

void PipelineScene::dragWire(const QPointF &scenePos)
{
    const PipelineNodeItem *source = m_nodes.value(m_source.port.node);
    if (!m_wire || !source)
        return;
    const QPointF port = source->portScenePos(m_source.port.port, m_source.output);
    const double arrow = m_theme.arrowSize;
    // Drawn output -> input whichever end the drag started from.
    m_wire->setPath(m_source.output
                        ? PipelineEdgeItem::curve(port, scenePos, 0)
                        : PipelineEdgeItem::curve(scenePos, port - QPointF(arrow, 0), 0));
}

std::optional<PipelineScene::PortAt> PipelineScene::dropTarget(const QPointF &scenePos,
                                                               double tolerance) const
{
    if (std::optional<PortAt> port = portAt(scenePos, tolerance))
        return port;
    // Dropped on a node's body: its first port that fits, else its first on the right side (so
    // the refusal names the reason).
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item);
        if (!node)
            continue;
        const bool output = !m_source.output;
        std::optional<PortAt> first;
        for (qsizetype i = 0; i < node->portCount(output); ++i) {
            const PortAt port{PortRef{node->nodeId(), node->portSpec(output, i).name}, output};
            if (m_graph->edgeProblem(*candidateEdge(port)).isEmpty())
                return port;
            if (!first)
                first = port;
        }
        return first;
    }
    return std::nullopt;
}

void PipelineScene::finishConnect(const QPointF &scenePos, double tolerance)
{
    const PortAt source = m_source;
    const std::optional<PortAt> target = dropTarget(scenePos, tolerance);
    endConnect();
    if (!target) {
        emit connectDroppedOnEmpty(source.port, source.output, scenePos);
        return;
    }
    if (target->port == source.port && target->output == source.output)
        return; // a click on a port, or a drag back to where it started
    const PipelineEdge edge = *candidateEdge(*target);
    const QString problem = m_graph->edgeProblem(edge);
    if (problem.isEmpty())
        emit connectRequested(edge);
    else
        emit connectRefused(problem);
}

void PipelineScene::endConnect()
{
    m_gesture = Gesture::None;
    delete m_wire;
    m_wire = nullptr;
    for (PipelineNodeItem *item : std::as_const(m_nodes))
        item->clearPortMarks();
}
