#pragma once

#include "selfcheck/selfcheckplan.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class CurriculumModel;
class ProgressStore;

// Mastery as the map shows it, for the curriculum of a CurriculumModel: keeps every question's
// state read from the model's progress store and evaluates it at one moment, so all figures
// shown together agree. changed() tells when they may have moved: an answer recorded, the
// store reloaded (another process wrote), or a remembered question falling due. For that last
// one it wakes itself at the next due time (at least once an hour, so a clock change or a
// suspended machine is caught up with); reevaluate() catches up at once (the window regaining
// focus).
class MasteryTracker : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;
    static constexpr int LongestSleepMs = 60 * 60 * 1000;

    explicit MasteryTracker(CurriculumModel *model,
                            QObject *parent = nullptr,
                            Clock clock = &QDateTime::currentDateTimeUtc);

    // Figures at evaluatedAt().
    SelfCheckPlan::Mastery topicMastery(const Topic &topic) const;
    SelfCheckPlan::Mastery sectionMastery(const Section &section) const;
    SelfCheckPlan::Mastery overallMastery() const;
    QDateTime evaluatedAt() const { return m_now; }
    // When the next remembered question falls due; invalid when none is remembered (then time
    // alone changes nothing).
    QDateTime nextChange() const { return m_nextChange; }

    void setClock(Clock clock); // reevaluates with the new clock
    // Reads the clock again and emits changed().
    void reevaluate();

signals:
    void changed();

private:
    void bindStore();
    void reload();
    void onAnswerRecorded(const ReviewCard &card);
    void scheduleNextChange();

    CurriculumModel *m_model;
    QPointer<ProgressStore> m_store;
    Clock m_clock;
    QDateTime m_now;
    QDateTime m_nextChange;
    QHash<QString, ReviewCard> m_cards;
    QTimer m_wake;
};
