#include "pipeline/pipelinenodeitem.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineedgeitem.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinelegibility.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinetextmeasure.h"
#include "theme/pipelinetheme.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

PipelineNodeItem::PipelineNodeItem(const QString &nodeId,
                                   const NodeKind *kind,
                                   const PipelineTheme *theme,
                                   PipelineTextMeasures *text)
    : m_nodeId(nodeId)
    , m_kind(kind)
    , m_theme(theme)
    , m_text(text)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptedMouseButtons(Qt::LeftButton);
    setZValue(PipelineLayer::Node);
    prepareGeometry();
}

void PipelineNodeItem::setContent(const PipelineNode &node)
{
    const bool geometry = m_name != node.name || m_imported != !node.source.format.isEmpty()
                          || m_badges != node.badges;
    m_name = node.name;
    m_tool = node.tool;
    m_imported = !node.source.format.isEmpty();
    m_badges = node.badges;
    if (geometry) { // the name's lines set the header's height
        prepareGeometry();
        updateEdges();
    } else {
        prepareText();
    }
    update();
}

void PipelineNodeItem::setKind(const NodeKind *kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    clearPortMarks(); // they were counted for the old kind's ports
    prepareGeometry();
    updateEdges();
    update();
}

void PipelineNodeItem::setFindings(const QList<PipelineFinding> &findings)
{
    m_errors = 0;
    m_warnings = 0;
    QStringList lines;
    for (const PipelineFinding &finding : findings) {
        const bool error = finding.severity == PipelineFinding::Severity::Error;
        ++(error ? m_errors : m_warnings);
        lines << (error ? tr("Error: %1") : tr("Warning: %1")).arg(finding.message);
    }
    m_findingsText = lines.join(u'\n');
    prepareGeometry(); // the badge takes room from the title, which may wrap once more
    updateEdges();
    update();
}

QRectF PipelineNodeItem::badgeRect() const
{
    const double r = m_theme->badgeRadius;
    return {m_badgeCentre - QPointF(r, r), QSizeF(2 * r, 2 * r)};
}

void PipelineNodeItem::setTopicProgress(int finished, int total)
{
    if (finished == m_topicsFinished && total == m_topicsTotal)
        return;
    m_topicsFinished = finished;
    m_topicsTotal = total;
    prepareText();
    update();
}

void PipelineNodeItem::themeChanged()
{
    prepareGeometry();
    update();
}

bool PipelineNodeItem::hasFooter() const
{
    return m_showTopicProgress && m_kind && !m_kind->topics.isEmpty();
}

void PipelineNodeItem::setShowTopicProgress(bool show)
{
    if (show == m_showTopicProgress)
        return;
    m_showTopicProgress = show;
    prepareGeometry();
    update();
}

qsizetype PipelineNodeItem::portCount(bool output) const
{
    if (m_imported || !m_kind)
        return 0;
    return (output ? m_kind->outputs : m_kind->inputs).size();
}

const PortSpec &PipelineNodeItem::portSpec(bool output, qsizetype index) const
{
    return (output ? m_kind->outputs : m_kind->inputs).at(index);
}

qsizetype PipelineNodeItem::portIndex(const QString &port, bool output) const
{
    for (qsizetype i = 0; i < portCount(output); ++i)
        if (portSpec(output, i).name == port)
            return i;
    return -1;
}

QPointF PipelineNodeItem::portPos(bool output, qsizetype index) const
{
    const PipelineTheme &t = *m_theme;
    const double y
        = m_headerHeight + t.metaHeight + m_badgeRowHeight + (index + 0.5) * t.portSpacing;
    return {output ? m_rect.right() : m_rect.left(), y};
}

QPointF PipelineNodeItem::portScenePos(const QString &port, bool output) const
{
    const qsizetype index = portIndex(port, output);
    const QPointF local
        = index >= 0 ? portPos(output, index)
                     : QPointF(output ? m_rect.right() : m_rect.left(), m_rect.center().y());
    return pos() + local;
}

std::optional<PipelineNodeItem::PortHit> PipelineNodeItem::portAt(const QPointF &scenePos,
                                                                  double tolerance) const
{
    const QPointF local = scenePos - pos();
    std::optional<PortHit> best;
    double bestDistance = tolerance * tolerance;
    for (bool output : {false, true}) {
        for (qsizetype i = 0; i < portCount(output); ++i) {
            const QPointF d = portPos(output, i) - local;
            const double distance = QPointF::dotProduct(d, d);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = PortHit{portSpec(output, i).name, output};
            }
        }
    }
    return best;
}

