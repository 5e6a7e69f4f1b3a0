#include "progress/progressschema.h"

using namespace Qt::StringLiterals;

namespace ProgressSchema {

namespace {

// Version 1. The current status of a topic is its most recently recorded event (highest id):
// the current_status view derives it, so it can never disagree with the history.
Migration toVersion1()
{
    return {0,
            {
                u"CREATE TABLE status_events ("
                "id INTEGER PRIMARY KEY, "
                "topic_id TEXT NOT NULL CHECK (topic_id <> ''), "
                "status TEXT NOT NULL "
                "CHECK (status IN ('pending', 'learning', 'done', 'skipped')), "
                "at_ms INTEGER NOT NULL)"_s,
                u"CREATE INDEX status_events_by_topic ON status_events (topic_id, id)"_s,
                u"CREATE VIEW current_status AS "
                "SELECT topic_id, status, at_ms FROM status_events AS e "
                "WHERE id = (SELECT MAX(id) FROM status_events WHERE topic_id = e.topic_id)"_s,
                // A topic without notes has no row: clearing notes deletes it.
                u"CREATE TABLE notes ("
                "topic_id TEXT PRIMARY KEY CHECK (topic_id <> ''), "
                "body TEXT NOT NULL CHECK (body <> ''), "
                "updated_ms INTEGER NOT NULL)"_s,
                u"CREATE TABLE study_sessions ("
                "id INTEGER PRIMARY KEY, "
                "topic_id TEXT NOT NULL CHECK (topic_id <> ''), "
                "start_ms INTEGER NOT NULL, "
                "minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440))"_s,
                u"CREATE INDEX study_sessions_by_topic ON study_sessions (topic_id, start_ms)"_s,
            }};
}

// Version 2. The study timer's start, so a running timer survives a restart or a crash; the
// store's revision, which triggers raise on every change of the data from any process, and
// the revision and time of the last backup: a backup is taken only when the revision moved
// (a new, empty file is at revision 0, as if backed up).
Migration toVersion2()
{
    QStringList statements{
        u"CREATE TABLE study_timer ("
        "id INTEGER PRIMARY KEY CHECK (id = 1), "
        "topic_id TEXT NOT NULL CHECK (topic_id <> ''), "
        "start_ms INTEGER NOT NULL)"_s,
        u"CREATE TABLE store_info (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"_s,
        // A file upgraded with progress in it starts above 0, so its first backup is due.
        u"INSERT INTO store_info (key, value) VALUES "
        "('revision', (SELECT count(*) FROM status_events) + (SELECT count(*) FROM notes) "
        "+ (SELECT count(*) FROM study_sessions)), ('backup_revision', 0), ('backup_ms', 0)"_s,
        // The charts read sessions by time.
        u"CREATE INDEX study_sessions_by_start ON study_sessions (start_ms)"_s,
    };
    for (const QString &table :
         {u"status_events"_s, u"notes"_s, u"study_sessions"_s, u"study_timer"_s}) {
        for (const QString &event : {u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s}) {
            statements << u"CREATE TRIGGER %1_%2_revision AFTER %3 ON %1 BEGIN "
                          "UPDATE store_info SET value = value + 1 WHERE key = 'revision'; END"_s
                              .arg(table, event.toLower(), event);
        }
    }
    return {1, statements};
}

// Version 3. Self-check answers. `reviews` is the log: every answer as given, never changed.
// `review_cards` is each question's spaced-repetition state after its latest answer (stability,
// difficulty, due time), kept beside the log in the same transaction so "what is due" is one
// indexed count; it can always be rebuilt by replaying the log.
Migration toVersion3()
{
    QStringList statements{
        u"CREATE TABLE reviews ("
        "id INTEGER PRIMARY KEY, "
        "question_id TEXT NOT NULL CHECK (question_id <> ''), "
        "topic_id TEXT NOT NULL CHECK (topic_id <> ''), "
        "choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3), "
        "correct INTEGER NOT NULL CHECK (correct IN (0, 1)), "
        // 1 for the first answer to the question, 2 for the second …: retention counts answers
        // to questions seen before.
        "answer_number INTEGER NOT NULL CHECK (answer_number >= 1), "
        "at_ms INTEGER NOT NULL)"_s,
        u"CREATE INDEX reviews_by_question ON reviews (question_id, at_ms)"_s,
        u"CREATE INDEX reviews_by_time ON reviews (at_ms)"_s,
        u"CREATE TABLE review_cards ("
        "question_id TEXT PRIMARY KEY CHECK (question_id <> ''), "
        "topic_id TEXT NOT NULL CHECK (topic_id <> ''), "
        "stability REAL NOT NULL CHECK (stability > 0), "
        "difficulty REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10), "
        "reps INTEGER NOT NULL CHECK (reps >= 1), "
        "lapses INTEGER NOT NULL CHECK (lapses >= 0), "
        "last_correct INTEGER NOT NULL CHECK (last_correct IN (0, 1)), "
        "last_ms INTEGER NOT NULL, "
        "due_ms INTEGER NOT NULL)"_s,
        u"CREATE INDEX review_cards_by_due ON review_cards (due_ms)"_s,
    };
    for (const QString &table : {u"reviews"_s, u"review_cards"_s}) {
        for (const QString &event : {u"INSERT"_s, u"UPDATE"_s, u"DELETE"_s}) {
            statements << u"CREATE TRIGGER %1_%2_revision AFTER %3 ON %1 BEGIN "
                          "UPDATE store_info SET value = value + 1 WHERE key = 'revision'; END"_s
                              .arg(table, event.toLower(), event);
        }
    }
    return {2, statements};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps{toVersion1(), toVersion2(), toVersion3()};
    return steps;
}

} // namespace ProgressSchema
