#include "roadmap/roadmapactions.h"

#include "roadmap/roadmapview.h"
#include "roadmap/roadmapworkspace.h"
#include "theme/studiotheme.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace {

QAction *createAction(QObject *parent, const QString &text, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, parent);
    action->setShortcuts(keys);
    // The map has focus most of the time, but the shortcuts work from anywhere in the window.
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

RoadmapActions::RoadmapActions(RoadmapWorkspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_zoomIn(createAction(
          this, tr("Zoom &In"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)}))
    , m_zoomOut(createAction(this, tr("Zoom &Out"), {QKeySequence::ZoomOut}))
    , m_fit(createAction(this, tr("&Fit Roadmap"), {QKeySequence(Qt::CTRL | Qt::Key_0)}))
    , m_zoomToSection(
          createAction(this, tr("Zoom to &Section"), {QKeySequence(Qt::CTRL | Qt::Key_9)}))
    , m_outline(
          createAction(this, tr("&Outline"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}))
    , m_previousTopic(
          createAction(this, tr("Pre&vious Topic"), {QKeySequence(Qt::ALT | Qt::Key_Up)}))
    , m_nextTopic(createAction(this, tr("&Next Topic"), {QKeySequence(Qt::ALT | Qt::Key_Down)}))
    , m_themeMenu(new QMenu(tr("&Theme"), workspace))
    , m_themes(new QActionGroup(this))
{
    RoadmapView *view = workspace->view();
    connect(m_zoomIn, &QAction::triggered, view, [view] { view->zoomBy(1.25); });
    connect(m_zoomOut, &QAction::triggered, view, [view] { view->zoomBy(1 / 1.25); });
    connect(m_fit, &QAction::triggered, view, &RoadmapView::fitAll);
    connect(
        m_zoomToSection, &QAction::triggered, workspace, &RoadmapWorkspace::zoomToCurrentSection);
    m_outline->setCheckable(true);
    connect(m_outline, &QAction::toggled, workspace, &RoadmapWorkspace::setOutlineVisible);
    connect(
        workspace, &RoadmapWorkspace::outlineVisibilityChanged, m_outline, &QAction::setChecked);
    connect(m_previousTopic, &QAction::triggered, workspace, [workspace] {
        workspace->moveToTopic(-1);
    });
    connect(
        m_nextTopic, &QAction::triggered, workspace, [workspace] { workspace->moveToTopic(+1); });

    for (const QString &id : StudioTheme::ids()) {
        QAction *action = m_themeMenu->addAction(StudioTheme::byIdOrDefault(id).name);
        action->setCheckable(true);
        action->setData(id);
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { setThemeId(id); });
    }
}

void RoadmapActions::setEnabled(bool enabled)
{
    for (QAction *action :
         {m_zoomIn, m_zoomOut, m_fit, m_zoomToSection, m_outline, m_previousTopic, m_nextTopic})
        action->setEnabled(enabled);
}

QString RoadmapActions::themeId() const
{
    QAction *checked = m_themes->checkedAction();
    return checked ? checked->data().toString() : StudioTheme::defaultId();
}

void RoadmapActions::setThemeId(const QString &id)
{
    const StudioTheme theme = StudioTheme::byIdOrDefault(id);
    for (QAction *action : m_themes->actions())
        action->setChecked(action->data().toString() == theme.id);
    m_workspace->setTheme(theme);
    applyApplicationPalette(theme);
    emit themeChanged(theme.id);
}
