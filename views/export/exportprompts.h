#pragma once

#include "export/imageexportoptions.h"

#include <QStandardPaths>
#include <QString>

#include <functional>

class ImageExporter;
class QWidget;

// The parts of an export dialog that do not depend on what is exported: asking for the file
// and running the export behind a progress dialog the user can cancel.
namespace ExportPrompts {

using Progress = std::function<bool(int done, int total)>;

// Asks where to write; a name without `suffix` gets it. Empty when the user cancelled.
QString askSavePath(QWidget *parent,
                    const QString &title,
                    const QString &suggestedPath,
                    const QString &filter,
                    const QString &suffix);

// Where a save dialog starts: `fileName` in the folder the user last exported to when it still
// exists, else in the standard location (Pictures, Documents …), else in the home folder.
QString suggestedPath(const QString &lastFolder,
                      QStandardPaths::StandardLocation location,
                      const QString &fileName);

// "PNG images (*.png)" and so on, for the file chooser.
QString fileFilter(ImageExportOptions::Format format);

// Runs `work` with a modal progress dialog that shows only when it takes a while; the dialog's
// Cancel makes the progress callback return false.
bool runWithProgress(QWidget *parent,
                     const QString &label,
                     const std::function<bool(const Progress &)> &work);

// A failed export in a message box.
void showFailure(QWidget *parent, const QString &message);

// Runs `exporter` to `path` with the progress dialog; a failure other than the user's Cancel is
// shown. True when the file was written.
bool exportWithProgress(QWidget *parent,
                        const QString &label,
                        ImageExporter &exporter,
                        const QString &path);

} // namespace ExportPrompts
