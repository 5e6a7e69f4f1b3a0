#pragma once

#include "curriculum/topicstatus.h"

#include <QHash>
#include <QList>
#include <QStringList>

// Every status event and study session in the compact form the charts' aggregates read: times
// as UTC milliseconds, topics as indexes into topicIds. ProgressStore::history() fills it;
// status events are only ever appended and new sessions get higher ids, so readNewEvents() and
// readNewSessions() bring it up to date cheaply.
struct ProgressHistory
{
    struct Event
    {
        qint64 atMs = 0;
        int topic = 0; // index into topicIds
        TopicStatus status = TopicStatus::Pending;
    };
    struct Session
    {
        qint64 startMs = 0;
        int topic = 0;
        int minutes = 0;
        qint64 id = 0; // the store's id; 0 for made-up histories
    };

    QStringList topicIds;
    QList<Event> events;      // in the order recorded
    QList<Session> sessions;  // by start time
    qint64 lastEventId = 0;   // of the last event read: later ones can be read on their own
    qint64 lastSessionId = 0; // the highest session id read

    // The index of `topicId`, added when new.
    int topicIndex(const QString &topicId);

private:
    QHash<QString, int> m_index;
};
