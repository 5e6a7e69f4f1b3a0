// ProgressStore: editing logged study sessions, and the study timer whose start is stored.
#include "progress/progressstore.h"

#include "progress/progressstorerows.h"

#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;
using ProgressStoreRows::fromMs;

bool ProgressStore::changeSessions(const std::function<bool(QSqlQuery &)> &body)
{
    const bool ok = writeTransaction([&] {
        QSqlQuery query(m_db);
        return body(query);
    });
    if (ok) {
        emit sessionsEdited();
        emit sessionsChanged();
    }
    return ok;
}

bool ProgressStore::updateSession(const StudySession &session)
{
    if (!checkSession(session.topicId, session.minutes, session.start))
        return false;
    return changeSessions([&](QSqlQuery &query) {
        if (!exec(
                query,
                u"UPDATE study_sessions SET topic_id = ?, start_ms = ?, minutes = ? "
                "WHERE id = ?"_s,
                {session.topicId, session.start.toMSecsSinceEpoch(), session.minutes, session.id}))
            return false;
        return query.numRowsAffected() == 1
               || fail(tr("no study session with id %1").arg(session.id));
    });
}

bool ProgressStore::deleteSession(qint64 id)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    return changeSessions([&](QSqlQuery &query) {
        if (!exec(query, u"DELETE FROM study_sessions WHERE id = ?"_s, {id}))
            return false;
        return query.numRowsAffected() == 1 || fail(tr("no study session with id %1").arg(id));
    });
}

bool ProgressStore::restoreSession(const StudySession &session)
{
    if (!checkSession(session.topicId, session.minutes, session.start))
        return false;
    return changeSessions([&](QSqlQuery &query) {
        return exec(
            query,
            u"INSERT INTO study_sessions (id, topic_id, start_ms, minutes) "
            "VALUES (?, ?, ?, ?)"_s,
            {session.id, session.topicId, session.start.toMSecsSinceEpoch(), session.minutes});
    });
}

std::optional<StudySession> ProgressStore::session(qint64 id) const
{
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT id, topic_id, start_ms, minutes FROM study_sessions WHERE id = ?"_s,
              {id})
        || !query.next()) {
        return std::nullopt;
    }
    return StudySession{query.value(u"id"_s).toLongLong(),
                        query.value(u"topic_id"_s).toString(),
                        fromMs(query.value(u"start_ms"_s)),
                        query.value(u"minutes"_s).toInt()};
}

std::optional<RunningTimer> ProgressStore::runningTimer() const
{
    QSqlQuery query(m_db);
    if (!exec(query, u"SELECT topic_id, start_ms FROM study_timer"_s) || !query.next())
        return std::nullopt;
    return RunningTimer{query.value(u"topic_id"_s).toString(), fromMs(query.value(u"start_ms"_s))};
}

bool ProgressStore::startTimer(const QString &topicId, const QDateTime &start)
{
    if (!checkWritable(topicId))
        return false;
    if (!start.isValid())
        return fail(tr("invalid start time for the study timer of %1").arg(topicId));
    const bool ok = writeTransaction([&] {
        if (const std::optional<RunningTimer> running = runningTimer()) {
            return fail(
                tr("the study timer already runs for %1 (since %2)")
                    .arg(running->topicId, running->start.toLocalTime().toString(Qt::ISODate)));
        }
        QSqlQuery query(m_db);
        return exec(query,
                    u"INSERT INTO study_timer (id, topic_id, start_ms) VALUES (1, ?, ?)"_s,
                    {topicId, start.toMSecsSinceEpoch()});
    });
    if (ok)
        emit timerChanged();
    return ok;
}

bool ProgressStore::stopTimer(const QDateTime &end, StudySession *landed)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    if (!end.isValid())
        return fail(tr("invalid end time for the study timer"));
    StudySession session;
    const bool ok = writeTransaction([&] {
        const std::optional<RunningTimer> running = runningTimer();
        if (!running)
            return fail(tr("the study timer is not running"));
        const double elapsed = double(running->start.msecsTo(end)) / 60000.0;
        const int minutes = std::clamp(int(std::lround(elapsed)), 0, MaxSessionMinutes);
        QSqlQuery query(m_db);
        if (!exec(query, u"DELETE FROM study_timer"_s))
            return false;
        if (minutes == 0)
            return true;
        session = StudySession{0, running->topicId, running->start, minutes};
        if (!exec(query,
                  u"INSERT INTO study_sessions (topic_id, start_ms, minutes) VALUES (?, ?, ?)"_s,
                  {session.topicId, session.start.toMSecsSinceEpoch(), minutes}))
            return false;
        session.id = query.lastInsertId().toLongLong();
        return true;
    });
    if (!ok)
        return false;
    if (landed)
        *landed = session;
    emit timerChanged();
    if (session.id != 0) {
        emit sessionLogged(session.topicId, session.minutes);
        emit sessionsChanged();
    }
    return true;
}

bool ProgressStore::cancelTimer()
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    bool wasRunning = false;
    const bool ok = writeTransaction([&] {
        QSqlQuery query(m_db);
        if (!exec(query, u"DELETE FROM study_timer"_s))
            return false;
        wasRunning = query.numRowsAffected() > 0;
        return true;
    });
    if (ok && wasRunning)
        emit timerChanged();
    return ok;
}
