// The commands that change items in place: move, auto layout, edit a node or an annotation.
#include "pipeline/pipelineundocommands.h"

MoveItemsCommand::MoveItemsCommand(PipelineGraph *graph,
                                   const ItemPositions &to,
                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    for (auto it = to.nodes.cbegin(); it != to.nodes.cend(); ++it) {
        if (const PipelineNode *node = graph->node(it.key())) {
            m_from.nodes.insert(it.key(), node->pos);
            m_to.nodes.insert(it.key(), it.value());
        }
    }
    for (auto it = to.annotations.cbegin(); it != to.annotations.cend(); ++it) {
        if (const PipelineAnnotation *annotation = graph->annotation(it.key())) {
            m_from.annotations.insert(it.key(), annotation->rect.topLeft());
            m_to.annotations.insert(it.key(), it.value());
        }
    }
    for (auto it = to.annotationRects.cbegin(); it != to.annotationRects.cend(); ++it) {
        if (const PipelineAnnotation *annotation = graph->annotation(it.key())) {
            m_from.annotationRects.insert(it.key(), annotation->rect);
            m_to.annotationRects.insert(it.key(), it.value());
        }
    }
    // The text counts what the user moved; frames resized round them come along.
    const qsizetype count = m_to.nodes.size() + m_to.annotations.size();
    const PipelineNode *single = m_to.nodes.size() == 1 && m_to.annotations.isEmpty()
                                     ? graph->node(m_to.nodes.cbegin().key())
                                     : nullptr;
    setText(single ? tr("Move “%1”").arg(single->name)
                   : tr("Move %n item(s)", nullptr, int(count)));
    updateObsolete();
}

void MoveItemsCommand::updateObsolete()
{
    setObsolete(m_from == m_to);
}

namespace {

bool sameKeys(const QHash<QString, QPointF> &a, const QHash<QString, QPointF> &b)
{
    if (a.size() != b.size())
        return false;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key()))
            return false;
    }
    return true;
}

} // namespace

bool MoveItemsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveItemsCommand *>(other); // the ids are equal
    if (!sameKeys(move->m_to.nodes, m_to.nodes)
        || !sameKeys(move->m_to.annotations, m_to.annotations))
        return false;
    // A frame the later step resized for the first time starts where the earlier step left it,
    // which is where this command found it; one it no longer resizes keeps this step's rect.
    for (auto it = move->m_from.annotationRects.cbegin(); it != move->m_from.annotationRects.cend();
         ++it) {
        if (!m_from.annotationRects.contains(it.key()))
            m_from.annotationRects.insert(it.key(), it.value());
    }
    const QHash<QString, QRectF> earlierRects = m_to.annotationRects;
    m_to = move->m_to;
    for (auto it = earlierRects.cbegin(); it != earlierRects.cend(); ++it) {
        if (!m_to.annotationRects.contains(it.key()))
            m_to.annotationRects.insert(it.key(), it.value());
    }
    updateObsolete();
    return true;
}

void MoveItemsCommand::apply(const ItemPositions &positions)
{
    for (auto it = positions.nodes.cbegin(); it != positions.nodes.cend(); ++it)
        m_graph->moveNode(it.key(), it.value());
    for (auto it = positions.annotations.cbegin(); it != positions.annotations.cend(); ++it) {
        if (const PipelineAnnotation *current = m_graph->annotation(it.key())) {
            PipelineAnnotation moved = *current;
            moved.rect.moveTopLeft(it.value());
            m_graph->updateAnnotation(moved);
        }
    }
    for (auto it = positions.annotationRects.cbegin(); it != positions.annotationRects.cend();
         ++it) {
        if (const PipelineAnnotation *current = m_graph->annotation(it.key())) {
            PipelineAnnotation resized = *current;
            resized.rect = it.value();
            m_graph->updateAnnotation(resized);
        }
    }
}

void MoveItemsCommand::redo()
{
    apply(m_to);
}

void MoveItemsCommand::undo()
{
    apply(m_from);
}

AutoLayoutCommand::AutoLayoutCommand(PipelineGraph *graph,
                                     const ItemPositions &positions,
                                     QUndoCommand *parent)
    : MoveItemsCommand(graph, positions, parent)
{
    setText(tr("Arrange pipeline"));
}

EditNodeCommand::EditNodeCommand(PipelineGraph *graph,
                                 const PipelineNode &node,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    const PipelineNode *current = graph->node(node.id);
    if (current && current->kind == node.kind) {
        m_old = *current;
        m_new = node;
        m_new.pos = current->pos; // a move is a MoveItemsCommand
        m_field = changedField(m_old, m_new);
    }
    updateText();
    setObsolete(m_field == Field::None);
}

EditNodeCommand::Field EditNodeCommand::changedField(const PipelineNode &before,
                                                     const PipelineNode &after)
{
    const QList<std::pair<Field, bool>> differences{
        {Field::Name, before.name != after.name},
        {Field::Tool, before.tool != after.tool},
        {Field::Image, before.image != after.image},
        {Field::Command, before.command != after.command},
        {Field::Parameters, before.parameters != after.parameters},
        {Field::Notes, before.notes != after.notes},
    };
    Field field = Field::None;
    for (const auto &[candidate, differs] : differences) {
        if (differs)
            field = field == Field::None ? candidate : Field::Several;
    }
    return field;
}

void EditNodeCommand::updateText()
{
    if (m_field == Field::Name)
        setText(tr("Rename “%1” to “%2”").arg(m_old.name, m_new.name));
    else
        setText(tr("Edit “%1”").arg(m_new.name));
}

bool EditNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditNodeCommand *>(other);
    if (edit->m_new.id != m_new.id || m_field == Field::Several || edit->m_field != m_field)
        return false;
    m_new = edit->m_new;
    updateText();
    setObsolete(m_new == m_old);
    return true;
}

void EditNodeCommand::redo()
{
    m_graph->updateNode(m_new);
}

void EditNodeCommand::undo()
{
    m_graph->updateNode(m_old);
}

EditAnnotationCommand::EditAnnotationCommand(PipelineGraph *graph,
                                             const PipelineAnnotation &annotation,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_graph(graph)
{
    if (const PipelineAnnotation *current = graph->annotation(annotation.id)) {
        m_old = *current;
        m_new = annotation;
        m_field = changedField(m_old, m_new);
    }
    updateText();
    setObsolete(m_field == Field::None);
}

EditAnnotationCommand::Field EditAnnotationCommand::changedField(const PipelineAnnotation &before,
                                                                 const PipelineAnnotation &after)
{
    const int changes = int(before.text != after.text) + int(before.rect != after.rect)
                        + int(before.kind != after.kind);
    if (changes == 0)
        return Field::None;
    if (changes > 1)
        return Field::Several;
    if (before.text != after.text)
        return Field::Text;
    return before.rect != after.rect ? Field::Rect : Field::Kind;
}

void EditAnnotationCommand::updateText()
{
    const bool group = m_new.kind == PipelineAnnotation::Kind::Group;
    if (m_field == Field::Rect)
        setText(group ? tr("Resize group") : tr("Resize note"));
    else
        setText(group ? tr("Edit group") : tr("Edit note"));
}

bool EditAnnotationCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditAnnotationCommand *>(other);
    if (edit->m_new.id != m_new.id || m_field == Field::Several || edit->m_field != m_field)
        return false;
    m_new = edit->m_new;
    updateText();
    setObsolete(m_new == m_old);
    return true;
}

void EditAnnotationCommand::redo()
{
    m_graph->updateAnnotation(m_new);
}

void EditAnnotationCommand::undo()
{
    m_graph->updateAnnotation(m_old);
}
