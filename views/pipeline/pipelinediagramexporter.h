#pragma once

#include "export/imageexporter.h"
#include "pipeline/pipelinediagramoptions.h"

#include <QRectF>
#include <QSize>

#include <memory>

class PipelineGraph;
class PipelineScene;

// Writes the pipeline (or a selection of it) as a PNG, an SVG, a one-page PDF or Mermaid text.
// It copies what it shows into a graph and a scene of its own, in the export's theme, with no
// findings badges, no selection and no cached items, so the canvas on screen is never touched.
// The file, progress, cancel and errors are ImageExporter's.
class PipelineDiagramExporter : public ImageExporter
{
    Q_DECLARE_TR_FUNCTIONS(PipelineDiagramExporter)

public:
    PipelineDiagramExporter(const PipelineGraph &graph, const PipelineDiagramOptions &options);
    ~PipelineDiagramExporter() override;

    const PipelineDiagramOptions &options() const { return m_options; }
    const PipelineGraph &graph() const { return *m_graph; } // what is drawn
    PipelineScene *scene() const { return m_scene.get(); }
    bool isEmpty() const;
    QRectF sourceRect() const; // the content plus the border; empty when there is nothing
    // The PNG's size in pixels, or the SVG's and PDF's in scene units.
    QSize outputSize() const;

protected:
    QString problem() const override;
    bool write(QIODevice *device) override;

private:
    PipelineDiagramOptions m_options;
    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
};
