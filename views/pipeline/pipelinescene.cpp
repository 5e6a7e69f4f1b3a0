#include "pipeline/pipelinescene.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelineedgeitem.h"
#include "theme/studiotheme.h"

#include <QGraphicsPathItem>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Room around the content to scroll into, so nodes can be dragged out past the edge.
constexpr double CanvasMargin = 2000;

QString edgeKey(const PipelineEdge &edge)
{
    // U+001F cannot be typed into an id or a port name, so keys never collide.
    const QChar separator(0x1f);
    return edge.from.node + separator + edge.from.port + separator + edge.to.node + separator
           + edge.to.port;
}

} // namespace

PipelineScene::PipelineScene(PipelineGraph *graph, QObject *parent)
    : QGraphicsScene(parent)
    , m_graph(graph)
    , m_theme(StudioTheme::byIdOrDefault(StudioTheme::defaultId()).pipeline)
{
    // A BSP tree keeps hit tests and partial repaints logarithmic in a 5,000-node graph.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBackgroundBrush(m_theme.background);
    resetTextMeasures();
    connect(graph, &PipelineGraph::nodeAdded, this, &PipelineScene::onNodeAdded);
    connect(graph, &PipelineGraph::nodeRemoved, this, &PipelineScene::onNodeRemoved);
    connect(graph, &PipelineGraph::nodeChanged, this, &PipelineScene::onNodeChanged);
    connect(graph, &PipelineGraph::nodeMoved, this, &PipelineScene::onNodeMoved);
    connect(graph, &PipelineGraph::edgeAdded, this, &PipelineScene::onEdgeAdded);
    connect(graph, &PipelineGraph::edgeRemoved, this, &PipelineScene::onEdgeRemoved);
    connect(graph, &PipelineGraph::annotationAdded, this, &PipelineScene::onAnnotationAdded);
    connect(graph, &PipelineGraph::annotationRemoved, this, &PipelineScene::onAnnotationRemoved);
    connect(graph, &PipelineGraph::annotationChanged, this, &PipelineScene::onAnnotationChanged);
    connect(graph, &PipelineGraph::graphReset, this, &PipelineScene::rebuild);
    rebuild();
}

PipelineScene::~PipelineScene()
{
    // Items point at m_theme: delete them while it still exists.
    clear();
}

void PipelineScene::setTheme(const StudioTheme &theme)
{
    m_theme = theme.pipeline;
    m_obstaclesStale = true; // a frame's title band is the theme's height
    setBackgroundBrush(m_theme.background);
    resetTextMeasures();
    for (PipelineNodeItem *item : std::as_const(m_nodes))
        item->themeChanged();
    for (PipelineEdgeItem *item : std::as_const(m_edges))
        item->themeChanged();
    for (PipelineAnnotationItem *item : std::as_const(m_annotations))
        item->themeChanged();
    if (m_wire)
        m_wire->setPen(QPen(m_theme.wire, m_theme.edgeWidth, Qt::DashLine));
    update();
    emit contentChanged();
}

void PipelineScene::resetTextMeasures()
{
    m_text = PipelineTextMeasures{PipelineTextMeasure(m_theme.titleFont),
                                  PipelineTextMeasure(m_theme.metaFont),
                                  PipelineTextMeasure(m_theme.portFont),
                                  PipelineTextMeasure(m_theme.progressFont),
                                  PipelineNodeItem::labelScale(m_theme)};
}

void PipelineScene::rebuild()
{
    m_gesture = Gesture::None;
    m_anchor = nullptr;
    m_resizing = nullptr;
    m_wire = nullptr; // clear() deletes it
    clear();
    m_obstaclesStale = true;
    m_nodes.clear();
    m_edges.clear();
    m_annotations.clear();
    m_nodes.reserve(m_graph->nodes().size());
    m_edges.reserve(m_graph->edges().size());
    for (const PipelineNode &node : m_graph->nodes())
        addNodeItem(node);
    // Frames before edges: an edge keeps off their title bands.
    for (const PipelineAnnotation &annotation : m_graph->annotations())
        addAnnotationItem(annotation);
    for (const PipelineEdge &edge : m_graph->edges())
        addEdgeItem(edge);
    const QRectF content = contentRect();
    setSceneRect(content.adjusted(-CanvasMargin, -CanvasMargin, CanvasMargin, CanvasMargin));
    emit rebuilt();
    emit contentChanged();
}

