#pragma once

#include "pipeline/nodetopicprogress.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelineobstacleindex.h"
#include "pipeline/pipelinetextmeasure.h"
#include "pipeline/pipelinevalidator.h"
#include "theme/pipelinetheme.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <optional>

class PipelineAnnotationItem;
class PipelineEdgeItem;
class QGraphicsPathItem;
struct StudioTheme;

// The pipeline canvas: mirrors a PipelineGraph through its signals with an id -> item map (and
// rebuilds on graphReset), shows validation findings and topic progress on the nodes, and turns
// mouse and key gestures into requests. It never changes the graph: the workspace turns each
// request into one undo command, and the graph's signals then update the items.
//
// Moves: items follow the mouse during a drag; on release the scene emits moveRequested once
// and then re-reads the positions from the graph. Connected directly, the workspace has pushed
// its command by then and nothing moves; a request nobody acted on puts the items back where
// the graph has them. The graph stays the truth.
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PipelineScene(PipelineGraph *graph, QObject *parent = nullptr);
    ~PipelineScene() override;

    PipelineGraph *graph() const { return m_graph; }
    void setTheme(const StudioTheme &theme); // uses its "pipeline" part
    const PipelineTheme &theme() const { return m_theme; }

    // Replaces the findings shown: each node gets a badge with its findings' messages.
    void setFindings(const QList<PipelineFinding> &findings);
    // Node id -> topics finished of the node kind's topics; nodes left out show none finished.
    void setTopicProgress(const QHash<QString, NodeTopicProgress> &progress);
    // Whether nodes show the topic progress footer at all (diagram exports leave it out).
    void setShowTopicProgress(bool show);

    PipelineNodeItem *nodeItem(const QString &nodeId) const { return m_nodes.value(nodeId); }
    PipelineEdgeItem *edgeItem(const PipelineEdge &edge) const;
    PipelineAnnotationItem *annotationItem(const QString &annotationId) const
    {
        return m_annotations.value(annotationId);
    }
    // The stages by id, and the notes and frames by id.
    const QHash<QString, PipelineNodeItem *> &nodeItems() const { return m_nodes; }
    const QHash<QString, PipelineAnnotationItem *> &annotationItems() const
    {
        return m_annotations;
    }
    // What an edge routes round: the stages and the frames' title bands that meet `area` (scene
    // units), from an index filled again on first use after one of them changed.
    std::vector<PipelineObstacleIndex::Obstacle> obstaclesMeeting(const QRectF &area) const;
    // Called by a stage or frame whose place, size or scene changed.
    static void obstacleChanged(const QGraphicsItem *item);
    qsizetype nodeItemCount() const { return m_nodes.size(); }
    qsizetype edgeItemCount() const { return m_edges.size(); }
    qsizetype annotationItemCount() const { return m_annotations.size(); }
    QRectF contentRect() const; // nodes and annotations, without margin; empty when empty

    struct PortAt
    {
        PortRef port;
        bool output = false;
    };
    // The port nearest `scenePos` within `tolerance` scene units, over all nodes.
    std::optional<PortAt> portAt(const QPointF &scenePos, double tolerance) const;
    QPointF snapToGrid(const QPointF &scenePos) const;

    QStringList selectedNodeIds() const;
    QStringList selectedAnnotationIds() const;
    QList<PipelineEdge> selectedEdges() const;
    void selectAll();
    void selectIds(const QStringList &nodeIds, const QStringList &annotationIds = {});
    bool isConnecting() const { return m_gesture == Gesture::Connecting; }

    // Routes again every edge that meets `area` (scene units): stages or frames moved there, so
    // an edge may now cut through one or have a shorter way round.
    void rerouteEdgesIn(const QRectF &area);

