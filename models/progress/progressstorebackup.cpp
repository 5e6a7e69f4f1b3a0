// ProgressStore: the revision that tells whether a backup is due, backups and restoring one.
#include "progress/progressstore.h"

#include "progress/progressstorerows.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The tables that hold the learner's data; store_info is bookkeeping and stays.
const QStringList &dataTables()
{
    static const QStringList tables{u"status_events"_s,
                                    u"notes"_s,
                                    u"study_sessions"_s,
                                    u"study_timer"_s,
                                    u"reviews"_s,
                                    u"review_cards"_s};
    return tables;
}

// "<file>.<6 random letters>", as QSaveFile names its temporary files.
QString partialPathFor(const QString &filePath)
{
    static const char Letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString suffix;
    for (int i = 0; i < 6; ++i)
        suffix
            += QLatin1Char(Letters[QRandomGenerator::global()->bounded(int(sizeof Letters) - 1)]);
    return filePath + u'.' + suffix;
}

// Flushes `from` to disk, then gives it the name `to` (atomic on one file system), and syncs
// the folder so the new name survives a power cut too.
bool syncAndRename(const QString &from, const QString &to, QString *error)
{
    QFile file(from);
    if (!file.open(QIODevice::ReadWrite)) {
        *error = file.errorString();
        return false;
    }
    if (::fsync(file.handle()) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    file.close();
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const int folder = ::open(QFile::encodeName(QFileInfo(to).absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

} // namespace

qint64 ProgressStore::revision() const
{
    QSqlQuery query(m_db);
    if (!exec(query, u"SELECT value FROM store_info WHERE key = 'revision'"_s) || !query.next())
        return -1;
    return query.value(u"value"_s).toLongLong();
}

ProgressStore::BackupMark ProgressStore::lastBackup() const
{
    BackupMark mark;
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT key, value FROM store_info WHERE key IN ('backup_revision', 'backup_ms')"_s))
        return mark;
    while (query.next()) {
        const QVariant value = query.value(u"value"_s);
        if (query.value(u"key"_s).toString() == u"backup_revision"_s)
            mark.revision = value.toLongLong();
        else if (value.toLongLong() > 0)
            mark.at = ProgressStoreRows::fromMs(value);
    }
    return mark;
}

bool ProgressStore::backupTo(const QString &filePath, const QDateTime &now, bool mark)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    if (QFileInfo::exists(filePath))
        return fail(tr("cannot back up to %1: the file exists").arg(filePath));
    // Read first: a change that lands during the copy then makes the next backup due, never
    // the other way round.
    const qint64 copied = revision();
    // VACUUM INTO writes its file in place and never syncs it (SQLite's documentation: an
    // interrupted one "might be incomplete and corrupt"). So it writes a temporary file beside
    // the backup, which is synced and then renamed: a backup under its name is always whole.
    const QString partial = partialPathFor(filePath);
    QSqlQuery query(m_db);
    if (!exec(query, u"VACUUM INTO ?"_s, {partial})) {
        QFile::remove(partial);
        return fail(tr("cannot back up to %1 (%2)").arg(filePath, m_sqlError));
    }
    query.finish();
    if (QString error; !syncAndRename(partial, filePath, &error)) {
        QFile::remove(partial);
        return fail(tr("cannot back up to %1 (%2)").arg(filePath, error));
    }
    if (!mark)
        return true;
    return writeTransaction([&] {
        QSqlQuery update(m_db);
        return exec(update,
                    u"UPDATE store_info SET value = ? WHERE key = 'backup_revision'"_s,
                    {copied})
               && exec(update,
                       u"UPDATE store_info SET value = ? WHERE key = 'backup_ms'"_s,
                       {now.toMSecsSinceEpoch()});
    });
}

bool ProgressStore::replaceContentsWith(const QString &filePath)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    QSqlQuery query(m_db);
    if (!exec(query, u"ATTACH DATABASE ? AS restored"_s, {filePath}))
        return fail(tr("cannot read %1 (%2)").arg(filePath, m_sqlError));
    query.finish();
    const bool ok = writeTransaction([&] {
        QSqlQuery step(m_db);
        if (!exec(step, u"PRAGMA restored.user_version"_s) || !step.next())
            return false;
        const int version = step.value(0).toInt();
        step.finish();
        if (version != SchemaVersion) {
            return fail(
                tr("%1 has schema %2, not %3").arg(filePath).arg(version).arg(SchemaVersion));
        }
        for (const QString &table : dataTables()) {
            // Table names are our own constants; both files were built by the same migrations,
            // so the columns line up.
            if (!exec(step, u"DELETE FROM main.%1"_s.arg(table))
                || !exec(step, u"INSERT INTO main.%1 SELECT * FROM restored.%1"_s.arg(table)))
                return false;
        }
        return true;
    });
    const QString error = m_errorString;
    QSqlQuery detach(m_db);
    detach.exec(u"DETACH DATABASE restored"_s);
    if (!ok) {
        m_errorString = error;
        return false;
    }
    emit progressReset();
    emit sessionsEdited();
    emit sessionsChanged();
    emit timerChanged();
    return true;
}