void PipelineScene::addNodeItem(const PipelineNode &node)
{
    const NodeKind *kind = m_graph->catalog() ? m_graph->catalog()->kind(node.kind) : nullptr;
    auto *item = new PipelineNodeItem(node.id, kind, &m_theme, &m_text);
    item->setPos(node.pos);
    item->setContent(node);
    item->setShowTopicProgress(m_showTopicProgress);
    if (const auto findings = m_findings.constFind(node.id); findings != m_findings.constEnd())
        item->setFindings(*findings);
    if (const auto progress = m_progress.constFind(node.id); progress != m_progress.constEnd())
        item->setTopicProgress(progress->finished, progress->total);
    addItem(item);
    m_nodes.insert(node.id, item);
}

void PipelineScene::addEdgeItem(const PipelineEdge &edge)
{
    PipelineNodeItem *from = m_nodes.value(edge.from.node);
    PipelineNodeItem *to = m_nodes.value(edge.to.node);
    if (!from || !to)
        return;
    auto *item = new PipelineEdgeItem(edge, from, to, &m_theme);
    from->attachEdge(item);
    if (to != from)
        to->attachEdge(item);
    addItem(item);
    m_edges.insert(edgeKey(edge), item);
}

void PipelineScene::addAnnotationItem(const PipelineAnnotation &annotation)
{
    auto *item = new PipelineAnnotationItem(annotation, &m_theme);
    addItem(item);
    m_annotations.insert(annotation.id, item);
}

PipelineEdgeItem *PipelineScene::edgeItem(const PipelineEdge &edge) const
{
    return m_edges.value(edgeKey(edge));
}

QRectF PipelineScene::contentRect() const
{
    QRectF rect;
    for (const PipelineNodeItem *item : m_nodes)
        rect |= item->mapRectToScene(item->rect());
    for (const PipelineAnnotationItem *item : m_annotations)
        rect |= item->annotation().rect;
    return rect;
}

void PipelineScene::growSceneRect(const QRectF &rect)
{
    const QRectF wanted = rect.adjusted(-CanvasMargin, -CanvasMargin, CanvasMargin, CanvasMargin);
    if (!sceneRect().contains(wanted))
        setSceneRect(sceneRect() | wanted);
}

void PipelineScene::obstacleChanged(const QGraphicsItem *item)
{
    if (auto *scene = qobject_cast<PipelineScene *>(item->scene()))
        scene->m_obstaclesStale = true;
}

std::vector<PipelineObstacleIndex::Obstacle>
PipelineScene::obstaclesMeeting(const QRectF &area) const
{
    if (m_obstaclesStale)
        indexObstacles();
    return m_obstacles.meeting(area);
}

void PipelineScene::indexObstacles() const
{
    std::vector<PipelineObstacleIndex::Obstacle> obstacles;
    obstacles.reserve(size_t(m_nodes.size()));
    for (const PipelineNodeItem *node : m_nodes)
        obstacles.push_back({node->rect().translated(node->pos()), node, false});
    for (const PipelineAnnotationItem *frame : m_annotations) {
        if (frame->annotation().kind != PipelineAnnotation::Kind::Group)
            continue;
        const QSizeF band(frame->annotation().rect.width(), m_theme.groupTitleHeight);
        obstacles.push_back({QRectF(frame->pos(), band), frame, true});
    }
    m_obstacles.reset(std::move(obstacles));
    m_obstaclesStale = false;
}

void PipelineScene::rerouteEdgesIn(const QRectF &area)
{
    const QList<QGraphicsItem *> items = this->items(area, Qt::IntersectsItemBoundingRect);
    for (QGraphicsItem *item : items)
        if (item->type() == PipelineEdgeItem::Type)
            static_cast<PipelineEdgeItem *>(item)->reroute();
}

void PipelineScene::rerouteLater(const QRectF &area)
{
    const bool scheduled = !m_rerouteArea.isNull();
    m_rerouteArea |= area;
    if (scheduled)
        return;
    QTimer::singleShot(0, this, [this] {
        const QRectF area = std::exchange(m_rerouteArea, QRectF());
        rerouteEdgesIn(area);
    });
}

