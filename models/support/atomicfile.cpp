#include "support/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace AtomicFile {

namespace {

struct AtomicFileText
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFileText)
};

QString displayPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

QString checkOutputPath(const QString &path)
{
    if (path.isEmpty())
        return AtomicFileText::tr("no output file given");
    const QFileInfo file(path);
    if (file.isDir())
        return AtomicFileText::tr("%1: is a folder, not a file").arg(displayPath(path));
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return AtomicFileText::tr("%1: the folder %2 does not exist")
            .arg(displayPath(path), displayPath(folder.filePath()));
    if (!folder.isDir())
        return AtomicFileText::tr("%1: %2 is not a folder")
            .arg(displayPath(path), displayPath(folder.filePath()));
    if (!folder.isWritable())
        return AtomicFileText::tr("%1: the folder is not writable").arg(displayPath(path));
    if (file.exists() && !file.isWritable())
        return AtomicFileText::tr("%1: the file is read-only").arg(displayPath(path));
    // A folder can look writable and still refuse (/proc, a read-only mount, root squash): only
    // trying tells. The probe's temporary file goes at once; `path` itself is not touched.
    QSaveFile probe(path);
    if (!probe.open(QIODevice::WriteOnly))
        return AtomicFileText::tr("%1: cannot write: %2")
            .arg(displayPath(path), probe.errorString());
    probe.cancelWriting();
    return {};
}

bool writeAtomically(const QString &path,
                     const std::function<bool(QIODevice *)> &write,
                     QString *fileError,
                     Stage *reached)
{
    Stage ignored;
    Stage &stage = reached ? *reached : ignored;
    stage = Stage::Open;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *fileError = file.errorString();
        return false;
    }
    stage = Stage::Write;
    if (!write(&file)) {
        file.cancelWriting(); // the temporary file goes, an existing file stays as it was
        return false;
    }
    stage = Stage::Commit;
    if (!file.commit()) {
        *fileError = file.errorString();
        return false;
    }
    stage = Stage::Done;
    return true;
}

bool writeBytes(const QString &path, const QByteArray &data, QString *error, Stage *reached)
{
    return writeAtomically(
        path,
        [&](QIODevice *device) {
            if (device->write(data) == data.size())
                return true;
            *error = device->errorString();
            return false;
        },
        error,
        reached);
}

QString checkFileSet(const QString &path, const QList<ExportedFile> &files, QStringList *paths)
{
    paths->clear();
    if (QString problem = checkOutputPath(path); !problem.isEmpty())
        return problem;
    *paths << path;
    const QFileInfo main(path);
    for (const ExportedFile &file : files.mid(1)) {
        const QString extra = QDir::cleanPath(main.path() + u'/' + file.fileName);
        if (QFileInfo(extra).absoluteFilePath() == main.absoluteFilePath())
            return AtomicFileText::tr("%1: the export writes %2 there too; choose another name")
                .arg(displayPath(path), file.fileName);
        if (QString problem = checkOutputPath(extra); !problem.isEmpty())
            return problem;
        *paths << extra;
    }
    return {};
}

bool writeFileSet(const QStringList &paths, const QList<ExportedFile> &files, QString *error)
{
    for (qsizetype i = files.size() - 1; i >= 0; --i) {
        const QByteArray &contents = files.at(i).contents;
        QString fileError;
        const bool written = writeAtomically(
            paths.at(i),
            [&contents](QIODevice *device) { return device->write(contents) == contents.size(); },
            &fileError);
        if (!written) {
            *error = u"%1: %2"_s.arg(displayPath(paths.at(i)),
                                     fileError.isEmpty() ? AtomicFileText::tr("could not write it")
                                                         : fileError);
            return false;
        }
    }
    return true;
}

} // namespace AtomicFile
