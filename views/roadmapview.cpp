#include "roadmapview.h"

#include "roadmapscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

RoadmapView::RoadmapView(RoadmapScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    connect(m_scene, &RoadmapScene::rebuilt, this, [this] {
        if (m_fitOnResize)
            fitAll();
    });
}

double RoadmapView::zoom() const
{
    return transform().m11();
}

void RoadmapView::setZoom(double zoom)
{
    const double clamped = std::clamp(zoom, MinimumZoom, MaximumZoom);
    if (qFuzzyCompare(clamped, this->zoom()))
        return;
    setTransform(QTransform::fromScale(clamped, clamped));
    emit zoomChanged(clamped);
}

void RoadmapView::zoomBy(double factor)
{
    m_fitOnResize = false;
    setZoom(zoom() * factor);
}

void RoadmapView::fitAll()
{
    zoomToRect(m_scene->contentRect());
    m_fitOnResize = true;
}

void RoadmapView::zoomToRect(const QRectF &sceneRect)
{
    if (sceneRect.isEmpty() || viewport()->width() <= 0)
        return;
    m_fitOnResize = false;
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

void RoadmapView::wheelEvent(QWheelEvent *event)
{
    // A wheel notch (120) zooms by 15%; touchpads send smaller steps for smooth zooming.
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, steps));
    event->accept();
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

void RoadmapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitOnResize)
        fitAll();
}