void PipelineNodeItem::setPortMarks(const QList<PortMark> &inputs, const QList<PortMark> &outputs)
{
    m_inputMarks = inputs;
    m_outputMarks = outputs;
    update();
}

void PipelineNodeItem::clearPortMarks()
{
    if (m_inputMarks.isEmpty() && m_outputMarks.isEmpty())
        return;
    m_inputMarks.clear();
    m_outputMarks.clear();
    update();
}

PipelineNodeItem::PortMark PipelineNodeItem::portMark(bool output, qsizetype index) const
{
    const QList<PortMark> &marks = output ? m_outputMarks : m_inputMarks;
    return index < marks.size() ? marks.at(index) : PortMark::None;
}

void PipelineNodeItem::updateEdges() const
{
    for (PipelineEdgeItem *edge : m_edges)
        edge->updatePath();
}

QString PipelineNodeItem::toolTipAt(const QPointF &scenePos) const
{
    const QPointF local = scenePos - pos();
    if ((m_errors || m_warnings)
        && QLineF(local, m_badgeCentre).length() <= m_theme->badgeRadius * 1.5)
        return m_findingsText;
    if (const std::optional<PortHit> hit = portAt(scenePos, m_theme->portHitRadius)) {
        const PortSpec &spec = portSpec(hit->output, portIndex(hit->port, hit->output));
        QString text = (hit->output ? tr("%1 — %2 output") : tr("%1 — %2 input"))
                           .arg(u"<b>%1</b>"_s.arg(spec.name.toHtmlEscaped()),
                                ArtifactTypes::toString(spec.type));
        if (!hit->output && !spec.required)
            text += tr(" (optional)");
        if (!spec.description.isEmpty())
            text += u"<br>"_s + spec.description.toHtmlEscaped();
        return text;
    }
    QString text = u"<b>%1</b>"_s.arg(m_name.toHtmlEscaped());
    if (m_kind && !m_kind->description.isEmpty())
        text += u"<br>"_s + m_kind->description.toHtmlEscaped();
    if (!m_findingsText.isEmpty())
        text += u"<br><br>"_s + m_findingsText.toHtmlEscaped().replace(u'\n', u"<br>"_s);
    return text;
}

void PipelineNodeItem::prepareGeometry()
{
    const PipelineTheme &t = *m_theme;
    // The name wraps instead of being cut: the header grows a line for each line more.
    const double badgeRoom = (m_errors || m_warnings) ? 2 * t.badgeRadius + t.nodePadding / 2 : 0;
    m_titleLines
        = m_text->title.wrapped(m_name, t.nodeWidth - 2 * t.nodePadding - badgeRoom, MaxTitleLines);
    if (m_titleLines.isEmpty())
        m_titleLines << QString();
    const double lineHeight = m_text->title.metrics().lineSpacing();
    m_headerHeight = t.headerHeight + (m_titleLines.size() - 1) * lineHeight;
    m_headerPath = m_titleLines.size() == 1
                       ? t.nodeHeaderPath
                       : PipelineTheme::roundedTopPath(t.nodeWidth, m_headerHeight, t.cornerRadius);
    m_badgeRowHeight = m_badges.isEmpty() ? 0 : t.metaHeight;
    const qsizetype rows = std::max(portCount(false), portCount(true));
    const double height = m_headerHeight + t.metaHeight + m_badgeRowHeight + rows * t.portSpacing
                          + (hasFooter() ? t.footerHeight : 0) + t.nodePadding;
    prepareGeometryChange();
    PipelineScene::obstacleChanged(this);
    m_rect = QRectF(0, 0, t.nodeWidth, std::max(t.nodeMinHeight, height));
    // Ports and their drag rings stick out of the sides; the selection ring out of all four.
    const double side = std::max(2 * t.portRadius, t.selectionWidth) + t.borderWidth;
    const double top = t.selectionWidth + t.borderWidth;
    m_bounds = m_rect.adjusted(-side, -top, side, top);
    m_badgeCentre = QPointF(m_rect.right() - t.nodePadding - t.badgeRadius, t.headerHeight / 2);
    m_labelPixels = 0; // the name or the box changed
    prepareText();
}

