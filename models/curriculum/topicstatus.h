#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// A learner's status for one topic. The words are stored in the database and printed by the
// command line: never rename them.
enum class TopicStatus { Pending, Learning, Done, Skipped };

namespace TopicStatuses {
QString toString(TopicStatus status);    // "pending", "learning", "done", "skipped"
QString displayName(TopicStatus status); // translatable: "Pending", "Learning" …
std::optional<TopicStatus> fromString(const QString &word);
QStringList names();
// Done and skipped both count as finished for a section's progress.
inline bool isFinished(TopicStatus status)
{
    return status == TopicStatus::Done || status == TopicStatus::Skipped;
}
} // namespace TopicStatuses
