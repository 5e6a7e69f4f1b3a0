#pragma once

#include "progress/progressstore.h"

#include <QObject>

#include <functional>
#include <optional>

// The study timer as the roadmap's drawer and the dashboard show it: one timer for one topic,
// kept in the store (so it survives a restart) and mirrored here so the running time can be
// shown every second without a query.
class StudyTimer : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit StudyTimer(ProgressStore *store,
                        Clock clock = &QDateTime::currentDateTimeUtc,
                        QObject *parent = nullptr);

    std::optional<RunningTimer> running() const { return m_running; }
    bool isRunning() const { return m_running.has_value(); }
    bool isRunningFor(const QString &topicId) const
    {
        return m_running && m_running->topicId == topicId;
    }
    qint64 elapsedSeconds() const;
    QString errorString() const { return m_error; }

    // Starts timing `topicId`; a timer running for another topic is stopped first (its
    // session lands). Starting the topic already timed changes nothing.
    bool start(const QString &topicId);
    // Stops and lands the session; `landed` gets it (id 0 when it was under half a minute).
    bool stop(StudySession *landed = nullptr);

signals:
    void changed();

private:
    void reload();

    ProgressStore *m_store;
    Clock m_clock;
    std::optional<RunningTimer> m_running;
    QString m_error;
};
