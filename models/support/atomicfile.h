#pragma once

#include "support/exportedfile.h"

#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

// The one way the app replaces a file (exports, pipeline saves, autosave, the command line's
// files): check the path first, then write through QSaveFile, so an existing file is replaced
// only when the new one is complete and synced. Only this file uses QSaveFile.
namespace AtomicFile {

// How far writeAtomically got: callers that tell "cannot create the file" (bad input) from "it
// failed while being written" need it.
enum class Stage { Open, Write, Commit, Done };

// Empty when `path` can be written, else an error naming it (a folder, a missing or unwritable
// folder, a read-only file, a place that refuses a new file). Nothing is left behind.
QString checkOutputPath(const QString &path);

// Runs `write` on a temporary file beside `path` and renames it over `path` when `write` returns
// true; otherwise the temporary file goes and an existing file stays as it was. Returns false
// on either failure; `fileError` is set only for an error of the file itself (open, commit).
// `reached`, when given, is where it stopped (Done on success).
bool writeAtomically(const QString &path,
                     const std::function<bool(QIODevice *)> &write,
                     QString *fileError,
                     Stage *reached = nullptr);

// writeAtomically of bytes made beforehand; `error` is the file's error, also when the write
// itself fails (a full disk).
bool writeBytes(const QString &path,
                const QByteArray &data,
                QString *error,
                Stage *reached = nullptr);

// Where an export of several files goes: the first to `path`, the others beside it under their
// own names (DVC reads params.yaml). Empty when all can be written, else an error naming the
// path (checkOutputPath's, or a file that would land on `path` itself); `paths` gets the paths.
QString checkFileSet(const QString &path, const QList<ExportedFile> &files, QStringList *paths);

// Writes `files` to `paths` (from checkFileSet), each atomically and the main one last, so it
// never refers to a file that is missing. On failure returns false with `error` naming the file.
bool writeFileSet(const QStringList &paths, const QList<ExportedFile> &files, QString *error);

} // namespace AtomicFile
