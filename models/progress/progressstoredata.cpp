// ProgressStore: the statements that read and write progress (opening is in progressstore.cpp).
#include "progress/progressstore.h"

#include "progress/progressstorerows.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using ProgressStoreRows::fromMs;
using ProgressStoreRows::statusFrom;

bool ProgressStore::exec(QSqlQuery &query, const QString &sql, const QVariantList &values) const
{
    if (!m_db.isOpen()) {
        m_sqlError = tr("the progress database is not open");
        return fail(m_sqlError);
    }
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok) {
        m_sqlError = query.lastError().text();
        fail(m_sqlError);
    }
    return ok;
}

// IMMEDIATE takes the write lock before the body reads, so a read-then-write cannot fail half
// way when the command line commits in between; busy_timeout makes it wait for the lock.
bool ProgressStore::writeTransaction(const std::function<bool()> &body)
{
    QSqlQuery query(m_db);
    if (!exec(query, u"BEGIN IMMEDIATE"_s))
        return false;
    if (body() && exec(query, u"COMMIT"_s))
        return true;
    const QString error = m_errorString;
    QSqlQuery rollback(m_db);
    rollback.exec(u"ROLLBACK"_s);
    m_errorString = error;
    return false;
}

bool ProgressStore::checkWritable(const QString &topicId)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    if (topicId.trimmed().isEmpty())
        return fail(tr("empty topic id"));
    return true;
}

bool ProgressStore::checkSession(const QString &topicId, int minutes, const QDateTime &start)
{
    if (!checkWritable(topicId))
        return false;
    if (minutes <= 0 || minutes > MaxSessionMinutes) {
        return fail(tr("a study session lasts 1 to %1 minutes, not %2")
                        .arg(MaxSessionMinutes)
                        .arg(minutes));
    }
    if (!start.isValid())
        return fail(tr("invalid start time for a study session of %1").arg(topicId));
    return true;
}

std::optional<StatusEvent> ProgressStore::latestEvent(const QString &topicId) const
{
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT id, topic_id, status, at_ms FROM status_events WHERE topic_id = ? "
              "ORDER BY id DESC LIMIT 1"_s,
              {topicId})
        || !query.next()) {
        return std::nullopt;
    }
    return StatusEvent{query.value(u"id"_s).toLongLong(),
                       query.value(u"topic_id"_s).toString(),
                       statusFrom(query.value(u"status"_s)),
                       fromMs(query.value(u"at_ms"_s))};
}

bool ProgressStore::setStatus(const QString &topicId, TopicStatus status, const QDateTime &at)
{
    if (!checkWritable(topicId))
        return false;
    if (!at.isValid())
        return fail(tr("invalid time for the status of %1").arg(topicId));
    bool changed = false;
    const bool ok = writeTransaction([&] {
        const std::optional<StatusEvent> latest = latestEvent(topicId);
        if (latest && latest->status == status)
            return true; // the same status twice in a row is not a new event
        changed = true;
        QSqlQuery query(m_db);
        return exec(query,
                    u"INSERT INTO status_events (topic_id, status, at_ms) VALUES (?, ?, ?)"_s,
                    {topicId, TopicStatuses::toString(status), at.toMSecsSinceEpoch()});
    });
    if (ok && changed)
        emit statusChanged(topicId, status);
    return ok;
}

bool ProgressStore::setNotes(const QString &topicId, const QString &notes)
{
    if (!checkWritable(topicId))
        return false;
    if (notes.toUtf8().size() > MaxNoteBytes)
        return fail(
            tr("the notes for '%1' are longer than %2 MiB").arg(topicId).arg(MaxNoteBytes >> 20));
    bool changed = false;
    const bool ok = writeTransaction([&] {
        if (this->notes(topicId) == notes)
            return true;
        changed = true;
        QSqlQuery query(m_db);
        if (notes.isEmpty())
            return exec(query, u"DELETE FROM notes WHERE topic_id = ?"_s, {topicId});
        return exec(query,
                    u"INSERT INTO notes (topic_id, body, updated_ms) VALUES (?, ?, ?) "
                    "ON CONFLICT (topic_id) DO UPDATE SET body = excluded.body, "
                    "updated_ms = excluded.updated_ms"_s,
                    {topicId, notes, QDateTime::currentMSecsSinceEpoch()});
    });
    if (ok && changed)
        emit notesChanged(topicId);
    return ok;
}

bool ProgressStore::logSession(const QString &topicId,
                               int minutes,
                               const QDateTime &start,
                               qint64 *id)
{
    if (!checkSession(topicId, minutes, start))
        return false;
    qint64 newId = 0;
    const bool ok = writeTransaction([&] {
        QSqlQuery query(m_db);
        if (!exec(query,
                  u"INSERT INTO study_sessions (topic_id, start_ms, minutes) VALUES (?, ?, ?)"_s,
                  {topicId, start.toMSecsSinceEpoch(), minutes})) {
            return false;
        }
        newId = query.lastInsertId().toLongLong();
        return true;
    });
    if (!ok)
        return false;
    if (id)
        *id = newId;
    emit sessionLogged(topicId, minutes);
    emit sessionsChanged();
    return true;
}

