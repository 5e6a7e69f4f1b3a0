#include "pipeline/pipelineworkspace.h"

#include "pipeline/findingspanel.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/nodepalette.h"
#include "pipeline/nodepropertypanel.h"
#include "pipeline/nodetopicprogress.h"
#include "pipeline/orchestratorexportdialog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelineeditcontroller.h"
#include "pipeline/pipelineexportdialog.h"
#include "pipeline/pipelineminimap.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"
#include "pipeline/quickaddpopup.h"
#include "progress/curriculummodel.h"
#include "theme/studiotheme.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QMimeData>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Long enough to skip the intermediate states of a drag or of typing, short enough to feel live.
constexpr int ValidationDelayMs = 150;

QAction *makeAction(QObject *parent, const QString &text, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, parent);
    action->setShortcuts(keys);
    // The window enables these only while the Pipeline tab is shown, so they may listen to the
    // whole window: a shortcut then works wherever the focus is (the tab bar, a panel).
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

PipelineWorkspace::PipelineWorkspace(PipelineDocument *document,
                                     CurriculumModel *curriculum,
                                     QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_curriculum(curriculum)
    , m_scene(new PipelineScene(document->graph(), this))
    , m_view(new PipelineView(m_scene, this))
    , m_minimap(new PipelineMinimap(m_view, this))
    , m_palette(new NodePalette(document->graph()->catalog(), this))
    , m_properties(new NodePropertyPanel(document->graph()->catalog(), this))
    , m_findingsPanel(new FindingsPanel(this))
    , m_quickAdd(new QuickAddPopup(document->graph()->catalog(), this))
    , m_edits(new PipelineEditController(document, m_scene, this))
{
    // The minimap floats over the canvas's bottom-right corner (see eventFilter).
    m_minimap->setParent(m_view);
    m_minimap->resize(m_minimap->sizeHint());
    // Over an empty canvas it has nothing to show: the canvas's hint says how to begin instead.
    m_minimap->setHidden(m_view->showsEmptyCanvasHint());
    connect(m_view, &PipelineView::emptyCanvasChanged, m_minimap, &QWidget::setHidden);

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_properties);
    side->addWidget(m_findingsPanel);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"pipelineSplitter"_s);
    splitter->addWidget(m_palette);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 800, 360});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_validation.setSingleShot(true);
    m_validation.setInterval(ValidationDelayMs);
    connect(&m_validation, &QTimer::timeout, this, &PipelineWorkspace::validateNow);

    createActions();
    connectScene();
    validateNow();
    updateTopicProgress();
}

PipelineWorkspace::~PipelineWorkspace()
{
    // The scene is a child: QWidget's destructor deletes it after this class is gone, and clearing
    // its items emits selectionChanged into onSelectionChanged on a half-destroyed object (found
    // by UBSan in build-asan). Nothing here may listen to it any more, nor the edit controller,
    // which goes after the scene.
    disconnect(m_scene, nullptr, this, nullptr);
    disconnect(m_scene, nullptr, m_edits, nullptr);
}

