#pragma once

#include <QString>

#include <functional>

class QIODevice;

// What every export does with its file, roadmap or pipeline diagram: check the path first, then
// write through QSaveFile so an existing file is replaced only when the new one is complete.
namespace ExportFile {

// Empty when `path` can be written, else an error naming it (a folder, a missing or unwritable
// folder, a read-only file). Nothing is created.
QString checkOutputPath(const QString &path);

// Runs `write` on a temporary file beside `path` and renames it over `path` when `write` returns
// true; otherwise the temporary file goes and an existing file stays as it was. Returns false
// on either failure; `fileError` is set only for an error of the file itself (open, commit).
bool writeAtomically(const QString &path,
                     const std::function<bool(QIODevice *)> &write,
                     QString *fileError);

} // namespace ExportFile
