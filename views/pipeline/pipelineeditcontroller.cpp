#include "pipeline/pipelineeditcontroller.h"

#include "pipeline/changenodekindcommand.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineclipboard.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelineframes.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineundocommands.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QUndoStack>

PipelineEditController::PipelineEditController(PipelineDocument *document,
                                               PipelineScene *scene,
                                               QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_scene(scene)
{}

PipelineGraph *PipelineEditController::graph() const
{
    return m_document->graph();
}

QUndoStack *PipelineEditController::undoStack() const
{
    return m_document->undoStack();
}

QString PipelineEditController::addNode(const QString &kindId, const QPointF &scenePos)
{
    const NodeKind *kind = graph()->catalog()->kind(kindId);
    if (!kind)
        return {};
    PipelineNode node;
    node.id = graph()->newNodeId();
    node.kind = kind->id;
    node.name = graph()->uniqueNodeName(kind->name);
    node.pos = m_scene->snapToGrid(scenePos);
    node.tool = kind->tools.value(0);
    node.image = kind->image;
    node.command = kind->command;
    undoStack()->push(new AddItemsCommand(graph(), {node}, {}, {}));
    m_scene->selectIds({node.id});
    return node.id;
}

void PipelineEditController::addConnectedNode(const QString &kindId,
                                              const QPointF &scenePos,
                                              const Wire &wire)
{
    undoStack()->beginMacro(tr("Add and connect"));
    const QString nodeId = addNode(kindId, scenePos);
    const NodeKind *kind = graph()->catalog()->kind(kindId);
    const QList<PortSpec> ports
        = kind ? (wire.fromOutput ? kind->inputs : kind->outputs) : QList<PortSpec>();
    for (const PortSpec &port : ports) {
        const PipelineEdge edge = wire.fromOutput
                                      ? PipelineEdge{{wire.node, wire.port}, {nodeId, port.name}}
                                      : PipelineEdge{{nodeId, port.name}, {wire.node, wire.port}};
        if (graph()->edgeProblem(edge).isEmpty()) {
            undoStack()->push(new ConnectCommand(graph(), edge));
            break;
        }
    }
    undoStack()->endMacro();
}

void PipelineEditController::moveItems(const QHash<QString, QPointF> &nodes,
                                       const QHash<QString, QPointF> &notes)
{
    const ItemPositions move{nodes, notes, {}};
    undoStack()->push(
        new MoveItemsCommand(graph(), PipelineFrames::followMove(*graph(), move, layoutOptions())));
}

void PipelineEditController::connectPorts(const PipelineEdge &edge)
{
    undoStack()->push(new ConnectCommand(graph(), edge));
}

void PipelineEditController::editNode(const PipelineNode &edited)
{
    undoStack()->push(new EditNodeCommand(graph(), edited));
}

void PipelineEditController::changeNodeKind(const QString &nodeId, const QString &kindId)
{
    auto *command = new ChangeNodeKindCommand(graph(), nodeId, kindId);
    const QString removed = command->removalMessage(); // push() may merge and delete it
    undoStack()->push(command);
    if (!removed.isEmpty())
        emit statusMessage(removed);
}

void PipelineEditController::editAnnotation(const PipelineAnnotation &edited)
{
    undoStack()->push(new EditAnnotationCommand(graph(), edited));
}

void PipelineEditController::setAnnotationText(const QString &annotationId, const QString &text)
{
    if (const PipelineAnnotation *annotation = graph()->annotation(annotationId)) {
        PipelineAnnotation edited = *annotation;
        edited.text = text;
        editAnnotation(edited);
    }
}

void PipelineEditController::resizeAnnotation(const QString &annotationId, const QRectF &rect)
{
    if (const PipelineAnnotation *annotation = graph()->annotation(annotationId)) {
        PipelineAnnotation resized = *annotation;
        resized.rect = rect;
        editAnnotation(resized);
    }
}

void PipelineEditController::copySelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList notes = m_scene->selectedAnnotationIds();
    if (nodes.isEmpty() && notes.isEmpty())
        return;
    QApplication::clipboard()->setMimeData(PipelineClipboard::mimeData(*graph(), nodes, notes));
    const qsizetype count = nodes.size() + notes.size();
    emit statusMessage(tr("Copied %n item(s)", nullptr, int(count)));
}

