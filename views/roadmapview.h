#pragma once

#include "topicstatus.h"

#include <QGraphicsView>

class RoadmapScene;

// Looks at a RoadmapScene: zoom (wheel, Ctrl +/-), pan (drag, Space+drag), fit (Ctrl+0), zoom to
// a section, and the roadmap's keys, which it reports as requests for the workspace to act on.
class RoadmapView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double MinimumZoom = 0.05;
    static constexpr double MaximumZoom = 4.0;

    explicit RoadmapView(RoadmapScene *scene, QWidget *parent = nullptr);

    RoadmapScene *roadmapScene() const { return m_scene; }
    double zoom() const;
    void setZoom(double zoom);
    void zoomBy(double factor);
    void fitAll();
    void zoomToRect(const QRectF &sceneRect);
    void ensureTopicVisible(const QString &topicId);

signals:
    void zoomChanged(double zoom);
    void navigateRequested(Qt::Key direction);
    void statusRequested(TopicStatus status);
    void openRequested();
    void closeRequested();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    bool handleRoadmapKey(QKeyEvent *event);

    RoadmapScene *m_scene;
    bool m_fitOnResize = true; // until the user zooms or pans by hand
};
