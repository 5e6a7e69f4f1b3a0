#include "export/exportprompts.h"

#include "export/imageexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

namespace {

struct ExportPromptsText
{
    Q_DECLARE_TR_FUNCTIONS(ExportPromptsText)
};

} // namespace

namespace ExportPrompts {

QString askSavePath(QWidget *parent,
                    const QString &title,
                    const QString &suggestedPath,
                    const QString &filter,
                    const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += u'.' + suffix;
    return path;
}

QString suggestedPath(const QString &lastFolder,
                      QStandardPaths::StandardLocation location,
                      const QString &fileName)
{
    QString folder = lastFolder;
    if (!QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(location);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QDir(folder).filePath(fileName);
}

QString fileFilter(ImageExportOptions::Format format)
{
    using Format = ImageExportOptions::Format;
    switch (format) {
    case Format::Png:
        return ExportPromptsText::tr("PNG images (*.png)");
    case Format::Svg:
        return ExportPromptsText::tr("SVG images (*.svg)");
    case Format::Pdf:
    case Format::PdfHandout:
        return ExportPromptsText::tr("PDF documents (*.pdf)");
    case Format::Mermaid:
        break;
    }
    return ExportPromptsText::tr("Mermaid flowcharts (*.mmd)");
}

bool runWithProgress(QWidget *parent,
                     const QString &label,
                     const std::function<bool(const Progress &)> &work)
{
    QProgressDialog progress(label, ExportPromptsText::tr("Cancel"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400); // quick exports finish before it would show
    return work([&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
}

void showFailure(QWidget *parent, const QString &message)
{
    QMessageBox::warning(parent, ExportPromptsText::tr("Export failed"), message);
}

bool exportWithProgress(QWidget *parent,
                        const QString &label,
                        ImageExporter &exporter,
                        const QString &path)
{
    const bool written = runWithProgress(
        parent, label, [&](const Progress &progress) { return exporter.exportTo(path, progress); });
    if (!written && !exporter.wasCancelled())
        showFailure(parent, exporter.errorString());
    return written;
}

} // namespace ExportPrompts
