#pragma once

#include "progress/progresssummary.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>

struct Curriculum;
struct ProgressHistory;

// What the Progress dashboard draws and `progress stats --json` prints.
struct StatsOptions
{
    enum : int { AllHistory = 0 };
    static constexpr int PaceWindowDays = 28;
    static constexpr int HeatmapDays = 365;
    static constexpr int DefaultMinMinutes = 15;

    QDate asOf;                         // "today": nothing after the end of this day counts
    int minMinutes = DefaultMinMinutes; // a streak day needs this many minutes in all
    int rangeDays = AllHistory;         // 30, 90, 365 … the last days up to asOf; 0: all
    QString sectionId;                  // only this section's topics and sessions; empty: all
    QDate targetDate;                   // when the learner wants to finish; invalid: none
};

struct DateCount
{
    QDate date;
    int count = 0;
    bool operator==(const DateCount &) const = default;
};

struct DateMinutes
{
    QDate date;
    int minutes = 0;
    bool operator==(const DateMinutes &) const = default;
};

struct StreakStats
{
    int current = 0; // counted back from today, or from yesterday while today is short of it
    int longest = 0;
    int minMinutes = StatsOptions::DefaultMinMinutes;
};

struct ForecastStats
{
    int finishedInWindow = 0; // topics finished in the last PaceWindowDays days
    double pacePerWeek = 0;
    int remaining = 0; // topics neither done nor skipped
    QDate finishDate;  // invalid when nothing is left or there is no pace
};

struct TargetStats
{
    QDate date;
    bool onTrack = false;
    std::optional<int> behindByDays;     // unknown without a pace
    std::optional<double> neededPerWeek; // none once the date has come
};

// The dashboard's figures, computed from the recorded history alone: pure, in local time, with
// "today" fixed by StatsOptions::asOf so every figure can be checked by hand.
//
// Rules. A topic's status at a day is its latest recorded event up to the end of that day.
// A topic counts as finished (done or skipped, as percent does) from the day it last became
// finished. Study sessions are split at local hour boundaries, so a session across midnight
// counts on both days. Weeks start on Monday. The range limits the "over time" figures
// (completions, minutes per week, weekday, hour, minutes in range); sections, the heatmap
// (always the HeatmapDays days up to asOf), streaks and the forecast do not depend on it.
// The section filter limits everything to that section's topics and their sessions; without
// it, sessions of topics the curriculum no longer has count too.
struct ProgressStats
{
    StatsOptions options;
    QDate rangeFrom; // the first day of the range
    QList<SectionSummary> sections;
    StatusCounts overall;
    int finishedBeforeRange = 0;
    QList<DateCount> completedByDay;       // days in the range on which topics were finished
    QList<DateMinutes> minutesByWeek;      // every week overlapping the range, by its Monday
    std::array<int, 7> minutesByWeekday{}; // Monday first
    std::array<int, 24> minutesByHour{};
    QList<DateMinutes> heatmap; // HeatmapDays days, oldest first
    int minutesInRange = 0;
    int minutesTotal = 0; // all history up to asOf
    StreakStats streak;
    ForecastStats forecast;
    std::optional<TargetStats> target;

    static ProgressStats compute(const Curriculum &curriculum,
                                 const ProgressHistory &history,
                                 const StatsOptions &options);
};
