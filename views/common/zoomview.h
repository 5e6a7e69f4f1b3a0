#pragma once

#include <QGraphicsView>

// What the roadmap and pipeline views share: a uniform zoom between two limits, the wheel
// zooming around the mouse (15% a notch, smoothly on touchpads), and "fit until the user takes
// over": the view refits when resized until a zoom or pan by hand.
class ZoomView : public QGraphicsView
{
    Q_OBJECT

public:
    ZoomView(QGraphicsScene *scene, double minimumZoom, double maximumZoom, QWidget *parent);

    double zoom() const;
    void setZoom(double zoom);  // clamped to the limits
    void zoomBy(double factor); // by hand: stops refitting on resize
    virtual void fitAll() = 0;
    // Still fitting the content (nobody zoomed or panned by hand since the last fit).
    bool fitsOnResize() const { return m_fitOnResize; }

signals:
    void zoomChanged(double zoom);

protected:
    void setFitsOnResize(bool fit) { m_fitOnResize = fit; }
    // Refits (through refit()) while fitsOnResize().
    void resizeEvent(QResizeEvent *event) override;
    virtual void refit() { fitAll(); }
    void wheelEvent(QWheelEvent *event) override;

private:
    double m_minimumZoom;
    double m_maximumZoom;
    bool m_fitOnResize = true;
};
