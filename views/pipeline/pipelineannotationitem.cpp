#include "pipeline/pipelineannotationitem.h"

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
    m_rect = QRectF(QPointF(), m_annotation.rect.size());
    const double margin = t.selectionWidth + t.borderWidth;
    m_bounds = m_rect.adjusted(-margin, -margin, margin, margin);
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
    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (isSelected()) {
        // The resize grip: three short diagonals in the corner, a constant size on screen.
        const double step = HandlePixels / 3 / std::max(scale, 1e-3);
        const QPointF corner = m_rect.bottomRight() - QPointF(step / 2, step / 2);
        painter->setPen(QPen(t.selection, std::max(t.borderWidth, 1.5 / scale)));
        for (int i = 1; i <= 3; ++i)
            painter->drawLine(corner - QPointF(i * step, 0), corner - QPointF(0, i * step));
    }
    if (scale < PipelineDetail::Titles)
        return;
    painter->setFont(group ? t.groupTitleFont : t.noteFont);
    painter->setPen(group ? t.groupTitle : t.noteText);
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        painter->drawText(m_baselines.at(i), m_lines.at(i));
}
