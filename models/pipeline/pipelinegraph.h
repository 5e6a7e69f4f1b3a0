#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class NodeCatalog;

// Where an imported node came from (README "Pipeline files", "source"); empty for a stage drawn
// in the app. Lets a user go back to the source and a script match nodes to it.
struct NodeSource
{
    QString format; // "github-actions", "gitlab-ci", "argo", "dvc", "tekton", "kubeflow"
    QString id;     // the job id, task or stage name as written in the source
    int line = 0;   // 1-based line where it is defined; 0 when unknown

    bool isEmpty() const { return format.isEmpty(); }
    bool operator==(const NodeSource &) const = default;
};

using KeyValueList = QList<std::pair<QString, QString>>;

struct PipelineNode
{
    QString id;   // unique in the graph; stable, never shown ("n1", "n2" …)
    QString kind; // a NodeCatalog kind id
    QString name; // what the user calls it; unique among nodes (a validation error otherwise)
    QPointF pos;  // top-left on the canvas, scene units
    QString tool;
    QString image;
    QStringList command;     // argv
    KeyValueList parameters; // ordered key / value pairs
    QString notes;
    NodeSource source;
    // What an imported node had that the stage fields cannot hold ("runs-on", "if", "steps" …),
    // in source order, shown read-only in the property panel; empty for drawn stages.
    KeyValueList details;
    QStringList badges; // short marks drawn on the node: "matrix ×6", "manual", "loop"

    bool operator==(const PipelineNode &) const = default;
};

struct PortRef
{
    QString node; // node id
    QString port; // port name
    bool operator==(const PortRef &) const = default;
};

// A data edge joins an output port to an input port of the same artifact type. An ordering
// edge (both ports empty) only says "after": a dependency of an imported pipeline that carries
// no typed data (a `needs`, `runAfter`, `dependencies`); port rules do not apply to it.
struct PipelineEdge
{
    PortRef from;      // an output port
    PortRef to;        // an input port
    QString condition; // ordering edges: when it is followed ("Failed", "A.Succeeded || B")

    PipelineEdge() = default;
    PipelineEdge(PortRef from, PortRef to, QString condition = {})
        : from(std::move(from))
        , to(std::move(to))
        , condition(std::move(condition))
    {}
    bool isOrdering() const { return from.port.isEmpty() && to.port.isEmpty(); }
    bool operator==(const PipelineEdge &) const = default;
};

// Ports and edges as hash keys, with no key strings to build.
inline size_t qHash(const PortRef &ref, size_t seed = 0)
{
    return qHashMulti(seed, ref.node, ref.port);
}
inline size_t qHash(const PipelineEdge &edge, size_t seed = 0)
{
    return qHashMulti(seed, edge.from.node, edge.from.port, edge.to.node, edge.to.port);
}

struct PipelineAnnotation
{
    enum class Kind { Text, Group };
    QString id;
    Kind kind = Kind::Text;
    QRectF rect;
    QString text; // the note, or the group frame's title
    bool operator==(const PipelineAnnotation &) const = default;
};

// Where an imported pipeline came from, and what it had beyond its nodes (triggers, variables,
// what the import could not follow): shown on the canvas, kept in the file.
struct PipelineSource
{
    QString format; // as NodeSource::format
    QString path;   // the file it was imported from, as given
    KeyValueList details;

    bool isEmpty() const { return format.isEmpty(); }
    bool operator==(const PipelineSource &) const = default;
};

// The pipeline document's data: nodes, edges, annotations. The one source of truth: the canvas
// mirrors it through the signals, undo commands change it through the setters, the file format
// and the exporters read it. It knows the catalog only to check port types when connecting.
class PipelineGraph : public QObject
{
    Q_OBJECT

public:
    explicit PipelineGraph(const NodeCatalog *catalog, QObject *parent = nullptr);

    const NodeCatalog *catalog() const { return m_catalog; }

    const QList<PipelineNode> &nodes() const { return m_nodes; }
    // In no meaningful order: removing an edge moves the last one into its place (O(1)).
    const QList<PipelineEdge> &edges() const { return m_edges; }
    const QList<PipelineAnnotation> &annotations() const { return m_annotations; }
    const PipelineNode *node(const QString &nodeId) const;
    const PipelineAnnotation *annotation(const QString &annotationId) const;
    // Positions in nodes(), edges(), annotations(); -1 when absent. O(1).
    qsizetype indexOfNode(const QString &nodeId) const;
    qsizetype indexOfEdge(const PipelineEdge &edge) const;
    qsizetype indexOfAnnotation(const QString &annotationId) const;
    QList<PipelineEdge> edgesOf(const QString &nodeId) const; // in and out
    // The distinct ids the graph has, as items in the graph's order (unknown ids are skipped).
    QList<PipelineNode> nodesInOrder(const QStringList &nodeIds) const;
    QList<PipelineAnnotation> annotationsInOrder(const QStringList &annotationIds) const;
    bool isEmpty() const { return m_nodes.isEmpty() && m_annotations.isEmpty(); }
    const PipelineSource &source() const { return m_source; }

