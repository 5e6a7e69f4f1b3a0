#include "selfcheck/reviewsummaries.h"

#include "selfcheck/selfcheckplan.h"

namespace ReviewSummaries {

static_assert(ReviewSummary::ForecastDays == ReviewStatistics::ForecastDays);

ReviewSummary compute(const Curriculum &curriculum,
                      const QHash<QString, ReviewCard> &cards,
                      const ReviewTimeline &timeline,
                      const QDate &asOf,
                      int rangeDays)
{
    return fromFigures(ReviewStatistics::compute(timeline, curriculum, cards, asOf),
                       curriculum,
                       cards,
                       asOf,
                       rangeDays);
}

ReviewSummary fromFigures(const ReviewStatistics::Figures &figures,
                          const Curriculum &curriculum,
                          const QHash<QString, ReviewCard> &cards,
                          const QDate &asOf,
                          int rangeDays)
{
    ReviewSummary summary;
    summary.asOf = asOf;
    summary.forecast = figures.forecast;
    summary.dueToday = SelfCheckPlan::dueCount(curriculum, cards, asOf.startOfDay());
    const SelfCheckPlan::Mastery mastery
        = SelfCheckPlan::overallMastery(curriculum, cards, asOf.startOfDay());
    summary.answered = mastery.answered;
    summary.questions = mastery.total;

    const auto end = figures.days.upperBound(asOf);
    if (rangeDays > 0)
        summary.from = asOf.addDays(1 - rangeDays);
    else if (figures.days.cbegin() != end)
        summary.from = figures.days.firstKey();
    else
        summary.from = asOf;
    for (auto day = figures.days.cbegin(); day != end; ++day) {
        summary.answersTotal += day->answers;
        if (day.key() < summary.from)
            continue;
        summary.days.append({day.key(), day->answers, day->reviews, day->reviewsRight});
        summary.answersInRange += day->answers;
        summary.reviewsInRange += day->reviews;
        summary.reviewsRightInRange += day->reviewsRight;
    }
    return summary;
}

} // namespace ReviewSummaries
