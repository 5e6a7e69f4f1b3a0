#pragma once

#include "curriculum/curriculum.h"
#include "curriculum/topicstatus.h"
#include "progress/reviewrecords.h"

#include <QDateTime>
#include <QHash>
#include <QList>

// What to ask next and what is remembered, from the curriculum's questions and each question's
// state. Pure functions: the times are arguments, "today" is the local calendar day.
namespace SelfCheckPlan {

// New questions a Review session adds after the due ones, like Anki's daily new-card limit.
inline constexpr int DefaultNewPerSession = 10;

struct PlannedQuestion
{
    const Topic *topic = nullptr;
    const SelfCheckQuestion *question = nullptr;
    bool isNew = false; // never answered
    QDateTime due;      // invalid for a new question
};

// The start of the local day after the one `at` falls on: what is due "today" is due before it
// (a day of 23 or 25 hours across a daylight-saving change).
QDateTime endOfLocalDay(const QDateTime &at);

// The questions due before the end of `asOf`'s local day, earliest due first, then up to
// `newLimit` never-answered questions of the topics the learner is studying or has done, in
// curriculum order. Questions no longer in the curriculum are not asked.
QList<PlannedQuestion> dueQuestions(const Curriculum &curriculum,
                                    const QHash<QString, ReviewCard> &cards,
                                    const QHash<QString, TopicStatus> &statuses,
                                    const QDateTime &asOf,
                                    int newLimit = DefaultNewPerSession);
// Only the due ones, counted.
int dueCount(const Curriculum &curriculum,
             const QHash<QString, ReviewCard> &cards,
             const QDateTime &asOf);
// One topic's questions in order: those due or new first, then the rest (Check yourself asks
// all of them).
QList<PlannedQuestion>
topicQuestions(const Topic &topic, const QHash<QString, ReviewCard> &cards, const QDateTime &asOf);

// A question is remembered while its last answer was right and its next review has not come.
bool isRemembered(const ReviewCard &card, const QDateTime &now);

struct Mastery
{
    int remembered = 0;
    int answered = 0; // questions answered at least once
    int total = 0;    // questions asked by the topic(s)

    double share() const { return total > 0 ? double(remembered) / total : 0; }
    Mastery &operator+=(const Mastery &other);
};

Mastery
topicMastery(const Topic &topic, const QHash<QString, ReviewCard> &cards, const QDateTime &now);
Mastery sectionMastery(const Section &section,
                       const QHash<QString, ReviewCard> &cards,
                       const QDateTime &now);
Mastery overallMastery(const Curriculum &curriculum,
                       const QHash<QString, ReviewCard> &cards,
                       const QDateTime &now);

} // namespace SelfCheckPlan
