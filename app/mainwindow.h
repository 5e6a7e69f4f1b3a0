#pragma once

#include <QMainWindow>

class PipelineFileActions;
class PipelineWorkspace;
class ProgressWorkspace;
class QMenu;
class QTabWidget;
class QUndoGroup;
class RoadmapActions;
class RoadmapWorkspace;
class StudioSession;

// Wires the workspaces, menus and settings together; the workspaces and models do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Workspace { Roadmap, Pipeline, Progress };

    explicit MainWindow(StudioSession *session, QWidget *parent = nullptr);

    QTabWidget *workspaces() const { return m_workspaces; }
    RoadmapWorkspace *roadmap() const { return m_roadmap; }
    RoadmapActions *roadmapActions() const { return m_roadmapActions; }
    // Created on first use (its tab shown, a file opened, a topic shown in it) or right after the
    // window's first frame: nothing of it is needed to show the window.
    PipelineWorkspace *pipeline();
    PipelineFileActions *pipelineFiles() const { return m_pipelineFiles; }
    // Created like the Pipeline workspace: on first use or right after the first frame.
    ProgressWorkspace *progress();
    // Opens a pipeline file on the Pipeline tab; errors are shown.
    bool openPipeline(const QString &path);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    // A pipeline file dropped from the file manager opens on the Pipeline tab.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void finishStartup();
    void createMenus();
    void createStudyMenu();
    void wirePipeline();
    void wireProgress();
    void onWorkspaceChanged(int index);
    void updateTitle();
    void restoreSettings();
    void saveSettings() const;
    void showManual();
    void showAbout();
    void present();
    void exportRoadmap();
    // Study > Review: the questions due today, then new ones of the topics being learned.
    void reviewDue();
    // "Check yourself": all of one topic's questions, due or new first.
    void checkYourself(const QString &topicId);
    void runReview(const QStringList &questionIds, const QString &title);

    StudioSession *m_session;
    QTabWidget *m_workspaces;
    RoadmapWorkspace *m_roadmap;
    RoadmapActions *m_roadmapActions;
    QWidget *m_pipelinePage; // the Pipeline tab; holds m_pipeline once it exists
    PipelineWorkspace *m_pipeline = nullptr;
    PipelineFileActions *m_pipelineFiles;
    QWidget *m_progressPage; // the Progress tab; holds m_progress once it exists
    ProgressWorkspace *m_progress = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_beforeQuit = nullptr; // the Progress export menu goes before it
    QUndoGroup *m_undoGroup;
    QMenu *m_editMenu = nullptr;
    QAction *m_afterPipelineEdits = nullptr; // the pipeline's edit actions go before it
    QMenu *m_pipelineMenu = nullptr;
    bool m_painted = false;
};
