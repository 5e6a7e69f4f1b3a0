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

TopicResource readResource(const QJsonObject &object, const QString &path)
{
    TopicResource resource;
    resource.title = JsonReading::string(object, path, u"title"_s, true);
    resource.url = JsonReading::string(object, path, u"url"_s, true);
    resource.kind = JsonReading::string(object, path, u"kind"_s, false);
    resource.why = JsonReading::string(object, path, u"why"_s, false);
    return resource;
}

SelfCheckQuestion readQuestion(const QJsonObject &object, const QString &path)
{
    SelfCheckQuestion question;
    question.id = JsonReading::string(object, path, u"id"_s, true);
    question.prompt = JsonReading::string(object, path, u"prompt"_s, true);
    question.choices = JsonReading::stringList(object, path, u"choices"_s);
    const double answer = JsonReading::number(object, path, u"answer"_s, true);
    if (answer < 0 || answer >= TopicLearning::MaxChoices || answer != double(int(answer)))
        fail(member(path, u"answer"_s),
             CurriculumJsonText::tr("the index of the right choice, from 0"),
             object.value(u"answer"_s));
    question.answer = int(answer);
    question.explanation = JsonReading::string(object, path, u"explanation"_s, false);
    return question;
}

template<typename Item, typename Reader>
QList<Item>
readList(const QJsonObject &object, const QString &path, const QString &key, Reader read)
{
    QList<Item> items;
    const QJsonArray array = JsonReading::array(object, path, key, false);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = JsonReading::element(member(path, key), i);
        items << read(JsonReading::object(array.at(i), itemPath), itemPath);
    }
    return items;
}

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
    topic.resources = readList<TopicResource>(object, path, u"resources"_s, readResource);
    topic.questions = readList<SelfCheckQuestion>(object, path, u"questions"_s, readQuestion);
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

static QJsonObject toJson(const TopicResource &resource)
{
    QJsonObject object{{u"title"_s, resource.title}, {u"url"_s, resource.url}};
    if (!resource.kind.isEmpty())
        object.insert(u"kind"_s, resource.kind);
    if (!resource.why.isEmpty())
        object.insert(u"why"_s, resource.why);
    return object;
}

static QJsonObject toJson(const SelfCheckQuestion &question)
{
    return QJsonObject{{u"id"_s, question.id},
                       {u"prompt"_s, question.prompt},
                       {u"choices"_s, toArray(question.choices)},
                       {u"answer"_s, question.answer},
                       {u"explanation"_s, question.explanation}};
}

// Resources and questions are written only when a topic has them, so a curriculum without
// them reads the same as before they existed.
static QJsonObject toJson(const Topic &topic)
{
    QJsonObject object{{u"id"_s, topic.id},
                       {u"title"_s, topic.title},
                       {u"goals"_s, topic.goals},
                       {u"activities"_s, topic.activities},
                       {u"tags"_s, toArray(topic.tags)},
                       {u"hours"_s, topic.hours}};
    QJsonArray resources;
    for (const TopicResource &resource : topic.resources)
        resources.append(toJson(resource));
    if (!resources.isEmpty())
        object.insert(u"resources"_s, resources);
    QJsonArray questions;
    for (const SelfCheckQuestion &question : topic.questions)
        questions.append(toJson(question));
    if (!questions.isEmpty())
        object.insert(u"questions"_s, questions);
    return object;
}

QJsonObject toJson(const Curriculum &curriculum)
{
    QJsonArray sections;
    for (const Section &section : curriculum.sections) {
        QJsonArray topics;
        for (const Topic &topic : section.topics)
            topics.append(toJson(topic));
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
