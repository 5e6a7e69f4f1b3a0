#include "pipeline/pipelineannotationitem.h"

#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinescene.h"
#include "roadmap/roadmappainter.h"
#include "theme/pipelinetheme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

PipelineAnnotationItem::PipelineAnnotationItem(const PipelineAnnotation &annotation,
                                               const PipelineTheme *theme)
    : m_theme(theme)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAnnotation(annotation);
}

void PipelineAnnotationItem::setAnnotation(const PipelineAnnotation &annotation)
{
    m_annotation = annotation;
    setPos(annotation.rect.topLeft());
    setZValue(annotation.kind == PipelineAnnotation::Kind::Group ? PipelineLayer::Group
                                                                 : PipelineLayer::Note);
    prepare();
    update();
}

void PipelineAnnotationItem::themeChanged()
{
    prepare();
    update();
}

void PipelineAnnotationItem::prepare()
{
    const PipelineTheme &t = *m_theme;
    prepareGeometryChange();
    PipelineScene::obstacleChanged(this);
    m_rect = QRectF(QPointF(), m_annotation.rect.size());
    const double margin = t.selectionWidth + t.borderWidth;
    m_bounds = m_rect.adjusted(-margin, -margin, margin, margin);
    if (m_annotation.kind == PipelineAnnotation::Kind::Group) // room for the grown title
        m_bounds.setTop(m_rect.top() - (MaxTitleBands - 1) * t.groupTitleHeight - margin);
    m_labelPixels = 0;
    m_lines.clear();
    m_baselines.clear();
    m_shape = QPainterPath();
    if (m_annotation.kind == PipelineAnnotation::Kind::Group) {
        const QFontMetricsF metrics(t.groupTitleFont);
        const double width = m_rect.width() - 2 * t.notePadding;
        m_lines << metrics.elidedText(m_annotation.text, Qt::ElideRight, width);
        m_baselines << QPointF(t.notePadding,
                               (t.groupTitleHeight + metrics.ascent() - metrics.descent()) / 2);
        // The title band and a border band; the inside is a hole (odd-even fill).
        const double band = t.edgeHitWidth / 2;
        m_shape.addRect(m_rect.adjusted(-band, -band, band, band));
        m_shape.addRect(m_rect.adjusted(band, std::max(band, t.groupTitleHeight), -band, -band));
        return;
    }
    const QRectF text
        = m_rect.adjusted(t.notePadding, t.notePadding, -t.notePadding, -t.notePadding);
    const QFontMetricsF metrics(t.noteFont);
    const int maxLines = std::max(1, int(text.height() / metrics.lineSpacing()));
    m_lines = RoadmapPainter::wrapText(m_annotation.text, t.noteFont, text.width(), maxLines);
    double y = text.top() + metrics.ascent();
    for (qsizetype i = 0; i < m_lines.size(); ++i, y += metrics.lineSpacing())
        m_baselines << QPointF(text.left(), y);
    m_shape.addRect(m_rect);
}

void PipelineAnnotationItem::prepareLabel(const QFont &font)
{
    if (font.pixelSize() == m_labelPixels)
        return;
    m_labelPixels = font.pixelSize();
    m_labelFont = font;
    m_labelLines.clear();
    m_labelBaselines.clear();
    const PipelineTheme &t = *m_theme;
    const QFontMetricsF metrics(font);
    const QString &text = m_annotation.text;
    // A label must show a word's worth of the text, or it is only an ellipsis.
    const qsizetype shown
        = std::min<qsizetype>(text.size(), PipelineLegibility::MinimumLabelCharacters);
    const QRectF room = m_rect.adjusted(t.notePadding, 0, -t.notePadding, 0);
    if (room.width() < shown * metrics.averageCharWidth())
        return;
    if (m_annotation.kind == PipelineAnnotation::Kind::Group) {
        // One line, its foot on the title band's, growing upwards over the frame's top edge.
        if (metrics.lineSpacing() > MaxTitleBands * t.groupTitleHeight)
            return;
        m_labelLines << metrics.elidedText(text, Qt::ElideRight, room.width());
        m_labelBaselines << QPointF(room.left(), t.groupTitleHeight - metrics.descent());
        return;
    }
    const QRectF box = room.adjusted(0, t.notePadding, 0, -t.notePadding);
    const int maxLines = int(box.height() / metrics.lineSpacing());
    if (maxLines < 1)
        return;
    m_labelLines = RoadmapPainter::wrapText(text, font, box.width(), maxLines);
    double y = box.top() + metrics.ascent();
    for (qsizetype i = 0; i < m_labelLines.size(); ++i, y += metrics.lineSpacing())
        m_labelBaselines << QPointF(box.left(), y);
}

