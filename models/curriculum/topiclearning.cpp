#include "curriculum/topiclearning.h"

#include "curriculum/curriculum.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

struct TopicLearningText
{
    Q_DECLARE_TR_FUNCTIONS(TopicLearning)
};

} // namespace

namespace TopicLearning {

const QStringList &resourceKinds()
{
    static const QStringList kinds{
        u"docs"_s, u"guide"_s, u"paper"_s, u"book"_s, u"course"_s, u"video"_s};
    return kinds;
}

bool isValidQuestionId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxQuestionIdLength)
        return false;
    const QStringList parts = id.split(u'/');
    if (parts.size() > 2)
        return false;
    for (const QString &part : parts) {
        if (!CurriculumIds::isValidId(part))
            return false;
    }
    return true;
}

bool isWebAddress(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    return parsed.isValid() && (scheme == u"https"_s || scheme == u"http"_s)
           && !parsed.host().isEmpty() && parsed.userInfo().isEmpty();
}

QString checkResource(const TopicResource &resource)
{
    if (!CurriculumText::hasVisibleText(resource.title))
        return TopicLearningText::tr("a resource has no title");
    if (!isWebAddress(resource.url))
        return TopicLearningText::tr("resource '%1': '%2' is not an http or https address")
            .arg(resource.title, resource.url);
    if (!resource.kind.isEmpty() && !resourceKinds().contains(resource.kind))
        return TopicLearningText::tr("resource '%1': unknown kind '%2' (expected one of %3)")
            .arg(resource.title, resource.kind, resourceKinds().join(u", "_s));
    return {};
}

QString checkQuestion(const SelfCheckQuestion &question)
{
    if (!isValidQuestionId(question.id))
        return TopicLearningText::tr("invalid question id '%1' (expected lowercase letters, "
                                     "digits and '-', optionally two parts joined by '/')")
            .arg(question.id);
    if (!CurriculumText::hasVisibleText(question.prompt))
        return TopicLearningText::tr("question '%1' has no text").arg(question.id);
    const auto choiceCount = question.choices.size();
    if (choiceCount < MinChoices || choiceCount > MaxChoices)
        return TopicLearningText::tr("question '%1' has %2 choices (expected %3 to %4)")
            .arg(question.id)
            .arg(choiceCount)
            .arg(MinChoices)
            .arg(MaxChoices);
    QSet<QString> seen;
    for (const QString &choice : question.choices) {
        if (!CurriculumText::hasVisibleText(choice))
            return TopicLearningText::tr("question '%1' has an empty choice").arg(question.id);
        const QString key = choice.simplified().toCaseFolded();
        if (seen.contains(key))
            return TopicLearningText::tr("question '%1' lists the choice '%2' twice")
                .arg(question.id, choice);
        seen.insert(key);
    }
    if (question.answer < 0 || question.answer >= choiceCount)
        return TopicLearningText::tr("question '%1': answer %2 is not one of its %3 choices "
                                     "(counted from 0)")
            .arg(question.id)
            .arg(question.answer)
            .arg(choiceCount);
    return {};
}

} // namespace TopicLearning
