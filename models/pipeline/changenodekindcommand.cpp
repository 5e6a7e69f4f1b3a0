#include "pipeline/changenodekindcommand.h"

#include "pipeline/nodecatalog.h"

#include <QStringList>

using namespace Qt::StringLiterals;

ChangeNodeKindCommand::ChangeNodeKindCommand(PipelineGraph *graph,
                                             const QString &nodeId,
                                             const QString &kindId,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    const PipelineNode *node = graph->node(nodeId);
    const NodeKind *newKind = graph->catalog() ? graph->catalog()->kind(kindId) : nullptr;
    if (!node || !newKind || node->kind == kindId) {
        setText(tr("Change kind"));
        setObsolete(true);
        return;
    }
    m_old = *node;
    m_new = withKind(*graph->catalog(), *node, *newKind);
    QStringList reasons; // distinct, in the order met: one reason often covers several edges
    const QList<PipelineEdge> touching = graph->edgesOf(nodeId);
    for (const PipelineEdge &edge : touching) {
        const QString problem = edgeProblem(*graph->catalog(), *node, *newKind, edge);
        if (problem.isEmpty())
            continue;
        m_edges << edge;
        if (!reasons.contains(problem))
            reasons << problem;
    }
    if (!m_edges.isEmpty()) {
        m_removalMessage = tr("%n connection(s) removed: %1", nullptr, int(m_edges.size()))
                               .arg(reasons.join(u"; "_s));
    }
    updateText();
}

QString ChangeNodeKindCommand::edgeProblem(const NodeCatalog &catalog,
                                           const PipelineNode &node,
                                           const NodeKind &newKind,
                                           const PipelineEdge &edge)
{
    if (edge.isOrdering())
        return {}; // "runs after" names no port: any kind can keep it
    const NodeKind *oldKind = catalog.kind(node.kind);
    // Both ends are checked: a self-loop (which validation reports) has the node at each.
    for (const bool output : {true, false}) {
        const PortRef &end = output ? edge.from : edge.to;
        if (end.node != node.id)
            continue;
        const PortSpec *newPort = output ? newKind.output(end.port) : newKind.input(end.port);
        if (!newPort) {
            return (output ? tr("“%1” has no '%2' output") : tr("“%1” has no '%2' input"))
                .arg(newKind.name, end.port);
        }
        // An edge a file brought in on a port its old kind lacked has no type to keep: it stays
        // when the new kind has the port, and validation judges it as before.
        const PortSpec *oldPort = !oldKind ? nullptr
                                  : output ? oldKind->output(end.port)
                                           : oldKind->input(end.port);
        if (oldPort && oldPort->type != newPort->type) {
            return (output ? tr("the '%1' output of “%2” carries %3, not %4")
                           : tr("the '%1' input of “%2” takes %3, not %4"))
                .arg(end.port,
                     newKind.name,
                     ArtifactTypes::toString(newPort->type),
                     ArtifactTypes::toString(oldPort->type));
        }
    }
    return {};
}

// The palette gives a new stage its kind's first tool, its image and its command, and no
// parameters (PipelineEditController::addNode). So a drawn stage's tool, image or command that
// still equals its old kind's default was never chosen by the user: it follows the kind, or a
// Train stage turned Evaluate would keep running train.py. A value the user typed stays, and so
// does every field of an imported stage, since those came from its source file (an empty image
// or command already means "the kind's default" to the exporters). Parameters always stay: no
// kind has default parameters, so any there are the user's or the file's. The name stays too,
// even a palette one ("Train model 2"): renaming is the user's call, and undo text names it.
PipelineNode ChangeNodeKindCommand::withKind(const NodeCatalog &catalog,
                                             const PipelineNode &node,
                                             const NodeKind &newKind)
{
    PipelineNode changed = node;
    changed.kind = newKind.id;
    const NodeKind *oldKind = catalog.kind(node.kind);
    if (!oldKind || !node.source.isEmpty())
        return changed;
    if (node.tool == oldKind->tools.value(0))
        changed.tool = newKind.tools.value(0);
    if (node.image == oldKind->image)
        changed.image = newKind.image;
    if (node.command == oldKind->command)
        changed.command = newKind.command;
    return changed;
}

void ChangeNodeKindCommand::updateText()
{
    const NodeKind *kind = m_graph->catalog()->kind(m_new.kind);
    setText(tr("Change kind of “%1” to %2").arg(m_old.name, kind ? kind->name : m_new.kind));
}

bool ChangeNodeKindCommand::mergeWith(const QUndoCommand *other)
{
    // QUndoStack offers a command it is about to drop as obsolete too: it changed nothing.
    const auto *change = static_cast<const ChangeNodeKindCommand *>(other);
    if (change->isObsolete() || isObsolete() || change->m_old.id != m_old.id)
        return false;
    m_new = change->m_new;
    m_edges << change->m_edges;
    m_edgeIndexes << change->m_edgeIndexes;
    updateText();
    setObsolete(m_new == m_old && m_edges.isEmpty());
    return true;
}

void ChangeNodeKindCommand::redo()
{
    // Edges first, each index noted as it goes, while their ports still exist on the canvas.
    m_edgeIndexes.clear();
    for (const PipelineEdge &edge : std::as_const(m_edges)) {
        m_edgeIndexes << m_graph->indexOfEdge(edge);
        m_graph->removeEdge(edge);
    }
    m_graph->changeNodeKind(m_new);
}

void ChangeNodeKindCommand::undo()
{
    // The kind first, so the edges come back to ports the node has; then the edges in reverse
    // order of removal, at their indexes, which restores edges() exactly.
    m_graph->changeNodeKind(m_old);
    for (qsizetype i = m_edges.size() - 1; i >= 0; --i)
        m_graph->restoreEdge(m_edges.at(i), m_edgeIndexes.at(i));
}