// The marks an import gave the stage, as pills in a row under the kind; those that do not fit
// are counted in a last "+N" pill (all of them are in the property panel).
void PipelineNodeItem::prepareBadges(double textWidth)
{
    const PipelineTheme &t = *m_theme;
    PipelineTextMeasure &measure = m_text->meta;
    m_badgeRects.clear();
    m_badgeTexts.clear();
    if (m_badges.isEmpty())
        return;
    const double pad = t.nodePadding / 2;
    const double height = measure.metrics().height() + 2;
    const double top = m_headerHeight + t.metaHeight + (t.metaHeight - height) / 2;
    double x = t.nodePadding;
    const double right = t.nodePadding + textWidth;
    for (qsizetype i = 0; i < m_badges.size(); ++i) {
        const qsizetype left = m_badges.size() - i - 1;
        const QString more = left > 0 ? u"+%1"_s.arg(left) : QString();
        const double moreWidth = left > 0 ? measure.width(more) + 2 * pad + pad : 0;
        QString text = m_badges.at(i);
        double width = measure.width(text) + 2 * pad;
        if (x + width + moreWidth > right) {
            if (i == 0) { // one pill, shortened, then the count
                text = measure.elided(text, right - x - moreWidth - 2 * pad);
                width = measure.width(text) + 2 * pad;
            } else {
                const QString rest = u"+%1"_s.arg(m_badges.size() - i);
                m_badgeTexts << rest;
                m_badgeRects << QRectF(x, top, measure.width(rest) + 2 * pad, height);
                return;
            }
        }
        m_badgeTexts << text;
        m_badgeRects << QRectF(x, top, width, height);
        x += width + pad;
    }
}

void PipelineNodeItem::prepareText()
{
    const PipelineTheme &t = *m_theme;
    PipelineTextMeasures &text = *m_text;
    const double textWidth = m_rect.width() - 2 * t.nodePadding;
    // The first line where a one-line title sits, each further line one line spacing lower.
    m_titleBaselines.clear();
    const double lineHeight = text.title.metrics().lineSpacing();
    for (qsizetype i = 0; i < m_titleLines.size(); ++i)
        m_titleBaselines << QPointF(t.nodePadding,
                                    text.title.baselineFor(t.headerHeight / 2 + i * lineHeight));
    const QString kindName = m_kind ? m_kind->name : QString();
    const QString meta = m_tool.isEmpty() ? kindName : u"%1 · %2"_s.arg(kindName, m_tool);
    m_metaText = text.meta.elided(meta, textWidth);
    m_metaBaseline
        = QPointF(t.nodePadding, text.meta.baselineFor(m_headerHeight + t.metaHeight / 2));

    prepareBadges(textWidth);

    const double labelInset = t.portRadius + t.nodePadding / 2;
    const double labelWidth = m_rect.width() / 2 - labelInset;
    for (bool output : {false, true}) {
        QStringList &labels = output ? m_outputLabels : m_inputLabels;
        QList<QPointF> &positions = output ? m_outputLabelPos : m_inputLabelPos;
        labels.clear();
        positions.clear();
        for (qsizetype i = 0; i < portCount(output); ++i) {
            const QString label = text.port.elided(portSpec(output, i).name, labelWidth);
            const double y = text.port.baselineFor(portPos(output, i).y());
            const double x
                = output ? m_rect.right() - labelInset - text.port.width(label) : labelInset;
            labels << label;
            positions << QPointF(x, y);
        }
    }

    if (hasFooter()) {
        const double centreY = m_rect.bottom() - t.nodePadding / 2 - t.footerHeight / 2;
        const double barWidth = (m_rect.width() - 2 * t.nodePadding) * 0.45;
        m_progressTrack
            = QRectF(t.nodePadding, centreY - t.progressHeight / 2, barWidth, t.progressHeight);
        const double share = m_topicsTotal > 0 ? double(m_topicsFinished) / m_topicsTotal : 0;
        m_progressFill = m_progressTrack;
        m_progressFill.setWidth(barWidth * std::clamp(share, 0.0, 1.0));
        const int total = m_topicsTotal > 0 ? m_topicsTotal : int(m_kind->topics.size());
        m_progressText
            = text.progress.elided(tr("%1/%n topic(s) done", nullptr, total).arg(m_topicsFinished),
                                   textWidth - barWidth - t.nodePadding);
        m_progressBaseline
            = QPointF(m_progressTrack.right() + t.nodePadding, text.progress.baselineFor(centreY));
    }
}

