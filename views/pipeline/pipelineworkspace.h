#pragma once

#include "pipeline/pipelineeditcontroller.h"
#include "pipeline/pipelinevalidator.h"

#include <QPointF>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <optional>

class CurriculumModel;
class FindingsPanel;
class NodePalette;
class NodePropertyPanel;
class PipelineDocument;
class PipelineMinimap;
class PipelineScene;
class PipelineView;
class QAction;
class QuickAddPopup;
struct StudioTheme;

// The Pipeline workspace: the stage palette, the canvas with its minimap, the property panel and
// the live findings, wired together. Its PipelineEditController turns every gesture into one
// undo command on the document's graph; the canvas follows the graph. Validation runs a moment
// after each change.
class PipelineWorkspace : public QWidget
{
    Q_OBJECT

public:
    PipelineWorkspace(PipelineDocument *document,
                      CurriculumModel *curriculum,
                      QWidget *parent = nullptr);
    ~PipelineWorkspace() override;

    PipelineDocument *document() const { return m_document; }
    PipelineScene *scene() const { return m_scene; }
    PipelineView *view() const { return m_view; }
    NodePalette *palette() const { return m_palette; }
    NodePropertyPanel *properties() const { return m_properties; }
    FindingsPanel *findingsPanel() const { return m_findingsPanel; }
    const QList<PipelineFinding> &findings() const { return m_findings; }
    QList<QAction *> editActions() const;    // cut, copy, paste, duplicate, delete, select all
    QList<QAction *> arrangeActions() const; // arrange, notes, groups, zoom, the two exports

    void setTheme(const StudioTheme &theme);
    // Adds a stage of `kindId` with its catalog defaults at `scenePos` (snapped); returns its id.
    QString addNode(const QString &kindId, const QPointF &scenePos);
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void arrange(PipelineArrangement::Shape shape = PipelineArrangement::Shape::Rows);
    void addNote();
    void groupSelection();
    void exportDiagram();        // the Export Diagram dialog
    void exportToOrchestrator(); // the Export to… dialog: Argo, Airflow, GitHub Actions, DVC
    // The curriculum link: selects a stage teaching the topic, or adds one of the first kind
    // that teaches it. False when no stage kind teaches it.
    bool showTopic(const QString &topicId);
    void validateNow();

signals:
    void statusMessage(const QString &message);
    void topicRequested(const QString &topicId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void connectScene();
    void connectDocument();
    void connectCanvas();
    void connectPanels();
    void onSelectionChanged();
    void onQuickAdd(const QPointF &scenePos);
    void onKindChosen(const QString &kindId);
    void onAnnotationActivated(const QString &annotationId);
    void updateTopicProgress();
    QPointF viewCentre() const;
    void keepView();
    void restoreView();

    PipelineDocument *m_document;
    CurriculumModel *m_curriculum;
    PipelineScene *m_scene;
    PipelineView *m_view;
    PipelineMinimap *m_minimap;
    NodePalette *m_palette;
    NodePropertyPanel *m_properties;
    FindingsPanel *m_findingsPanel;
    QuickAddPopup *m_quickAdd;
    PipelineEditController *m_edits;
    QList<PipelineFinding> m_findings;
    QTimer m_validation;
    QPointF m_quickAddPos;
    struct KeptView
    {
        QPointF centre;
        bool fitting = false;
        QStringList selected; // source ids
    } m_kept;
    // A wire dropped on empty canvas: the stage chosen next is connected to it.
    std::optional<PipelineEditController::Wire> m_pendingWire;
    QAction *m_cut;
    QAction *m_copy;
    QAction *m_paste;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_selectAll;
    QAction *m_arrange;
    QAction *m_arrangeInOneRow;
    QAction *m_addNote;
    QAction *m_group;
    QAction *m_fit;
    QAction *m_fitWhole;
    QAction *m_zoomToSelection;
    QAction *m_exportDiagram;
    QAction *m_exportToOrchestrator;
    QString m_themeId;
};
