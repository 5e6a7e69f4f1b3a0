#pragma once

#include "theme/studiotheme.h"

#include <QString>

#include <optional>

// What a roadmap export writes: the format and how the map looks in it.
struct RoadmapExportOptions
{
    enum class Format { Png, Svg, PdfPoster, PdfHandout };

    static constexpr double MaxScale = 16;
    // Rows rendered at once for a PNG; lowered automatically for very wide images.
    static constexpr int DefaultBandHeight = 2048;

    Format format = Format::Png;
    QString themeId = StudioTheme::defaultId();
    double scale = 1;         // PNG: pixels per scene unit, > 0 and <= MaxScale
    bool transparent = false; // PNG: no background fill
    bool showProgress = true; // statuses on the map; statuses and notes in the handout
    int bandHeight = DefaultBandHeight;

    // Empty when the options are usable, else what is wrong with them.
    QString validate() const;

    // "png", "svg", "pdf" (poster and handout share it).
    static QString suffix(Format format);
    // The format a file name's extension asks for; .pdf gives the poster.
    static std::optional<Format> formatForPath(const QString &path);
};
