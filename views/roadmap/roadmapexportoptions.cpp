#include "roadmap/roadmapexportoptions.h"

#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

QString RoadmapExportOptions::validate() const
{
    if (!StudioTheme::byId(themeId)) {
        return u"unknown theme '%1' (expected one of: %2)"_s.arg(themeId,
                                                                 StudioTheme::ids().join(u", "_s));
    }
    if (format == Format::Png) {
        if (!std::isfinite(scale) || scale <= 0 || scale > MaxScale)
            return u"scale %1: expected a number greater than 0 and at most %2"_s.arg(scale).arg(
                MaxScale);
        if (bandHeight < 1)
            return u"band height %1: expected at least 1 row"_s.arg(bandHeight);
    }
    if (transparent && format != Format::Png)
        return u"a transparent background needs the PNG format"_s;
    return {};
}

QString RoadmapExportOptions::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return u"png"_s;
    case Format::Svg:
        return u"svg"_s;
    case Format::PdfPoster:
    case Format::PdfHandout:
        break;
    }
    return u"pdf"_s;
}

std::optional<RoadmapExportOptions::Format> RoadmapExportOptions::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png"_s)
        return Format::Png;
    if (suffix == u"svg"_s)
        return Format::Svg;
    if (suffix == u"pdf"_s)
        return Format::PdfPoster;
    return std::nullopt;
}