TopicStatus ProgressStore::status(const QString &topicId) const
{
    const std::optional<StatusEvent> latest = latestEvent(topicId);
    return latest ? latest->status : TopicStatus::Pending;
}

QHash<QString, TopicStatus> ProgressStore::statuses() const
{
    QHash<QString, TopicStatus> statuses;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query, u"SELECT topic_id, status FROM current_status"_s))
        return statuses;
    while (query.next())
        statuses.insert(query.value(0).toString(), statusFrom(query.value(1)));
    return statuses;
}

QString ProgressStore::notes(const QString &topicId) const
{
    QSqlQuery query(m_db);
    if (!exec(query, u"SELECT body FROM notes WHERE topic_id = ?"_s, {topicId}) || !query.next())
        return {};
    return query.value(u"body"_s).toString();
}

int ProgressStore::totalMinutes(const QString &topicId) const
{
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT COALESCE(SUM(minutes), 0) AS total FROM study_sessions WHERE topic_id = ?"_s,
              {topicId})
        || !query.next()) {
        return 0;
    }
    return query.value(u"total"_s).toInt();
}

TopicProgress ProgressStore::progress(const QString &topicId) const
{
    TopicProgress progress;
    progress.topicId = topicId;
    if (const std::optional<StatusEvent> latest = latestEvent(topicId)) {
        progress.status = latest->status;
        progress.statusSince = latest->at;
    }
    progress.notes = notes(topicId);
    progress.minutes = totalMinutes(topicId);
    return progress;
}

QHash<QString, TopicProgress> ProgressStore::allProgress() const
{
    QHash<QString, TopicProgress> all;
    auto entry = [&all](const QString &topicId) -> TopicProgress & {
        TopicProgress &progress = all[topicId];
        progress.topicId = topicId;
        return progress;
    };
    QSqlQuery query(m_db);
    if (exec(query, u"SELECT topic_id, status, at_ms FROM current_status"_s)) {
        while (query.next()) {
            TopicProgress &progress = entry(query.value(u"topic_id"_s).toString());
            progress.status = statusFrom(query.value(u"status"_s));
            progress.statusSince = fromMs(query.value(u"at_ms"_s));
        }
    }
    if (exec(query, u"SELECT topic_id, body FROM notes"_s)) {
        while (query.next())
            entry(query.value(u"topic_id"_s).toString()).notes = query.value(u"body"_s).toString();
    }
    if (exec(query,
             u"SELECT topic_id, SUM(minutes) AS total FROM study_sessions GROUP BY topic_id"_s)) {
        while (query.next())
            entry(query.value(u"topic_id"_s).toString()).minutes = query.value(u"total"_s).toInt();
    }
    return all;
}

// Oldest first means in the order recorded (id): the current status is the last recorded event,
// even if the clock went backwards in between.
QList<StatusEvent> ProgressStore::statusHistory(const QString &topicId) const
{
    QList<StatusEvent> events;
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT id, topic_id, status, at_ms FROM status_events "
              "WHERE ? OR topic_id = ? ORDER BY id"_s,
              {topicId.isEmpty(), topicId})) {
        return events;
    }
    while (query.next()) {
        events.append({query.value(u"id"_s).toLongLong(),
                       query.value(u"topic_id"_s).toString(),
                       statusFrom(query.value(u"status"_s)),
                       fromMs(query.value(u"at_ms"_s))});
    }
    return events;
}

QList<StudySession> ProgressStore::sessions(const QString &topicId) const
{
    QList<StudySession> sessions;
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT id, topic_id, start_ms, minutes FROM study_sessions "
              "WHERE ? OR topic_id = ? ORDER BY start_ms, id"_s,
              {topicId.isEmpty(), topicId})) {
        return sessions;
    }
    while (query.next()) {
        sessions.append({query.value(u"id"_s).toLongLong(),
                         query.value(u"topic_id"_s).toString(),
                         fromMs(query.value(u"start_ms"_s)),
                         query.value(u"minutes"_s).toInt()});
    }
    return sessions;
}

int ProgressStore::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!exec(query, u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(u"user_version"_s).toInt();
}

bool ProgressStore::integrityCheck(QString *report) const
{
    QSqlQuery query(m_db);
    QStringList lines;
    if (!exec(query, u"PRAGMA integrity_check"_s))
        lines << m_errorString;
    while (query.next())
        lines << query.value(u"integrity_check"_s).toString();
    if (report)
        *report = lines.join(u'\n');
    return lines == QStringList{u"ok"_s};
}

qint64 ProgressStore::dataVersion() const
{
    QSqlQuery query(m_db);
    if (!exec(query, u"PRAGMA data_version"_s) || !query.next())
        return 0;
    return query.value(u"data_version"_s).toLongLong();
}

bool ProgressStore::checkExternalChanges()
{
    if (!isOpen())
        return false;
    const qint64 version = dataVersion();
    if (version == m_dataVersion)
        return false;
    m_dataVersion = version;
    emit progressReset();
    return true;
}
