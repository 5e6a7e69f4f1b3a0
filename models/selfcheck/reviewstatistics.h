#pragma once

#include "curriculum/curriculum.h"
#include "progress/reviewrecords.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>

// The figures of the self-check answers for the dashboard and `quiz stats`: answers per local
// day, retention (the share of right answers to questions seen before) and the reviews due in
// the coming days.
namespace ReviewStatistics {

inline constexpr int ForecastDays = 30;

struct DayFigures
{
    int answers = 0;      // every answer that day
    int reviews = 0;      // answers to questions answered before
    int reviewsRight = 0; // of those, right

    bool operator==(const DayFigures &) const = default;
};

struct Figures
{
    int answers = 0;
    int reviews = 0;
    int reviewsRight = 0;
    QMap<QDate, DayFigures> days; // local dates with at least one answer
    // forecast[0]: due by the end of today, overdue included; forecast[i]: due on today + i.
    QList<int> forecast;

    // Right answers to questions seen before, 0 to 1; -1 with no such answer yet.
    double retention() const { return reviews > 0 ? double(reviewsRight) / reviews : -1; }
};

// Days are local calendar days; only the questions the curriculum still asks are forecast.
Figures compute(const ReviewTimeline &timeline,
                const Curriculum &curriculum,
                const QHash<QString, ReviewCard> &cards,
                const QDate &today);

} // namespace ReviewStatistics