void PipelineEditController::cutSelection()
{
    copySelection();
    deleteSelection();
}

void PipelineEditController::addPlanned(const QList<PipelineNode> &nodes,
                                        const QList<PipelineEdge> &edges,
                                        const QList<PipelineAnnotation> &annotations,
                                        const QString &text)
{
    undoStack()->push(new AddItemsCommand(graph(), nodes, edges, annotations, text));
    QStringList nodeIds;
    for (const PipelineNode &node : nodes)
        nodeIds << node.id;
    QStringList annotationIds;
    for (const PipelineAnnotation &annotation : annotations)
        annotationIds << annotation.id;
    m_scene->selectIds(nodeIds, annotationIds);
}

void PipelineEditController::paste(const QPointF &centre)
{
    const QMimeData *data = QApplication::clipboard()->mimeData();
    if (!data || !PipelineClipboard::canPaste(data)) {
        emit statusMessage(tr("The clipboard holds no pipeline stages"));
        return;
    }
    PipelineClipboard::PastePlan plan = PipelineClipboard::planPaste(data, *graph(), {});
    if (!plan.ok) {
        emit statusMessage(tr("Cannot paste: %1").arg(plan.errorMessage));
        return;
    }
    QRectF bounds;
    for (const PipelineNode &node : plan.nodes)
        bounds |= QRectF(node.pos, QSizeF(1, 1));
    for (const PipelineAnnotation &annotation : plan.annotations)
        bounds |= annotation.rect;
    const QPointF shift = m_scene->snapToGrid(centre - bounds.center());
    for (PipelineNode &node : plan.nodes)
        node.pos += shift;
    for (PipelineAnnotation &annotation : plan.annotations)
        annotation.rect.translate(shift);
    addPlanned(plan.nodes, plan.edges, plan.annotations, tr("Paste"));
}

void PipelineEditController::duplicateSelection()
{
    const PipelineClipboard::PastePlan plan = PipelineClipboard::planDuplicate(
        *graph(), m_scene->selectedNodeIds(), m_scene->selectedAnnotationIds());
    if (plan.ok)
        addPlanned(plan.nodes, plan.edges, plan.annotations, tr("Duplicate"));
}

void PipelineEditController::deleteSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QList<PipelineEdge> edges = m_scene->selectedEdges();
    const QStringList notes = m_scene->selectedAnnotationIds();
    if (nodes.isEmpty() && edges.isEmpty() && notes.isEmpty())
        return;
    undoStack()->push(new RemoveItemsCommand(graph(), nodes, edges, notes));
}

PipelineAutoLayout::Options PipelineEditController::layoutOptions() const
{
    return PipelineArrangement::options(*m_scene);
}

void PipelineEditController::arrange(PipelineArrangement::Shape shape)
{
    undoStack()->push(
        new AutoLayoutCommand(graph(), PipelineArrangement::positions(*m_scene, shape)));
}

void PipelineEditController::addNote(const QPointF &scenePos)
{
    PipelineAnnotation note;
    note.id = graph()->newAnnotationId();
    note.kind = PipelineAnnotation::Kind::Text;
    note.text = tr("A note");
    note.rect = QRectF(m_scene->snapToGrid(scenePos), QSizeF(220, 80));
    undoStack()->push(new AddAnnotationCommand(graph(), note));
    m_scene->selectIds({}, {note.id});
}

void PipelineEditController::groupSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty()) {
        emit statusMessage(tr("Select the stages to group first"));
        return;
    }
    QRectF bounds;
    for (const QString &id : nodes)
        if (const auto *item = m_scene->nodeItem(id))
            bounds |= item->sceneBoundingRect();
    const double margin = m_scene->theme().gridSize * 2;
    PipelineAnnotation group;
    group.id = graph()->newAnnotationId();
    group.kind = PipelineAnnotation::Kind::Group;
    group.text = tr("Group");
    group.rect
        = bounds.adjusted(-margin, -margin - m_scene->theme().groupTitleHeight, margin, margin);
    undoStack()->push(new AddAnnotationCommand(graph(), group));
}