void PipelineScene::onNodeAdded(const QString &nodeId)
{
    if (const PipelineNode *node = m_graph->node(nodeId)) {
        addNodeItem(*node);
        growSceneRect(m_nodes.value(nodeId)->sceneBoundingRect());
        rerouteLater(m_nodes.value(nodeId)->sceneBoundingRect());
        emit contentChanged();
    }
}

void PipelineScene::onNodeRemoved(const QString &nodeId)
{
    PipelineNodeItem *item = m_nodes.take(nodeId);
    if (!item)
        return;
    if (m_anchor == item)
        m_anchor = nullptr;
    m_nodeStarts.remove(nodeId);
    // The graph sent edgeRemoved for each edge first; any left are dropped with the node.
    for (PipelineEdgeItem *edge : item->edges()) {
        m_edges.remove(edgeKey(edge->edge()));
        PipelineNodeItem *other = edge->fromItem() == item ? edge->toItem() : edge->fromItem();
        other->detachEdge(edge);
        delete edge;
    }
    delete item;
    m_obstaclesStale = true;
    emit contentChanged();
}

void PipelineScene::onNodeChanged(const QString &nodeId)
{
    PipelineNodeItem *item = m_nodes.value(nodeId);
    const PipelineNode *node = m_graph->node(nodeId);
    if (!item || !node)
        return;
    const NodeKind *kind = m_graph->catalog() ? m_graph->catalog()->kind(node->kind) : nullptr;
    const bool kindChanged = kind != item->kind();
    item->setKind(kind);
    item->setContent(*node);
    if (kindChanged) // another colour, and maybe another height
        emit contentChanged();
}

void PipelineScene::onNodeMoved(const QString &nodeId)
{
    PipelineNodeItem *item = m_nodes.value(nodeId);
    const PipelineNode *node = m_graph->node(nodeId);
    if (!item || !node || item->pos() == node->pos)
        return;
    const QRectF before = item->sceneBoundingRect();
    item->setPos(node->pos);
    for (PipelineEdgeItem *edge : item->edges())
        edge->updatePath(false); // routed with the rest of the batch
    rerouteLater(before | item->sceneBoundingRect());
    growSceneRect(item->sceneBoundingRect());
    emit contentChanged();
}

void PipelineScene::onEdgeAdded(const PipelineEdge &edge)
{
    addEdgeItem(edge);
    emit contentChanged();
}

void PipelineScene::onEdgeRemoved(const PipelineEdge &edge)
{
    PipelineEdgeItem *item = m_edges.take(edgeKey(edge));
    if (!item)
        return;
    item->fromItem()->detachEdge(item);
    item->toItem()->detachEdge(item);
    delete item;
    emit contentChanged();
}

void PipelineScene::onAnnotationAdded(const QString &annotationId)
{
    if (const PipelineAnnotation *annotation = m_graph->annotation(annotationId)) {
        addAnnotationItem(*annotation);
        growSceneRect(annotation->rect);
        emit contentChanged();
    }
}

void PipelineScene::onAnnotationRemoved(const QString &annotationId)
{
    PipelineAnnotationItem *item = m_annotations.take(annotationId);
    if (!item)
        return;
    if (m_anchor == item)
        m_anchor = nullptr;
    if (m_resizing == item) {
        m_resizing = nullptr;
        m_gesture = Gesture::None;
    }
    m_annotationStarts.remove(annotationId);
    delete item;
    m_obstaclesStale = true;
    emit contentChanged();
}

void PipelineScene::onAnnotationChanged(const QString &annotationId)
{
    PipelineAnnotationItem *item = m_annotations.value(annotationId);
    if (const PipelineAnnotation *annotation = m_graph->annotation(annotationId);
        item && annotation) {
        const QRectF before = item->sceneBoundingRect();
        item->setAnnotation(*annotation);
        rerouteLater(before | item->sceneBoundingRect());
        growSceneRect(annotation->rect);
        emit contentChanged();
    }
}

