#pragma once

#include "roadmap/roadmapexportoptions.h"

#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class CurriculumModel;
class QIODevice;
class RoadmapScene;

// Writes the roadmap as a PNG, an SVG, a PDF poster or a PDF handout. It draws its own scene
// over the model, with the export's theme and progress setting, so the map on screen is never
// touched. Files are written atomically: on failure or cancel an existing file is left as it
// was and no partial file is left behind. Errors are returned, never shown.
class RoadmapExporter
{
public:
    // Called with the work done so far and the total (bands or pages); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    RoadmapExporter(CurriculumModel *model, const RoadmapExportOptions &options);
    ~RoadmapExporter();

    const RoadmapExportOptions &options() const { return m_options; }
    RoadmapScene *scene() const { return m_scene.get(); }
    // The PNG's size in pixels, or the SVG's in scene units.
    QSize outputSize() const;
    int pageCount() const; // PDF: 1 for the poster, 1 + sections for the handout

    bool exportTo(const QString &path, const Progress &progress = {});
    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled; }

private:
    bool write(QIODevice *device);
    bool writePng(QIODevice *device);
    bool writeSvg(QIODevice *device);
    bool writePoster(QIODevice *device);
    bool writeHandout(QIODevice *device);
    bool report(int done, int total);
    bool fail(const QString &problem);

    RoadmapExportOptions m_options;
    CurriculumModel *m_model;
    std::unique_ptr<RoadmapScene> m_scene;
    Progress m_progress;
    QString m_path;
    QString m_error;
    bool m_cancelled = false;
};
