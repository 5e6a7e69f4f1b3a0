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

// The dashboard's five charts as QChart objects, filled from ProgressStats and styled by the
// theme. The dashboard shows them in QChartViews (which then own them); the PDF report draws
// its own set into a page. Series are filled with one replace() or append(list) per update,
// never point by point (QtCharts 6.4 redraws a visible series on every point).
class ProgressCharts : public QObject
{
    Q_OBJECT

public:
    enum Chart { Sections, Completion, Weekly, Weekday, Hourly, ChartCount };

    explicit ProgressCharts(QObject *parent = nullptr);
    ~ProgressCharts() override; // deletes the charts no view or scene took

    QChart *chart(Chart which) const { return m_charts.at(which); }
    static QString title(Chart which);
    static QString fileStem(Chart which); // "progress-sections" …

    void setTheme(const StudioTheme &theme);
    void update(const ProgressStats &stats, const Curriculum &curriculum);

    // For tests: what the charts show.
    QLineSeries *finishedSeries() const { return m_finished; }
    QLineSeries *forecastSeries() const { return m_forecast; }
    QLineSeries *targetSeries() const { return m_target; }
    QBarSet *statusSet(int status) const { return m_statusSets.at(status); }
    QBarSet *weeklySet() const { return m_weekly; }
    QBarSet *weekdaySet() const { return m_weekday; }
    QBarSet *hourlySet() const { return m_hourly; }
    QStringList sectionLabels() const;

private:
    void createSections();
    void createCompletion();
    void createWeekly();
    void createWeekday();
    void createHourly();
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
};
