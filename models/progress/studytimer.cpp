#include "progress/studytimer.h"

StudyTimer::StudyTimer(ProgressStore *store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock))
{
    connect(m_store, &ProgressStore::timerChanged, this, &StudyTimer::reload);
    connect(m_store, &ProgressStore::progressReset, this, &StudyTimer::reload);
    reload();
}

void StudyTimer::reload()
{
    m_running = m_store->isOpen() ? m_store->runningTimer() : std::nullopt;
    emit changed();
}

qint64 StudyTimer::elapsedSeconds() const
{
    return m_running ? std::max<qint64>(0, m_running->start.secsTo(m_clock())) : 0;
}

bool StudyTimer::start(const QString &topicId)
{
    if (isRunningFor(topicId))
        return true;
    if (m_running && !stop())
        return false;
    if (m_store->startTimer(topicId, m_clock()))
        return true;
    m_error = m_store->errorString();
    return false;
}

bool StudyTimer::stop(StudySession *landed)
{
    if (m_store->stopTimer(m_clock(), landed))
        return true;
    m_error = m_store->errorString();
    return false;
}
