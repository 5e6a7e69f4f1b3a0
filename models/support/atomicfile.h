#pragma once

#include "support/exportedfile.h"

#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

// What every export does with its file, roadmap or pipeline diagram: check the path first, then
// write through QSaveFile so an existing file is replaced only when the new one is complete.
namespace ExportFile {

// Empty when `path` can be written, else an error naming it (a folder, a missing or unwritable
// folder, a read-only file, a place that refuses a new file). Nothing is left behind.
QString checkOutputPath(const QString &path);

// Runs `write` on a temporary file beside `path` and renames it over `path` when `write` returns
// true; otherwise the temporary file goes and an existing file stays as it was. Returns false
// on either failure; `fileError` is set only for an error of the file itself (open, commit).
bool writeAtomically(const QString &path,
                     const std::function<bool(QIODevice *)> &write,
                     QString *fileError);

// Where an export of several files goes: the first to `path`, the others beside it under their
// own names (DVC reads params.yaml). Empty when all can be written, else an error naming the
// path (checkOutputPath's, or a file that would land on `path` itself); `paths` gets the paths.
QString checkFileSet(const QString &path, const QList<ExportedFile> &files, QStringList *paths);

// Writes `files` to `paths` (from checkFileSet), each atomically and the main one last, so it
// never refers to a file that is missing. On failure returns false with `error` naming the file.
bool writeFileSet(const QStringList &paths, const QList<ExportedFile> &files, QString *error);

} // namespace ExportFile
