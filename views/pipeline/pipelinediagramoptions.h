#pragma once

#include "theme/studiotheme.h"

#include <QString>
#include <QStringList>

#include <optional>

// What a pipeline diagram export writes: the format, how the diagram looks and which part of
// the pipeline it shows.
struct PipelineDiagramOptions
{
    enum class Format { Png, Svg, Pdf, Mermaid };

    static constexpr double MaxScale = 16;
    static constexpr double DefaultBorder = 24;
    static constexpr double MaxBorder = 1000;

    Format format = Format::Png;
    QString themeId = StudioTheme::defaultId();
    double scale = 1;              // PNG: pixels per scene unit, > 0 and <= MaxScale
    bool transparent = false;      // PNG: no background
    double border = DefaultBorder; // scene units around the content, 0 to MaxBorder
    // Selection only: these nodes (with the edges among them) and annotations. Both empty
    // means the whole pipeline.
    QStringList nodeIds;
    QStringList annotationIds;

    bool selectionOnly() const { return !nodeIds.isEmpty() || !annotationIds.isEmpty(); }
    // Empty when the options are usable, else what is wrong with them.
    QString validate() const;

    static QString suffix(Format format); // "png", "svg", "pdf", "mmd"
    static std::optional<Format> formatForPath(const QString &path);
};