signals:
    // Node ids, then annotation ids, to their top-left before and after one drag.
    void moveRequested(const QHash<QString, QPointF> &oldPositions,
                       const QHash<QString, QPointF> &newPositions,
                       const QHash<QString, QPointF> &oldAnnotationPositions,
                       const QHash<QString, QPointF> &newAnnotationPositions);
    void connectRequested(const PipelineEdge &edge);
    void connectRefused(const QString &reason); // the graph's edgeProblem()
    // A wire from `port` (an output when `fromOutput`) dropped on the empty canvas.
    void connectDroppedOnEmpty(const PortRef &port, bool fromOutput, const QPointF &scenePos);
    void deleteRequested();
    void quickAddRequested(const QPointF &scenePos);
    void nodeActivated(const QString &nodeId);
    void annotationActivated(const QString &annotationId);
    // The resize grip of a note or frame dragged to `rect` (scene units).
    void annotationResizeRequested(const QString &annotationId, const QRectF &rect);
    void rebuilt();
    void contentChanged(); // items added, removed or moved: the minimap redraws

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    enum class Gesture { None, Pressed, Moving, Connecting, Resizing };

    // Mirroring (pipelinescene.cpp)
    void rebuild();
    void addNodeItem(const PipelineNode &node);
    void addEdgeItem(const PipelineEdge &edge);
    void addAnnotationItem(const PipelineAnnotation &annotation);
    void onNodeAdded(const QString &nodeId);
    void onNodeRemoved(const QString &nodeId);
    void onNodeChanged(const QString &nodeId);
    void onNodeMoved(const QString &nodeId);
    void onEdgeAdded(const PipelineEdge &edge);
    void onEdgeRemoved(const PipelineEdge &edge);
    void onAnnotationAdded(const QString &annotationId);
    void onAnnotationRemoved(const QString &annotationId);
    void onAnnotationChanged(const QString &annotationId);
    void growSceneRect(const QRectF &rect);
    // Graph changes come one item at a time (an arrange moves every stage): the edges round them
    // are routed again once, when control returns to the event loop.
    void rerouteLater(const QRectF &area);
    void resetTextMeasures();
    void indexObstacles() const;

    // Gestures (pipelinescenegestures.cpp)
    QGraphicsItem *gestureItemAt(const QPointF &scenePos) const; // topmost node, annotation or edge
    void beginMove(QGraphicsItem *anchor, const QGraphicsSceneMouseEvent *event);
    void dragMove(const QGraphicsSceneMouseEvent *event);
    void finishMove();
    void addFramedItems(const PipelineAnnotationItem *group);
    PipelineAnnotationItem *resizeHandleAt(const QPointF &scenePos, double scale) const;
    void dragResize(const QGraphicsSceneMouseEvent *event);
    void finishResize();
    void syncPositionsFromGraph(const QStringList &nodeIds, const QStringList &annotationIds);
    void beginConnect(const PortAt &source, const QPointF &scenePos);
    void markPorts();
    void dragWire(const QPointF &scenePos);
    void finishConnect(const QPointF &scenePos, double tolerance);
    void endConnect();
    std::optional<PipelineEdge> candidateEdge(const PortAt &target) const;
    std::optional<PortAt> dropTarget(const QPointF &scenePos, double tolerance) const;

    PipelineGraph *m_graph;
    PipelineTheme m_theme;
    PipelineTextMeasures m_text; // in m_theme's fonts
    QHash<QString, PipelineNodeItem *> m_nodes;
    QHash<QString, PipelineEdgeItem *> m_edges; // by edge key
    QHash<QString, PipelineAnnotationItem *> m_annotations;
    QHash<QString, QList<PipelineFinding>> m_findings;
    QHash<QString, NodeTopicProgress> m_progress;
    bool m_showTopicProgress = true;
    QRectF m_rerouteArea; // waiting for rerouteLater's turn
    mutable PipelineObstacleIndex m_obstacles;
    mutable bool m_obstaclesStale = true;

    Gesture m_gesture = Gesture::None;
    QPointF m_pressScenePos;
    QPoint m_pressScreenPos;
    QGraphicsItem *m_anchor = nullptr;
    QPointF m_anchorStart;
    bool m_selectOnlyOnClick = false; // a click on one of several selected items selects it alone
    QHash<QString, QPointF> m_nodeStarts;
    QHash<QString, QPointF> m_annotationStarts;
    PipelineAnnotationItem *m_resizing = nullptr;
    QSizeF m_resizeStart;
    PortAt m_source;
    QGraphicsPathItem *m_wire = nullptr;
};
