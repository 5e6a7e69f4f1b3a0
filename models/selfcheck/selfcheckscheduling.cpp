#include "selfcheck/selfcheckscheduling.h"

namespace SelfCheckScheduling {

namespace {

constexpr double MsPerDay = 24.0 * 60 * 60 * 1000;

double daysBetween(const QDateTime &from, const QDateTime &to)
{
    return double(from.msecsTo(to)) / MsPerDay;
}

} // namespace

Fsrs::Grade gradeOf(bool correct)
{
    return correct ? Fsrs::Grade::Good : Fsrs::Grade::Again;
}

ReviewCard schedule(const std::optional<ReviewCard> &before,
                    const ReviewAnswer &answer,
                    const Fsrs::Parameters &parameters)
{
    const Fsrs::Grade grade = gradeOf(answer.correct);
    const Fsrs::MemoryState state
        = before ? Fsrs::nextState({before->stability, before->difficulty},
                                   daysBetween(before->lastReview, answer.at),
                                   grade,
                                   parameters)
                 : Fsrs::initialState(grade, parameters);
    ReviewCard card;
    card.questionId = answer.questionId;
    card.topicId = answer.topicId;
    card.stability = state.stability;
    card.difficulty = state.difficulty;
    card.reps = before ? before->reps + 1 : 1;
    card.lapses = (before ? before->lapses : 0) + (before && !answer.correct ? 1 : 0);
    card.lastCorrect = answer.correct;
    card.lastReview = answer.at.toUTC();
    card.due = answer.correct
                   ? card.lastReview.addDays(Fsrs::scheduledDays(state.stability, parameters))
                   : card.lastReview.addSecs(qint64(RelearnMinutes) * 60);
    return card;
}

ReviewScheduling scheduler(const Fsrs::Parameters &parameters)
{
    return [parameters](const std::optional<ReviewCard> &before, const ReviewAnswer &answer) {
        return schedule(before, answer, parameters);
    };
}

double retrievability(const ReviewCard &card, const QDateTime &now)
{
    return Fsrs::retrievability(daysBetween(card.lastReview, now), card.stability);
}

} // namespace SelfCheckScheduling
