#include "selfcheck/reviewsummarymodel.h"

#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "selfcheck/reviewsummaries.h"

#include <QTimer>

ReviewSummaryModel::ReviewSummaryModel(CurriculumModel *curriculum,
                                       ProgressStore *store,
                                       Today today,
                                       QObject *parent)
    : QObject(parent)
    , m_curriculum(curriculum)
    , m_store(store)
    , m_today(std::move(today))
    , m_coalesce(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &ReviewSummaryModel::refresh);
    connect(m_store, &ProgressStore::answerRecorded, this, &ReviewSummaryModel::addAnswer);
    connect(m_store, &ProgressStore::progressReset, this, [this] {
        m_reread = true;
        invalidateAnswers();
    });
    connect(m_curriculum,
            &QAbstractItemModel::modelReset,
            this,
            &ReviewSummaryModel::invalidateAnswers);
}

void ReviewSummaryModel::addAnswer(const ReviewCard &card)
{
    m_cards.insert(card.questionId, card);
    m_timeline.atMs << card.lastReview.toMSecsSinceEpoch();
    m_timeline.correct << card.lastCorrect;
    m_timeline.firstAnswer << (card.reps == 1);
    invalidateAnswers();
}

void ReviewSummaryModel::invalidateAnswers()
{
    m_figuresAsOf = QDate();
    invalidate();
}

void ReviewSummaryModel::invalidate()
{
    m_stale = true;
    if (m_active)
        m_coalesce->start();
}

void ReviewSummaryModel::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale)
        m_coalesce->start();
}

void ReviewSummaryModel::setRangeDays(int days)
{
    if (m_rangeDays == days)
        return;
    m_rangeDays = days;
    invalidate();
}

void ReviewSummaryModel::refresh()
{
    m_coalesce->stop();
    if (m_reread) {
        m_cards = m_store->reviewCards();
        m_timeline = m_store->reviewTimeline();
        m_reread = false;
    }
    const QDate today = m_today();
    const Curriculum &curriculum = m_curriculum->curriculum();
    if (m_figuresAsOf != today) {
        m_figures = ReviewStatistics::compute(m_timeline, curriculum, m_cards, today);
        m_figuresAsOf = today;
    }
    m_summary = ReviewSummaries::fromFigures(m_figures, curriculum, m_cards, today, m_rangeDays);
    m_stale = false;
    emit summaryChanged();
}
