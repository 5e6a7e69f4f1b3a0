#pragma once

#include "pipeline/pipelinegraph.h"
#include "support/undocommandids.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <QUndoCommand>

// Every command changes the graph only through its setters, so the canvas follows the graph's
// signals whether an edit is done, undone or redone. A command that would change nothing is
// obsolete from the start, and QUndoStack::push() drops it.

// Palette add, paste, duplicate: nodes, then edges (among them or to existing nodes), then
// annotations. Undo removes them in reverse, which restores the graph's lists exactly.
class AddItemsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddItemsCommand)

public:
    // An empty `text` says "Add “name”" for one node, else "Add n items".
    AddItemsCommand(PipelineGraph *graph,
                    const QList<PipelineNode> &nodes,
                    const QList<PipelineEdge> &edges,
                    const QList<PipelineAnnotation> &annotations,
                    const QString &text = {},
                    QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::AddPipelineItems; }
    void redo() override;
    void undo() override;

private:
    PipelineGraph *m_graph;
    QList<PipelineNode> m_nodes;
    QList<PipelineEdge> m_edges;
    QList<PipelineAnnotation> m_annotations;
};

// A note or a group frame drawn on the canvas.
class AddAnnotationCommand : public AddItemsCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddAnnotationCommand)

public:
    AddAnnotationCommand(PipelineGraph *graph,
                         const PipelineAnnotation &annotation,
                         QUndoCommand *parent = nullptr);
};

// One edge dragged from an output to an input. Obsolete when the graph refuses the edge
// (PipelineGraph::edgeProblem), so a refused drop leaves no empty step.
class ConnectCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConnectCommand)

public:
    ConnectCommand(PipelineGraph *graph, const PipelineEdge &edge, QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::ConnectPorts; }
    void redo() override;
    void undo() override;

private:
    PipelineGraph *m_graph;
    PipelineEdge m_edge;
};

// Delete: nodes with every edge touching them, edges, annotations. Remembers where each was in
// the graph's lists, so undo puts everything back in its place: nodes(), edges() and
// annotations() compare equal to what they were.
class RemoveItemsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveItemsCommand)

public:
    RemoveItemsCommand(PipelineGraph *graph,
                       const QStringList &nodeIds,
                       const QList<PipelineEdge> &edges,
                       const QStringList &annotationIds,
                       QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::RemovePipelineItems; }
    void redo() override;
    void undo() override;

private:
    PipelineGraph *m_graph;
    QList<PipelineNode> m_nodes;             // in graph order
    QList<PipelineEdge> m_edges;             // in removal order
    QList<PipelineAnnotation> m_annotations; // in graph order
    // Filled by redo(): where each was, since an edge's index depends on earlier removals.
    QList<qsizetype> m_nodeIndexes;
    QList<qsizetype> m_edgeIndexes;
    QList<qsizetype> m_annotationIndexes;
};

// New top-left positions of nodes and annotations, by id; and new rects of annotations that
// change size as well (group frames fitted round their members), which win over a position.
struct ItemPositions
{
    QHash<QString, QPointF> nodes;
    QHash<QString, QPointF> annotations;
    QHash<QString, QRectF> annotationRects;
    bool operator==(const ItemPositions &) const = default;
};

// A drag, a nudge with the arrow keys, with the frames it resizes (PipelineFrames::followMove).
// Successive moves of the same set of moved ids merge, so a run of nudges or a drag pushed in
// steps is one undo step, whatever frames each step grew; a merge that returns everything to
// where it started makes the command obsolete.
class MoveItemsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveItemsCommand)

public:
    // The old positions are read from the graph; ids it lacks are ignored.
    MoveItemsCommand(PipelineGraph *graph, const ItemPositions &to, QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::MovePipelineItems; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

    const ItemPositions &from() const { return m_from; }
    const ItemPositions &to() const { return m_to; }

private:
    void apply(const ItemPositions &positions);
    void updateObsolete();

    PipelineGraph *m_graph;
    ItemPositions m_from;
    ItemPositions m_to;
};

// Arrange: the positions PipelineAutoLayout computed, with the frames fitted round their stages
// and the notes beside theirs (PipelineFrames::arrange), as one step with its own text. Merges
// only with another auto layout of the same items (which moves nothing when nothing changed).
class AutoLayoutCommand : public MoveItemsCommand
{
    Q_DECLARE_TR_FUNCTIONS(AutoLayoutCommand)

public:
    AutoLayoutCommand(PipelineGraph *graph,
                      const ItemPositions &positions,
                      QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::AutoLayoutPipeline; }
};

// The property panel: name, tool, image, command, parameters, notes of one node (not its
// position: see MoveItemsCommand; not its kind: see ChangeNodeKindCommand). Successive edits of
// the same field of the same node merge, so typing a name is one undo step. The field is found
// by comparing old and new: an edit that changes several fields at once never merges.
class EditNodeCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditNodeCommand)

public:
    enum class Field { None, Name, Tool, Image, Command, Parameters, Notes, Several };

    // The old node is read from the graph.
    EditNodeCommand(PipelineGraph *graph, const PipelineNode &node, QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::EditPipelineNode; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

    Field field() const { return m_field; }
    static Field changedField(const PipelineNode &before, const PipelineNode &after);

private:
    void updateText();

    PipelineGraph *m_graph;
    PipelineNode m_old;
    PipelineNode m_new;
    Field m_field = Field::None;
};

// Text, frame and kind of a note or group. Merges like EditNodeCommand: successive edits of
// the same field of the same annotation (typing, or a resize pushed in steps).
class EditAnnotationCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditAnnotationCommand)

public:
    enum class Field { None, Text, Rect, Kind, Several };

    EditAnnotationCommand(PipelineGraph *graph,
                          const PipelineAnnotation &annotation,
                          QUndoCommand *parent = nullptr);

    int id() const override { return UndoCommandId::EditPipelineAnnotation; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

    Field field() const { return m_field; }
    static Field changedField(const PipelineAnnotation &before, const PipelineAnnotation &after);

private:
    void updateText();

    PipelineGraph *m_graph;
    PipelineAnnotation m_old;
    PipelineAnnotation m_new;
    Field m_field = Field::None;
};