    // A fresh id ("n<k>" / "a<k>") not used in this graph.
    QString newNodeId() const;
    QString newAnnotationId() const;
    // `base`, or "base 2", "base 3" … whichever no node has yet.
    QString uniqueNodeName(const QString &base) const;

    // Adding a node whose id is taken, or of a kind the catalog lacks, fails (returns false).
    bool addNode(const PipelineNode &node);
    // The same at a position in nodes() (undo puts a removed node back where it was).
    bool insertNode(qsizetype index, const PipelineNode &node);
    // Removes the node and every edge touching it (edgeRemoved is sent for each first).
    bool removeNode(const QString &nodeId);
    // Replaces the node with the same id (not its position: see moveNode). Its kind cannot
    // change here, since its edges name the kind's ports: see changeNodeKind.
    bool updateNode(const PipelineNode &node);
    // updateNode() that may also give the node another kind the catalog knows. Edges are left
    // as they are: the caller (ChangeNodeKindCommand) first removes those the new kind's ports
    // cannot hold, so undo can put them back.
    bool changeNodeKind(const PipelineNode &node);
    bool moveNode(const QString &nodeId, const QPointF &pos);

    // Why `edge` cannot be added, or an empty string when it can: unknown node or port, an
    // input to an output, incompatible artifact types, a self-loop, a duplicate, or an input
    // that already has an edge (an input takes one edge; an output feeds many).
    QString edgeProblem(const PipelineEdge &edge) const;
    bool addEdge(const PipelineEdge &edge);
    // For undo: puts back an edge that was in the graph, port rules or not (a loaded file may
    // break them, as reset() allows); fails only for a missing node or a duplicate. Inserting
    // at the index it was removed from, in the reverse order of removal, restores edges()
    // exactly: the edge found there moves to the end, which inverts removeEdge()'s swap.
    bool restoreEdge(const PipelineEdge &edge, qsizetype index = -1);
    bool removeEdge(const PipelineEdge &edge);

    bool addAnnotation(const PipelineAnnotation &annotation);
    bool insertAnnotation(qsizetype index, const PipelineAnnotation &annotation);
    bool removeAnnotation(const QString &annotationId);
    bool updateAnnotation(const PipelineAnnotation &annotation);

    // Replaces everything at once (open, new from template, import), the source included: sends
    // graphReset(). Takes what
    // PipelineFile reads: edges may break port rules (validation reports them), but a node or
    // annotation whose id repeats an earlier one, an edge naming a missing node and a repeated
    // edge are dropped, since the indexes need unique ids.
    void reset(const QList<PipelineNode> &nodes,
               const QList<PipelineEdge> &edges,
               const QList<PipelineAnnotation> &annotations,
               const PipelineSource &source = {});
    void clear();

signals:
    void nodeAdded(const QString &nodeId);
    void nodeRemoved(const QString &nodeId);
    void nodeChanged(const QString &nodeId);
    void nodeMoved(const QString &nodeId);
    void edgeAdded(const PipelineEdge &edge);
    void edgeRemoved(const PipelineEdge &edge);
    void annotationAdded(const QString &annotationId);
    void annotationRemoved(const QString &annotationId);
    void annotationChanged(const QString &annotationId);
    void graphReset();
    void changed(); // after any of the above: for validation and the modified marker

private:
    QString portProblem(const PipelineNode &node, const QString &port, bool isOutput) const;
    QString orderingProblem(const PipelineNode &from,
                            const PipelineNode &to,
                            const PipelineEdge &edge) const;
    void appendNode(const PipelineNode &node);
    void replaceNode(qsizetype index, const PipelineNode &node);
    void appendEdge(const PipelineEdge &edge);
    void takeEdge(const PipelineEdge &edge);
    void appendAnnotation(const PipelineAnnotation &annotation);
    void countName(const QString &name, int delta);

    const NodeCatalog *m_catalog;
    PipelineSource m_source;
    QList<PipelineNode> m_nodes;
    QList<PipelineEdge> m_edges;
    QList<PipelineAnnotation> m_annotations;
    // Kept in step with the lists so no operation scans them (5,000-node graphs).
    QHash<QString, qsizetype> m_nodeIndex;           // node id -> position in m_nodes
    QHash<QString, qsizetype> m_annotationIndex;     // annotation id -> position in m_annotations
    QHash<PipelineEdge, qsizetype> m_edgeIndex;      // edge -> position in m_edges
    QHash<QString, QList<PipelineEdge>> m_nodeEdges; // node id -> its edges, in and out
    QHash<PortRef, int> m_inputEdges;                // input port -> edges into it
    QHash<QString, int> m_nameCounts;                // node name -> nodes called so
};
