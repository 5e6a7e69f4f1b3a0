#include "pipeline/pipelineview.h"

#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelinescene.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <utility>

namespace {

// Grid dots closer than this many pixels turn into noise: use every n-th, or none.
constexpr double MinimumDotSpacing = 8;
// The air between the viewport's edge and the start of a pipeline too large to fit.
constexpr double MarginPixels = 24;

} // namespace

PipelineView::PipelineView(PipelineScene *scene, QWidget *parent)
    : ZoomView(scene, MinimumZoom, MaximumZoom, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::ContainsItemShape);
    // The items set their own pen, brush and font and undo any other change they make.
    setOptimizationFlags(QGraphicsView::DontSavePainterState
                         | QGraphicsView::DontAdjustForAntialiasing);
    connect(this, &ZoomView::zoomChanged, this, &PipelineView::viewChanged);
    connect(m_scene, &PipelineScene::rebuilt, this, [this] {
        if (std::exchange(m_keepView, false))
            return;
        setFitsOnResize(true);
        showContent();
    });
    // The hint spans the viewport: it is drawn, or wiped, whole when the canvas fills or empties.
    m_empty = showsEmptyCanvasHint();
    connect(m_scene, &QGraphicsScene::changed, this, [this] {
        if (showsEmptyCanvasHint() == m_empty)
            return;
        m_empty = !m_empty;
        viewport()->update();
        emit emptyCanvasChanged(m_empty);
    });
}

bool PipelineView::showsEmptyCanvasHint() const
{
    const PipelineGraph *graph = m_scene->graph();
    return graph->nodes().isEmpty() && graph->annotations().isEmpty();
}

void PipelineView::fitAll()
{
    const bool fitOnResize = fitsOnResize();
    zoomToRect(m_scene->contentRect());
    setFitsOnResize(fitOnResize);
}

void PipelineView::showContent()
{
    const bool fitOnResize = fitsOnResize();
    fitAll();
    const QRectF content = m_scene->contentRect();
    const double readable = std::min(readableZoom(), 1.0);
    if (zoom() < readable && !content.isEmpty()) {
        setZoom(readable);
        // Each direction that fits is centred; one that does not shows its start, where a
        // pipeline begins, with the same air as a fit.
        const QRectF visible = visibleSceneRect();
        const double margin = MarginPixels / zoom();
        const auto place = [margin](double start, double length, double room) {
            return length + 2 * margin <= room ? start + length / 2 : start - margin + room / 2;
        };
        centerOn(place(content.left(), content.width(), visible.width()),
                 place(content.top(), content.height(), visible.height()));
    }
    setFitsOnResize(fitOnResize);
}

double PipelineView::readableZoom() const
{
    return PipelineNodeItem::labelScale(m_scene->theme());
}

void PipelineView::zoomToSelection()
{
    QRectF rect;
    for (const QGraphicsItem *item : m_scene->selectedItems())
        rect |= item->sceneBoundingRect();
    zoomToRect(rect.isEmpty() ? m_scene->contentRect() : rect);
}

void PipelineView::zoomToRect(const QRectF &sceneRect)
{
    if (sceneRect.isEmpty() || viewport()->width() <= 0)
        return;
    setFitsOnResize(false);
    // A little air around the content, in scene units at the fitted scale.
    const QRectF target = sceneRect.adjusted(-sceneRect.width() * 0.03,
                                             -sceneRect.height() * 0.03,
                                             sceneRect.width() * 0.03,
                                             sceneRect.height() * 0.03);
    const QRectF viewRect = viewport()->rect();
    setZoom(
        std::min({viewRect.width() / target.width(), viewRect.height() / target.height(), 1.0}));
    centerOn(target.center());
}

QRectF PipelineView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

QPointF PipelineView::cursorScenePos() const
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    return mapToScene(viewport()->rect().contains(cursor) ? cursor : viewport()->rect().center());
}

