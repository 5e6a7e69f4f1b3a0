#pragma once

#include "export/scenefilewriter.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QGraphicsScene;
class QIODevice;
class QRectF;

// What every picture export does around its drawing (roadmap, pipeline diagram, dashboard):
// check what it is asked, check the path, write the file atomically (AtomicFile: on failure or
// cancel an existing file stays as it was and no partial file is left), report progress, let
// the user cancel, and keep the error, which names the file. Subclasses only draw. Errors are
// returned, never shown.
class ImageExporter
{
    Q_DECLARE_TR_FUNCTIONS(ImageExporter)

public:
    // Called with the work done so far and the total (bands or pages); returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    virtual ~ImageExporter();

    bool exportTo(const QString &path, const Progress &progress = {});
    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled; }

protected:
    // Before the file is touched: what makes the export impossible (without the file name,
    // e.g. invalid options), or empty.
    virtual QString problem() const = 0;
    // Draws into the file; on failure returns fail(…), or false after report() was cancelled.
    virtual bool write(QIODevice *device) = 0;

    const QString &path() const { return m_path; }
    // Passes progress on; false (the export is cancelled) when the callback says so.
    bool report(int done, int total);
    // Keeps "FILE: problem" as the error; returns false.
    bool fail(const QString &problem);

    // The scene drawn as a PNG in bands (with progress), an SVG or a one-page PDF.
    bool writePng(QGraphicsScene *scene, const SceneFileWriter::Image &image, QIODevice *device);
    bool writeSvg(QGraphicsScene *scene,
                  const QRectF &source,
                  const QString &title,
                  const QString &description,
                  QIODevice *device);
    bool
    writePdf(QGraphicsScene *scene, const QRectF &source, const QString &title, QIODevice *device);
    // Cached items and effects reach SVG and PDF as bitmaps: an exported scene draws only
    // vectors, whatever the screen uses. A transparent export drops the scene's background.
    static void prepareScene(QGraphicsScene *scene, bool transparent);

private:
    Progress m_progress;
    QString m_path;
    QString m_error;
    bool m_cancelled = false;
};
