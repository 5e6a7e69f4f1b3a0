#include "pipeline/pipelinegraph.h"

#include "pipeline/nodecatalog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

PipelineGraph::PipelineGraph(const NodeCatalog *catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
{}

qsizetype PipelineGraph::indexOfNode(const QString &nodeId) const
{
    return m_nodeIndex.value(nodeId, -1);
}

const PipelineNode *PipelineGraph::node(const QString &nodeId) const
{
    const qsizetype index = indexOfNode(nodeId);
    return index < 0 ? nullptr : &m_nodes.at(index);
}

const PipelineAnnotation *PipelineGraph::annotation(const QString &annotationId) const
{
    const qsizetype index = m_annotationIndex.value(annotationId, -1);
    return index < 0 ? nullptr : &m_annotations.at(index);
}

QList<PipelineEdge> PipelineGraph::edgesOf(const QString &nodeId) const
{
    return m_nodeEdges.value(nodeId);
}

QString PipelineGraph::newNodeId() const
{
    // Starting past the count makes the first try succeed unless ids were removed or imported.
    for (qsizetype k = m_nodes.size() + 1;; ++k) {
        QString id = u"n"_s + QString::number(k);
        if (!m_nodeIndex.contains(id))
            return id;
    }
}

QString PipelineGraph::newAnnotationId() const
{
    for (qsizetype k = m_annotations.size() + 1;; ++k) {
        QString id = u"a"_s + QString::number(k);
        if (!m_annotationIndex.contains(id))
            return id;
    }
}

QString PipelineGraph::uniqueNodeName(const QString &base) const
{
    if (!m_nameCounts.contains(base))
        return base;
    for (int k = 2;; ++k) {
        QString name = u"%1 %2"_s.arg(base).arg(k);
        if (!m_nameCounts.contains(name))
            return name;
    }
}

void PipelineGraph::countName(const QString &name, int delta)
{
    int &count = m_nameCounts[name];
    count += delta;
    if (count <= 0)
        m_nameCounts.remove(name);
}

void PipelineGraph::appendNode(const PipelineNode &node)
{
    m_nodeIndex.insert(node.id, m_nodes.size());
    m_nodes.append(node);
    countName(node.name, 1);
}

bool PipelineGraph::addNode(const PipelineNode &node)
{
    return insertNode(m_nodes.size(), node);
}

bool PipelineGraph::insertNode(qsizetype index, const PipelineNode &node)
{
    if (node.id.isEmpty() || m_nodeIndex.contains(node.id))
        return false;
    if (!m_catalog || !m_catalog->kind(node.kind))
        return false;
    index = std::clamp<qsizetype>(index, 0, m_nodes.size());
    m_nodes.insert(index, node);
    countName(node.name, 1);
    for (qsizetype i = index; i < m_nodes.size(); ++i)
        m_nodeIndex[m_nodes.at(i).id] = i;
    emit nodeAdded(node.id);
    emit changed();
    return true;
}

bool PipelineGraph::removeNode(const QString &nodeId)
{
    const qsizetype index = indexOfNode(nodeId);
    if (index < 0)
        return false;
    const QList<PipelineEdge> edges = m_nodeEdges.value(nodeId);
    for (const PipelineEdge &edge : edges) {
        takeEdge(edge);
        emit edgeRemoved(edge);
    }
    countName(m_nodes.at(index).name, -1);
    m_nodes.removeAt(index);
    m_nodeIndex.remove(nodeId);
    m_nodeEdges.remove(nodeId);
    // Node order is kept (it is the file's and the stacking order), so later ones move up.
    for (qsizetype i = index; i < m_nodes.size(); ++i)
        m_nodeIndex[m_nodes.at(i).id] = i;
    emit nodeRemoved(nodeId);
    emit changed();
    return true;
}

bool PipelineGraph::updateNode(const PipelineNode &node)
{
    const qsizetype index = indexOfNode(node.id);
    if (index < 0 || m_nodes.at(index).kind != node.kind)
        return false;
    replaceNode(index, node);
    return true;
}

bool PipelineGraph::changeNodeKind(const PipelineNode &node)
{
    const qsizetype index = indexOfNode(node.id);
    if (index < 0 || !m_catalog || !m_catalog->kind(node.kind))
        return false;
    replaceNode(index, node);
    return true;
}

void PipelineGraph::replaceNode(qsizetype index, const PipelineNode &node)
{
    PipelineNode updated = node;
    updated.pos = m_nodes.at(index).pos;
    if (updated == m_nodes.at(index))
        return;
    countName(m_nodes.at(index).name, -1);
    countName(updated.name, 1);
    m_nodes[index] = updated;
    emit nodeChanged(node.id);
    emit changed();
}

bool PipelineGraph::moveNode(const QString &nodeId, const QPointF &pos)
{
    const qsizetype index = indexOfNode(nodeId);
    if (index < 0)
        return false;
    if (m_nodes.at(index).pos == pos)
        return true;
    m_nodes[index].pos = pos;
    emit nodeMoved(nodeId);
    emit changed();
    return true;
}

QString
PipelineGraph::portProblem(const PipelineNode &node, const QString &port, bool isOutput) const
{
    const NodeKind *kind = m_catalog ? m_catalog->kind(node.kind) : nullptr;
    if (!kind)
        return tr("'%1' is of an unknown kind '%2'").arg(node.name, node.kind);
    if (isOutput ? kind->output(port) : kind->input(port))
        return {};
    if (isOutput && kind->input(port))
        return tr("'%1' is an input of '%2', not an output: an edge starts at an output")
            .arg(port, node.name);
    if (!isOutput && kind->output(port))
        return tr("'%1' is an output of '%2', not an input: an edge ends at an input")
            .arg(port, node.name);
    return (isOutput ? tr("'%1' has no output '%2'") : tr("'%1' has no input '%2'"))
        .arg(node.name, port);
}

QString PipelineGraph::orderingProblem(const PipelineNode &from,
                                       const PipelineNode &to,
                                       const PipelineEdge &edge) const
{
    if (&from == &to)
        return tr("'%1' cannot run after itself").arg(from.name);
    if (m_edgeIndex.contains(edge))
        return tr("'%1' already runs after '%2'").arg(to.name, from.name);
    return {};
}

QString PipelineGraph::edgeProblem(const PipelineEdge &edge) const
{
    const PipelineNode *from = node(edge.from.node);
    const PipelineNode *to = node(edge.to.node);
    if (!from || !to)
        return tr("there is no node '%1'").arg(from ? edge.to.node : edge.from.node);
    if (edge.isOrdering())
        return orderingProblem(*from, *to, edge);
    if (edge.from.port.isEmpty() || edge.to.port.isEmpty())
        return tr("an edge joins two ports, or (an ordering edge) no port at either end");
    for (const QString &problem :
         {portProblem(*from, edge.from.port, true), portProblem(*to, edge.to.port, false)}) {
        if (!problem.isEmpty())
            return problem;
    }
    if (from == to)
        return tr("'%1' cannot feed itself").arg(from->name);
    const ArtifactType output = m_catalog->kind(from->kind)->output(edge.from.port)->type;
    const ArtifactType input = m_catalog->kind(to->kind)->input(edge.to.port)->type;
    if (output != input) {
        return tr("%1 output '%2' cannot feed the %3 input '%4' of '%5'")
            .arg(ArtifactTypes::toString(output),
                 edge.from.port,
                 ArtifactTypes::toString(input),
                 edge.to.port,
                 to->name);
    }
    if (m_edgeIndex.contains(edge))
        return tr("'%1' already feeds the input '%2' of '%3'")
            .arg(from->name, edge.to.port, to->name);
    if (m_inputEdges.contains(edge.to))
        return tr("the input '%1' of '%2' is already connected: an input takes one edge")
            .arg(edge.to.port, to->name);
    return {};
}

void PipelineGraph::appendEdge(const PipelineEdge &edge)
{
    m_edgeIndex.insert(edge, m_edges.size());
    m_edges.append(edge);
    m_nodeEdges[edge.from.node].append(edge);
    if (edge.to.node != edge.from.node)
        m_nodeEdges[edge.to.node].append(edge);
    ++m_inputEdges[edge.to];
}

void PipelineGraph::takeEdge(const PipelineEdge &edge)
{
    const qsizetype index = m_edgeIndex.take(edge);
    if (index != m_edges.size() - 1) {
        m_edges[index] = m_edges.constLast();
        m_edgeIndex[m_edges.at(index)] = index;
    }
    m_edges.removeLast();
    m_nodeEdges[edge.from.node].removeOne(edge);
    m_nodeEdges[edge.to.node].removeOne(edge);
    if (--m_inputEdges[edge.to] <= 0)
        m_inputEdges.remove(edge.to);
}

qsizetype PipelineGraph::indexOfEdge(const PipelineEdge &edge) const
{
    return m_edgeIndex.value(edge, -1);
}

bool PipelineGraph::restoreEdge(const PipelineEdge &edge, qsizetype index)
{
    if (!m_nodeIndex.contains(edge.from.node) || !m_nodeIndex.contains(edge.to.node)
        || m_edgeIndex.contains(edge))
        return false;
    appendEdge(edge);
    if (index >= 0 && index < m_edges.size() - 1) {
        m_edges.swapItemsAt(index, m_edges.size() - 1);
        m_edgeIndex[m_edges.at(index)] = index;
        m_edgeIndex[m_edges.constLast()] = m_edges.size() - 1;
    }
    emit edgeAdded(edge);
    emit changed();
    return true;
}

bool PipelineGraph::addEdge(const PipelineEdge &edge)
{
    if (!edgeProblem(edge).isEmpty())
        return false;
    appendEdge(edge);
    emit edgeAdded(edge);
    emit changed();
    return true;
}

bool PipelineGraph::removeEdge(const PipelineEdge &edge)
{
    if (!m_edgeIndex.contains(edge))
        return false;
    takeEdge(edge);
    emit edgeRemoved(edge);
    emit changed();
    return true;
}

void PipelineGraph::appendAnnotation(const PipelineAnnotation &annotation)
{
    m_annotationIndex.insert(annotation.id, m_annotations.size());
    m_annotations.append(annotation);
}

qsizetype PipelineGraph::indexOfAnnotation(const QString &annotationId) const
{
    return m_annotationIndex.value(annotationId, -1);
}

bool PipelineGraph::addAnnotation(const PipelineAnnotation &annotation)
{
    return insertAnnotation(m_annotations.size(), annotation);
}

bool PipelineGraph::insertAnnotation(qsizetype index, const PipelineAnnotation &annotation)
{
    if (annotation.id.isEmpty() || m_annotationIndex.contains(annotation.id))
        return false;
    index = std::clamp<qsizetype>(index, 0, m_annotations.size());
    m_annotations.insert(index, annotation);
    for (qsizetype i = index; i < m_annotations.size(); ++i)
        m_annotationIndex[m_annotations.at(i).id] = i;
    emit annotationAdded(annotation.id);
    emit changed();
    return true;
}

bool PipelineGraph::removeAnnotation(const QString &annotationId)
{
    const qsizetype index = m_annotationIndex.value(annotationId, -1);
    if (index < 0)
        return false;
    m_annotations.removeAt(index);
    m_annotationIndex.remove(annotationId);
    for (qsizetype i = index; i < m_annotations.size(); ++i)
        m_annotationIndex[m_annotations.at(i).id] = i;
    emit annotationRemoved(annotationId);
    emit changed();
    return true;
}

bool PipelineGraph::updateAnnotation(const PipelineAnnotation &annotation)
{
    const qsizetype index = m_annotationIndex.value(annotation.id, -1);
    if (index < 0)
        return false;
    if (m_annotations.at(index) == annotation)
        return true;
    m_annotations[index] = annotation;
    emit annotationChanged(annotation.id);
    emit changed();
    return true;
}

void PipelineGraph::reset(const QList<PipelineNode> &nodes,
                          const QList<PipelineEdge> &edges,
                          const QList<PipelineAnnotation> &annotations,
                          const PipelineSource &source)
{
    m_source = source;
    m_nodes.clear();
    m_edges.clear();
    m_annotations.clear();
    m_nodeIndex.clear();
    m_annotationIndex.clear();
    m_edgeIndex.clear();
    m_nodeEdges.clear();
    m_inputEdges.clear();
    m_nameCounts.clear();
    // Sized once: growing the indexes item by item is much of the cost of opening a big file.
    m_nodes.reserve(nodes.size());
    m_nodeIndex.reserve(nodes.size());
    m_nameCounts.reserve(nodes.size());
    m_nodeEdges.reserve(nodes.size());
    for (const PipelineNode &node : nodes)
        if (!node.id.isEmpty() && !m_nodeIndex.contains(node.id))
            appendNode(node);
    m_edges.reserve(edges.size());
    m_edgeIndex.reserve(edges.size());
    m_inputEdges.reserve(edges.size());
    for (const PipelineEdge &edge : edges) {
        if (m_nodeIndex.contains(edge.from.node) && m_nodeIndex.contains(edge.to.node)
            && !m_edgeIndex.contains(edge))
            appendEdge(edge);
    }
    for (const PipelineAnnotation &annotation : annotations)
        if (!annotation.id.isEmpty() && !m_annotationIndex.contains(annotation.id))
            appendAnnotation(annotation);
    emit graphReset();
    emit changed();
}

void PipelineGraph::clear()
{
    reset({}, {}, {});
}

namespace {

template<typename Item, typename IndexOf>
QList<Item> itemsInOrder(const QStringList &ids, IndexOf indexOf, const QList<Item> &all)
{
    QList<qsizetype> indexes;
    for (const QString &id : ids) {
        const qsizetype index = indexOf(id);
        if (index >= 0)
            indexes << index;
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    QList<Item> items;
    items.reserve(indexes.size());
    for (const qsizetype index : std::as_const(indexes))
        items << all.at(index);
    return items;
}

} // namespace

QList<PipelineNode> PipelineGraph::nodesInOrder(const QStringList &nodeIds) const
{
    return itemsInOrder(
        nodeIds, [this](const QString &id) { return indexOfNode(id); }, m_nodes);
}

QList<PipelineAnnotation> PipelineGraph::annotationsInOrder(const QStringList &annotationIds) const
{
    return itemsInOrder(
        annotationIds, [this](const QString &id) { return indexOfAnnotation(id); }, m_annotations);
}
