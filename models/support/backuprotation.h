#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// How often backups are taken and how many are kept, as Anki does: at most one every
// `intervalMinutes` and only after a change; kept are the newest backup of each of the last
// `keepDaily` days that have one and the newest of each of the last `keepWeekly` weeks
// (Monday to Sunday, local time).
struct BackupPolicy
{
    int intervalMinutes = 30;
    int keepDaily = 7;
    int keepWeekly = 8;
};

namespace BackupRotation {

struct Entry
{
    QString fileName;
    QDateTime takenAt; // UTC
    int sequence = 0;  // 1, 2 … for later backups taken within the same second
};

// Newest first: by time, then by sequence.
bool isNewer(const Entry &a, const Entry &b);

// The file names of `backups` that the policy no longer keeps, in no particular order.
QStringList expired(const QList<Entry> &backups, const BackupPolicy &policy);

// progress-20261126T173000Z.db: the UTC time the backup was taken; a second one within the
// same second is progress-20261126T173000Z-1.db.
QString fileName(const QDateTime &takenAt, int sequence = 0);
// The time and sequence in a backup's name; nothing for names of other files.
std::optional<Entry> entryFromFileName(const QString &fileName);

} // namespace BackupRotation
