#pragma once

#include "pipeline/pipelineitemtypes.h"
#include "pipeline/pipelinevalidator.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QString>

#include <optional>

class PipelineEdgeItem;
struct CategoryStyle;
struct NodeKind;
struct PipelineNode;
struct PipelineTextMeasures;
struct PipelineTheme;
struct PortSpec;

// One pipeline stage on the canvas: a header with its name, its kind and tool, input ports on
// the left edge and outputs on the right (painted here, not child items, so 5,000 nodes stay
// light), a findings badge and the topics-done bar. Mirrors the model: the scene sets what to
// show, the geometry and text are prepared then, and paint() only draws.
class PipelineNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(PipelineNodeItem)

public:
    // A name longer than this many lines ends with an ellipsis (and is whole in the tooltip).
    static constexpr int MaxTitleLines = 8;
    // The smallest zoom at which a stage of `theme` still shows its name, as a simplified
    // label (PipelineLegibility::labelScale of the node's smallest box).
    static double labelScale(const PipelineTheme &theme);

    enum { Type = PipelineItemType::Node };
    // How a port looks while a wire is being dragged.
    enum class PortMark : quint8 { None, Source, Compatible, Incompatible };

    struct PortHit
    {
        QString port;
        bool output = false;
    };

    // `text` measures in the theme's fonts; the scene owns it and the theme.
    PipelineNodeItem(const QString &nodeId,
                     const NodeKind *kind,
                     const PipelineTheme *theme,
                     PipelineTextMeasures *text);

    int type() const override { return Type; }
    QString nodeId() const { return m_nodeId; }
    const NodeKind *kind() const { return m_kind; }
    QString name() const { return m_name; }
    QRectF rect() const { return m_rect; }
    QStringList titleLines() const { return m_titleLines; } // the name as drawn, wrapped
    // The name as the simplified label last drew it (zoomed out below the readable title).
    QStringList labelLines() const { return m_labelLines; }
    QStringList badgeTexts() const { return m_badgeTexts; }

    void setContent(const PipelineNode &node);
    // The node became another kind (ChangeNodeKindCommand): its ports, colour and size follow.
    void setKind(const NodeKind *kind);
    void setFindings(const QList<PipelineFinding> &findings);
    bool hasError() const { return m_errors > 0; }
    bool hasWarning() const { return m_warnings > 0; }
    QString findingsText() const { return m_findingsText; }
    QRectF badgeRect() const; // item coordinates; shown only with findings
    // Topics of the node's kind the learner has finished; a total of 0 hides the bar's text.
    void setTopicProgress(int finished, int total);
    // Off in diagram exports: a learner's progress has no place in docs and slides.
    void setShowTopicProgress(bool show);
    int topicsFinished() const { return m_topicsFinished; }
    int topicsTotal() const { return m_topicsTotal; }
    // Call after the theme the item points to has changed.
    void themeChanged();

    qsizetype portCount(bool output) const;
    const PortSpec &portSpec(bool output, qsizetype index) const;
    qsizetype portIndex(const QString &port, bool output) const; // -1 when there is none
    QPointF portPos(bool output, qsizetype index) const;         // item coordinates
    // Where an edge meets the port; the node's side centre when the kind has no such port.
    QPointF portScenePos(const QString &port, bool output) const;
    // The port whose centre is nearest `scenePos` within `tolerance` scene units.
    std::optional<PortHit> portAt(const QPointF &scenePos, double tolerance) const;

    void setPortMarks(const QList<PortMark> &inputs, const QList<PortMark> &outputs);
    void clearPortMarks();
    PortMark portMark(bool output, qsizetype index) const;

    // The edges drawn to and from this node, kept by the scene so moves update them.
    void attachEdge(PipelineEdgeItem *edge) { m_edges.append(edge); }
    void detachEdge(PipelineEdgeItem *edge) { m_edges.removeOne(edge); }
    const QList<PipelineEdgeItem *> &edges() const { return m_edges; }
    void updateEdges() const;

    // A port's type and description, the findings over the badge, or the node's kind.
    QString toolTipAt(const QPointF &scenePos) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    // A new place or scene moves what edges route round (PipelineScene::obstaclesMeeting).
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void prepareGeometry();
    void prepareText();
    bool hasFooter() const;
    void paintPlain(QPainter *painter) const;
    void paintLabel(QPainter *painter, const QFont &font);
    void prepareLabel(const QFont &font);
    void paintPorts(QPainter *painter, bool output, bool names) const;
    void paintFooter(QPainter *painter, bool text) const;
    void paintBadge(QPainter *painter) const;
    void paintBadges(QPainter *painter, const CategoryStyle &category) const;
    void prepareBadges(double textWidth);

    QString m_nodeId;
    const NodeKind *m_kind;
    const PipelineTheme *m_theme;
    PipelineTextMeasures *m_text;
    QString m_name;
    QString m_tool;
    // Imported from another engine's file: its dependencies are ordering edges, so the kind's
    // typed ports are not drawn (they would suggest data flows the file does not have).
    bool m_imported = false;
    QStringList m_badges; // "matrix ×6", "manual", "loop": a row of marks under the kind
    int m_errors = 0;
    int m_warnings = 0;
    QString m_findingsText;
    int m_topicsFinished = 0;
    int m_topicsTotal = 0;
    bool m_showTopicProgress = true;
    QList<PortMark> m_inputMarks; // empty when no wire is being dragged
    QList<PortMark> m_outputMarks;
    QList<PipelineEdgeItem *> m_edges;

    // Prepared when content, findings, progress or theme change; paint() only draws.
    QRectF m_rect;
    QRectF m_bounds;
    QStringList m_titleLines; // the name, wrapped: never cut off (up to MaxTitleLines)
    QList<QPointF> m_titleBaselines;
    double m_headerHeight = 0; // the theme's, plus a line per extra title line
    QPainterPath m_headerPath;
    QString m_metaText;
    QPointF m_metaBaseline;
    QList<QRectF> m_badgeRects; // the marks that fit; the last may read "+N"
    QStringList m_badgeTexts;
    double m_badgeRowHeight = 0;
    QStringList m_inputLabels; // elided to half the node's width
    QStringList m_outputLabels;
    QList<QPointF> m_inputLabelPos; // baselines
    QList<QPointF> m_outputLabelPos;
    QString m_progressText;
    QRectF m_progressTrack;
    QRectF m_progressFill;
    QPointF m_progressBaseline;
    QPointF m_badgeCentre;
    // The simplified label, prepared for one label size at a time (a zoom changes it).
    int m_labelPixels = 0; // 0: not prepared
    QFont m_labelFont;
    QStringList m_labelLines;
    QList<QPointF> m_labelBaselines;
};
