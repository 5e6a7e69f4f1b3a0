#pragma once

#include "export/imageexportoptions.h"
#include "pipeline/pipelinearrangement.h"

#include <QStringList>

#include <optional>

// What a pipeline diagram export writes: a PNG, an SVG, a one-page PDF or Mermaid text, how the
// diagram looks and which part of the pipeline it shows.
struct PipelineDiagramOptions : ImageExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(PipelineDiagramOptions)

public:
    static constexpr double DefaultBorder = 24;
    static constexpr double MaxBorder = 1000;

    double border = DefaultBorder; // scene units around the content, 0 to MaxBorder
    // Selection only: these nodes (with the edges among them) and annotations. Both empty
    // means the whole pipeline.
    QStringList nodeIds;
    QStringList annotationIds;
    // Arranged again before drawing (Auto-arrange in that shape), or drawn where the stages are.
    std::optional<PipelineArrangement::Shape> arrangement;

    bool selectionOnly() const { return !nodeIds.isEmpty() || !annotationIds.isEmpty(); }
    // Empty when the options are usable, else what is wrong with them.
    QString validate() const;

    static std::optional<Format> formatForPath(const QString &path);
};
