#pragma once

#include <QDate>
#include <QList>

#include <optional>

// The self-check figures of the Progress dashboard and `progress stats`, as plain numbers.
// selfcheck/reviewsummaries.h computes them (it knows the scheduler and what is due); the JSON
// writer and the dashboard only show them. They cover every section: the compact log of answers
// they are counted from (ReviewTimeline) has no topic, so it cannot be cut by section.

// One local day's answers.
struct ReviewDay
{
    QDate date;
    int answers = 0;      // every answer that day
    int reviews = 0;      // answers to questions answered before
    int reviewsRight = 0; // of those, right

    bool operator==(const ReviewDay &) const = default;
};

struct ReviewSummary
{
    static constexpr int ForecastDays = 30;

    QDate asOf;        // "today"
    QDate from;        // the first day of the range (for all history: the first day with an answer)
    int dueToday = 0;  // due before the end of asOf's local day, overdue included
    int answered = 0;  // the curriculum's questions answered at least once
    int questions = 0; // the curriculum's questions
    int answersTotal = 0; // every answer up to the end of asOf
    int answersInRange = 0;
    int reviewsInRange = 0;      // answers in the range to questions answered before
    int reviewsRightInRange = 0; // of those, right
    QList<ReviewDay> days;       // the days of the range with at least one answer, oldest first
    // forecast[0]: due by the end of asOf, overdue included; forecast[i]: due on asOf + i.
    QList<int> forecast = QList<int>(ForecastDays, 0);

    // Right answers to questions seen before, in the range, 0 to 1; none without such answers.
    std::optional<double> retention() const
    {
        if (reviewsInRange == 0)
            return std::nullopt;
        return double(reviewsRightInRange) / reviewsInRange;
    }
};
