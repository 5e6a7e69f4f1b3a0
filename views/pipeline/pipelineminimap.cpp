#include "pipeline/pipelineminimap.h"

#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineview.h"

#include <QMouseEvent>
#include <QPainter>

namespace {

// The pause after the last change before the picture is redrawn.
constexpr int RefreshDelayMs = 120;

} // namespace

PipelineMinimap::PipelineMinimap(PipelineView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(RefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_pictureStale = true;
        update();
    });
    PipelineScene *scene = view->pipelineScene();
    connect(scene, &PipelineScene::contentChanged, this, &PipelineMinimap::scheduleRefresh);
    connect(scene, &PipelineScene::rebuilt, this, [this] {
        m_pictureStale = true;
        update();
    });
    connect(view, &PipelineView::viewChanged, this, qOverload<>(&QWidget::update));
}

QSize PipelineMinimap::sizeHint() const
{
    return {240, 150};
}

void PipelineMinimap::scheduleRefresh()
{
    m_refresh.start();
}

QRectF PipelineMinimap::shownSceneRect() const
{
    const PipelineScene *scene = m_view->pipelineScene();
    const QRectF content = scene->contentRect();
    if (content.isEmpty())
        return m_view->visibleSceneRect();
    const double margin = scene->theme().gridSize * scene->theme().gridMajorEvery;
    return content.adjusted(-margin, -margin, margin, margin);
}

QRectF PipelineMinimap::pictureRect() const
{
    const QRectF scene = shownSceneRect();
    if (scene.isEmpty())
        return rect();
    QSizeF size = scene.size();
    size.scale(QSizeF(rect().size()), Qt::KeepAspectRatio);
    QRectF picture(QPointF(), size);
    picture.moveCenter(QRectF(rect()).center());
    return picture;
}

QPointF PipelineMinimap::toWidget(const QPointF &scenePos) const
{
    const QRectF scene = shownSceneRect();
    const QRectF picture = pictureRect();
    if (scene.isEmpty())
        return picture.center();
    return picture.topLeft()
           + QPointF((scenePos.x() - scene.left()) * picture.width() / scene.width(),
                     (scenePos.y() - scene.top()) * picture.height() / scene.height());
}

QPointF PipelineMinimap::toScene(const QPointF &widgetPos) const
{
    const QRectF scene = shownSceneRect();
    const QRectF picture = pictureRect();
    if (picture.isEmpty())
        return scene.center();
    return scene.topLeft()
           + QPointF((widgetPos.x() - picture.left()) * scene.width() / picture.width(),
                     (widgetPos.y() - picture.top()) * scene.height() / picture.height());
}

void PipelineMinimap::renderPicture()
{
    const qreal ratio = devicePixelRatioF();
    m_picture = QPixmap(size() * ratio);
    m_picture.setDevicePixelRatio(ratio);
    PipelineScene *scene = m_view->pipelineScene();
    m_picture.fill(scene->theme().background);
    QPainter painter(&m_picture);
    painter.setRenderHint(QPainter::Antialiasing);
    scene->render(&painter, pictureRect(), shownSceneRect(), Qt::KeepAspectRatio);
    m_pictureStale = false;
}

void PipelineMinimap::paintEvent(QPaintEvent *)
{
    if (m_pictureStale || m_picture.size() != size() * devicePixelRatioF())
        renderPicture();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_picture);
    const PipelineTheme &theme = m_view->pipelineScene()->theme();
    const QRectF visible(toWidget(m_view->visibleSceneRect().topLeft()),
                         toWidget(m_view->visibleSceneRect().bottomRight()));
    QColor fill = theme.selection;
    fill.setAlphaF(theme.dimmedOpacity / 2);
    painter.setPen(QPen(theme.selection, theme.borderWidth * 2));
    painter.setBrush(fill);
    painter.drawRect(visible.intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
}

void PipelineMinimap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_pictureStale = true;
}

void PipelineMinimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_view->centerOn(toScene(event->position()));
}

void PipelineMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centerOn(toScene(event->position()));
}