bool PipelineAnnotationItem::isOnResizeHandle(const QPointF &scenePos, double scale) const
{
    if (!isSelected())
        return false;
    const double size = HandlePixels / std::max(scale, 1e-3);
    const QPointF corner = m_rect.bottomRight();
    const QRectF handle(corner - QPointF(size, size), corner + QPointF(size / 3, size / 3));
    return handle.contains(mapFromScene(scenePos));
}

QSizeF PipelineAnnotationItem::minimumSize() const
{
    const PipelineTheme &t = *m_theme;
    if (m_annotation.kind == PipelineAnnotation::Kind::Group)
        return {t.nodeWidth / 2, t.groupTitleHeight + 2 * t.notePadding};
    return {4 * t.notePadding + 40, 2 * t.notePadding + QFontMetricsF(t.noteFont).lineSpacing()};
}

void PipelineAnnotationItem::previewSize(const QSizeF &size)
{
    m_annotation.rect.setSize(size);
    prepare();
    update();
}

QVariant PipelineAnnotationItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged || change == ItemSceneChange
        || change == ItemSceneHasChanged) // the old scene, then the new
        PipelineScene::obstacleChanged(this);
    return QGraphicsItem::itemChange(change, value);
}

QRectF PipelineAnnotationItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath PipelineAnnotationItem::shape() const
{
    return m_shape;
}

void PipelineAnnotationItem::paint(QPainter *painter,
                                   const QStyleOptionGraphicsItem *option,
                                   QWidget *)
{
    const PipelineTheme &t = *m_theme;
    const bool group = m_annotation.kind == PipelineAnnotation::Kind::Group;
    QPen pen(isSelected() ? t.selection
             : group      ? t.groupBorder
                          : t.noteBorder,
             isSelected() ? t.selectionWidth : t.borderWidth);
    if (group && !isSelected())
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(group ? t.groupFill : t.noteFill);
    painter->drawRoundedRect(m_rect, t.cornerRadius, t.cornerRadius);
    const double scale = PipelineLegibility::levelOfDetail(option, painter);
    if (isSelected()) {
        // The resize grip: three short diagonals in the corner, a constant size on screen.
        const double step = HandlePixels / 3 / std::max(scale, 1e-3);
        const QPointF corner = m_rect.bottomRight() - QPointF(step / 2, step / 2);
        painter->setPen(QPen(t.selection, std::max(t.borderWidth, 1.5 / scale)));
        for (int i = 1; i <= 3; ++i)
            painter->drawLine(corner - QPointF(i * step, 0), corner - QPointF(0, i * step));
    }
    const QFont &font = group ? t.groupTitleFont : t.noteFont;
    const double dpr = PipelineLegibility::devicePixelRatio(painter);
    painter->setPen(group ? t.groupTitle : t.noteText);
    if (PipelineLegibility::readable(scale, dpr, font)) {
        painter->setFont(font);
        for (qsizetype i = 0; i < m_lines.size(); ++i)
            painter->drawText(m_baselines.at(i), m_lines.at(i));
        return;
    }
    // Too far out for the text at its size: as a map's labels, larger and bold, while it fits.
    prepareLabel(PipelineLegibility::labelFont(font, scale, dpr));
    painter->setFont(m_labelFont);
    for (qsizetype i = 0; i < m_labelLines.size(); ++i)
        painter->drawText(m_labelBaselines.at(i), m_labelLines.at(i));
}