bool PipelineView::event(QEvent *event)
{
    // Tab would move the focus on; on the canvas it opens quick add, as in other node editors.
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier
            && !m_scene->isConnecting()) {
            emit quickAddRequested(cursorScenePos());
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void PipelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || (ctrl && event->key() == Qt::Key_Equal)) {
        zoomBy(1.25);
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomBy(1 / 1.25);
    } else if (ctrl && event->key() == Qt::Key_0 && !(event->modifiers() & Qt::ShiftModifier)) {
        showContent();
    } else if (ctrl && (event->key() == Qt::Key_0 || event->key() == Qt::Key_ParenRight)) {
        fitAll(); // Ctrl+Shift+0, which many layouts send as Ctrl+)
    } else if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
        zoomToSelection();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PipelineView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        setFitsOnResize(false);
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panLast;
        m_panLast = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    ZoomView::resizeEvent(event);
    emit viewChanged();
}

void PipelineView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewChanged();
}

void PipelineView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const PipelineTheme &theme = m_scene->theme();
    painter->fillRect(rect, theme.background);
    const double scale = zoom();
    double step = theme.gridSize;
    if (step * scale < MinimumDotSpacing)
        step *= theme.gridMajorEvery;
    if (step * scale < MinimumDotSpacing)
        return;
    // Zoomed out to every n-th dot, all dots are major ones.
    const int every = step > theme.gridSize ? 1 : theme.gridMajorEvery;
    QPolygonF minorDots;
    QPolygonF majorDots;
    const qint64 firstColumn = qint64(std::floor(rect.left() / step));
    const qint64 lastColumn = qint64(std::ceil(rect.right() / step));
    const qint64 firstRow = qint64(std::floor(rect.top() / step));
    const qint64 lastRow = qint64(std::ceil(rect.bottom() / step));
    for (qint64 column = firstColumn; column <= lastColumn; ++column) {
        const bool majorColumn = column % every == 0;
        for (qint64 row = firstRow; row <= lastRow; ++row) {
            const bool major = majorColumn && row % every == 0;
            (major ? majorDots : minorDots) << QPointF(column * step, row * step);
        }
    }
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, false);
    QPen pen(theme.grid, theme.gridDotSize, Qt::SolidLine, Qt::SquareCap);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawPoints(minorDots);
    pen.setColor(theme.gridMajor);
    painter->setPen(pen);
    painter->drawPoints(majorDots);
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

void PipelineView::drawForeground(QPainter *painter, const QRectF &rect)
{
    ZoomView::drawForeground(painter, rect);
    if (showsEmptyCanvasHint())
        drawEmptyCanvasHint(painter);
}

void PipelineView::drawEmptyCanvasHint(QPainter *painter) const
{
    const PipelineTheme &theme = m_scene->theme();
    painter->save();
    painter->resetTransform(); // viewport pixels: the hint keeps its size at any zoom
    const QRectF area = QRectF(viewport()->rect()).adjusted(24, 24, -24, -24);
    const double width = std::min(area.width(), 560.0);
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    const QString heading = tr("An empty pipeline");
    const QString body
        = tr("Drag a stage from the palette, or double-click the canvas (or press Tab) to add "
             "one here; drag from a port to connect two stages.\n\nOr begin with a whole "
             "pipeline: File ▸ New Pipeline from Template.");
    const QFontMetricsF titleMetrics(title);
    const QRectF bodyBounds = QFontMetricsF(font()).boundingRect(
        QRectF(0, 0, width, area.height()), Qt::AlignHCenter | Qt::TextWordWrap, body);
    const double gap = titleMetrics.height() * 0.6;
    const double height = titleMetrics.height() + gap + bodyBounds.height();
    QRectF box(0, 0, width, height);
    box.moveCenter(area.center());
    painter->setPen(theme.nodeMutedText);
    painter->setFont(title);
    painter->drawText(QRectF(box.left(), box.top(), width, titleMetrics.height()),
                      Qt::AlignHCenter | Qt::AlignTop,
                      heading);
    painter->setFont(font());
    painter->drawText(
        QRectF(box.left(), box.top() + titleMetrics.height() + gap, width, bodyBounds.height()),
        Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
        body);
    painter->restore();
}
