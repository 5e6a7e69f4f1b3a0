#include "exportfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ExportFile {

namespace {

QString displayPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

QString checkOutputPath(const QString &path)
{
    if (path.isEmpty())
        return u"no output file given"_s;
    const QFileInfo file(path);
    if (file.isDir())
        return u"%1: is a folder, not a file"_s.arg(displayPath(path));
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return u"%1: the folder %2 does not exist"_s.arg(displayPath(path),
                                                         displayPath(folder.filePath()));
    if (!folder.isDir())
        return u"%1: %2 is not a folder"_s.arg(displayPath(path), displayPath(folder.filePath()));
    if (!folder.isWritable())
        return u"%1: the folder is not writable"_s.arg(displayPath(path));
    if (file.exists() && !file.isWritable())
        return u"%1: the file is read-only"_s.arg(displayPath(path));
    return {};
}

bool writeAtomically(const QString &path,
                     const std::function<bool(QIODevice *)> &write,
                     QString *fileError)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *fileError = file.errorString();
        return false;
    }
    if (!write(&file)) {
        file.cancelWriting(); // the temporary file goes, an existing file stays as it was
        return false;
    }
    if (!file.commit()) {
        *fileError = file.errorString();
        return false;
    }
    return true;
}

} // namespace ExportFile
