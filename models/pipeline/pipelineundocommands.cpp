#include "pipeline/pipelineundocommands.h"

#include <QSet>

#include <algorithm>

AddItemsCommand::AddItemsCommand(PipelineGraph *graph,
                                 const QList<PipelineNode> &nodes,
                                 const QList<PipelineEdge> &edges,
                                 const QList<PipelineAnnotation> &annotations,
                                 const QString &text,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_nodes(nodes)
    , m_edges(edges)
    , m_annotations(annotations)
{
    const qsizetype count = nodes.size() + annotations.size();
    if (!text.isEmpty())
        setText(text);
    else if (nodes.size() == 1 && annotations.isEmpty())
        setText(tr("Add “%1”").arg(nodes.constFirst().name));
    else
        setText(tr("Add %n item(s)", nullptr, int(count)));
    setObsolete(count == 0 && edges.isEmpty());
}

void AddItemsCommand::redo()
{
    for (const PipelineNode &node : std::as_const(m_nodes))
        m_graph->addNode(node);
    // Pasted edges are copies of edges the graph held, which may break port rules if a file
    // brought them in: validation reports them, as it did for the originals.
    for (const PipelineEdge &edge : std::as_const(m_edges))
        m_graph->restoreEdge(edge);
    for (const PipelineAnnotation &annotation : std::as_const(m_annotations))
        m_graph->addAnnotation(annotation);
}

void AddItemsCommand::undo()
{
    // In reverse, so each removal takes the last entry of its list and the order stays.
    for (auto it = m_annotations.crbegin(); it != m_annotations.crend(); ++it)
        m_graph->removeAnnotation(it->id);
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it)
        m_graph->removeEdge(*it);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        m_graph->removeNode(it->id);
}

AddAnnotationCommand::AddAnnotationCommand(PipelineGraph *graph,
                                           const PipelineAnnotation &annotation,
                                           QUndoCommand *parent)
    : AddItemsCommand(graph,
                      {},
                      {},
                      {annotation},
                      annotation.kind == PipelineAnnotation::Kind::Group ? tr("Add group")
                                                                         : tr("Add note"),
                      parent)
{}

ConnectCommand::ConnectCommand(PipelineGraph *graph, const PipelineEdge &edge, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
    , m_edge(edge)
{
    const PipelineNode *from = graph->node(edge.from.node);
    const PipelineNode *to = graph->node(edge.to.node);
    setText(tr("Connect “%1” to “%2”")
                .arg(from ? from->name : edge.from.node, to ? to->name : edge.to.node));
    setObsolete(!graph->edgeProblem(edge).isEmpty());
}

void ConnectCommand::redo()
{
    m_graph->restoreEdge(m_edge); // checked in the constructor, against this very state
}

void ConnectCommand::undo()
{
    m_graph->removeEdge(m_edge);
}

namespace {} // namespace

RemoveItemsCommand::RemoveItemsCommand(PipelineGraph *graph,
                                       const QStringList &nodeIds,
                                       const QList<PipelineEdge> &edges,
                                       const QStringList &annotationIds,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    m_nodes = graph->nodesInOrder(nodeIds);
    m_annotations = graph->annotationsInOrder(annotationIds);
    QSet<qsizetype> seen; // edge indexes, so an edge both selected and touching counts once
    const auto takeEdge = [&](const PipelineEdge &edge) {
        const qsizetype index = graph->indexOfEdge(edge);
        if (index >= 0 && !seen.contains(index)) {
            seen.insert(index);
            m_edges << edge;
        }
    };
    for (const PipelineEdge &edge : edges)
        takeEdge(edge);
    for (const PipelineNode &node : std::as_const(m_nodes)) {
        const QList<PipelineEdge> touching = graph->edgesOf(node.id);
        for (const PipelineEdge &edge : touching)
            takeEdge(edge);
    }
    const qsizetype count = m_nodes.size() + m_annotations.size()
                            + (m_nodes.isEmpty() && m_annotations.isEmpty() ? m_edges.size() : 0);
    if (m_nodes.size() == 1 && m_annotations.isEmpty())
        setText(tr("Delete “%1”").arg(m_nodes.constFirst().name));
    else
        setText(tr("Delete %n item(s)", nullptr, int(count)));
    setObsolete(m_nodes.isEmpty() && m_edges.isEmpty() && m_annotations.isEmpty());
}

void RemoveItemsCommand::redo()
{
    // Edges first, one by one, each index noted as it goes: undo replays them backwards.
    m_edgeIndexes.clear();
    for (const PipelineEdge &edge : std::as_const(m_edges)) {
        m_edgeIndexes << m_graph->indexOfEdge(edge);
        m_graph->removeEdge(edge);
    }
    // Nodes and annotations from the back, so each index holds when it is put back forwards.
    m_nodeIndexes.clear();
    for (const PipelineNode &node : std::as_const(m_nodes))
        m_nodeIndexes << m_graph->indexOfNode(node.id);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        m_graph->removeNode(it->id);
    m_annotationIndexes.clear();
    for (const PipelineAnnotation &annotation : std::as_const(m_annotations))
        m_annotationIndexes << m_graph->indexOfAnnotation(annotation.id);
    for (auto it = m_annotations.crbegin(); it != m_annotations.crend(); ++it)
        m_graph->removeAnnotation(it->id);
}

void RemoveItemsCommand::undo()
{
    for (qsizetype i = 0; i < m_annotations.size(); ++i)
        m_graph->insertAnnotation(m_annotationIndexes.at(i), m_annotations.at(i));
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_graph->insertNode(m_nodeIndexes.at(i), m_nodes.at(i));
    for (qsizetype i = m_edges.size() - 1; i >= 0; --i)
        m_graph->restoreEdge(m_edges.at(i), m_edgeIndexes.at(i));
}
