#include "curriculum/curriculumloader.h"

#include "curriculum/curriculumjson.h"
#include "curriculum/markdownimporter.h"
#include "support/bytesizes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace CurriculumLoader {

namespace {

struct CurriculumLoaderText
{
    Q_DECLARE_TR_FUNCTIONS(CurriculumLoaderText)
};

enum class Kind { Json, Markdown, Sniff };

Result failure(const QString &message)
{
    Result result;
    result.error = message;
    return result;
}

QString located(const QString &path, int line, const QString &message)
{
    return line > 0 ? u"%1:%2: %3"_s.arg(path).arg(line).arg(message)
                    : u"%1: %2"_s.arg(path, message);
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = CurriculumLoaderText::tr("%1: no such file").arg(path);
        return false;
    }
    if (info.isDir()) {
        *error = CurriculumLoaderText::tr(
                     "%1: is a directory, expected a curriculum file (.json or .md)")
                     .arg(path);
        return false;
    }
    if (!info.isFile()) { // a pipe or a device could block reading
        *error = CurriculumLoaderText::tr(
                     "%1: not a regular file, expected a curriculum file (.json or .md)")
                     .arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CurriculumLoaderText::tr("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    // Read one byte past the limit so a file that grows while we read is still caught.
    *data = file.read(MaxFileBytes + 1);
    if (data->size() > MaxFileBytes) {
        *error = CurriculumLoaderText::tr("%1: too large (over %2 MiB) for a curriculum")
                     .arg(path)
                     .arg(MaxFileBytes / MiB);
        return false;
    }
    return true;
}

Result parse(const QString &path, const QByteArray &data, Kind kind)
{
    if (kind == Kind::Sniff) {
        const QByteArray text = data.startsWith("\xEF\xBB\xBF") ? data.sliced(3) : data;
        kind = text.trimmed().startsWith('{') ? Kind::Json : Kind::Markdown;
    }

    Result result;
    if (kind == Kind::Json) {
        const CurriculumJson::ReadResult read = CurriculumJson::read(data);
        result.ok = read.ok;
        result.curriculum = read.curriculum;
        if (!read.ok)
            result.error = located(path, read.errorLine, read.errorMessage);
    } else {
        const MarkdownImporter::Result imported = MarkdownImporter::import(data);
        result.ok = imported.ok;
        result.curriculum = imported.curriculum;
        if (!imported.ok)
            result.error = located(path, imported.errorLine, imported.errorMessage);
    }
    return result;
}

Result load(const QString &path, Kind kind)
{
    QByteArray data;
    QString error;
    if (!readFile(path, &data, &error))
        return failure(error);
    return parse(path, data, kind);
}

} // namespace

Result loadBuiltIn()
{
    return load(u":/curriculum/mlops-coursework.json"_s, Kind::Json);
}

Result loadFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return load(path, Kind::Json);
    if (suffix == u"md" || suffix == u"markdown")
        return load(path, Kind::Markdown);
    return load(path, Kind::Sniff);
}

Result importMarkdownFile(const QString &path)
{
    return load(path, Kind::Markdown);
}

} // namespace CurriculumLoader
