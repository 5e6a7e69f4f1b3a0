#pragma once

#include "pipeline/pipelinegraph.h"
#include "support/undocommandids.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUndoCommand>

struct NodeKind;

// The property panel's Kind field: a stage becomes another kind of stage (issue 12: an imported
// stage's guessed kind can be corrected), in one undo step. Its ordering edges stay; a data edge
// stays when the new kind has a port of the same name and artifact type at the node's end, and
// is removed otherwise, by this same command, so undo gives back the kind and every edge in its
// place: nodes() and edges() compare equal to what they were.
// Successive changes of the same node merge (arrow keys walking through the combo are one
// step); a merge that ends on the old node with no edge removed makes the command obsolete.
// An unknown node or kind, or the node's own kind, makes it obsolete from the start.
class ChangeNodeKindCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ChangeNodeKindCommand)

public:
    ChangeNodeKindCommand(PipelineGraph *graph,
                          const QString &nodeId,
                          const QString &kindId,
                          QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::ChangePipelineNodeKind; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

    // Every edge the change removes (merged changes included), in removal order.
    const QList<PipelineEdge> &removedEdges() const { return m_edges; }
    // What this change (before any merge) removed, for the status bar: "2 connections removed:
    // “Register model” has no 'data' input". Empty when it removed nothing.
    QString removalMessage() const { return m_removalMessage; }

    // Why `edge` (one end at `node`) cannot stay once the node is `newKind`; empty when it can.
    static QString edgeProblem(const NodeCatalog &catalog,
                               const PipelineNode &node,
                               const NodeKind &newKind,
                               const PipelineEdge &edge);
    // `node` as a `newKind` stage: the fields it has kept its old kind's defaults in take the
    // new kind's defaults (see the definition for which and why); the others stay.
    static PipelineNode
    withKind(const NodeCatalog &catalog, const PipelineNode &node, const NodeKind &newKind);

private:
    void updateText();

    PipelineGraph *m_graph;
    PipelineNode m_old;
    PipelineNode m_new;
    QList<PipelineEdge> m_edges;    // in removal order
    QList<qsizetype> m_edgeIndexes; // filled by redo(): where each edge was when removed
    QString m_removalMessage;
};
