#pragma once

#include "common/zoomview.h"

class PipelineScene;

// Looks at a PipelineScene: zoom (wheel, Ctrl +/-), pan (middle-drag, or Space+drag), fit all
// (Ctrl+0), zoom to the selection (F), a dotted grid that thins out as you zoom out. Left-drag
// on empty canvas draws a rubber band; Tab asks for quick add at the cursor.
class PipelineView : public ZoomView
{
    Q_OBJECT

public:
    static constexpr double MinimumZoom = 0.02;
    static constexpr double MaximumZoom = 4.0;

    explicit PipelineView(PipelineScene *scene, QWidget *parent = nullptr);

    PipelineScene *pipelineScene() const { return m_scene; }
    // The whole pipeline, however small that makes it (Ctrl+Shift+0).
    void fitAll() override;
    // The fit that can be read (Ctrl+0, and what opening or arranging a pipeline shows): all of
    // it when every stage's name can be read at the fitting zoom, at least as a simplified
    // label; else the smallest zoom where it can, at the pipeline's start (top-left) along the
    // direction that does not fit, the other fitted and centred when it fits.
    void showContent();
    // The smallest zoom where stage names can be read, as labels (PipelineNodeItem::labelScale).
    double readableZoom() const;
    void zoomToSelection();
    void zoomToRect(const QRectF &sceneRect); // never magnifies past 100%
    QRectF visibleSceneRect() const;
    // The scene's next rebuild (a reload of the same pipeline) keeps the zoom and the place
    // instead of showing the content anew.
    void keepViewOnNextRebuild() { m_keepView = true; }
    // An empty canvas says how to begin (palette, quick add, templates); views only, never an
    // export or the minimap.
    bool showsEmptyCanvasHint() const;

signals:
    void viewChanged(); // zoomed or scrolled: the minimap's rectangle follows
    void quickAddRequested(const QPointF &scenePos);
    void emptyCanvasChanged(bool empty); // the first item added, or the last one removed

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void refit() override { showContent(); }
    void scrollContentsBy(int dx, int dy) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    QPointF cursorScenePos() const;
    void drawEmptyCanvasHint(QPainter *painter) const;

    PipelineScene *m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_empty = true; // what the hint last showed: showsEmptyCanvasHint() when it changed
    bool m_keepView = false;
    QPoint m_panLast;
};
