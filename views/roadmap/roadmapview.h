#pragma once

#include "common/zoomview.h"
#include "curriculum/topicstatus.h"

class RoadmapScene;

// Looks at a RoadmapScene: zoom (wheel, Ctrl +/-), pan (drag, Space+drag), fit (Ctrl+0), zoom to
// a section, and the roadmap's keys, which it reports as requests for the workspace to act on.
class RoadmapView : public ZoomView
{
    Q_OBJECT

public:
    static constexpr double MinimumZoom = 0.05;
    static constexpr double MaximumZoom = 4.0;

    explicit RoadmapView(RoadmapScene *scene, QWidget *parent = nullptr);

    RoadmapScene *roadmapScene() const { return m_scene; }
    void fitAll() override;
    void zoomToRect(const QRectF &sceneRect);
    void ensureTopicVisible(const QString &topicId);

signals:
    void navigateRequested(Qt::Key direction);
    void statusRequested(TopicStatus status);
    void openRequested();
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    bool handleRoadmapKey(QKeyEvent *event);

    RoadmapScene *m_scene;
};
