#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QString>

// Measures text in one canvas font and remembers the widths: a 5,000-node pipeline repeats the
// same port names, kinds, tools and progress lines, and shaping text is what building its items
// costs most. One per font, owned by the scene; cleared when the theme changes.
class PipelineTextMeasure
{
public:
    explicit PipelineTextMeasure(const QFont &font = QFont());

    const QFontMetricsF &metrics() const { return m_metrics; }
    double width(const QString &text);
    // `text`, or the longest start of it with an ellipsis that fits `width`.
    QString elided(const QString &text, double width);
    // `text` in lines of at most `width`: broken after spaces and after - _ / . (ids such as
    // "build-and-push-arm64" break there), inside a word only when it is wider than a line. At
    // most `maxLines`; the last one ends with an ellipsis when text is left over.
    QStringList wrapped(const QString &text, double width, int maxLines);
    // The baseline that centres a line of this font on `centreY`.
    double baselineFor(double centreY) const;

private:
    QFontMetricsF m_metrics;
    QHash<QString, double> m_widths;
};

// The fonts a node item measures in.
struct PipelineTextMeasures
{
    PipelineTextMeasure title;
    PipelineTextMeasure meta;
    PipelineTextMeasure port;
    PipelineTextMeasure progress;
    // PipelineNodeItem::labelScale() of the theme: below it a stage is a plain box.
    double nodeLabelScale = 0;
};
