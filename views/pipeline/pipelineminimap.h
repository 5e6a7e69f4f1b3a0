#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

class PipelineView;

// An overview of the whole pipeline with the view's visible rectangle on it; click or drag on
// it to move the view there. The picture is redrawn a moment after the content changes, not on
// every change, so dragging nodes in a 5,000-node graph stays smooth.
class PipelineMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineMinimap(PipelineView *view, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    // The scene rectangle the minimap shows, and where a scene point lands on the widget.
    QRectF shownSceneRect() const;
    QPointF toWidget(const QPointF &scenePos) const;
    QPointF toScene(const QPointF &widgetPos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void scheduleRefresh();
    void renderPicture();
    QRectF pictureRect() const; // where the shown scene rectangle sits in the widget

    PipelineView *m_view;
    QTimer m_refresh;
    QPixmap m_picture;
    bool m_pictureStale = true;
};
