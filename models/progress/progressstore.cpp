#include "progress/progressstore.h"

#include "progress/progressschema.h"
#include "support/sqlitefileheader.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QString hex(quint32 value)
{
    return u"0x%1"_s.arg(value, 8, 16, QLatin1Char('0'));
}

// The nearest existing ancestor of `dir` when it is not a folder (mkpath cannot get past it).
QString fileBlocking(const QString &dir)
{
    QString path = QDir::cleanPath(dir);
    for (;;) {
        const QFileInfo info(path);
        if (info.exists())
            return info.isDir() ? QString() : path;
        const QString parent = info.absolutePath();
        if (parent == path)
            return {};
        path = parent;
    }
}

QString uniqueConnectionName()
{
    static std::atomic<int> counter{0};
    return u"ProgressStore-%1"_s.arg(++counter);
}

} // namespace

ProgressStore::ProgressStore(QObject *parent)
    : QObject(parent)
{}

ProgressStore::~ProgressStore()
{
    close();
}

bool ProgressStore::open(const QString &filePath)
{
    close();
    m_filePath = filePath;
    m_errorString.clear();
    if (filePath.isEmpty()) {
        m_errorString = tr("progress database: no file name given");
        return false;
    }
    if (openChecked())
        return true;
    const QString error = m_errorString;
    close();
    m_errorString = error;
    return false;
}

void ProgressStore::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase(); // removeDatabase() wants no handle left alive
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool ProgressStore::isOpen() const
{
    return m_db.isOpen();
}

QString ProgressStore::filePath() const
{
    return m_filePath;
}

QString ProgressStore::errorString() const
{
    return m_errorString;
}

// Nothing that can write runs before the checks: a foreign, corrupt or newer file is refused
// byte-for-byte untouched, and a failed migration rolls back before WAL changes the header.
bool ProgressStore::openChecked()
{
    int fileVersion = 0;
    return checkHeader() && prepareLocation() && openConnection() && checkQuick()
           && checkOwnership(&fileVersion) && configure() && migrate(fileVersion) && enableWal();
}

bool ProgressStore::checkHeader()
{
    const QFileInfo info(m_filePath);
    if (info.isDir())
        return fail(tr("is a folder, not a database file"));
    if (info.exists() && !info.isFile()) // a pipe or a device: reading the header could block
        return fail(tr("not a regular file, not a database file"));
    const SqliteFileHeader header = SqliteFileHeader::read(m_filePath);
    switch (header.kind) {
    case SqliteFileHeader::Kind::Missing:
    case SqliteFileHeader::Kind::Empty:
        return true;
    case SqliteFileHeader::Kind::Unreadable:
        return fail(tr("cannot read the file (%1)").arg(header.readError));
    case SqliteFileHeader::Kind::NotSqlite:
        return fail(tr("not an SQLite database"));
    case SqliteFileHeader::Kind::Truncated:
        return fail(tr("the database is corrupt (its header is truncated)"));
    case SqliteFileHeader::Kind::Sqlite:
        break;
    }
    if (header.applicationId != 0 && header.applicationId != quint32(ApplicationId)) {
        return fail(tr("not an MLOps Roadmap Studio progress database (application id %1)")
                        .arg(hex(header.applicationId)));
    }
    if (header.userVersion > quint32(SchemaVersion)) {
        return fail(tr("written by a newer version of MLOps Roadmap Studio (schema %1; this "
                       "version reads up to %2)")
                        .arg(header.userVersion)
                        .arg(SchemaVersion));
    }
    return true;
}

bool ProgressStore::prepareLocation()
{
    const QFileInfo info(m_filePath);
    const QString dir = info.absolutePath();
    if (const QString blocker = fileBlocking(dir); !blocker.isEmpty())
        return fail(tr("cannot create the folder %1: %2 is a file").arg(dir, blocker));
    if (!QDir().mkpath(dir))
        return fail(tr("cannot create the folder %1").arg(dir));
    // SQLite creates the -wal and -shm files next to the database.
    if (!QFileInfo(dir).isWritable())
        return fail(tr("the folder %1 is not writable").arg(dir));
    if (info.exists() && !info.isWritable())
        return fail(tr("the file is read-only"));
    return true;
}

bool ProgressStore::openConnection()
{
    m_connectionName = uniqueConnectionName();
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid())
        return fail(tr("the Qt SQLite driver (QSQLITE) is not available"));
    m_db.setDatabaseName(m_filePath);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
    if (!m_db.open())
        return fail(tr("cannot open the database (%1)").arg(m_db.lastError().text()));
    return true;
}

