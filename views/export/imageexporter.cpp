#include "export/imageexporter.h"

#include "support/atomicfile.h"

#include <QDir>
#include <QGraphicsItem>
#include <QGraphicsScene>

using namespace Qt::StringLiterals;

ImageExporter::~ImageExporter() = default;

bool ImageExporter::exportTo(const QString &path, const Progress &progress)
{
    m_path = path;
    m_progress = progress;
    m_error.clear();
    m_cancelled = false;
    if (const QString problem = this->problem(); !problem.isEmpty())
        return fail(problem);
    // Its errors name the path already.
    if (const QString problem = AtomicFile::checkOutputPath(path); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    QString fileError;
    if (AtomicFile::writeAtomically(
            path, [this](QIODevice *device) { return write(device); }, &fileError))
        return true;
    return fileError.isEmpty() ? false : fail(fileError);
}

bool ImageExporter::report(int done, int total)
{
    if (!m_progress || m_progress(done, total))
        return true;
    m_cancelled = true;
    m_error = tr("%1: the export was cancelled").arg(QDir::toNativeSeparators(m_path));
    return false;
}

bool ImageExporter::fail(const QString &problem)
{
    m_error = u"%1: %2"_s.arg(QDir::toNativeSeparators(m_path), problem);
    return false;
}

bool ImageExporter::writePng(QGraphicsScene *scene,
                             const SceneFileWriter::Image &image,
                             QIODevice *device)
{
    QString error;
    if (SceneFileWriter::writePng(
            scene,
            image,
            device,
            [this](int done, int total) { return report(done, total); },
            &error))
        return true;
    return m_cancelled ? false : fail(error);
}

bool ImageExporter::writeSvg(QGraphicsScene *scene,
                             const QRectF &source,
                             const QString &title,
                             const QString &description,
                             QIODevice *device)
{
    QString error;
    return SceneFileWriter::writeSvg(scene, source, title, description, device, &error)
           || fail(error);
}

bool ImageExporter::writePdf(QGraphicsScene *scene,
                             const QRectF &source,
                             const QString &title,
                             QIODevice *device)
{
    QString error;
    return SceneFileWriter::writePdf(scene, source, title, device, &error) || fail(error);
}

void ImageExporter::prepareScene(QGraphicsScene *scene, bool transparent)
{
    if (transparent)
        scene->setBackgroundBrush(Qt::NoBrush);
    for (QGraphicsItem *item : scene->items()) {
        item->setCacheMode(QGraphicsItem::NoCache);
        item->setGraphicsEffect(nullptr);
    }
}
