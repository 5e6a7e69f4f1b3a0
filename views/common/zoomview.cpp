#include "common/zoomview.h"

#include <QWheelEvent>

#include <cmath>

ZoomView::ZoomView(QGraphicsScene *scene, double minimumZoom, double maximumZoom, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_minimumZoom(minimumZoom)
    , m_maximumZoom(maximumZoom)
{
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

double ZoomView::zoom() const
{
    return transform().m11();
}

void ZoomView::setZoom(double zoom)
{
    const double clamped = std::clamp(zoom, m_minimumZoom, m_maximumZoom);
    if (qFuzzyCompare(clamped, this->zoom()))
        return;
    setTransform(QTransform::fromScale(clamped, clamped));
    emit zoomChanged(clamped);
}

void ZoomView::zoomBy(double factor)
{
    m_fitOnResize = false;
    setZoom(zoom() * factor);
}

void ZoomView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitOnResize)
        refit();
}

void ZoomView::wheelEvent(QWheelEvent *event)
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
