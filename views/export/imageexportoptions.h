#pragma once

#include "export/scenefilewriter.h"
#include "theme/studiotheme.h"

#include <QCoreApplication>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

class QRectF;

// What every picture export shares, roadmap, pipeline diagram or dashboard: the format and how
// the picture looks in it. A feature's own options extend it (RoadmapExportOptions,
// PipelineDiagramOptions); each feature accepts some of the formats.
struct ImageExportOptions
{
    Q_DECLARE_TR_FUNCTIONS(ImageExportOptions)

public:
    // The values are stored nowhere: the export dialogs remember their list's position.
    enum class Format {
        Png,
        Svg,
        Pdf,        // one page the size of the picture
        PdfHandout, // the roadmap's A4 handout
        Mermaid,    // the pipeline diagram as Mermaid flowchart text
        PdfPoster = Pdf,
    };

    static constexpr double MaxScale = 16;

    Format format = Format::Png;
    QString themeId = StudioTheme::defaultId();
    double scale = 1;         // PNG: pixels per scene unit, > 0 and <= MaxScale
    bool transparent = false; // PNG: no background fill

    // Empty when the options are usable, else what is wrong with them.
    QString validate() const;
    // The PNG's size in pixels, or the SVG's and PDF's in scene units, of `source`.
    QSize outputSize(const QRectF &source) const;
    // The PNG of `source`: at the scale, over `background` unless transparent.
    SceneFileWriter::Image pngImage(const QRectF &source, const QColor &background) const;

    // "png", "svg", "pdf" (poster and handout share it), "mmd".
    static QString suffix(Format format);
    // ".png, .svg or .pdf": the extensions of `formats`, for messages.
    static QString extensions(const QList<Format> &formats);
    // The format among `accepted` that a file name's extension asks for; .pdf gives Pdf.
    static std::optional<Format> formatForPath(const QString &path, const QList<Format> &accepted);
};
