#pragma once

#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelineitemtypes.h"

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>

struct PipelineTheme;

// A text note or a titled group frame on the canvas. Group frames lie under the nodes and are
// hit only on their title band and border, so the empty inside stays canvas: a rubber band or a
// double-click there works as anywhere else. Mirrors the model's annotation.
class PipelineAnnotationItem : public QGraphicsItem
{
public:
    enum { Type = PipelineItemType::Annotation };

    PipelineAnnotationItem(const PipelineAnnotation &annotation, const PipelineTheme *theme);

    int type() const override { return Type; }
    QString annotationId() const { return m_annotation.id; }
    PipelineAnnotation::Kind kind() const { return m_annotation.kind; }
    const PipelineAnnotation &annotation() const { return m_annotation; }

    void setAnnotation(const PipelineAnnotation &annotation);
    void themeChanged();

    // The grip in the bottom-right corner that resizes a selected note or frame: `handlePixels`
    // wide on screen at `scale` (the view's zoom).
    static constexpr double HandlePixels = 14;
    // Zoomed out, a frame's title grows to stay readable, up over the frame's top edge to this
    // many title bands high: titles name the map's regions, so they outlast every other text.
    static constexpr double MaxTitleBands = 3;
    bool isOnResizeHandle(const QPointF &scenePos, double scale) const;
    // The smallest size a drag can give it: room for a line of text, or a title and a stage.
    QSizeF minimumSize() const;
    // Shows another size while a resize is dragged; setAnnotation() puts the model's back.
    void previewSize(const QSizeF &size);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    // A new place or scene moves what edges route round (PipelineScene::obstaclesMeeting).
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void prepare();
    // The text as a simplified label in `font` (none when it cannot fit).
    void prepareLabel(const QFont &font);

    PipelineAnnotation m_annotation;
    const PipelineTheme *m_theme;
    // Prepared when the annotation or theme change; paint() only draws.
    QRectF m_rect; // item coordinates: (0, 0) is the annotation's top-left
    QRectF m_bounds;
    QPainterPath m_shape;
    QStringList m_lines;
    QList<QPointF> m_baselines;
    int m_labelPixels = 0; // the label is prepared for this size; 0: not prepared
    QFont m_labelFont;
    QStringList m_labelLines;
    QList<QPointF> m_labelBaselines;
};
