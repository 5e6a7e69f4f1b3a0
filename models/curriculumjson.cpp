#include "curriculumjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace CurriculumJson {

namespace {

// Thrown inside this file only: every reader below names the JSON path of what it rejects.
struct FormatError
{
    QString message;
};

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

// The JSON path of a member: "title" at the root, "sections[0].title" below.
QString member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

[[noreturn]] void fail(const QString &path, const QString &expected, const QJsonValue &got)
{
    throw FormatError{u"%1: expected %2, found %3"_s.arg(path, expected, typeName(got))};
}

QString
readString(const QJsonObject &object, const QString &path, const QString &key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return {};
    if (!value.isString())
        fail(member(path, key), u"a string"_s, value);
    return value.toString();
}

QStringList readStringList(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isArray())
        fail(member(path, key), u"an array of strings"_s, value);
    QStringList list;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            fail(u"%1[%2]"_s.arg(member(path, key)).arg(i), u"a string"_s, array.at(i));
        list << array.at(i).toString();
    }
    return list;
}

QJsonArray readArray(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        fail(member(path, key), u"an array"_s, value);
    return value.toArray();
}

QJsonObject asObject(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        fail(path, u"an object"_s, value);
    return value.toObject();
}

Topic readTopic(const QJsonObject &object, const QString &path)
{
    Topic topic;
    topic.id = readString(object, path, u"id"_s, true);
    topic.title = readString(object, path, u"title"_s, true);
    topic.goals = readString(object, path, u"goals"_s, false);
    topic.activities = readString(object, path, u"activities"_s, false);
    topic.tags = readStringList(object, path, u"tags"_s);
    const QJsonValue hours = object.value(u"hours"_s);
    if (!hours.isUndefined()) {
        if (!hours.isDouble())
            fail(member(path, u"hours"_s), u"a number"_s, hours);
        topic.hours = hours.toDouble();
    }
    return topic;
}

Section readSection(const QJsonObject &object, const QString &path, int position)
{
    Section section;
    section.id = readString(object, path, u"id"_s, true);
    section.title = readString(object, path, u"title"_s, true);
    section.objective = readString(object, path, u"objective"_s, false);
    section.prerequisites = readStringList(object, path, u"prerequisites"_s);
    const QJsonValue number = object.value(u"number"_s);
    if (number.isUndefined()) {
        section.number = position;
    } else {
        const double n = number.toDouble(-1);
        if (!number.isDouble() || n < 0 || n > 1e6 || n != double(qint64(n)))
            fail(member(path, u"number"_s), u"a whole number from 0 to 1000000"_s, number);
        section.number = int(n);
    }
    const QJsonArray topics = readArray(object, path, u"topics"_s);
    for (qsizetype i = 0; i < topics.size(); ++i) {
        const QString topicPath = u"%1[%2]"_s.arg(member(path, u"topics"_s)).arg(i);
        section.topics << readTopic(asObject(topics.at(i), topicPath), topicPath);
    }
    return section;
}

Curriculum readCurriculum(const QJsonObject &root)
{
    const QJsonValue format = root.value(u"format"_s);
    if (format.toString() != QLatin1String(FormatName))
        throw FormatError{
            u"not a curriculum file: expected \"format\": \"%1\""_s.arg(QLatin1String(FormatName))};
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble())
        fail(u"version"_s, u"a number"_s, version);
    // toInt() would turn 1e10 or 1.5 into 0, which reads as an old version.
    const double versionNumber = version.toDouble();
    if (versionNumber < 1 || versionNumber != std::floor(versionNumber))
        fail(u"version"_s, u"a whole number from 1"_s, version);
    if (versionNumber > FormatVersion)
        throw FormatError{u"written by a newer version (format version %1; this version reads "
                          "up to %2)"_s.arg(versionNumber)
                              .arg(FormatVersion)};

    Curriculum curriculum;
    curriculum.title = readString(root, {}, u"title"_s, true);
    curriculum.introduction = readString(root, {}, u"introduction"_s, false);
    curriculum.outcomes = readStringList(root, {}, u"outcomes"_s);
    const QJsonArray sections = readArray(root, {}, u"sections"_s);
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const QString path = u"sections[%1]"_s.arg(i);
        curriculum.sections << readSection(asObject(sections.at(i), path), path, int(i) + 1);
    }
    return curriculum;
}

int lineOfOffset(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

} // namespace

ReadResult read(const QByteArray &json)
{
    ReadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errorLine = lineOfOffset(json, parseError.offset);
        result.errorMessage = u"invalid JSON: %1"_s.arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.errorLine = 1;
        result.errorMessage = u"not a curriculum file: expected a JSON object"_s;
        return result;
    }
    try {
        result.curriculum = readCurriculum(document.object());
    } catch (const FormatError &error) {
        result.errorMessage = error.message;
        return result;
    }
    result.errorMessage = result.curriculum.validate();
    result.ok = result.errorMessage.isEmpty();
    return result;
}

static QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject toJson(const Curriculum &curriculum)
{
    QJsonArray sections;
    for (const Section &section : curriculum.sections) {
        QJsonArray topics;
        for (const Topic &topic : section.topics) {
            topics.append(QJsonObject{{u"id"_s, topic.id},
                                      {u"title"_s, topic.title},
                                      {u"goals"_s, topic.goals},
                                      {u"activities"_s, topic.activities},
                                      {u"tags"_s, toArray(topic.tags)},
                                      {u"hours"_s, topic.hours}});
        }
        sections.append(QJsonObject{{u"id"_s, section.id},
                                    {u"number"_s, section.number},
                                    {u"title"_s, section.title},
                                    {u"objective"_s, section.objective},
                                    {u"prerequisites"_s, toArray(section.prerequisites)},
                                    {u"topics"_s, topics}});
    }
    return QJsonObject{{u"format"_s, QLatin1String(FormatName)},
                       {u"version"_s, FormatVersion},
                       {u"title"_s, curriculum.title},
                       {u"introduction"_s, curriculum.introduction},
                       {u"sections"_s, sections},
                       {u"outcomes"_s, toArray(curriculum.outcomes)}};
}

QByteArray write(const Curriculum &curriculum)
{
    return QJsonDocument(toJson(curriculum)).toJson(QJsonDocument::Indented);
}

} // namespace CurriculumJson
