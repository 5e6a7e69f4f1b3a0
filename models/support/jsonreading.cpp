#include "support/jsonreading.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace JsonReading {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
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
    throw Error{u"%1: expected %2, found %3"_s.arg(path, expected, typeName(got))};
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
        fail(member(path, key), u"a string"_s, value);
    return value.toString();
}

QStringList stringList(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonArray values = array(object, path, key, false);
    QStringList list;
    list.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values.at(i).isString())
            fail(element(member(path, key), i), u"a string"_s, values.at(i));
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
        fail(member(path, key), u"an array"_s, value);
    return value.toArray();
}

QJsonObject object(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(path, u"an object"_s, value);
    return value.toObject();
}

bool boolean(const QJsonObject &object, const QString &path, const QString &key, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        fail(member(path, key), u"a boolean"_s, value);
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
        fail(member(path, key), u"a finite number"_s, value);
    return value.toDouble();
}

void checkFormat(const QJsonObject &root, const QString &format, int version, const QString &what)
{
    if (root.value(u"format"_s).toString() != format)
        throw Error{u"not %1: expected \"format\": \"%2\""_s.arg(what, format)};
    const QJsonValue value = root.value(u"version"_s);
    if (!value.isDouble())
        fail(u"version"_s, u"a number"_s, value);
    // toInt() would turn 1e10 or 1.5 into 0, which reads as an old version.
    const double number = value.toDouble();
    if (number < 1 || number != std::floor(number))
        fail(u"version"_s, u"a whole number from 1"_s, value);
    if (number > version)
        throw Error{u"written by a newer version (format version %1; this version reads up to "
                    "%2)"_s.arg(number)
                        .arg(version)};
}

Parsed parseObject(const QByteArray &json, const QString &what, qsizetype maxBytes)
{
    Parsed parsed;
    if (json.size() > maxBytes) {
        parsed.errorMessage = u"too large (over %1 MiB) for %2"_s.arg(maxBytes >> 20).arg(what);
        return parsed;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        parsed.errorLine = int(json.left(error.offset).count('\n')) + 1;
        parsed.errorMessage = u"invalid JSON: %1"_s.arg(error.errorString());
        return parsed;
    }
    if (!document.isObject()) {
        parsed.errorLine = 1;
        parsed.errorMessage = u"not %1: expected a JSON object"_s.arg(what);
        return parsed;
    }
    parsed.root = document.object();
    parsed.ok = true;
    return parsed;
}

} // namespace JsonReading
