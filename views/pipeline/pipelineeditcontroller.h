#pragma once

#include "pipeline/pipelinearrangement.h"
#include "pipeline/pipelineautolayout.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

class PipelineDocument;
class PipelineGraph;
class PipelineScene;
class QUndoStack;
struct PipelineAnnotation;
struct PipelineEdge;
struct PipelineNode;

// The Pipeline workspace's edits: the canvas's requests (move, connect, resize) and the Edit
// menu's commands (add, cut, copy, paste, duplicate, delete, arrange, notes, groups) become one
// undo command each on the document's graph, which the scene then follows. Edits of the
// selection read the scene's; what an edit adds becomes the selection.
class PipelineEditController : public QObject
{
    Q_OBJECT

public:
    // A wire dropped on the empty canvas, from `port` of `node` (an output when `fromOutput`).
    struct Wire
    {
        QString node;
        QString port;
        bool fromOutput = true;
    };

    PipelineEditController(PipelineDocument *document,
                           PipelineScene *scene,
                           QObject *parent = nullptr);

    // Adds a stage of `kindId` with its catalog defaults at `scenePos` (snapped); returns its id,
    // empty for an unknown kind.
    QString addNode(const QString &kindId, const QPointF &scenePos);
    // addNode() and the wire connected to the new stage's first compatible port, in one step.
    void addConnectedNode(const QString &kindId, const QPointF &scenePos, const Wire &wire);
    void moveItems(const QHash<QString, QPointF> &nodes, const QHash<QString, QPointF> &notes);
    void connectPorts(const PipelineEdge &edge);
    void editNode(const PipelineNode &edited);
    // Makes the stage a `kindId` stage in one step; the status bar says which connections the
    // new kind's ports could not keep.
    void changeNodeKind(const QString &nodeId, const QString &kindId);
    void setAnnotationText(const QString &annotationId, const QString &text);
    void resizeAnnotation(const QString &annotationId, const QRectF &rect);

    void copySelection();
    void cutSelection();
    // The clipboard's stages and notes around `centre` (scene units), keeping their arrangement.
    void paste(const QPointF &centre);
    void duplicateSelection();
    void deleteSelection();
    // Lays the whole pipeline out left to right (Auto-arrange): one undo step.
    void arrange(PipelineArrangement::Shape shape = PipelineArrangement::Shape::Rows);
    void addNote(const QPointF &scenePos);
    // A frame around the selected stages.
    void groupSelection();

signals:
    void statusMessage(const QString &message);

private:
    PipelineGraph *graph() const;
    QUndoStack *undoStack() const;
    PipelineAutoLayout::Options layoutOptions() const;
    void editAnnotation(const PipelineAnnotation &edited);
    void addPlanned(const QList<PipelineNode> &nodes,
                    const QList<PipelineEdge> &edges,
                    const QList<PipelineAnnotation> &annotations,
                    const QString &text);

    PipelineDocument *m_document;
    PipelineScene *m_scene;
};
