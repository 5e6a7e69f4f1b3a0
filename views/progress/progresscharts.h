#pragma once

#include "theme/studiotheme.h"

#include <QChart>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <array>

class QAbstractAxis;
class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
struct Curriculum;
struct ProgressStats;
struct ReviewSummary;

// The dashboard's charts as QChart objects, filled from ProgressStats (and the two self-check
// charts from a ReviewSummary, in progresschartsreviews.cpp) and styled by the theme. The dashboard
// shows them in QChartViews (which then own them); the PDF report draws its own set into a page.
// Series are filled with one replace() or append(list) per update, never point by point
// (QtCharts 6.4 redraws a visible series on every point).
class ProgressCharts : public QObject
{
    Q_OBJECT

public:
    enum Chart {
        Sections,
        Completion,
        Weekly,
        Weekday,
        Hourly,
        Answers,     // self-check answers per day (or week) with the retention
        DueForecast, // self-check reviews due in the next 30 days
        ChartCount
    };
    // Up to this many days the answers are drawn a bar a day, beyond it a bar a week.
    static constexpr int MaxDailyBars = 92;

    explicit ProgressCharts(QObject *parent = nullptr);
    ~ProgressCharts() override; // deletes the charts no view or scene took

    QChart *chart(Chart which) const { return m_charts.at(which); }
    static QString title(Chart which);
    static QString fileStem(Chart which); // "progress-sections" …

    void setTheme(const StudioTheme &theme);
    void update(const ProgressStats &stats, const Curriculum &curriculum);
    void updateReviews(const ReviewSummary &summary);

    // For tests: what the charts show.
    QLineSeries *finishedSeries() const { return m_finished; }
    QLineSeries *forecastSeries() const { return m_forecast; }
    QLineSeries *targetSeries() const { return m_target; }
    QBarSet *statusSet(int status) const { return m_statusSets.at(status); }
    QBarSet *weeklySet() const { return m_weekly; }
    QBarSet *weekdaySet() const { return m_weekday; }
    QBarSet *hourlySet() const { return m_hourly; }
    QBarSet *answersSet() const { return m_answers; }
    QLineSeries *retentionSeries() const { return m_retention; } // x: bar index, y: percent
    bool answersByWeek() const { return m_answersByWeek; }
    QBarSet *dueSet() const { return m_due; }
    QStringList sectionLabels() const;

private:
    void createSections();
    void createCompletion();
    void createWeekly();
    void createWeekday();
    void createHourly();
    void createAnswers();
    void createDueForecast();
    void updateSections(const ProgressStats &stats, const Curriculum &curriculum);
    void updateCompletion(const ProgressStats &stats);
    void updateWeekly(const ProgressStats &stats);
    void updateHours(const ProgressStats &stats);
    void styleAxis(QAbstractAxis *axis) const;

    StudioTheme m_theme;
    std::array<QPointer<QChart>, ChartCount> m_charts;
    std::array<QBarSet *, 4> m_statusSets{}; // indexed by TopicStatus
    QBarCategoryAxis *m_sectionAxis = nullptr;
    QValueAxis *m_sectionCountAxis = nullptr;
    QLineSeries *m_finished = nullptr;
    QLineSeries *m_forecast = nullptr;
    QLineSeries *m_target = nullptr;
    bool m_targetOnTrack = false; // the target line is coloured by its verdict
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_topicsAxis = nullptr;
    QBarSet *m_weekly = nullptr;
    QCategoryAxis *m_weekAxis = nullptr;
    QValueAxis *m_weeklyHoursAxis = nullptr;
    QBarSet *m_weekday = nullptr;
    QValueAxis *m_weekdayHoursAxis = nullptr;
    QBarSet *m_hourly = nullptr;
    QValueAxis *m_hourlyHoursAxis = nullptr;
    QBarSet *m_answers = nullptr;
    QLineSeries *m_retention = nullptr;
    bool m_answersByWeek = false;
    QCategoryAxis *m_answersAxis = nullptr;
    QValueAxis *m_answersCountAxis = nullptr;
    QValueAxis *m_retentionAxis = nullptr;
    QBarSet *m_due = nullptr;
    QCategoryAxis *m_dueAxis = nullptr;
    QValueAxis *m_dueCountAxis = nullptr;
};