bool ProgressStore::checkQuick()
{
    constexpr int ReportedLines = 3;
    constexpr int SqliteCorrupt = 11;
    constexpr int SqliteNotADb = 26;
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA quick_check"_s)) {
        const int code = query.lastError().nativeErrorCode().toInt() & 0xff; // primary code
        if (code != SqliteCorrupt && code != SqliteNotADb)
            return fail(tr("cannot read the database (%1)").arg(query.lastError().text()));
        return fail(tr("the database is corrupt (quick_check: %1)").arg(query.lastError().text()));
    }
    QStringList lines;
    while (query.next()) {
        // A row can hold several lines; the "*** in database main ***" banner says nothing.
        const QStringList rowLines = query.value(u"quick_check"_s).toString().split(u'\n');
        for (const QString &line : rowLines) {
            if (!line.startsWith(u"***"_s) && lines.size() < ReportedLines)
                lines << line;
        }
    }
    if (lines == QStringList{u"ok"_s})
        return true;
    return fail(tr("the database is corrupt (quick_check: %1)").arg(lines.join(u"; "_s)));
}

// The PRAGMAs rather than the header bytes decide: after a crash the newest header can still be
// in the -wal file.
bool ProgressStore::checkOwnership(int *fileVersion)
{
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT (SELECT application_id FROM pragma_application_id) AS app, "
              "(SELECT user_version FROM pragma_user_version) AS version, "
              "(SELECT group_concat(name, ', ') FROM sqlite_master "
              "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\') AS objects"_s)
        || !query.next()) {
        return false;
    }
    const quint32 appId = quint32(query.value(u"app"_s).toLongLong());
    const int version = query.value(u"version"_s).toInt();
    const QString objects = query.value(u"objects"_s).toString();
    // Application id 0 is a new file only while it is empty; anything else is someone else's.
    if (appId != quint32(ApplicationId) && (appId != 0 || version != 0 || !objects.isEmpty())) {
        const QString detail
            = objects.isEmpty() ? hex(appId) : tr("%1; tables %2").arg(hex(appId), objects);
        return fail(
            tr("not an MLOps Roadmap Studio progress database (application id %1)").arg(detail));
    }
    if (version > SchemaVersion) {
        return fail(tr("written by a newer version of MLOps Roadmap Studio (schema %1; this "
                       "version reads up to %2)")
                        .arg(version)
                        .arg(SchemaVersion));
    }
    *fileVersion = version;
    return true;
}

// Connection settings only: none of these writes to the file.
bool ProgressStore::configure()
{
    QSqlQuery query(m_db);
    return exec(query, u"PRAGMA foreign_keys = ON"_s)
           && exec(query, u"PRAGMA synchronous = FULL"_s);
}

bool ProgressStore::migrate(int fromVersion)
{
    const QList<ProgressSchema::Migration> &steps = ProgressSchema::migrations();
    Q_ASSERT(steps.size() == SchemaVersion);
    if (fromVersion == SchemaVersion)
        return true;
    const bool ok = writeTransaction([&] {
        QSqlQuery query(m_db);
        for (const ProgressSchema::Migration &step : steps) {
            if (step.fromVersion < fromVersion)
                continue;
            for (const QString &statement : step.statements) {
                if (!exec(query, statement))
                    return false;
            }
        }
        // PRAGMA values cannot be bound; both are our own integer constants.
        return exec(query, u"PRAGMA application_id = %1"_s.arg(ApplicationId))
               && exec(query, u"PRAGMA user_version = %1"_s.arg(SchemaVersion));
    });
    if (ok)
        return true;
    return fail(tr("cannot upgrade the database from schema %1 to %2 (%3)")
                    .arg(fromVersion)
                    .arg(SchemaVersion)
                    .arg(m_sqlError));
}

// WAL lets the command line write while the window reads; synchronous=FULL (set before) makes
// every commit durable when the call returns.
bool ProgressStore::enableWal()
{
    QSqlQuery query(m_db);
    if (!exec(query, u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return false;
    const QString mode = query.value(u"journal_mode"_s).toString();
    query.finish(); // an unfinished statement keeps a read transaction open
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return fail(tr("cannot switch the database to WAL mode (it stays in %1 mode)").arg(mode));
    m_dataVersion = dataVersion();
    return true;
}

bool ProgressStore::fail(const QString &problem) const
{
    m_errorString = u"%1: %2"_s.arg(m_filePath, problem);
    return false;
}