void PipelineScene::setFindings(const QList<PipelineFinding> &findings)
{
    QHash<QString, QList<PipelineFinding>> byNode;
    for (const PipelineFinding &finding : findings)
        if (!finding.nodeId.isEmpty())
            byNode[finding.nodeId] << finding;
    for (auto it = m_findings.cbegin(); it != m_findings.cend(); ++it)
        if (!byNode.contains(it.key()))
            if (PipelineNodeItem *item = m_nodes.value(it.key()))
                item->setFindings({});
    for (auto it = byNode.cbegin(); it != byNode.cend(); ++it)
        if (PipelineNodeItem *item = m_nodes.value(it.key());
            item && m_findings.value(it.key()) != *it)
            item->setFindings(*it);
    m_findings = byNode;
}

void PipelineScene::setShowTopicProgress(bool show)
{
    m_showTopicProgress = show;
    for (PipelineNodeItem *item : std::as_const(m_nodes))
        item->setShowTopicProgress(show);
    emit contentChanged();
}

void PipelineScene::setTopicProgress(const QHash<QString, NodeTopicProgress> &progress)
{
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const NodeTopicProgress shown = progress.value(it.key());
        (*it)->setTopicProgress(shown.finished, shown.total);
    }
    m_progress = progress;
}

std::optional<PipelineScene::PortAt> PipelineScene::portAt(const QPointF &scenePos,
                                                           double tolerance) const
{
    const QRectF around(scenePos - QPointF(tolerance, tolerance),
                        QSizeF(2 * tolerance, 2 * tolerance));
    std::optional<PortAt> best;
    double bestDistance = tolerance + 1;
    for (QGraphicsItem *item : items(around, Qt::IntersectsItemBoundingRect)) {
        const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item);
        if (!node)
            continue;
        if (const auto hit = node->portAt(scenePos, tolerance)) {
            const double distance
                = QLineF(scenePos, node->portScenePos(hit->port, hit->output)).length();
            if (distance < bestDistance) {
                bestDistance = distance;
                best = PortAt{PortRef{node->nodeId(), hit->port}, hit->output};
            }
        }
    }
    return best;
}

QPointF PipelineScene::snapToGrid(const QPointF &scenePos) const
{
    const double grid = m_theme.gridSize;
    return {std::round(scenePos.x() / grid) * grid, std::round(scenePos.y() / grid) * grid};
}

QStringList PipelineScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (const auto *node = qgraphicsitem_cast<PipelineNodeItem *>(item))
            ids << node->nodeId();
    // selectedItems() has no order; callers (copy, delete, tests) get the graph's.
    QStringList ordered;
    for (const PipelineNode &node : m_graph->nodesInOrder(ids))
        ordered << node.id;
    return ordered;
}

QStringList PipelineScene::selectedAnnotationIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (const auto *annotation = qgraphicsitem_cast<PipelineAnnotationItem *>(item))
            ids << annotation->annotationId();
    QStringList ordered;
    for (const PipelineAnnotation &annotation : m_graph->annotationsInOrder(ids))
        ordered << annotation.id;
    return ordered;
}

QList<PipelineEdge> PipelineScene::selectedEdges() const
{
    QList<PipelineEdge> edges;
    for (QGraphicsItem *item : selectedItems())
        if (const auto *edge = qgraphicsitem_cast<PipelineEdgeItem *>(item))
            edges << edge->edge();
    return edges;
}

void PipelineScene::selectAll()
{
    {
        // One selectionChanged for the lot, not one per item.
        const QSignalBlocker blocker(this);
        for (PipelineNodeItem *item : std::as_const(m_nodes))
            item->setSelected(true);
        for (PipelineEdgeItem *item : std::as_const(m_edges))
            item->setSelected(true);
        for (PipelineAnnotationItem *item : std::as_const(m_annotations))
            item->setSelected(true);
    }
    emit selectionChanged();
}

void PipelineScene::selectIds(const QStringList &nodeIds, const QStringList &annotationIds)
{
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        for (const QString &id : nodeIds)
            if (PipelineNodeItem *item = m_nodes.value(id))
                item->setSelected(true);
        for (const QString &id : annotationIds)
            if (PipelineAnnotationItem *item = m_annotations.value(id))
                item->setSelected(true);
    }
    emit selectionChanged();
}
