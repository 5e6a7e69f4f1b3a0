#pragma once

#include "pipeline/pipelinediagramoptions.h"

#include <QRectF>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class PipelineGraph;
class PipelineScene;
class QIODevice;

// Writes the pipeline (or a selection of it) as a PNG, an SVG, a one-page PDF or Mermaid text.
// It copies what it shows into a graph and a scene of its own, in the export's theme, with no
// findings badges, no selection and no cached items, so the canvas on screen is never touched.
// Files are written atomically: on failure an existing file stays as it was. Errors name the
// file and are returned, never shown.
class PipelineDiagramExporter
{
public:
    // Called with the work done so far and the total (PNG bands); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    PipelineDiagramExporter(const PipelineGraph &graph, const PipelineDiagramOptions &options);
    ~PipelineDiagramExporter();

    const PipelineDiagramOptions &options() const { return m_options; }
    const PipelineGraph &graph() const { return *m_graph; } // what is drawn
    PipelineScene *scene() const { return m_scene.get(); }
    bool isEmpty() const;
    QRectF sourceRect() const; // the content plus the border; empty when there is nothing
    // The PNG's size in pixels, or the SVG's and PDF's in scene units.
    QSize outputSize() const;

    bool exportTo(const QString &path, const Progress &progress = {});
    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled; }

private:
    bool write(QIODevice *device);
    bool writePng(QIODevice *device);
    bool fail(const QString &problem);

    PipelineDiagramOptions m_options;
    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
    Progress m_progress;
    QString m_path;
    QString m_error;
    bool m_cancelled = false;
};
