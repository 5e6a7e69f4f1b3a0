#include "selfcheck/masterytracker.h"

#include "progress/curriculummodel.h"
#include "progress/progressstore.h"

MasteryTracker::MasteryTracker(CurriculumModel *model, QObject *parent, Clock clock)
    : QObject(parent)
    , m_model(model)
    , m_clock(std::move(clock))
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &MasteryTracker::reevaluate);
    // A new curriculum changes the figures, not the answers; the store is looked at again in
    // case the model was given another one.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->store() != m_store)
            reload();
        else
            reevaluate();
    });
    reload();
}

SelfCheckPlan::Mastery MasteryTracker::topicMastery(const Topic &topic) const
{
    return SelfCheckPlan::topicMastery(topic, m_cards, m_now);
}

SelfCheckPlan::Mastery MasteryTracker::sectionMastery(const Section &section) const
{
    return SelfCheckPlan::sectionMastery(section, m_cards, m_now);
}

SelfCheckPlan::Mastery MasteryTracker::overallMastery() const
{
    return SelfCheckPlan::overallMastery(m_model->curriculum(), m_cards, m_now);
}

void MasteryTracker::setClock(Clock clock)
{
    m_clock = std::move(clock);
    reevaluate();
}

void MasteryTracker::bindStore()
{
    if (m_store == m_model->store())
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = m_model->store();
    if (m_store) {
        connect(m_store, &ProgressStore::answerRecorded, this, &MasteryTracker::onAnswerRecorded);
        connect(m_store, &ProgressStore::progressReset, this, &MasteryTracker::reload);
    }
}

void MasteryTracker::reload()
{
    bindStore();
    m_cards = m_store ? m_store->reviewCards() : QHash<QString, ReviewCard>();
    reevaluate();
}

void MasteryTracker::onAnswerRecorded(const ReviewCard &card)
{
    m_cards.insert(card.questionId, card);
    reevaluate();
}

void MasteryTracker::reevaluate()
{
    m_now = m_clock();
    scheduleNextChange();
    emit changed();
}

void MasteryTracker::scheduleNextChange()
{
    m_nextChange = {};
    for (const ReviewCard &card : std::as_const(m_cards)) {
        if (SelfCheckPlan::isRemembered(card, m_now)
            && (!m_nextChange.isValid() || card.due < m_nextChange)) {
            m_nextChange = card.due;
        }
    }
    if (!m_nextChange.isValid()) {
        m_wake.stop();
        return;
    }
    // A second late rather than early: a timer may fire a little before its time, and waking
    // up to find nothing due yet would only set it again.
    const qint64 untilDue = m_now.msecsTo(m_nextChange) + 1000;
    m_wake.start(int(std::min<qint64>(untilDue, LongestSleepMs)));
}
