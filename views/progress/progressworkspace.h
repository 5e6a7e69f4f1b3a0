#pragma once

#include "progress/progresscharts.h"
#include "progress/progressstatsmodel.h"
#include "theme/studiotheme.h"

#include <QWidget>

#include <array>
#include <functional>

class CalendarHeatmap;
class CurriculumModel;
class ProgressTiles;
class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QMenu;
class QScrollArea;
class QSpinBox;
class QUndoStack;
class ReviewSummaryModel;
class StudySessionsPanel;
class StudyTimer;
class StudyTimerWidget;

// The Progress workspace: a dashboard of the study history, like Anki's statistics. Summary
// tiles, completion by section, topics finished over time with a forecast and a target date,
// study time per week, weekday and hour, the self-check answers with their retention and the
// reviews due in the next 30 days, a calendar heatmap with streaks, and the logged sessions
// (edit and delete are undoable). A range applies to all of it, a section filter to all but the
// self-check figures (see progress/reviewsummary.h); the study timer and "Log Time"
// sit in its toolbar. It follows the store: a status changed, a session logged or a question
// answered anywhere redraws it at once.
class ProgressWorkspace : public QWidget
{
    Q_OBJECT

public:
    // Asks where to save: (title, suggested path, filter, suffix) -> path, empty to cancel.
    using SavePathPrompt = std::function<QString(
        const QString &, const QString &, const QString &, const QString &)>;

    ProgressWorkspace(CurriculumModel *model,
                      StudyTimer *timer,
                      ProgressStatsModel::Today today = &QDate::currentDate,
                      QWidget *parent = nullptr);

    ProgressStatsModel *statsModel() const { return m_stats; }
    ReviewSummaryModel *reviewModel() const { return m_reviews; }
    // Shown instead of the two self-check charts until a question has been answered.
    QLabel *selfCheckEmptyLabel() const { return m_selfCheckEmpty; }
    ProgressCharts *charts() const { return m_charts; }
    QChartView *chartView(ProgressCharts::Chart which) const { return m_views.at(which); }
    CalendarHeatmap *heatmap() const { return m_heatmap; }
    ProgressTiles *tiles() const { return m_tiles; }
    StudySessionsPanel *sessions() const { return m_sessions; }
    StudyTimerWidget *timerWidget() const { return m_timerWidget; }
    QComboBox *timerTopicBox() const { return m_timerTopic; }
    QComboBox *rangeBox() const { return m_range; }
    QComboBox *sectionBox() const { return m_section; }
    QSpinBox *minMinutesBox() const { return m_minMinutes; }
    QCheckBox *targetCheck() const { return m_targetCheck; }
    QDateEdit *targetEdit() const { return m_targetDate; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QWidget *dashboard() const { return m_dashboard; }
    QMenu *exportMenu() const { return m_exportMenu; }
    const StudioTheme &theme() const { return m_theme; }

    void setTheme(const StudioTheme &theme);
    void setSavePathPrompt(SavePathPrompt prompt) { m_prompt = std::move(prompt); }
    // The topic the dashboard's timer starts: the one the roadmap shows, unless it runs.
    void setTimerTopic(const QString &topicId);
    void restoreSettings();
    void saveSettings() const;

    void logTime();
    bool exportChart(ProgressCharts::Chart which, const QString &path);
    bool exportHeatmap(const QString &path);
    bool exportReport(const QString &path);
    bool exportCsv(const QString &path);
    // Asks for a file, then exports.
    void exportChartAs(ProgressCharts::Chart which, const QString &suffix);
    void exportHeatmapAs(const QString &suffix);
    void exportReportAs();
    void exportCsvAs();

signals:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createFilterBar();
    QWidget *createTimerBar();
    QWidget *createDashboard();
    void createExportMenu();
    void fillSections();
    void onStatsChanged();
    void onReviewsChanged();
    void onFiltersChanged();
    void showChartMenu(ProgressCharts::Chart which, const QPoint &globalPosition);
    void showHeatmapMenu(const QPoint &globalPosition);
    QString askPath(const QString &title, const QString &stem, const QString &suffix);
    bool reportExport(bool ok, const QString &path, const QString &error);

    CurriculumModel *m_model;
    StudyTimer *m_timer;
    QUndoStack *m_undoStack;
    ProgressStatsModel *m_stats;
    ReviewSummaryModel *m_reviews;
    ProgressCharts *m_charts;
    std::array<QChartView *, ProgressCharts::ChartCount> m_views{};
    CalendarHeatmap *m_heatmap = nullptr;
    ProgressTiles *m_tiles = nullptr;
    StudySessionsPanel *m_sessions = nullptr;
    StudyTimerWidget *m_timerWidget = nullptr;
    QComboBox *m_timerTopic = nullptr;
    QComboBox *m_range = nullptr;
    QComboBox *m_section = nullptr;
    QSpinBox *m_minMinutes = nullptr;
    QCheckBox *m_targetCheck = nullptr;
    QDateEdit *m_targetDate = nullptr;
    QWidget *m_dashboard = nullptr;
    QLabel *m_selfCheckEmpty = nullptr;
    QScrollArea *m_scroll = nullptr;
    QMenu *m_exportMenu = nullptr;
    StudioTheme m_theme;
    SavePathPrompt m_prompt;
    QString m_lastFolder;
};
