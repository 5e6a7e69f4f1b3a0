#include "mainwindow.h"

#include "common/applicationsettings.h"
#include "licences.h"

#include "help/manualwindow.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinefileactions.h"
#include "pipeline/pipelineview.h"
#include "pipeline/pipelineworkspace.h"
#include "presentation/presentationwindow.h"
#include "progress/curriculummodel.h"
#include "progress/progressbackups.h"
#include "progress/progressstore.h"
#include "progress/progressworkspace.h"
#include "progress/studytimerwidget.h"
#include "roadmap/roadmapactions.h"
#include "roadmap/roadmapexportdialog.h"
#include "roadmap/roadmapscene.h"
#include "roadmap/roadmapview.h"
#include "roadmap/roadmapworkspace.h"
#include "roadmap/topicpanel.h"
#include "selfcheck/reviewdialog.h"
#include "selfcheck/selfcheckplan.h"
#include "session/studiosession.h"
#include "theme/studiotheme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoGroup>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(StudioSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_workspaces(new QTabWidget(this))
    , m_roadmap(new RoadmapWorkspace(session->curriculumModel(), this))
    , m_roadmapActions(new RoadmapActions(m_roadmap, this))
    , m_pipelinePage(new QWidget(this))
    , m_pipelineFiles(
          new PipelineFileActions(session->pipeline(), session->recoveryDir(), this, this))
    , m_progressPage(new QWidget(this))
    , m_undoGroup(new QUndoGroup(this))
{
    setWindowTitle(tr("MLOps Roadmap Studio"));
    setAcceptDrops(true);
    m_workspaces->setDocumentMode(true);
    m_workspaces->addTab(m_roadmap, tr("&Roadmap"));
    (new QVBoxLayout(m_pipelinePage))->setContentsMargins(0, 0, 0, 0);
    m_workspaces->addTab(m_pipelinePage, tr("Pi&peline"));
    (new QVBoxLayout(m_progressPage))->setContentsMargins(0, 0, 0, 0);
    m_workspaces->addTab(m_progressPage, tr("Pro&gress"));
    setCentralWidget(m_workspaces);

    auto *location = new QLabel(tr("Progress: %1 · Curriculum: %2")
                                    .arg(session->store()->filePath(), session->curriculumSource()),
                                this);
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(location);
    const auto showMessage = [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    };
    connect(m_roadmap, &RoadmapWorkspace::statusMessage, this, showMessage);
    connect(m_pipelineFiles, &PipelineFileActions::statusMessage, this, showMessage);
    wireProgress();
    createMenus();
    wirePipeline();
    restoreSettings();
}

PipelineWorkspace *MainWindow::pipeline()
{
    if (m_pipeline)
        return m_pipeline;
    m_pipeline = new PipelineWorkspace(
        m_session->pipeline(), m_session->curriculumModel(), m_pipelinePage);
    m_pipelinePage->layout()->addWidget(m_pipeline);
    m_pipeline->setTheme(StudioTheme::byIdOrDefault(m_roadmapActions->themeId()));
    connect(m_pipeline, &PipelineWorkspace::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_pipeline, &PipelineWorkspace::topicRequested, this, [this](const QString &topicId) {
        m_workspaces->setCurrentWidget(m_roadmap);
        m_roadmap->selectId(topicId);
        m_roadmap->openDrawer();
    });
    m_editMenu->insertActions(m_afterPipelineEdits, m_pipeline->editActions());
    m_pipelineMenu->addActions(m_pipeline->arrangeActions());
    const bool shown = m_workspaces->currentIndex() == Pipeline;
    for (QAction *action : m_pipeline->editActions() + m_pipeline->arrangeActions())
        action->setEnabled(shown);
    return m_pipeline;
}

