#pragma once

#include "curriculum/curriculum.h"
#include "progress/reviewrecords.h"
#include "progress/reviewsummary.h"
#include "selfcheck/reviewstatistics.h"

#include <QDate>
#include <QHash>

// The self-check figures of the Progress dashboard and `progress stats` (ReviewSummary), from
// each question's state and the log of answers. Pure: "today" is an argument.
//
// Rules. Days are local calendar days. Due today: SelfCheckPlan::dueCount at asOf (due before
// the end of its day, overdue included). Answered and questions: the curriculum's questions
// (SelfCheckPlan::overallMastery). The range (the last rangeDays days up to asOf, or all
// history for StatsOptions::AllHistory = 0) limits the answers per day and the retention;
// answers after the end of asOf do not count. The forecast is ReviewStatistics::compute's. Each
// question's state is the one after its latest answer, so an asOf in the past shows what is due
// by then as the questions stand now.
namespace ReviewSummaries {

ReviewSummary compute(const Curriculum &curriculum,
                      const QHash<QString, ReviewCard> &cards,
                      const ReviewTimeline &timeline,
                      const QDate &asOf,
                      int rangeDays);
// The same from ReviewStatistics::compute(timeline, curriculum, cards, asOf), which walks every
// answer: the dashboard keeps those figures while only the range changes.
ReviewSummary fromFigures(const ReviewStatistics::Figures &figures,
                          const Curriculum &curriculum,
                          const QHash<QString, ReviewCard> &cards,
                          const QDate &asOf,
                          int rangeDays);

} // namespace ReviewSummaries