void PipelineWorkspace::createActions()
{
    m_cut = makeAction(this, tr("Cu&t"), {QKeySequence::Cut});
    m_copy = makeAction(this, tr("&Copy"), {QKeySequence::Copy});
    m_paste = makeAction(this, tr("&Paste"), {QKeySequence::Paste});
    m_duplicate = makeAction(this, tr("D&uplicate"), {QKeySequence(Qt::CTRL | Qt::Key_D)});
    m_delete
        = makeAction(this, tr("&Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    m_selectAll = makeAction(this, tr("Select &All"), {QKeySequence::SelectAll});
    m_arrange = makeAction(this, tr("&Arrange Pipeline"), {QKeySequence(Qt::CTRL | Qt::Key_L)});
    m_arrange->setStatusTip(tr("Lay the stages out left to right, long chains wrapped into rows "
                               "that fit the window"));
    m_arrangeInOneRow = makeAction(
        this, tr("Arrange in &One Row"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)});
    m_arrangeInOneRow->setStatusTip(
        tr("Lay the stages out left to right in one row, however long (a wide poster)"));
    m_addNote = makeAction(this, tr("Add &Note"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
    m_group = makeAction(this, tr("&Group Selection"), {QKeySequence(Qt::CTRL | Qt::Key_G)});
    m_fit = makeAction(this, tr("&Fit Pipeline"), {QKeySequence(Qt::CTRL | Qt::Key_0)});
    m_fit->setStatusTip(tr("Show the whole pipeline at a zoom where the stage names can be read; "
                           "one too large for that opens at its start, the rest a scroll away"));
    m_fitWhole = makeAction(
        this, tr("Fit &Whole Pipeline"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0)});
    m_fitWhole->setStatusTip(
        tr("Show all of the pipeline in the window, even where the names are too small to read"));
    m_zoomToSelection
        = makeAction(this, tr("Zoom to &Selection"), {QKeySequence(Qt::CTRL | Qt::Key_9)});
    m_exportDiagram = makeAction(
        this, tr("&Export Diagram…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    m_exportToOrchestrator
        = makeAction(this, tr("Export &to…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)});
    connect(m_cut, &QAction::triggered, this, &PipelineWorkspace::cutSelection);
    connect(m_copy, &QAction::triggered, this, &PipelineWorkspace::copySelection);
    connect(m_paste, &QAction::triggered, this, &PipelineWorkspace::paste);
    connect(m_duplicate, &QAction::triggered, this, &PipelineWorkspace::duplicateSelection);
    connect(m_delete, &QAction::triggered, this, &PipelineWorkspace::deleteSelection);
    connect(m_selectAll, &QAction::triggered, m_scene, &PipelineScene::selectAll);
    connect(m_arrange, &QAction::triggered, this, [this] {
        arrange(PipelineArrangement::Shape::Rows);
    });
    connect(m_arrangeInOneRow, &QAction::triggered, this, [this] {
        arrange(PipelineArrangement::Shape::OneRow);
    });
    connect(m_addNote, &QAction::triggered, this, &PipelineWorkspace::addNote);
    connect(m_group, &QAction::triggered, this, &PipelineWorkspace::groupSelection);
    connect(m_fit, &QAction::triggered, m_view, &PipelineView::showContent);
    connect(m_fitWhole, &QAction::triggered, m_view, &PipelineView::fitAll);
    connect(m_zoomToSelection, &QAction::triggered, m_view, &PipelineView::zoomToSelection);
    connect(m_exportDiagram, &QAction::triggered, this, &PipelineWorkspace::exportDiagram);
    connect(m_exportToOrchestrator,
            &QAction::triggered,
            this,
            &PipelineWorkspace::exportToOrchestrator);
    addActions(editActions() + arrangeActions());
}

QList<QAction *> PipelineWorkspace::editActions() const
{
    return {m_cut, m_copy, m_paste, m_duplicate, m_delete, m_selectAll};
}

QList<QAction *> PipelineWorkspace::arrangeActions() const
{
    return {m_arrange,
            m_arrangeInOneRow,
            m_addNote,
            m_group,
            m_fit,
            m_fitWhole,
            m_zoomToSelection,
            m_exportDiagram,
            m_exportToOrchestrator};
}

void PipelineWorkspace::connectScene()
{
    connectDocument();
    connectCanvas();
    connectPanels();
}

void PipelineWorkspace::connectDocument()
{
    PipelineGraph *graph = m_document->graph();
    connect(graph, &PipelineGraph::changed, &m_validation, qOverload<>(&QTimer::start));
    connect(graph, &PipelineGraph::changed, this, &PipelineWorkspace::updateTopicProgress);
    connect(graph, &PipelineGraph::nodeChanged, this, [this](const QString &id) {
        if (id == m_properties->nodeId())
            m_properties->setNode(m_document->graph()->node(id));
    });
    connect(m_document, &PipelineDocument::loaded, this, [this] {
        m_properties->setSourceFile(QFileInfo(m_document->graph()->source().path).fileName());
        m_properties->setNode(nullptr);
        validateNow();
        m_view->showContent();
    });
    connect(m_document, &PipelineDocument::aboutToReload, this, &PipelineWorkspace::keepView);
    connect(m_document, &PipelineDocument::reloaded, this, &PipelineWorkspace::restoreView);
    connect(
        m_edits, &PipelineEditController::statusMessage, this, &PipelineWorkspace::statusMessage);
}

// The canvas's requests go to the edit controller; those that need a popup or a dialog first
// come here.
void PipelineWorkspace::connectCanvas()
{
    connect(
        m_scene, &QGraphicsScene::selectionChanged, this, &PipelineWorkspace::onSelectionChanged);
    connect(m_scene,
            &PipelineScene::moveRequested,
            m_edits,
            [this](const QHash<QString, QPointF> &,
                   const QHash<QString, QPointF> &nodes,
                   const QHash<QString, QPointF> &,
                   const QHash<QString, QPointF> &notes) { m_edits->moveItems(nodes, notes); });
    connect(
        m_scene, &PipelineScene::connectRequested, m_edits, &PipelineEditController::connectPorts);
    connect(m_scene, &PipelineScene::connectRefused, this, &PipelineWorkspace::statusMessage);
    connect(m_scene,
            &PipelineScene::connectDroppedOnEmpty,
            this,
            [this](const PortRef &port, bool fromOutput, const QPointF &scenePos) {
                m_pendingWire = PipelineEditController::Wire{port.node, port.port, fromOutput};
                onQuickAdd(scenePos);
            });
    connect(m_scene,
            &PipelineScene::deleteRequested,
            m_edits,
            &PipelineEditController::deleteSelection);
    connect(m_scene, &PipelineScene::quickAddRequested, this, &PipelineWorkspace::onQuickAdd);
    connect(m_view, &PipelineView::quickAddRequested, this, &PipelineWorkspace::onQuickAdd);
    connect(m_scene, &PipelineScene::nodeActivated, this, [this] {
        m_properties->nameField()->setFocus();
        m_properties->nameField()->selectAll();
    });
    connect(m_scene,
            &PipelineScene::annotationActivated,
            this,
            &PipelineWorkspace::onAnnotationActivated);
    connect(m_scene,
            &PipelineScene::annotationResizeRequested,
            m_edits,
            &PipelineEditController::resizeAnnotation);
}

void PipelineWorkspace::connectPanels()
{
    connect(m_quickAdd, &QuickAddPopup::kindChosen, this, &PipelineWorkspace::onKindChosen);
    connect(m_quickAdd, &QuickAddPopup::dismissed, this, [this] { m_pendingWire.reset(); });
    connect(m_palette, &NodePalette::kindActivated, this, [this](const QString &kindId) {
        addNode(kindId, viewCentre());
    });
    connect(m_properties,
            &NodePropertyPanel::nodeEdited,
            m_edits,
            [this](const PipelineNode &, const PipelineNode &after, const QString &) {
                m_edits->editNode(after);
            });
    connect(m_properties,
            &NodePropertyPanel::kindChosen,
            m_edits,
            &PipelineEditController::changeNodeKind);
    connect(m_findingsPanel, &FindingsPanel::findingActivated, this, [this](const QString &id) {
        m_scene->selectIds({id});
        m_view->zoomToSelection();
    });
    connect(
        m_findingsPanel, &FindingsPanel::topicRequested, this, &PipelineWorkspace::topicRequested);
    if (m_curriculum) {
        connect(m_curriculum,
                &QAbstractItemModel::dataChanged,
                this,
                &PipelineWorkspace::updateTopicProgress);
        connect(m_curriculum,
                &QAbstractItemModel::modelReset,
                this,
                &PipelineWorkspace::updateTopicProgress);
    }
}

void PipelineWorkspace::onAnnotationActivated(const QString &annotationId)
{
    const PipelineAnnotation *annotation = m_document->graph()->annotation(annotationId);
    if (!annotation)
        return;
    bool ok = false;
    const QString text
        = QInputDialog::getMultiLineText(this, tr("Edit Note"), tr("Text:"), annotation->text, &ok);
    if (ok)
        m_edits->setAnnotationText(annotationId, text);
}

void PipelineWorkspace::setTheme(const StudioTheme &theme)
{
    m_themeId = theme.id;
    m_scene->setTheme(theme);
}

void PipelineWorkspace::exportDiagram()
{
    PipelineExportDialog dialog(m_document->graph(),
                                m_themeId.isEmpty() ? StudioTheme::defaultId() : m_themeId,
                                m_scene->selectedNodeIds(),
                                m_scene->selectedAnnotationIds(),
                                this);
    dialog.exec();
}

void PipelineWorkspace::exportToOrchestrator()
{
    const QString path = m_document->filePath();
    OrchestratorExportDialog dialog(m_document->graph(),
                                    path.isEmpty() ? u"pipeline"_s
                                                   : QFileInfo(path).completeBaseName(),
                                    this);
    dialog.exec();
}

void PipelineWorkspace::onSelectionChanged()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    m_properties->setNode(nodes.size() == 1 ? m_document->graph()->node(nodes.first()) : nullptr);
}

QPointF PipelineWorkspace::viewCentre() const
{
    return m_view->mapToScene(m_view->viewport()->rect().center());
}

void PipelineWorkspace::onQuickAdd(const QPointF &scenePos)
{
    m_quickAddPos = scenePos;
    m_quickAdd->popup(m_view->viewport()->mapToGlobal(m_view->mapFromScene(scenePos)));
}

void PipelineWorkspace::onKindChosen(const QString &kindId)
{
    const std::optional<PipelineEditController::Wire> wire
        = std::exchange(m_pendingWire, std::nullopt);
    if (wire)
        m_edits->addConnectedNode(kindId, m_quickAddPos, *wire);
    else
        m_edits->addNode(kindId, m_quickAddPos);
}

QString PipelineWorkspace::addNode(const QString &kindId, const QPointF &scenePos)
{
    return m_edits->addNode(kindId, scenePos);
}

void PipelineWorkspace::copySelection()
{
    m_edits->copySelection();
}

void PipelineWorkspace::cutSelection()
{
    m_edits->cutSelection();
}

// Pasted items land around the centre of the view.
void PipelineWorkspace::paste()
{
    m_edits->paste(viewCentre());
}

void PipelineWorkspace::duplicateSelection()
{
    m_edits->duplicateSelection();
}

void PipelineWorkspace::deleteSelection()
{
    m_edits->deleteSelection();
}

void PipelineWorkspace::arrange(PipelineArrangement::Shape shape)
{
    m_edits->arrange(shape);
    m_view->showContent();
}

void PipelineWorkspace::addNote()
{
    m_edits->addNote(viewCentre());
}

void PipelineWorkspace::groupSelection()
{
    m_edits->groupSelection();
}

// A reload of the imported file (it changed on disk) keeps the zoom, the place and the
// selection: nodes are matched by their id in the source, which a reload keeps.
void PipelineWorkspace::keepView()
{
    m_kept.centre = viewCentre();
    m_kept.fitting = m_view->fitsOnResize();
    m_kept.selected.clear();
    for (const QString &id : m_scene->selectedNodeIds())
        if (const PipelineNode *node = m_document->graph()->node(id))
            m_kept.selected << node->source.id;
    m_view->keepViewOnNextRebuild();
}

void PipelineWorkspace::restoreView()
{
    QStringList selected;
    for (const PipelineNode &node : m_document->graph()->nodes())
        if (m_kept.selected.contains(node.source.id))
            selected << node.id;
    m_scene->selectIds(selected);
    if (m_kept.fitting)
        m_view->showContent();
    else
        m_view->centerOn(m_kept.centre);
    onSelectionChanged(); // the panel's node was replaced even when the selection looks alike
    validateNow();
}

void PipelineWorkspace::validateNow()
{
    m_validation.stop();
    m_findings = validatePipeline(*m_document->graph());
    // What the import could not represent is listed with the checks, with its line.
    for (const QString &warning : m_document->importWarnings())
        m_findings.append({PipelineFinding::Severity::Warning, {}, warning, {}, u"import"_s});
    m_scene->setFindings(m_findings);
    QHash<QString, QString> names;
    for (const PipelineNode &node : m_document->graph()->nodes())
        names.insert(node.id, node.name);
    QHash<QString, QString> topics;
    for (const PipelineFinding &finding : std::as_const(m_findings)) {
        const Topic *topic = m_curriculum && !finding.topicId.isEmpty()
                                 ? m_curriculum->curriculum().findTopic(finding.topicId)
                                 : nullptr;
        if (topic)
            topics.insert(finding.topicId, topic->title);
    }
    m_findingsPanel->setFindings(m_findings, names, topics);
}

void PipelineWorkspace::updateTopicProgress()
{
    if (m_curriculum)
        m_scene->setTopicProgress(NodeTopicProgresses::of(*m_document->graph(), *m_curriculum));
}

bool PipelineWorkspace::showTopic(const QString &topicId)
{
    const NodeCatalog *catalog = m_document->graph()->catalog();
    for (const PipelineNode &node : m_document->graph()->nodes()) {
        const NodeKind *kind = catalog->kind(node.kind);
        if (kind && kind->topics.contains(topicId)) {
            m_scene->selectIds({node.id});
            m_view->zoomToSelection();
            emit statusMessage(tr("“%1” teaches this topic").arg(node.name));
            return true;
        }
    }
    for (const NodeKind &kind : catalog->kinds()) {
        if (kind.topics.contains(topicId)) {
            const QString id = addNode(kind.id, viewCentre());
            m_view->zoomToSelection();
            emit statusMessage(tr("Added “%1”, the stage that practises this topic")
                                   .arg(m_document->graph()->node(id)->name));
            return true;
        }
    }
    emit statusMessage(tr("No pipeline stage practises this topic"));
    return false;
}

bool PipelineWorkspace::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport is resized after its view has laid it out: its geometry is final here.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        const int margin = 12;
        const QRect area = m_view->viewport()->geometry();
        m_minimap->move(area.right() - m_minimap->width() - margin,
                        area.bottom() - m_minimap->height() - margin);
        m_minimap->raise();
    }
    // Stages dragged from the palette land where they are dropped.
    if (watched == m_view->viewport()) {
        const auto accepts = [](const QMimeData *data) {
            return data && data->hasFormat(NodePalette::mimeType());
        };
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (accepts(drag->mimeData())) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (accepts(drop->mimeData())) {
                const QString kindId
                    = QString::fromUtf8(drop->mimeData()->data(NodePalette::mimeType()));
                addNode(kindId, m_view->mapToScene(drop->position().toPoint()));
                drop->acceptProposedAction();
                return true;
            }
            break;
        }
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}
