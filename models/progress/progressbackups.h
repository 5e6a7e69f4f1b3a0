#pragma once

#include "support/backuprotation.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

class ProgressStore;

// Backups of progress.db in a folder beside it (backups/), as Anki keeps them: taken with
// VACUUM INTO, at most every policy.intervalMinutes and only when the data changed, rotated
// to the newest of each of the last days and weeks. Restoring checks the file first and backs
// up the current database before replacing its contents.
class ProgressBackups : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit ProgressBackups(ProgressStore *store,
                             const QString &folder,
                             Clock clock = &QDateTime::currentDateTimeUtc,
                             QObject *parent = nullptr);

    static QString folderFor(const QString &databasePath); // <database folder>/backups

    QString folder() const { return m_folder; }
    void setPolicy(const BackupPolicy &policy) { m_policy = policy; }
    BackupPolicy policy() const { return m_policy; }
    QString errorString() const { return m_error; }

    // A change since the last backup, and the interval passed since it.
    bool isDue() const;
    enum class Outcome { Taken, NotDue, Failed };
    Outcome backupIfDue();
    // Takes a backup now, whether due or not, and rotates; `path` gets the new file.
    bool backupNow(QString *path = nullptr);
    // The rotated backups in the folder, newest first (the copies made before a restore are
    // not among them: they are kept until you delete them).
    QList<BackupRotation::Entry> backups() const;
    // Replaces the store's contents with `filePath`'s after checking it; `safetyCopy` gets the
    // backup of what was there before (none when it never held anything). On failure nothing
    // has changed and errorString() names the file and the problem.
    bool restore(const QString &filePath, QString *safetyCopy = nullptr);

    // A database that cannot be opened (corrupt, foreign, newer) is moved into the backup
    // folder as progress-<time>-before-restore.db, with its -wal file, so a restore can start
    // afresh without losing it. `movedTo` gets the new name.
    bool setAside(const QString &databasePath, QString *movedTo);

signals:
    void backupTaken(const QString &path);

private:
    bool fail(const QString &message);
    bool prepareFolder();
    QString freePath(const QString &suffix) const;
    void rotate();

    ProgressStore *m_store;
    QString m_folder;
    Clock m_clock;
    BackupPolicy m_policy;
    QString m_error;
};
