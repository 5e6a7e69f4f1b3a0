#include "pipeline/pipelinediagramoptions.h"

#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

QString PipelineDiagramOptions::validate() const
{
    if (!StudioTheme::byId(themeId)) {
        return u"unknown theme '%1' (expected one of: %2)"_s.arg(themeId,
                                                                 StudioTheme::ids().join(u", "_s));
    }
    if (format == Format::Png && (!std::isfinite(scale) || scale <= 0 || scale > MaxScale))
        return u"scale %1: expected a number greater than 0 and at most %2"_s.arg(scale).arg(
            MaxScale);
    if (!std::isfinite(border) || border < 0 || border > MaxBorder)
        return u"border %1: expected a number from 0 to %2"_s.arg(border).arg(MaxBorder);
    if (transparent && format != Format::Png)
        return u"a transparent background needs the PNG format"_s;
    return {};
}

QString PipelineDiagramOptions::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return u"png"_s;
    case Format::Svg:
        return u"svg"_s;
    case Format::Pdf:
        return u"pdf"_s;
    case Format::Mermaid:
        break;
    }
    return u"mmd"_s;
}

std::optional<PipelineDiagramOptions::Format>
PipelineDiagramOptions::formatForPath(const QString &path)
{
    const QString extension = QFileInfo(path).suffix().toLower();
    for (const Format format : {Format::Png, Format::Svg, Format::Pdf, Format::Mermaid}) {
        if (extension == suffix(format))
            return format;
    }
    return std::nullopt;
}
