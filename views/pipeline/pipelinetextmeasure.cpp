#include "pipeline/pipelinetextmeasure.h"

namespace {

// Past this many strings the cache starts over, so renaming nodes all day cannot grow it forever.
constexpr qsizetype MaximumCachedWidths = 100000;

} // namespace

PipelineTextMeasure::PipelineTextMeasure(const QFont &font)
    : m_metrics(font)
{}

double PipelineTextMeasure::width(const QString &text)
{
    if (const auto it = m_widths.constFind(text); it != m_widths.constEnd())
        return *it;
    if (m_widths.size() >= MaximumCachedWidths)
        m_widths.clear();
    const double width = m_metrics.horizontalAdvance(text);
    m_widths.insert(text, width);
    return width;
}

QString PipelineTextMeasure::elided(const QString &text, double width)
{
    return this->width(text) <= width ? text : m_metrics.elidedText(text, Qt::ElideRight, width);
}

namespace {

bool breaksAfter(QChar c)
{
    return c.isSpace() || c == u'-' || c == u'_' || c == u'/' || c == u'.';
}

// The pieces a line may end after: "build-", "and-", "push "…
QStringList breakablePieces(const QString &text)
{
    QStringList pieces;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (breaksAfter(text.at(i))) {
            pieces << text.mid(start, i + 1 - start);
            start = i + 1;
        }
    }
    if (start < text.size())
        pieces << text.mid(start);
    return pieces;
}

} // namespace

QStringList PipelineTextMeasure::wrapped(const QString &text, double width, int maxLines)
{
    QStringList lines;
    QString line;
    const auto fits = [&](const QString &candidate) {
        return this->width(candidate.trimmed()) <= width;
    };
    QStringList pieces = breakablePieces(text.simplified());
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QString &piece = pieces.at(i);
        if (fits(line + piece)) {
            line += piece;
            continue;
        }
        if (!line.isEmpty()) { // the piece starts the next line
            lines << line.trimmed();
            line.clear();
            --i;
            continue;
        }
        // One piece wider than a line: as many characters as fit, the rest goes on.
        qsizetype take = 1;
        while (take < piece.size() && fits(piece.left(take + 1)))
            ++take;
        lines << piece.left(take);
        pieces.insert(i + 1, piece.mid(take));
    }
    if (!line.trimmed().isEmpty())
        lines << line.trimmed();
    if (lines.size() > maxLines) {
        const QString rest = QStringList(lines.mid(maxLines - 1)).join(u' ');
        lines.resize(maxLines);
        lines.last() = m_metrics.elidedText(rest, Qt::ElideRight, width);
    }
    return lines;
}

double PipelineTextMeasure::baselineFor(double centreY) const
{
    return centreY + (m_metrics.ascent() - m_metrics.descent()) / 2;
}
