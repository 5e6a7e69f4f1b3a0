#include "roadmap/roadmapview.h"

#include "roadmap/roadmapscene.h"

#include <QKeyEvent>

RoadmapView::RoadmapView(RoadmapScene *scene, QWidget *parent)
    : ZoomView(scene, MinimumZoom, MaximumZoom, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    connect(m_scene, &RoadmapScene::rebuilt, this, [this] {
        if (fitsOnResize())
            fitAll();
    });
}

void RoadmapView::fitAll()
{
    zoomToRect(m_scene->contentRect());
    setFitsOnResize(true);
}

void RoadmapView::zoomToRect(const QRectF &sceneRect)
{
    if (sceneRect.isEmpty() || viewport()->width() <= 0)
        return;
    setFitsOnResize(false);
    const QRectF viewRect = viewport()->rect();
    const double scale
        = std::min(viewRect.width() / sceneRect.width(), viewRect.height() / sceneRect.height());
    setZoom(scale);
    centerOn(sceneRect.center());
}

void RoadmapView::ensureTopicVisible(const QString &topicId)
{
    const QRectF rect = m_scene->topicRect(topicId);
    if (!rect.isEmpty())
        ensureVisible(rect, 40, 40);
}

bool RoadmapView::handleRoadmapKey(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        emit navigateRequested(Qt::Key(event->key()));
        return true;
    case Qt::Key_D:
        emit statusRequested(TopicStatus::Done);
        return true;
    case Qt::Key_L:
        emit statusRequested(TopicStatus::Learning);
        return true;
    case Qt::Key_S:
        emit statusRequested(TopicStatus::Skipped);
        return true;
    case Qt::Key_R:
        emit statusRequested(TopicStatus::Pending); // R resets
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        emit openRequested();
        return true;
    case Qt::Key_Escape:
        emit closeRequested();
        return true;
    default:
        return false;
    }
}

void RoadmapView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        // Space+drag pans even over cards, as in drawing programs.
        setInteractive(false);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space || handleRoadmapKey(event)) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void RoadmapView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setInteractive(true);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}
