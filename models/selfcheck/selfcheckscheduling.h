#pragma once

#include "progress/reviewrecords.h"
#include "selfcheck/fsrs.h"

#include <optional>

// How a self-check answer moves a question's schedule. A question is answered right or wrong,
// so a right answer is graded Good and a wrong one Again (the learner is not asked to grade
// themselves). A wrong answer brings the question back after a short relearning step, as
// Anki's default relearning step does; a right one after the FSRS interval in whole days.
namespace SelfCheckScheduling {

inline constexpr int RelearnMinutes = 10;

Fsrs::Grade gradeOf(bool correct);
// The card after `answer`; `before` is the card after the previous answer, if any.
ReviewCard schedule(const std::optional<ReviewCard> &before,
                    const ReviewAnswer &answer,
                    const Fsrs::Parameters &parameters = Fsrs::defaults());
// schedule() with these parameters, as the progress store takes it.
ReviewScheduling scheduler(const Fsrs::Parameters &parameters = Fsrs::defaults());
// Recall probability of a card at `now` (1 right after its last answer).
double retrievability(const ReviewCard &card, const QDateTime &now);

} // namespace SelfCheckScheduling
