#pragma once

#include "support/bytesizes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Strict readers for the app's JSON files. Each names the JSON path of what it rejects
// ("nodes[3].kind: expected a string, found a number") and throws JsonReading::Error, which the
// file reader's entry point catches: the readers stay short and every message has its path.
namespace JsonReading {

struct Error
{
    QString message;
};

QString typeName(const QJsonValue &value);
// "title" at the root, "kinds[0].title" below.
QString member(const QString &path, const QString &key);
QString element(const QString &path, qsizetype index);

[[noreturn]] void fail(const QString &path, const QString &expected, const QJsonValue &got);
[[noreturn]] void failAt(const QString &path, const QString &message);

QString string(const QJsonObject &object, const QString &path, const QString &key, bool required);
QStringList stringList(const QJsonObject &object, const QString &path, const QString &key);
// A missing optional array reads as empty.
QJsonArray array(const QJsonObject &object, const QString &path, const QString &key, bool required);
QJsonObject object(const QJsonValue &value, const QString &path);
bool boolean(const QJsonObject &object, const QString &path, const QString &key, bool fallback);
// A finite number; a missing optional one reads as `fallback`.
double number(const QJsonObject &object,
              const QString &path,
              const QString &key,
              bool required,
              double fallback = 0);

// Checks "format" and "version" (a whole number from 1, not newer than `version`).
void checkFormat(const QJsonObject &root, const QString &format, int version, const QString &what);

struct Parsed
{
    bool ok = false;
    QJsonObject root;
    int errorLine = 0; // 1-based, 0 when the problem is not tied to a line
    QString errorMessage;
};
// No JSON file of the app comes near this; a reader may set a lower limit of its own.
inline constexpr qsizetype DefaultMaxBytes = 64 * MiB;
// Parses a document that must be a JSON object; `what` names it in errors ("a pipeline file").
// A document over `maxBytes` is refused before parsing (the limit holds for every caller, also
// for data that never was a file, such as the clipboard).
Parsed
parseObject(const QByteArray &json, const QString &what, qsizetype maxBytes = DefaultMaxBytes);

} // namespace JsonReading
