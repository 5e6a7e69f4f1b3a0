// ProgressStore::history(): the whole history in one pass per table, for the charts.
#include "progress/progresshistory.h"
#include "progress/progressstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

using namespace Qt::StringLiterals;

int ProgressHistory::topicIndex(const QString &topicId)
{
    const auto found = m_index.constFind(topicId);
    if (found != m_index.constEnd())
        return *found;
    const int index = int(topicIds.size());
    topicIds << topicId;
    m_index.insert(topicId, index);
    return index;
}

// Columns are looked up by name once, then read by position: this runs over 100,000 rows.
ProgressHistory ProgressStore::history() const
{
    ProgressHistory history;
    readNewEvents(history);
    readSessions(history);
    return history;
}

// Up to the last id when the read starts: rows that land meanwhile are read the next time.
void ProgressStore::readNewEvents(ProgressHistory &history) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query, u"SELECT COALESCE(MAX(id), 0) AS last FROM status_events"_s) || !query.next())
        return;
    const qint64 last = query.value(u"last"_s).toLongLong();
    query.finish();
    if (last <= history.lastEventId)
        return;
    if (!exec(query,
              u"SELECT topic_id, status, at_ms FROM status_events WHERE id > ? AND id <= ? "
              "ORDER BY id"_s,
              {history.lastEventId, last})) {
        return;
    }
    const QSqlRecord record = query.record();
    const int topic = record.indexOf(u"topic_id"_s);
    const int status = record.indexOf(u"status"_s);
    const int at = record.indexOf(u"at_ms"_s);
    QString lastTopic;
    int lastIndex = -1;
    while (query.next()) {
        const QString topicId = query.value(topic).toString();
        if (lastIndex < 0 || topicId != lastTopic) {
            lastIndex = history.topicIndex(topicId);
            lastTopic = topicId;
        }
        const std::optional<TopicStatus> parsed
            = TopicStatuses::fromString(query.value(status).toString());
        history.events.append(
            {query.value(at).toLongLong(), lastIndex, parsed.value_or(TopicStatus::Pending)});
    }
    history.lastEventId = last;
}

// New sessions have higher ids (a session put back keeps its old id: sessionsEdited()); each
// goes in its place by start time.
void ProgressStore::readNewSessions(ProgressHistory &history) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query,
              u"SELECT id, topic_id, start_ms, minutes FROM study_sessions WHERE id > ? "
              "ORDER BY id"_s,
              {history.lastSessionId})) {
        return;
    }
    while (query.next()) {
        const ProgressHistory::Session session{
            query.value(u"start_ms"_s).toLongLong(),
            history.topicIndex(query.value(u"topic_id"_s).toString()),
            query.value(u"minutes"_s).toInt(),
            query.value(u"id"_s).toLongLong()};
        const auto place = std::upper_bound(history.sessions.begin(),
                                            history.sessions.end(),
                                            session,
                                            [](const auto &a, const auto &b) {
                                                return a.startMs != b.startMs
                                                           ? a.startMs < b.startMs
                                                           : a.id < b.id;
                                            });
        history.sessions.insert(place, session);
        history.lastSessionId = std::max(history.lastSessionId, session.id);
    }
}

void ProgressStore::readSessions(ProgressHistory &history) const
{
    history.sessions.clear();
    history.lastSessionId = 0;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query,
              u"SELECT id, topic_id, start_ms, minutes FROM study_sessions "
              "ORDER BY start_ms, id"_s)) {
        return;
    }
    const QSqlRecord record = query.record();
    const int topic = record.indexOf(u"topic_id"_s);
    const int start = record.indexOf(u"start_ms"_s);
    const int minutes = record.indexOf(u"minutes"_s);
    const int id = record.indexOf(u"id"_s);
    while (query.next()) {
        history.sessions.append({query.value(start).toLongLong(),
                                 history.topicIndex(query.value(topic).toString()),
                                 query.value(minutes).toInt(),
                                 query.value(id).toLongLong()});
        history.lastSessionId = std::max(history.lastSessionId, history.sessions.last().id);
    }
}

bool ProgressStore::appendHistory(const QList<StatusEvent> &events,
                                  const QList<StudySession> &sessions)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    const bool ok = writeTransaction([&] {
        QSqlQuery query(m_db);
        if (!query.prepare(
                u"INSERT INTO status_events (topic_id, status, at_ms) VALUES (?, ?, ?)"_s))
            return fail(query.lastError().text());
        for (const StatusEvent &event : events) {
            query.bindValue(0, event.topicId);
            query.bindValue(1, TopicStatuses::toString(event.status));
            query.bindValue(2, event.at.toMSecsSinceEpoch());
            if (!query.exec())
                return fail(query.lastError().text());
        }
        if (!query.prepare(
                u"INSERT INTO study_sessions (topic_id, start_ms, minutes) VALUES (?, ?, ?)"_s))
            return fail(query.lastError().text());
        for (const StudySession &session : sessions) {
            query.bindValue(0, session.topicId);
            query.bindValue(1, session.start.toMSecsSinceEpoch());
            query.bindValue(2, session.minutes);
            if (!query.exec())
                return fail(query.lastError().text());
        }
        return true;
    });
    if (!ok)
        return false;
    emit progressReset();
    emit sessionsEdited();
    emit sessionsChanged();
    return true;
}
