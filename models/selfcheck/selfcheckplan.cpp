#include "selfcheck/selfcheckplan.h"

#include <algorithm>

namespace SelfCheckPlan {

QDateTime endOfLocalDay(const QDateTime &at)
{
    return at.toLocalTime().date().addDays(1).startOfDay();
}

QList<PlannedQuestion> dueQuestions(const Curriculum &curriculum,
                                    const QHash<QString, ReviewCard> &cards,
                                    const QHash<QString, TopicStatus> &statuses,
                                    const QDateTime &asOf,
                                    int newLimit)
{
    const QDateTime end = endOfLocalDay(asOf);
    QList<PlannedQuestion> due;
    QList<PlannedQuestion> fresh;
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            const TopicStatus status = statuses.value(topic.id, TopicStatus::Pending);
            const bool studying = status == TopicStatus::Learning || status == TopicStatus::Done;
            for (const SelfCheckQuestion &question : topic.questions) {
                const auto card = cards.constFind(question.id);
                if (card == cards.constEnd()) {
                    if (studying && fresh.size() < newLimit)
                        fresh.append({&topic, &question, true, {}});
                } else if (card->due < end) {
                    due.append({&topic, &question, false, card->due});
                }
            }
        }
    }
    std::stable_sort(
        due.begin(), due.end(), [](const auto &a, const auto &b) { return a.due < b.due; });
    return due + fresh;
}

int dueCount(const Curriculum &curriculum,
             const QHash<QString, ReviewCard> &cards,
             const QDateTime &asOf)
{
    const QDateTime end = endOfLocalDay(asOf);
    int count = 0;
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            for (const SelfCheckQuestion &question : topic.questions) {
                const auto card = cards.constFind(question.id);
                if (card != cards.constEnd() && card->due < end)
                    ++count;
            }
        }
    }
    return count;
}

QList<PlannedQuestion>
topicQuestions(const Topic &topic, const QHash<QString, ReviewCard> &cards, const QDateTime &asOf)
{
    const QDateTime end = endOfLocalDay(asOf);
    QList<PlannedQuestion> first;
    QList<PlannedQuestion> later;
    for (const SelfCheckQuestion &question : topic.questions) {
        const auto card = cards.constFind(question.id);
        if (card == cards.constEnd())
            first.append({&topic, &question, true, {}});
        else if (card->due < end)
            first.append({&topic, &question, false, card->due});
        else
            later.append({&topic, &question, false, card->due});
    }
    return first + later;
}

bool isRemembered(const ReviewCard &card, const QDateTime &now)
{
    return card.lastCorrect && now < card.due;
}

Mastery &Mastery::operator+=(const Mastery &other)
{
    remembered += other.remembered;
    answered += other.answered;
    total += other.total;
    return *this;
}

Mastery
topicMastery(const Topic &topic, const QHash<QString, ReviewCard> &cards, const QDateTime &now)
{
    Mastery mastery;
    mastery.total = int(topic.questions.size());
    for (const SelfCheckQuestion &question : topic.questions) {
        const auto card = cards.constFind(question.id);
        if (card == cards.constEnd())
            continue;
        ++mastery.answered;
        if (isRemembered(*card, now))
            ++mastery.remembered;
    }
    return mastery;
}

Mastery sectionMastery(const Section &section,
                       const QHash<QString, ReviewCard> &cards,
                       const QDateTime &now)
{
    Mastery mastery;
    for (const Topic &topic : section.topics)
        mastery += topicMastery(topic, cards, now);
    return mastery;
}

Mastery overallMastery(const Curriculum &curriculum,
                       const QHash<QString, ReviewCard> &cards,
                       const QDateTime &now)
{
    Mastery mastery;
    for (const Section &section : curriculum.sections)
        mastery += sectionMastery(section, cards, now);
    return mastery;
}

} // namespace SelfCheckPlan