ProgressWorkspace *MainWindow::progress()
{
    if (m_progress)
        return m_progress;
    m_progress = new ProgressWorkspace(
        m_session->curriculumModel(), m_session->studyTimer(), &QDate::currentDate, m_progressPage);
    m_progressPage->layout()->addWidget(m_progress);
    m_progress->setTheme(StudioTheme::byIdOrDefault(m_roadmapActions->themeId()));
    m_progress->restoreSettings();
    m_undoGroup->addStack(m_progress->undoStack());
    connect(m_progress, &ProgressWorkspace::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    m_fileMenu->insertMenu(m_beforeQuit, m_progress->exportMenu());
    return m_progress;
}

// The first frame is on the screen: now what it did not need.
void MainWindow::finishStartup()
{
    // The map first, painted at once rather than after the other workspaces are built.
    m_roadmap->ensureMap();
    if (m_workspaces->currentWidget() == m_roadmap)
        m_roadmap->view()->viewport()->repaint();
    pipeline();
    progress();
    // A crashed session's unsaved pipeline is offered once the window is up.
    m_pipelineFiles->offerRecovery();
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &MainWindow::finishStartup);
    }
    return QMainWindow::event(event);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    file->addAction(m_pipelineFiles->newAction());
    file->addMenu(m_pipelineFiles->templateMenu());
    file->addAction(m_pipelineFiles->openAction());
    file->addMenu(m_pipelineFiles->recentMenu());
    file->addAction(m_pipelineFiles->saveAction());
    file->addAction(m_pipelineFiles->saveAsAction());
    file->addSeparator();
    QAction *exportRoadmap
        = file->addAction(tr("&Export Roadmap…"), this, &MainWindow::exportRoadmap);
    exportRoadmap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_beforeQuit = file->addSeparator(); // progress() puts its export menu above it
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_afterPipelineEdits = edit->addSeparator(); // pipeline() puts its actions above it
    m_editMenu = edit;
    QAction *find = edit->addAction(tr("&Find Topic…"), this, [this] {
        m_workspaces->setCurrentWidget(m_roadmap);
        m_roadmap->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("&Roadmap"), tr("&Pipeline"), tr("Pro&gress")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action
            = view->addAction(names.at(i), this, [this, i] { m_workspaces->setCurrentIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addMenu(m_roadmapActions->themeMenu());
    view->addAction(m_roadmapActions->outline());
    view->addSeparator();
    view->addAction(m_roadmapActions->zoomIn());
    view->addAction(m_roadmapActions->zoomOut());
    view->addAction(m_roadmapActions->fit());
    view->addAction(m_roadmapActions->zoomToSection());
    view->addSeparator();
    view->addAction(m_roadmapActions->previousTopic());
    view->addAction(m_roadmapActions->nextTopic());
    view->addSeparator();
    view->addAction(tr("Pre&sent Roadmap"), this, &MainWindow::present)->setShortcut(Qt::Key_F5);

    m_pipelineMenu = menuBar()->addMenu(tr("&Pipeline")); // filled by pipeline()

    createStudyMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User Manual"), this, &MainWindow::showManual)
        ->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction *about
        = help->addAction(tr("&About MLOps Roadmap Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStudyMenu()
{
    QMenu *study = menuBar()->addMenu(tr("&Study"));
    study->addAction(tr("&Review Due Questions…"), this, &MainWindow::reviewDue)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    study
        ->addAction(tr("&Check Yourself on This Topic…"),
                    this,
                    [this] {
                        const QModelIndex index = m_roadmap->topicPanel()->currentIndex();
                        if (index.isValid() && index.parent().isValid())
                            checkYourself(index.data(CurriculumModel::IdRole).toString());
                        else
                            statusBar()->showMessage(
                                tr("Choose a topic first: Check Yourself asks its questions."),
                                8000);
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
}

void MainWindow::reviewDue()
{
    const CurriculumModel *model = m_session->curriculumModel();
    QStringList ids;
    for (const SelfCheckPlan::PlannedQuestion &planned :
         SelfCheckPlan::dueQuestions(model->curriculum(),
                                     model->store()->reviewCards(),
                                     model->store()->statuses(),
                                     QDateTime::currentDateTimeUtc())) {
        ids << planned.question->id;
    }
    runReview(ids, tr("Review"));
}

void MainWindow::checkYourself(const QString &topicId)
{
    const CurriculumModel *model = m_session->curriculumModel();
    const Topic *topic = model->curriculum().findTopic(topicId);
    if (!topic)
        return;
    QStringList ids;
    for (const SelfCheckPlan::PlannedQuestion &planned : SelfCheckPlan::topicQuestions(
             *topic, model->store()->reviewCards(), QDateTime::currentDateTimeUtc())) {
        ids << planned.question->id;
    }
    runReview(ids, tr("Check Yourself: %1").arg(topic->title));
}

void MainWindow::runReview(const QStringList &questionIds, const QString &title)
{
    CurriculumModel *model = m_session->curriculumModel();
    ReviewDialog dialog(model->curriculum(),
                        model->store(),
                        questionIds,
                        title,
                        &QDateTime::currentDateTimeUtc,
                        this);
    dialog.exec();
    if (dialog.asked() > 0)
        statusBar()->showMessage(
            tr("%1 of %n answer(s) right.", nullptr, dialog.asked()).arg(dialog.right()), 8000);
}

void MainWindow::exportRoadmap()
{
    RoadmapExportDialog dialog(m_session->curriculumModel(),
                               m_roadmapActions->themeId(),
                               m_roadmap->scene()->showProgress(),
                               this);
    dialog.exec();
}

void MainWindow::wireProgress()
{
    m_roadmap->topicPanel()->setStudyTimer(m_session->studyTimer());
    connect(m_roadmap->topicPanel()->timerWidget(),
            &StudyTimerWidget::message,
            this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_roadmapActions, &RoadmapActions::themeChanged, this, [this](const QString &id) {
        if (m_progress) // else progress() sets it when it creates the workspace
            m_progress->setTheme(StudioTheme::byIdOrDefault(id));
    });
}

void MainWindow::wirePipeline()
{
    m_undoGroup->addStack(m_roadmap->undoStack());
    m_undoGroup->addStack(m_session->pipeline()->undoStack());
    connect(m_workspaces, &QTabWidget::currentChanged, this, &MainWindow::onWorkspaceChanged);
    connect(
        m_session->pipeline(), &PipelineDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(
        m_session->pipeline(), &PipelineDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_roadmapActions, &RoadmapActions::themeChanged, this, [this](const QString &id) {
        if (m_pipeline) // else pipeline() sets it when it creates the workspace
            m_pipeline->setTheme(StudioTheme::byIdOrDefault(id));
    });
    // The curriculum link, both ways.
    connect(m_roadmap->topicPanel(),
            &TopicPanel::showInPipelineRequested,
            this,
            [this](const QString &topicId) {
                m_workspaces->setCurrentIndex(Pipeline);
                pipeline()->showTopic(topicId);
            });
    connect(m_roadmap->topicPanel(),
            &TopicPanel::checkYourselfRequested,
            this,
            &MainWindow::checkYourself);
    onWorkspaceChanged(m_workspaces->currentIndex());
}

namespace {

QStringList droppedFiles(const QMimeData *data)
{
    QStringList files;
    if (data && data->hasUrls())
        for (const QUrl &url : data->urls())
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
                files << url.toLocalFile();
    return files;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_workspaces->setCurrentIndex(Pipeline);
    if (!m_pipelineFiles->maybeSave() || !openPipeline(files.first()))
        return;
    if (files.size() > 1) // one pipeline at a time, as File ▸ Open
        statusBar()->showMessage(tr("Opened %1; the other %n file(s) dropped with it were not "
                                    "opened: one pipeline at a time",
                                    nullptr,
                                    int(files.size() - 1))
                                     .arg(QFileInfo(files.first()).fileName()),
                                 8000);
}

bool MainWindow::openPipeline(const QString &path)
{
    m_workspaces->setCurrentIndex(Pipeline);
    return m_pipelineFiles->openPath(path);
}

void MainWindow::onWorkspaceChanged(int index)
{
    const bool pipeline = index == Pipeline;
    m_undoGroup->setActiveStack(pipeline            ? m_session->pipeline()->undoStack()
                                : index == Progress ? progress()->undoStack()
                                                    : m_roadmap->undoStack());
    if (index == Progress)
        progress()->setTimerTopic(m_roadmap->selectedId());
    m_roadmapActions->setEnabled(index == Roadmap);
    if (pipeline)
        this->pipeline(); // shown: it must exist now
    if (m_pipeline) {
        for (QAction *action : m_pipeline->editActions() + m_pipeline->arrangeActions())
            action->setEnabled(pipeline);
    }
    if (pipeline)
        m_pipeline->view()->setFocus(Qt::TabFocusReason);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const PipelineDocument *document = m_session->pipeline();
    if (m_workspaces->currentIndex() == Pipeline) {
        setWindowTitle(tr("%1[*] — MLOps Roadmap Studio").arg(document->displayName()));
        setWindowModified(document->isModified());
    } else {
        setWindowTitle(tr("MLOps Roadmap Studio"));
        setWindowModified(false);
    }
}

// One manual window, raised again when it is already open (the page read last stays).
void MainWindow::showManual()
{
    auto *manual = findChild<ManualWindow *>();
    if (!manual) {
        manual = new ManualWindow(this);
        manual->setWindowFlag(Qt::Window);
    }
    manual->show();
    manual->raise();
    manual->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About MLOps Roadmap Studio"),
                       tr("<h3>MLOps Roadmap Studio %1</h3>"
                          "<p>Learn MLOps as a DevOps engineer: an interactive roadmap of the "
                          "coursework, a pipeline designer and a progress tracker.</p>"
                          "<p>Progress is kept in <code>%2</code>.</p>"
                          "<p>Everything also works from the command line: run "
                          "<code>mlops-studio --help</code> or <code>man mlops-studio</code>.</p>"
                          "<p>Licences of the program and of what it ships or links:</p>%3")
                           .arg(QCoreApplication::applicationVersion(),
                                m_session->store()->filePath().toHtmlEscaped(),
                                Licences::html()));
}

void MainWindow::present()
{
    if (auto *open = findChild<PresentationWindow *>(); open && open->isVisible())
        return open->activateWindow();
    auto *presentation = new PresentationWindow(m_session->curriculumModel(), this);
    presentation->setAttribute(Qt::WA_DeleteOnClose);
    presentation->goToId(m_roadmap->selectedId());
    // Back where the presenter left off; a topic of the same section stays selected.
    connect(presentation, &PresentationWindow::finished, this, [this](const QString &sectionId) {
        const Curriculum &curriculum = m_session->curriculumModel()->curriculum();
        const Section *selected = curriculum.sectionOfTopic(m_roadmap->selectedId());
        if (!selected || selected->id != sectionId)
            m_roadmap->selectId(sectionId);
        m_workspaces->setCurrentWidget(m_roadmap);
        activateWindow();
    });
    presentation->present(this);
}

void MainWindow::restoreSettings()
{
    QSettings settings = applicationSettings();
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1200, 780);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    const int workspace = settings.value(u"window/workspace"_s, Roadmap).toInt();
    if (workspace >= 0 && workspace < m_workspaces->count())
        m_workspaces->setCurrentIndex(workspace);
    m_roadmapActions->setThemeId(
        settings.value(u"roadmap/theme"_s, StudioTheme::defaultId()).toString());
    m_roadmap->setOutlineVisible(settings.value(u"roadmap/outline"_s, false).toBool());
    m_roadmap->restoreSplitterState(settings.value(u"roadmap/splitter"_s).toByteArray());
    if (!m_roadmap->selectId(settings.value(u"roadmap/selected"_s).toString()))
        m_roadmap->selectFirstTopic();
    if (settings.value(u"roadmap/drawer"_s, false).toBool())
        m_roadmap->openDrawer();
}

void MainWindow::saveSettings() const
{
    QSettings settings = applicationSettings();
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/workspace"_s, m_workspaces->currentIndex());
    settings.setValue(u"roadmap/splitter"_s, m_roadmap->saveSplitterState());
    settings.setValue(u"roadmap/selected"_s, m_roadmap->selectedId());
    settings.setValue(u"roadmap/theme"_s, m_roadmapActions->themeId());
    settings.setValue(u"roadmap/outline"_s, m_roadmap->isOutlineVisible());
    settings.setValue(u"roadmap/drawer"_s, m_roadmap->isDrawerOpen());
    if (m_progress)
        m_progress->saveSettings();
}

void MainWindow::changeEvent(QEvent *event)
{
    // The command line may have written while the user was elsewhere: show it on return.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_session->store()->checkExternalChanges();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_pipelineFiles->maybeSave()) {
        event->ignore();
        return;
    }
    if (!m_roadmap->topicPanel()->saveNotes()) {
        const auto answer = QMessageBox::warning(
            this,
            tr("Notes not saved"),
            tr("Your latest notes could not be saved:\n\n%1\n\nClose and lose them?")
                .arg(m_session->store()->errorString()),
            QMessageBox::Discard | QMessageBox::Cancel,
            QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    // As Anki does: a backup on the way out when one is due.
    m_session->backups()->backupIfDue();
    event->accept();
}
