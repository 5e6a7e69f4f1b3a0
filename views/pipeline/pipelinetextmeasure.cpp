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

double PipelineTextMeasure::baselineFor(double centreY) const
{
    return centreY + (m_metrics.ascent() - m_metrics.descent()) / 2;
}
