#include "curriculum/curriculumjson.h"

#include "support/jsonreading.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace CurriculumJson {

namespace {

struct CurriculumJsonText
{
    Q_DECLARE_TR_FUNCTIONS(CurriculumJsonText)
};

using JsonReading::fail;
using JsonReading::member;

Topic readTopic(const QJsonObject &object, const QString &path)
{
    Topic topic;
    topic.id = JsonReading::string(object, path, u"id"_s, true);
    topic.title = JsonReading::string(object, path, u"title"_s, true);
    topic.goals = JsonReading::string(object, path, u"goals"_s, false);
    topic.activities = JsonReading::string(object, path, u"activities"_s, false);
    topic.tags = JsonReading::stringList(object, path, u"tags"_s);
    const QJsonValue hours = object.value(u"hours"_s);
    if (!hours.isUndefined()) {
        if (!hours.isDouble())
            fail(member(path, u"hours"_s), CurriculumJsonText::tr("a number"), hours);
        topic.hours = hours.toDouble();
    }
    return topic;
}

Section readSection(const QJsonObject &object, const QString &path, int position)
{
    Section section;
    section.id = JsonReading::string(object, path, u"id"_s, true);
    section.title = JsonReading::string(object, path, u"title"_s, true);
    section.objective = JsonReading::string(object, path, u"objective"_s, false);
    section.prerequisites = JsonReading::stringList(object, path, u"prerequisites"_s);
    const QJsonValue number = object.value(u"number"_s);
    if (number.isUndefined()) {
        section.number = position;
    } else {
        const double n = number.toDouble(-1);
        if (!number.isDouble() || n < 0 || n > 1e6 || n != double(qint64(n)))
            fail(member(path, u"number"_s),
                 CurriculumJsonText::tr("a whole number from 0 to 1000000"),
                 number);
        section.number = int(n);
    }
    const QJsonArray topics = JsonReading::array(object, path, u"topics"_s, true);
    for (qsizetype i = 0; i < topics.size(); ++i) {
        const QString topicPath = JsonReading::element(member(path, u"topics"_s), i);
        section.topics << readTopic(JsonReading::object(topics.at(i), topicPath), topicPath);
    }
    return section;
}

Curriculum readCurriculum(const QJsonObject &root)
{
    JsonReading::checkFormat(root,
                             QLatin1String(FormatName),
                             FormatVersion,
                             CurriculumJsonText::tr("a curriculum file"));

    Curriculum curriculum;
    curriculum.title = JsonReading::string(root, {}, u"title"_s, true);
    curriculum.introduction = JsonReading::string(root, {}, u"introduction"_s, false);
    curriculum.outcomes = JsonReading::stringList(root, {}, u"outcomes"_s);
    const QJsonArray sections = JsonReading::array(root, {}, u"sections"_s, true);
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const QString path = JsonReading::element(u"sections"_s, i);
        curriculum.sections << readSection(
            JsonReading::object(sections.at(i), path), path, int(i) + 1);
    }
    return curriculum;
}

} // namespace

ReadResult read(const QByteArray &json)
{
    ReadResult result;
    const JsonReading::Parsed parsed = JsonReading::parseObject(
        json, CurriculumJsonText::tr("a curriculum file"), MaxInputBytes);
    if (!parsed.ok) {
        result.errorLine = parsed.errorLine;
        result.errorMessage = parsed.errorMessage;
        return result;
    }
    try {
        result.curriculum = readCurriculum(parsed.root);
    } catch (const JsonReading::Error &error) {
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
