#pragma once

#include "export/imageexportoptions.h"

#include <optional>

// What a roadmap export writes: a PNG, an SVG, a PDF poster or a PDF handout, and how the map
// looks in it.
struct RoadmapExportOptions : ImageExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(RoadmapExportOptions)

public:
    // Rows rendered at once for a PNG; lowered automatically for very wide images.
    static constexpr int DefaultBandHeight = 2048;

    bool showProgress = true; // statuses on the map; statuses and notes in the handout
    int bandHeight = DefaultBandHeight;

    // Empty when the options are usable, else what is wrong with them.
    QString validate() const;

    // The format a file name's extension asks for; .pdf gives the poster.
    static std::optional<Format> formatForPath(const QString &path);
};
