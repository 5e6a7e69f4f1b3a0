#pragma once

#include "curriculum/topicstatus.h"
#include "theme/studiotheme.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTreeView;
class QUndoStack;
class CurriculumModel;
class RoadmapScene;
class RoadmapView;
class TopicFilterProxyModel;
class TopicPanel;

// The Roadmap workspace: the map (RoadmapScene in a RoadmapView), a detail drawer for the
// current topic, an optional outline, search and status filter. It owns the undo stack of
// status changes made during the session.
class RoadmapWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit RoadmapWorkspace(CurriculumModel *model, QWidget *parent = nullptr);

    RoadmapScene *scene() const { return m_scene; }
    RoadmapView *view() const { return m_view; }
    QTreeView *outline(); // with its model: the outline gets it when first shown
    TopicPanel *topicPanel() const { return m_panel; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    TopicFilterProxyModel *filterModel() const { return m_filter; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // The map is laid out just after the workspace's first frame (or on the first call that
    // needs it), so the window shows without waiting for it; ensureMap() builds it now.
    void ensureMap();

    void setTheme(const StudioTheme &theme);
    void focusSearch();
    void setOutlineVisible(bool visible);
    bool isOutlineVisible() const;
    void openDrawer();
    void closeDrawer();
    bool isDrawerOpen() const;
    QByteArray saveSplitterState();
    void restoreSplitterState(const QByteArray &state);

    // Selects a topic or section by id (false when the curriculum has no such id).
    bool selectId(const QString &id);
    void selectFirstTopic();
    QString selectedId() const { return m_currentId; }
    void moveToTopic(int step); // +1 next topic, -1 previous, in curriculum order
    void moveInDirection(Qt::Key direction);
    // Through the undo stack: Ctrl+Z takes it back.
    void setTopicStatus(const QString &topicId, TopicStatus status);
    void setCurrentTopicStatus(TopicStatus status);
    void zoomToCurrentSection();

signals:
    void statusMessage(const QString &message);
    void outlineVisibilityChanged(bool visible);

protected:
    bool event(QEvent *event) override;

private:
    QWidget *createToolBar();
    QWidget *createOutline();
    void attachOutlineModel();
    void applyDefaultPaneSizes();
    void onSearchChanged();
    void onOutlineCurrentChanged(const QModelIndex &current);
    void updateOverallProgress();
    void selectInOutline(const QString &id);
    QStringList visibleTopicOrder() const;

    CurriculumModel *m_model;
    RoadmapScene *m_scene;
    RoadmapView *m_view;
    TopicFilterProxyModel *m_filter;
    QUndoStack *m_undoStack;
    QLineEdit *m_search;
    QComboBox *m_statusFilter;
    QLabel *m_zoomLabel;
    QProgressBar *m_overall;
    QTreeView *m_tree;
    QWidget *m_outlinePane;
    TopicPanel *m_panel;
    QSplitter *m_splitter;
    QString m_currentId;
    bool m_syncing = false;
    bool m_defaultPaneSizes = true; // until a pane shows or a saved state is restored
};
