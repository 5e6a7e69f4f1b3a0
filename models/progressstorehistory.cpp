// ProgressStore::history(): the whole history in one pass per table, for the charts.
#include "progresshistory.h"
#include "progressstore.h"

#include <QSqlQuery>
#include <QSqlRecord>

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
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (exec(query, u"SELECT topic_id, status, at_ms FROM status_events ORDER BY id"_s)) {
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
    }
    query.finish();
    if (exec(query,
             u"SELECT topic_id, start_ms, minutes FROM study_sessions ORDER BY start_ms, id"_s)) {
        const QSqlRecord record = query.record();
        const int topic = record.indexOf(u"topic_id"_s);
        const int start = record.indexOf(u"start_ms"_s);
        const int minutes = record.indexOf(u"minutes"_s);
        while (query.next()) {
            history.sessions.append({query.value(start).toLongLong(),
                                     history.topicIndex(query.value(topic).toString()),
                                     query.value(minutes).toInt()});
        }
    }
    query.finish();
    return history;
}
