#include "progress/progressbackups.h"

#include "progress/progressdatabasecheck.h"
#include "progress/progressstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

ProgressBackups::ProgressBackups(ProgressStore *store,
                                 const QString &folder,
                                 Clock clock,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_folder(folder)
    , m_clock(std::move(clock))
{}

QString ProgressBackups::folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(u"backups"_s);
}

bool ProgressBackups::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool ProgressBackups::isDue() const
{
    const ProgressStore::BackupMark last = m_store->lastBackup();
    if (m_store->revision() == last.revision)
        return false;
    return !last.at.isValid() || last.at.secsTo(m_clock()) >= qint64(m_policy.intervalMinutes) * 60
           || last.at > m_clock(); // the clock went back: do not wait for it to catch up
}

ProgressBackups::Outcome ProgressBackups::backupIfDue()
{
    if (!m_store->isOpen() || !isDue())
        return Outcome::NotDue;
    return backupNow() ? Outcome::Taken : Outcome::Failed;
}

bool ProgressBackups::prepareFolder()
{
    if (!QDir().mkpath(m_folder))
        return fail(tr("%1: cannot create the backup folder").arg(m_folder));
    return true;
}

// Two backups within a second (a script, a test clock) get -1, -2 … after the time.
QString ProgressBackups::freePath(const QString &suffix) const
{
    const QDir dir(m_folder);
    const QDateTime now = m_clock();
    const auto name = [&](int sequence) {
        QString name = BackupRotation::fileName(now, sequence);
        return name.insert(name.size() - 3, suffix); // before ".db"
    };
    int sequence = 0;
    while (QFileInfo::exists(dir.filePath(name(sequence))))
        ++sequence;
    return dir.filePath(name(sequence));
}

bool ProgressBackups::backupNow(QString *path)
{
    if (!prepareFolder())
        return false;
    const QString target = freePath({});
    if (!m_store->backupTo(target, m_clock()))
        return fail(m_store->errorString());
    rotate();
    if (path)
        *path = target;
    emit backupTaken(target);
    return true;
}

QList<BackupRotation::Entry> ProgressBackups::backups() const
{
    QList<BackupRotation::Entry> entries;
    const QStringList names = QDir(m_folder).entryList({u"progress-*.db"_s}, QDir::Files);
    for (const QString &name : names) {
        if (const std::optional<BackupRotation::Entry> entry
            = BackupRotation::entryFromFileName(name))
            entries << *entry;
    }
    std::sort(entries.begin(), entries.end(), BackupRotation::isNewer);
    return entries;
}

void ProgressBackups::rotate()
{
    const QDir dir(m_folder);
    for (const QString &name : BackupRotation::expired(backups(), m_policy))
        QFile::remove(dir.filePath(name));
}

bool ProgressBackups::setAside(const QString &databasePath, QString *movedTo)
{
    if (!prepareFolder())
        return false;
    const QString target = freePath(u"-before-restore"_s);
    if (!QFile::rename(databasePath, target))
        return fail(
            tr("%1: cannot move it to %2")
                .arg(QDir::toNativeSeparators(databasePath), QDir::toNativeSeparators(target)));
    for (const QString &sidecar : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(databasePath + sidecar))
            QFile::rename(databasePath + sidecar, target + sidecar);
    }
    *movedTo = target;
    return true;
}

bool ProgressBackups::restore(const QString &filePath, QString *safetyCopy)
{
    const QString shown = QDir::toNativeSeparators(filePath);
    const ProgressDatabaseCheck check
        = ProgressDatabaseCheck::run(filePath, ProgressDatabaseCheck::Where::OnACopy);
    if (!check.ok()) {
        return fail(tr("%1: cannot restore it: %2").arg(shown, check.firstProblem));
    }
    // An older schema is brought up to date on a copy, never on the file itself.
    QTemporaryDir work;
    const QString copy = work.filePath(u"restore.db"_s);
    if (!work.isValid() || !QFile::copy(filePath, copy))
        return fail(tr("%1: cannot copy it for the restore").arg(shown));
    if (QFile::exists(filePath + u"-wal"_s))
        QFile::copy(filePath + u"-wal"_s, copy + u"-wal"_s);
    {
        ProgressStore upgraded;
        if (!upgraded.open(copy))
            return fail(tr("%1: cannot restore it: %2").arg(shown, upgraded.errorString()));
    }
    // A database that never held anything (revision 0) needs no copy.
    QString before;
    if (m_store->revision() != 0) {
        if (!prepareFolder())
            return false;
        before = freePath(u"-before-restore"_s);
        if (!m_store->backupTo(before, m_clock(), false)) {
            return fail(
                tr("cannot back up the current database first: %1").arg(m_store->errorString()));
        }
    }
    if (!m_store->replaceContentsWith(copy)) {
        if (!before.isEmpty())
            QFile::remove(before);
        return fail(tr("%1: cannot restore it: %2").arg(shown, m_store->errorString()));
    }
    if (safetyCopy)
        *safetyCopy = before;
    return true;
}
