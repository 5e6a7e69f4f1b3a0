#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// Self-check answers as the progress store keeps them (schema version 3).

// One answer, as given. The log of answers is never changed.
struct ReviewAnswer
{
    qint64 id = 0;
    QString questionId;
    QString topicId;
    int choice = 0; // 0-based index of the chosen answer
    bool correct = false;
    QDateTime at; // UTC
};

// Every answer in compact form, oldest first, for the charts (200,000 answers are 5 years of
// daily reviews).
struct ReviewTimeline
{
    QList<qint64> atMs; // UTC milliseconds since the epoch
    QList<bool> correct;
    QList<bool> firstAnswer; // the question's first answer (not a review of something seen)
};

// A question's spaced-repetition state after its latest answer.
struct ReviewCard
{
    QString questionId;
    QString topicId;
    double stability = 0;  // days until recall falls to 90 %
    double difficulty = 0; // 1 (easy) to 10 (hard)
    int reps = 0;          // answers given
    int lapses = 0;        // wrong answers after the first answer
    bool lastCorrect = false;
    QDateTime lastReview; // UTC
    QDateTime due;        // UTC

    bool operator==(const ReviewCard &) const = default;
};

// Computes a question's state after `answer` from its state before (none for a first answer).
// The store calls it inside the write transaction, so two processes answering at once cannot
// both start from the same state.
using ReviewScheduling = std::function<ReviewCard(const std::optional<ReviewCard> &before,
                                                  const ReviewAnswer &answer)>;
