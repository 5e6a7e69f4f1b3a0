#include "support/jsonreading.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct JsonReadingText
{
    Q_DECLARE_TR_FUNCTIONS(JsonReadingText)
};

} // namespace

namespace JsonReading {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return JsonReadingText::tr("a boolean");
    case QJsonValue::Double:
        return JsonReadingText::tr("a number");
    case QJsonValue::String:
        return JsonReadingText::tr("a string");
    case QJsonValue::Array:
        return JsonReadingText::tr("an array");
    case QJsonValue::Object:
        return JsonReadingText::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return JsonReadingText::tr("missing");
}

QString member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString element(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

void fail(const QString &path, const QString &expected, const QJsonValue &got)
{
    throw Error{
        JsonReadingText::tr("%1: expected %2, found %3").arg(path, expected, typeName(got))};
}

void failAt(const QString &path, const QString &message)
{
    throw Error{path.isEmpty() ? message : path + u": "_s + message};
}

QString string(const QJsonObject &object, const QString &path, const QString &key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return {};
    if (!value.isString())
        fail(member(path, key), JsonReadingText::tr("a string"), value);
    return value.toString();
}

QStringList stringList(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonArray values = array(object, path, key, false);
    QStringList list;
    list.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values.at(i).isString())
            fail(element(member(path, key), i), JsonReadingText::tr("a string"), values.at(i));
        list << values.at(i).toString();
    }
    return list;
}

QJsonArray array(const QJsonObject &object, const QString &path, const QString &key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return {};
    if (!value.isArray())
        fail(member(path, key), JsonReadingText::tr("an array"), value);
    return value.toArray();
}

QJsonObject object(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(path, JsonReadingText::tr("an object"), value);
    return value.toObject();
}

bool boolean(const QJsonObject &object, const QString &path, const QString &key, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        fail(member(path, key), JsonReadingText::tr("a boolean"), value);
    return value.toBool();
}

double number(const QJsonObject &object,
              const QString &path,
              const QString &key,
              bool required,
              double fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return fallback;
    // QJsonDocument reads 1e999 as infinity: no position or size can use it.
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        fail(member(path, key), JsonReadingText::tr("a finite number"), value);
    return value.toDouble();
}

void checkFormat(const QJsonObject &root, const QString &format, int version, const QString &what)
{
    if (root.value(u"format"_s).toString() != format)
        throw Error{JsonReadingText::tr("not %1: expected \"format\": \"%2\"").arg(what, format)};
    const QJsonValue value = root.value(u"version"_s);
    if (!value.isDouble())
        fail(u"version"_s, JsonReadingText::tr("a number"), value);
    // toInt() would turn 1e10 or 1.5 into 0, which reads as an old version.
    const double number = value.toDouble();
    if (number < 1 || number != std::floor(number))
        fail(u"version"_s, JsonReadingText::tr("a whole number from 1"), value);
    if (number > version)
        throw Error{JsonReadingText::tr(
                        "written by a newer version (format version %1; this version reads up to "
                        "%2)")
                        .arg(number)
                        .arg(version)};
}

Parsed parseObject(const QByteArray &json, const QString &what, qsizetype maxBytes)
{
    Parsed parsed;
    if (json.size() > maxBytes) {
        parsed.errorMessage
            = JsonReadingText::tr("too large (over %1 MiB) for %2").arg(maxBytes >> 20).arg(what);
        return parsed;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        parsed.errorLine = int(json.left(error.offset).count('\n')) + 1;
        parsed.errorMessage = JsonReadingText::tr("invalid JSON: %1").arg(error.errorString());
        return parsed;
    }
    if (!document.isObject()) {
        parsed.errorLine = 1;
        parsed.errorMessage = JsonReadingText::tr("not %1: expected a JSON object").arg(what);
        return parsed;
    }
    parsed.root = document.object();
    parsed.ok = true;
    return parsed;
}

} // namespace JsonReading
