#include "roadmap/roadmappainter.h"

#include "theme/studiotheme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace RoadmapPainter {

void drawStatusIcon(QPainter *painter,
                    const QRectF &rect,
                    TopicStatus status,
                    const StudioTheme &theme)
{
    const QColor color = theme.statusColor(status);
    const double stroke = std::max(1.5, rect.width() / 8);
    const QRectF circle = rect.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, stroke));
    switch (status) {
    case TopicStatus::Pending:
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(circle);
        break;
    case TopicStatus::Learning:
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(circle);
        painter->setBrush(color);
        painter->drawPie(circle, 90 * 16, 180 * 16);
        break;
    case TopicStatus::Done: {
        painter->setBrush(color);
        painter->drawEllipse(circle);
        QPainterPath check;
        check.moveTo(rect.left() + rect.width() * 0.27, rect.top() + rect.height() * 0.52);
        check.lineTo(rect.left() + rect.width() * 0.44, rect.top() + rect.height() * 0.69);
        check.lineTo(rect.left() + rect.width() * 0.74, rect.top() + rect.height() * 0.33);
        painter->setPen(QPen(theme.cardFill, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(check);
        break;
    }
    case TopicStatus::Skipped: {
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(circle);
        const double inset = rect.width() * 0.22;
        painter->drawLine(QPointF(rect.left() + inset, rect.bottom() - inset),
                          QPointF(rect.right() - inset, rect.top() + inset));
        break;
    }
    }
    painter->restore();
}

void drawMasteryRing(QPainter *painter, const QRectF &rect, double share, const StudioTheme &theme)
{
    const double stroke = std::max(1.5, rect.width() / 5);
    const QRectF circle = rect.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(theme.progressTrack, stroke));
    painter->drawEllipse(circle);
    const int span = qRound(std::clamp(share, 0.0, 1.0) * 360 * 16);
    if (span > 0) {
        painter->setPen(QPen(theme.progressFill, stroke, Qt::SolidLine, Qt::FlatCap));
        if (span == 360 * 16)
            painter->drawEllipse(circle);
        else
            painter->drawArc(circle, 90 * 16, -span); // negative: clockwise
    }
    painter->restore();
}

QStringList wrapText(const QString &text, const QFont &font, double width, int maxLines)
{
    QStringList lines;
    if (text.isEmpty() || maxLines <= 0)
        return lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            // The last allowed line takes the rest of the text, elided.
            const QString rest = text.mid(line.textStart()).simplified();
            lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace RoadmapPainter
