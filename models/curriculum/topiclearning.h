#pragma once

#include <QString>
#include <QStringList>

// What a topic teaches with beyond its goals: curated reading and self-check questions. Both are
// data in the curriculum file (and read from a Markdown curriculum that lists them); a
// curriculum without them simply has none.

// A page worth reading for a topic: the official documentation of a tool it names, or the
// canonical paper or guide for its idea.
struct TopicResource
{
    QString title;
    QString url;  // absolute http(s) address
    QString kind; // one of TopicLearning::resourceKinds(), or empty when not stated
    QString why;  // one line: why it is worth the learner's time

    bool operator==(const TopicResource &) const = default;
};

// A multiple-choice question with one right answer. The id is stable: the review history in the
// progress database is keyed by it, so rewording a question keeps its history.
struct SelfCheckQuestion
{
    QString id; // "topic-id/slug"
    QString prompt;
    QStringList choices;
    int answer = 0; // index of the right choice
    QString explanation;

    bool operator==(const SelfCheckQuestion &) const = default;
};

namespace TopicLearning {

// Answered with the keys 1 to 4, so at most four choices.
inline constexpr int MinChoices = 2;
inline constexpr int MaxChoices = 4;
inline constexpr int MaxQuestionIdLength = 129;

// docs, guide, paper, book, course, video
const QStringList &resourceKinds();
// Lowercase ASCII letters and digits in words joined by '-', optionally in two parts joined by
// '/' ("feature-stores/online-offline-skew").
bool isValidQuestionId(const QString &id);
// An absolute http or https address with a host, and nothing a browser would run.
bool isWebAddress(const QString &url);
// Empty when the resource is well-formed, else what is wrong with it.
QString checkResource(const TopicResource &resource);
// Empty when the question is well-formed (id, prompt, distinct choices, answer in range).
QString checkQuestion(const SelfCheckQuestion &question);

} // namespace TopicLearning
