#pragma once

#include "curriculum/topicstatus.h"
#include "progress/reviewrecords.h"
#include "support/bytesizes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

class QSqlQuery;

// What the store records for one topic id. Progress is keyed by topic id only: a topic that
// has left the curriculum keeps its progress.
struct TopicProgress
{
    QString topicId;
    TopicStatus status = TopicStatus::Pending;
    QString notes;
    int minutes = 0;       // sum of logged study sessions
    QDateTime statusSince; // UTC time of the latest status event; invalid when never set
};

struct StatusEvent
{
    qint64 id = 0;
    QString topicId;
    TopicStatus status = TopicStatus::Pending;
    QDateTime at; // UTC
};

struct StudySession
{
    qint64 id = 0;
    QString topicId;
    QDateTime start; // UTC
    int minutes = 0;

    bool operator==(const StudySession &other) const = default;
};

// The study timer while it runs: its start is in the database, so it survives a restart.
struct RunningTimer
{
    QString topicId;
    QDateTime start; // UTC
};

struct ProgressHistory;

// The SQLite progress database (Qt SQL, QSQLITE). The only class that holds SQL about progress.
// Every change is committed before the call returns (WAL, synchronous=FULL): a crash right after
// a call that returned true loses nothing. Errors are returned, never shown.
class ProgressStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int SchemaVersion = 3;
    static constexpr int ApplicationId = 0x4D4C5053; // "MLPS", PRAGMA application_id
    // How long a write waits for another process (the command line) holding the write lock.
    static constexpr int BusyTimeoutMs = 5000;
    static constexpr int MaxSessionMinutes = 24 * 60;
    // Notes are study notes, not documents: more (in UTF-8) is refused, from the window and from
    // `progress note TOPIC -`, so a mistaken pipe cannot fill the database.
    static constexpr qsizetype MaxNoteBytes = MiB;

    explicit ProgressStore(QObject *parent = nullptr);
    ~ProgressStore() override;

    // Opens or creates the database. Creates missing parent directories. On failure returns
    // false, errorString() names the file and the problem, and an existing file is left
    // byte-for-byte untouched (not an SQLite database, foreign, corrupt, newer schema,
    // unwritable location).
    bool open(const QString &filePath);
    void close();
    bool isOpen() const;
    QString filePath() const;
    QString errorString() const;

    bool setStatus(const QString &topicId,
                   TopicStatus status,
                   const QDateTime &at = QDateTime::currentDateTimeUtc());
    bool setNotes(const QString &topicId, const QString &notes);
    // `id`, when given, gets the new session's id.
    bool
    logSession(const QString &topicId, int minutes, const QDateTime &start, qint64 *id = nullptr);
    // Editing sessions (progressstoretimer.cpp, beside the timer that lands them). Changes the
    // topic, start and minutes of the session with `session.id`.
    bool updateSession(const StudySession &session);
    bool deleteSession(qint64 id);
    // Puts a deleted session back with its old id (undo of a delete).
    bool restoreSession(const StudySession &session);
    std::optional<StudySession> session(qint64 id) const;

    // The study timer (progressstoretimer.cpp). One timer at a time: starting a second fails.
    bool startTimer(const QString &topicId, const QDateTime &start);
    // Stops the timer and lands a session of the minutes since its start, rounded to the
    // nearest minute and capped at MaxSessionMinutes; under half a minute lands nothing.
    // `landed` gets the session (id 0 when none landed).
    bool stopTimer(const QDateTime &end, StudySession *landed = nullptr);
    bool cancelTimer();
    std::optional<RunningTimer> runningTimer() const;

    TopicStatus status(const QString &topicId) const;
    QString notes(const QString &topicId) const;
    TopicProgress progress(const QString &topicId) const;
    // The current status of every topic that has one (one query; allProgress() reads more).
    QHash<QString, TopicStatus> statuses() const;
    // Every topic id with any recorded status, notes or session.
    QHash<QString, TopicProgress> allProgress() const;
    // Oldest first. An empty topicId means all topics.
    QList<StatusEvent> statusHistory(const QString &topicId = {}) const;
    QList<StudySession> sessions(const QString &topicId = {}) const;
    // Every status event and session in a compact form for the charts; this and the next four
    // are in progressstorehistory.cpp.
    ProgressHistory history() const;
    // Brings a history read before up to date: adds the status events or the sessions recorded
    // since, or reads all sessions again (after sessionsEdited()).
    void readNewEvents(ProgressHistory &history) const;
    void readNewSessions(ProgressHistory &history) const;
    void readSessions(ProgressHistory &history) const;
    // Appends events and sessions as given (their ids are ignored), in one transaction: for
    // importing or generating a long history, where one commit per change would take minutes.
    // Emits progressReset().
    bool appendHistory(const QList<StatusEvent> &events, const QList<StudySession> &sessions);

    // Self-check answers (progressstorereviews.cpp). Records `answer` (its id is ignored; `stored`
    // gets it with its id) and the question's new state, which `schedule` computes from the
    // state before, in one transaction. Refuses an answer older than the question's latest.
    bool recordAnswer(const ReviewAnswer &answer,
                      const ReviewScheduling &schedule,
                      ReviewCard *card = nullptr,
                      ReviewAnswer *stored = nullptr);
    // Appends many answers, in time order per question, in one transaction (importing or
    // generating a long history). Emits progressReset().
    bool appendAnswers(const QList<ReviewAnswer> &answers, const ReviewScheduling &schedule);
    std::optional<ReviewCard> reviewCard(const QString &questionId) const;
    QHash<QString, ReviewCard> reviewCards() const;
    // The answers to one question (all questions when empty), oldest first.
    QList<ReviewAnswer> reviewAnswers(const QString &questionId = {}) const;
    ReviewTimeline reviewTimeline() const;

    // Backups (progressstorebackup.cpp). The revision rises with every change of the data, made
    // by any process; the last backup's revision and time are kept in the database.
    qint64 revision() const;
    struct BackupMark
    {
        qint64 revision = -1;
        QDateTime at; // invalid when never backed up
    };
    BackupMark lastBackup() const;
    // Writes a consistent copy of the database to `filePath` (VACUUM INTO; the file must not
    // exist) and records it as the last backup when `mark` is set.
    bool backupTo(const QString &filePath, const QDateTime &now, bool mark = true);
    // Replaces all progress with that of another progress database of this schema version, in
    // one transaction (other connections see the change as an external one).
    bool replaceContentsWith(const QString &filePath);

    // These three are in progressstoredata.cpp.
    int schemaVersion() const; // PRAGMA user_version of the open file
    // Runs PRAGMA integrity_check; true when it reports "ok". `report` gets its lines.
    bool integrityCheck(QString *report = nullptr) const;
    // Emits progressReset() and returns true when another connection (the command line, another
    // window) committed changes since the last call or since open().
    bool checkExternalChanges();