void PipelineNodeItem::paintBadges(QPainter *painter, const CategoryStyle &category) const
{
    const PipelineTheme &t = *m_theme;
    for (qsizetype i = 0; i < m_badgeRects.size(); ++i) {
        const QRectF &rect = m_badgeRects.at(i);
        painter->setPen(QPen(category.border, 1));
        painter->setBrush(category.header);
        painter->drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
        painter->setPen(t.headerText);
        painter->drawText(rect, Qt::AlignCenter, m_badgeTexts.at(i));
    }
}

QVariant PipelineNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged || change == ItemSceneChange
        || change == ItemSceneHasChanged) // the old scene, then the new
        PipelineScene::obstacleChanged(this);
    return QGraphicsItem::itemChange(change, value);
}

QRectF PipelineNodeItem::boundingRect() const
{
    return m_bounds;
}

double PipelineNodeItem::labelScale(const PipelineTheme &theme)
{
    const double inset = theme.nodePadding;
    return PipelineLegibility::labelScale(
        theme.titleFont, QSizeF(theme.nodeWidth - inset, theme.nodeMinHeight - inset));
}

void PipelineNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    using namespace PipelineLegibility;
    const double lod = levelOfDetail(option, painter);
    const double dpr = devicePixelRatio(painter);
    const PipelineTheme &t = *m_theme;
    if (!readable(lod, dpr, t.titleFont)) {
        // Too far out for the name at its size: the name alone, larger, as maps label places;
        // further out, where not even that fits the box, a coloured box.
        if (labelFits(lod, dpr, m_text->nodeLabelScale))
            paintLabel(painter, labelFont(t.titleFont, lod, dpr));
        else
            paintPlain(painter);
        return;
    }
    const CategoryStyle &category = t.category(m_kind ? m_kind->category : QString());
    painter->setPen(QPen(category.border, t.borderWidth));
    painter->setBrush(category.fill);
    painter->drawRoundedRect(m_rect, t.cornerRadius, t.cornerRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(category.header);
    painter->drawPath(m_headerPath);
    painter->setPen(QPen(category.border, t.accentWidth, Qt::SolidLine, Qt::FlatCap));
    painter->drawLine(QPointF(m_rect.left() + t.borderWidth, m_headerHeight),
                      QPointF(m_rect.right() - t.borderWidth, m_headerHeight));
    if (isSelected()) {
        const double grow = t.selectionWidth / 2 + t.borderWidth;
        painter->setPen(QPen(t.selection, t.selectionWidth));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(m_rect.adjusted(-grow, -grow, grow, grow),
                                 t.cornerRadius + grow,
                                 t.cornerRadius + grow);
    }

    // The name first; the details, in smaller fonts, each while its own font can be read.
    painter->setFont(t.titleFont);
    painter->setPen(t.headerText);
    for (qsizetype i = 0; i < m_titleLines.size(); ++i)
        painter->drawText(m_titleBaselines.at(i), m_titleLines.at(i));
    if (readable(lod, dpr, t.metaFont)) {
        painter->setFont(t.metaFont);
        painter->setPen(t.nodeMutedText);
        painter->drawText(m_metaBaseline, m_metaText);
        paintBadges(painter, category);
    }
    const bool names = readable(lod, dpr, t.portFont);
    if (names)
        painter->setFont(t.portFont);
    paintPorts(painter, false, names);
    paintPorts(painter, true, names);
    if (hasFooter())
        paintFooter(painter, readable(lod, dpr, t.progressFont));
    if (m_errors || m_warnings)
        paintBadge(painter);
}

void PipelineNodeItem::prepareLabel(const QFont &font)
{
    if (font.pixelSize() == m_labelPixels)
        return;
    m_labelPixels = font.pixelSize();
    m_labelFont = font;
    PipelineTextMeasure measure(font);
    const double inset = m_theme->nodePadding / 2;
    const QRectF room = m_rect.adjusted(inset, inset, -inset, -inset);
    const double line = measure.metrics().lineSpacing();
    m_labelLines = measure.wrapped(m_name, room.width(), std::max(1, int(room.height() / line)));
    m_labelBaselines.clear();
    const double top = room.center().y() - m_labelLines.size() * line / 2;
    for (qsizetype i = 0; i < m_labelLines.size(); ++i)
        m_labelBaselines << QPointF(room.center().x() - measure.width(m_labelLines.at(i)) / 2,
                                    top + measure.metrics().ascent() + i * line);
}

