#pragma once

#include "progress/reviewrecords.h"
#include "progress/reviewsummary.h"
#include "selfcheck/reviewstatistics.h"

#include <QDate>
#include <QHash>
#include <QObject>

#include <functional>

class CurriculumModel;
class ProgressStore;
class QTimer;

// The dashboard's self-check figures, kept up to date like ProgressStatsModel keeps the study
// figures: recomputed (once per burst of changes) when an answer is recorded here, or when a
// batch or another process changed the store. Each question's state and the log of answers are
// kept in memory: an answer recorded here is added to them (the card it gives describes the
// answer), and both are read again only after a reset. The walk over every answer
// (ReviewStatistics) is kept while only the range changes. While inactive (the dashboard
// hidden) a change only marks the figures stale. "Today" comes from a clock tests can fix.
class ReviewSummaryModel : public QObject
{
    Q_OBJECT

public:
    using Today = std::function<QDate()>;

    ReviewSummaryModel(CurriculumModel *curriculum,
                       ProgressStore *store,
                       Today today = &QDate::currentDate,
                       QObject *parent = nullptr);

    const ReviewSummary &summary() const { return m_summary; }

    void setRangeDays(int days); // StatsOptions::AllHistory (0): all history
    int rangeDays() const { return m_rangeDays; }

    void setActive(bool active);
    bool isStale() const { return m_stale; }
    // Recomputes at once (the benchmark calls it; changes go through a timer).
    void refresh();

signals:
    void summaryChanged();

private:
    void invalidate();
    void invalidateAnswers(); // the walk over every answer must be done again
    void addAnswer(const ReviewCard &card);

    CurriculumModel *m_curriculum;
    ProgressStore *m_store;
    Today m_today;
    int m_rangeDays = 0;
    bool m_reread = true; // the cards and the log must be read from the store
    QHash<QString, ReviewCard> m_cards;
    ReviewTimeline m_timeline;
    ReviewStatistics::Figures m_figures;
    QDate m_figuresAsOf; // invalid: m_figures must be computed again
    ReviewSummary m_summary;
    QTimer *m_coalesce;
    bool m_active = true;
    bool m_stale = true;
};
