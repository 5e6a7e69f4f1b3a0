#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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
};

// The file names of `backups` that the policy no longer keeps, in no particular order.
QStringList expired(const QList<Entry> &backups, const BackupPolicy &policy);

// progress-20261126T173000Z.db: the UTC time the backup was taken, so names sort by age.
QString fileName(const QDateTime &takenAt, const QString &suffix = {});
// The time in a backup's name; invalid for names of other files.
QDateTime timeFromFileName(const QString &fileName);

} // namespace BackupRotation
