#pragma once

#include "export/imageexporter.h"
#include "roadmap/roadmapexportoptions.h"

#include <QSize>

#include <memory>

class CurriculumModel;
class RoadmapScene;

// Writes the roadmap as a PNG, an SVG, a PDF poster or a PDF handout. It draws its own scene
// over the model, with the export's theme and progress setting, so the map on screen is never
// touched. The file, progress, cancel and errors are ImageExporter's.
class RoadmapExporter : public ImageExporter
{
    Q_DECLARE_TR_FUNCTIONS(RoadmapExporter)

public:
    RoadmapExporter(CurriculumModel *model, const RoadmapExportOptions &options);
    ~RoadmapExporter() override;

    const RoadmapExportOptions &options() const { return m_options; }
    RoadmapScene *scene() const { return m_scene.get(); }
    // The PNG's size in pixels, or the SVG's in scene units.
    QSize outputSize() const;
    int pageCount() const; // PDF: 1 for the poster, 1 + sections for the handout

protected:
    QString problem() const override;
    bool write(QIODevice *device) override;

private:
    bool writeHandout(QIODevice *device);
    // A one-step drawing (SVG, poster) between progress 0 and 1, so it can be cancelled.
    bool inOneStep(const std::function<bool()> &draw);

    RoadmapExportOptions m_options;
    CurriculumModel *m_model;
    std::unique_ptr<RoadmapScene> m_scene;
};
