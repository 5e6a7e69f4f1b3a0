#pragma once

#include <QString>

#include <functional>

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

// Runs `work` with a modal progress dialog that shows only when it takes a while; the dialog's
// Cancel makes the progress callback return false.
bool runWithProgress(QWidget *parent,
                     const QString &label,
                     const std::function<bool(const Progress &)> &work);

// A failed export in a message box.
void showFailure(QWidget *parent, const QString &message);

// Runs `exporter` (RoadmapExporter, PipelineDiagramExporter) to `path` with the progress
// dialog; a failure other than the user's Cancel is shown. True when the file was written.
template<typename Exporter>
bool exportWithProgress(QWidget *parent,
                        const QString &label,
                        Exporter &exporter,
                        const QString &path)
{
    const bool written = runWithProgress(
        parent, label, [&](const Progress &progress) { return exporter.exportTo(path, progress); });
    if (!written && !exporter.wasCancelled())
        showFailure(parent, exporter.errorString());
    return written;
}

} // namespace ExportPrompts