void PipelineNodeItem::paintLabel(QPainter *painter, const QFont &font)
{
    prepareLabel(font);
    const PipelineTheme &t = *m_theme;
    const CategoryStyle &category = t.category(m_kind ? m_kind->category : QString());
    painter->setPen(Qt::NoPen);
    painter->setBrush(category.header);
    painter->drawRect(m_rect);
    // The selection and findings as a frame of a few pixels on screen, as the badge is too
    // small to see here.
    const QColor mark = isSelected() ? t.selection
                        : m_errors   ? t.error
                        : m_warnings ? t.warning
                                     : QColor();
    if (mark.isValid()) {
        QPen pen(mark, t.selectionWidth);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(m_rect);
    }
    painter->setFont(m_labelFont);
    painter->setPen(t.headerText);
    for (qsizetype i = 0; i < m_labelLines.size(); ++i)
        painter->drawText(m_labelBaselines.at(i), m_labelLines.at(i));
}

void PipelineNodeItem::paintPlain(QPainter *painter) const
{
    // Zoomed far out: one rectangle, no antialiasing; findings still show, by colour.
    const PipelineTheme &t = *m_theme;
    const CategoryStyle &category = t.category(m_kind ? m_kind->category : QString());
    QColor fill = category.border;
    if (isSelected())
        fill = t.selection;
    else if (m_errors)
        fill = t.error;
    else if (m_warnings)
        fill = t.warning;
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(m_rect, fill);
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

void PipelineNodeItem::paintPorts(QPainter *painter, bool output, bool names) const
{
    const PipelineTheme &t = *m_theme;
    const CategoryStyle &category = t.category(m_kind ? m_kind->category : QString());
    const double opacity = painter->opacity();
    for (qsizetype i = 0; i < portCount(output); ++i) {
        const PortSpec &spec = portSpec(output, i);
        const PortStyle &style = t.port(spec.type);
        const PortMark mark = portMark(output, i);
        const QPointF centre = portPos(output, i);
        painter->setOpacity(mark == PortMark::Incompatible ? opacity * t.dimmedOpacity : opacity);
        if (names) {
            painter->setPen(t.portText);
            painter->drawText((output ? m_outputLabelPos : m_inputLabelPos).at(i),
                              (output ? m_outputLabels : m_inputLabels).at(i));
        }
        if (mark == PortMark::Compatible || mark == PortMark::Source) {
            painter->setPen(
                QPen(mark == PortMark::Source ? t.wire : t.compatible, t.selectionWidth));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(centre, 1.8 * t.portRadius, 1.8 * t.portRadius);
        }
        painter->translate(centre);
        painter->setPen(QPen(category.fill, t.borderWidth));
        painter->setBrush(style.color);
        painter->drawPath(style.path);
        painter->translate(-centre);
    }
    painter->setOpacity(opacity);
}

void PipelineNodeItem::paintFooter(QPainter *painter, bool text) const
{
    const PipelineTheme &t = *m_theme;
    painter->setPen(Qt::NoPen);
    painter->setBrush(t.progressTrack);
    const double r = t.progressHeight / 2;
    painter->drawRoundedRect(m_progressTrack, r, r);
    if (!m_progressFill.isEmpty()) {
        painter->setBrush(t.progressFill);
        painter->drawRoundedRect(m_progressFill, r, r);
    }
    if (!text)
        return;
    painter->setFont(t.progressFont);
    painter->setPen(t.nodeMutedText);
    painter->drawText(m_progressBaseline, m_progressText);
}

void PipelineNodeItem::paintBadge(QPainter *painter) const
{
    // Errors are circles, warnings triangles: the shape tells them apart without colour.
    const PipelineTheme &t = *m_theme;
    const double r = t.badgeRadius;
    painter->setPen(Qt::NoPen);
    if (m_errors) {
        painter->setBrush(t.error);
        painter->drawEllipse(m_badgeCentre, r, r);
    } else {
        painter->setBrush(t.warning);
        const QPointF c = m_badgeCentre;
        const QPointF triangle[3] = {c + QPointF(0, -r * 1.1),
                                     c + QPointF(r * 1.1, r * 0.85),
                                     c + QPointF(-r * 1.1, r * 0.85)};
        painter->drawPolygon(triangle, 3);
    }
    painter->setFont(t.badgeFont);
    painter->setPen(t.badgeText);
    const QRectF box(m_badgeCentre.x() - r, m_badgeCentre.y() - r, 2 * r, 2 * r);
    painter->drawText(box, Qt::AlignCenter, u"!"_s);
}
