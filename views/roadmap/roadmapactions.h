#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class RoadmapWorkspace;

// The Roadmap workspace's commands as actions with their shortcuts, for the main window to put
// in its menus: zoom, outline, themes, topic navigation. (Undo comes from the main window's
// undo group, which holds the workspace's stack.)
class RoadmapActions : public QObject
{
    Q_OBJECT

public:
    explicit RoadmapActions(RoadmapWorkspace *workspace, QObject *parent = nullptr);

    QAction *zoomIn() const { return m_zoomIn; }
    QAction *zoomOut() const { return m_zoomOut; }
    QAction *fit() const { return m_fit; }
    QAction *zoomToSection() const { return m_zoomToSection; }
    QAction *outline() const { return m_outline; }
    QAction *previousTopic() const { return m_previousTopic; }
    QAction *nextTopic() const { return m_nextTopic; }
    QMenu *themeMenu() const { return m_themeMenu; }

    // Only the current workspace's shortcuts may fire: the pipeline canvas uses Ctrl+0 too.
    void setEnabled(bool enabled);

    QString themeId() const;
    // Applies a theme to the workspace and checks its menu entry; unknown ids fall back to the
    // default theme.
    void setThemeId(const QString &id);

signals:
    void themeChanged(const QString &themeId);

private:
    RoadmapWorkspace *m_workspace;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QAction *m_zoomToSection;
    QAction *m_outline;
    QAction *m_previousTopic;
    QAction *m_nextTopic;
    QMenu *m_themeMenu;
    QActionGroup *m_themes;
};
