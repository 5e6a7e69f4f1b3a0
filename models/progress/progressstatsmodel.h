#pragma once

#include "progress/progresshistory.h"
#include "progress/progressstats.h"

#include <QObject>

#include <functional>

class CurriculumModel;
class ProgressStore;
class QTimer;

// The dashboard's figures, kept up to date: recomputed (once per burst of changes) when a
// status changes, a session is logged, edited or deleted, or another process changed the
// store. The history is kept in memory and read again only in part: the status events or
// sessions recorded since, all sessions after an edit, and everything only after another
// process wrote. While inactive (the
// dashboard hidden) a change only marks the figures stale; they are recomputed when it becomes
// active again. "Today" comes from a clock tests can fix.
class ProgressStatsModel : public QObject
{
    Q_OBJECT

public:
    using Today = std::function<QDate()>;

    ProgressStatsModel(CurriculumModel *curriculum,
                       ProgressStore *store,
                       Today today = &QDate::currentDate,
                       QObject *parent = nullptr);

    const ProgressStats &stats() const { return m_stats; }
    const StatsOptions &options() const { return m_options; }
    // The history the figures were computed from (sessions by start time).
    const ProgressHistory &history() const { return m_history; }
    CurriculumModel *curriculum() const { return m_curriculum; }

    void setRangeDays(int days);
    void setSectionId(const QString &sectionId);
    void setMinMinutes(int minutes);
    void setTargetDate(const QDate &date); // invalid: no target

    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isStale() const { return m_stale; }
    // Recomputes at once (the benchmark and the export call it; changes go through a timer).
    void refresh();

signals:
    void statsChanged();

private:
    void invalidate();
    enum Stale {
        Figures = 0x0,
        NewEvents = 0x1,
        NewSessions = 0x2,
        Sessions = 0x4,
        Everything = 0x7
    };
    void markStale(int parts);

    CurriculumModel *m_curriculum;
    ProgressStore *m_store;
    Today m_today;
    StatsOptions m_options;
    ProgressHistory m_history;
    int m_staleParts = Everything;
    ProgressStats m_stats;
    QTimer *m_coalesce;
    bool m_active = true;
    bool m_stale = true;
};
