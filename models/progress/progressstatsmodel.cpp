#include "progress/progressstatsmodel.h"

#include "progress/curriculummodel.h"
#include "progress/progresshistory.h"
#include "progress/progressstore.h"

#include <QTimer>

ProgressStatsModel::ProgressStatsModel(CurriculumModel *curriculum,
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
    connect(m_coalesce, &QTimer::timeout, this, &ProgressStatsModel::refresh);

    connect(m_store, &ProgressStore::statusChanged, this, [this] { markStale(NewEvents); });
    connect(m_store, &ProgressStore::sessionLogged, this, [this] { markStale(NewSessions); });
    connect(m_store, &ProgressStore::sessionsEdited, this, [this] { markStale(Sessions); });
    connect(m_store, &ProgressStore::progressReset, this, [this] { markStale(Everything); });
    connect(m_curriculum, &QAbstractItemModel::modelReset, this, &ProgressStatsModel::invalidate);
    m_options.asOf = m_today();
}

void ProgressStatsModel::markStale(int parts)
{
    m_staleParts |= parts;
    invalidate();
}

void ProgressStatsModel::invalidate()
{
    m_stale = true;
    if (m_active)
        m_coalesce->start();
}

void ProgressStatsModel::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale)
        m_coalesce->start();
}

void ProgressStatsModel::refresh()
{
    m_coalesce->stop();
    m_options.asOf = m_today();
    if (m_staleParts == Everything) {
        m_history = m_store->history();
    } else {
        if (m_staleParts & NewEvents)
            m_store->readNewEvents(m_history);
        if (m_staleParts & Sessions)
            m_store->readSessions(m_history);
        else if (m_staleParts & NewSessions)
            m_store->readNewSessions(m_history);
    }
    m_staleParts = Figures;
    m_stats = ProgressStats::compute(m_curriculum->curriculum(), m_history, m_options);
    m_stale = false;
    emit statsChanged();
}

void ProgressStatsModel::setRangeDays(int days)
{
    if (m_options.rangeDays == days)
        return;
    m_options.rangeDays = days;
    invalidate();
}

void ProgressStatsModel::setSectionId(const QString &sectionId)
{
    if (m_options.sectionId == sectionId)
        return;
    m_options.sectionId = sectionId;
    invalidate();
}

void ProgressStatsModel::setMinMinutes(int minutes)
{
    if (m_options.minMinutes == minutes)
        return;
    m_options.minMinutes = minutes;
    invalidate();
}

void ProgressStatsModel::setTargetDate(const QDate &date)
{
    if (m_options.targetDate == date)
        return;
    m_options.targetDate = date;
    invalidate();
}