signals:
    void statusChanged(const QString &topicId, TopicStatus status);
    void notesChanged(const QString &topicId);
    void sessionLogged(const QString &topicId, int minutes);
    // Any session logged, edited or deleted.
    void sessionsChanged();
    // A session edited, deleted or put back (not only a new one logged, which sessionLogged
    // tells): a copy of the sessions must be read again.
    void sessionsEdited();
    void timerChanged();
    // A self-check answer was recorded.
    void answerRecorded(const ReviewCard &card);
    // Sent after a batch or an external reload when many topics may have changed.
    void progressReset();

private:
    // Opening, in this order; each returns false with errorString() set. progressstore.cpp
    bool openChecked();
    bool checkHeader();
    bool prepareLocation();
    bool openConnection();
    bool checkQuick();
    bool checkOwnership(int *fileVersion);
    bool configure();
    bool migrate(int fromVersion);
    bool enableWal();
    bool fail(const QString &problem) const;

    // Statements. progressstoredata.cpp
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) const;
    bool writeTransaction(const std::function<bool()> &body);
    bool checkWritable(const QString &topicId);
    bool checkSession(const QString &topicId, int minutes, const QDateTime &start);
    // Runs `body` in a write transaction and emits sessionsChanged() when it succeeded
    // (progressstoretimer.cpp, with the session edits that use it).
    bool changeSessions(const std::function<bool(QSqlQuery &)> &body);
    std::optional<StatusEvent> latestEvent(const QString &topicId) const;
    int totalMinutes(const QString &topicId) const;
    qint64 dataVersion() const;
    // Inserts one answer and its card inside a running transaction. progressstorereviews.cpp
    bool insertAnswer(const ReviewAnswer &answer,
                      const ReviewScheduling &schedule,
                      ReviewCard *card,
                      ReviewAnswer *stored);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_filePath;
    mutable QString m_errorString;
    mutable QString m_sqlError; // the driver's text of the last failed statement
    qint64 m_dataVersion = 0;
};
