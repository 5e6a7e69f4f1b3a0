#include "progress/progressdatabasecheck.h"

#include "progress/progressstore.h"
#include "support/sqlitefileheader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxReportedLines = 20;

class Checker
{
public:
    explicit Checker(ProgressDatabaseCheck &result)
        : m_result(result)
    {}

    // A report line "what: message"; the first message alone is the restore's error.
    void problem(const QString &what, const QString &message, const QString &summary = {})
    {
        m_result.lines << u"%1: %2"_s.arg(what, message);
        if (m_result.problems++ == 0)
            m_result.firstProblem = summary.isEmpty() ? message : summary;
    }
    void note(const QString &line) { m_result.lines << line; }

    bool header(const QString &path);
    void database(const QString &path);

private:
    bool pragmas(QSqlDatabase &db);
    void pragmaCheck(QSqlDatabase &db, const QString &pragma);
    void contents(QSqlDatabase &db);

    ProgressDatabaseCheck &m_result;
};

bool Checker::header(const QString &path)
{
    const SqliteFileHeader header = SqliteFileHeader::read(path);
    switch (header.kind) {
    case SqliteFileHeader::Kind::Missing:
        problem(u"file"_s, ProgressDatabaseCheck::tr("does not exist"));
        return false;
    case SqliteFileHeader::Kind::Empty:
        problem(u"file"_s, ProgressDatabaseCheck::tr("is empty"));
        return false;
    case SqliteFileHeader::Kind::Unreadable:
        problem(u"file"_s, ProgressDatabaseCheck::tr("cannot be read (%1)").arg(header.readError));
        return false;
    case SqliteFileHeader::Kind::NotSqlite:
        problem(u"file"_s, ProgressDatabaseCheck::tr("not an SQLite database"));
        return false;
    case SqliteFileHeader::Kind::Truncated:
        problem(u"file"_s,
                ProgressDatabaseCheck::tr("the database is corrupt (its header is truncated)"));
        return false;
    case SqliteFileHeader::Kind::Sqlite:
        break;
    }
    return true;
}

// After a crash the newest header can still be in the -wal file: the PRAGMAs decide.
bool Checker::pragmas(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT (SELECT application_id FROM pragma_application_id) AS app, "
                    "(SELECT user_version FROM pragma_user_version) AS version"_s)
        || !query.next()) {
        problem(u"header"_s,
                ProgressDatabaseCheck::tr("the database is corrupt (%1)")
                    .arg(query.lastError().text()));
        return false;
    }
    const quint32 app = quint32(query.value(u"app"_s).toLongLong());
    const int version = query.value(u"version"_s).toInt();
    if (app != quint32(ProgressStore::ApplicationId)) {
        problem(u"header"_s,
                ProgressDatabaseCheck::tr(
                    "not an MLOps Roadmap Studio progress database (application id "
                    "0x%1)")
                    .arg(app, 8, 16, QLatin1Char('0')));
        return false;
    }
    if (version > ProgressStore::SchemaVersion) {
        problem(u"header"_s,
                ProgressDatabaseCheck::tr(
                    "written by a newer version of MLOps Roadmap Studio (schema %1; this "
                    "version reads up to %2)")
                    .arg(version)
                    .arg(ProgressStore::SchemaVersion));
        return false;
    }
    m_result.schemaVersion = version;
    note(ProgressDatabaseCheck::tr("header: MLOps Roadmap Studio progress database, schema %1")
             .arg(version));
    return true;
}

void Checker::pragmaCheck(QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA %1(%2)"_s.arg(pragma).arg(MaxReportedLines))) {
        problem(pragma, query.lastError().text());
        return;
    }
    QStringList found;
    while (query.next()) {
        for (const QString &line : query.value(0).toString().split(u'\n')) {
            if (!line.startsWith(u"***"_s)) // the "*** in database main ***" banner
                found << line;
        }
    }
    if (found == QStringList{u"ok"_s}) {
        note(u"%1: ok"_s.arg(pragma));
        return;
    }
    for (const QString &line : found)
        problem(pragma,
                line,
                ProgressDatabaseCheck::tr("the database is corrupt (%1: %2)").arg(pragma, line));
}

void Checker::contents(QSqlDatabase &db)
{
    QSqlQuery query(db);
    const auto count = [&query](const QString &table) -> qint64 {
        if (!query.exec(u"SELECT count(*) FROM %1"_s.arg(table)) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    };
    const qint64 events = count(u"status_events"_s);
    const qint64 sessions = count(u"study_sessions"_s);
    const qint64 notes = count(u"notes"_s);
    if (events < 0 || sessions < 0 || notes < 0) {
        problem(u"contents"_s,
                ProgressDatabaseCheck::tr("cannot be read (%1)").arg(query.lastError().text()));
        return;
    }
    QString line
        = ProgressDatabaseCheck::tr("contents: %1, %2, %3")
              .arg(ProgressDatabaseCheck::tr("%n status event(s)", nullptr, int(events)),
                   ProgressDatabaseCheck::tr("%n study session(s)", nullptr, int(sessions)),
                   ProgressDatabaseCheck::tr("%n note(s)", nullptr, int(notes)));
    if (m_result.schemaVersion >= 2 && query.exec(u"SELECT topic_id FROM study_timer"_s)
        && query.next()) {
        line += ProgressDatabaseCheck::tr("; the study timer runs for %1")
                    .arg(query.value(0).toString());
    }
    note(line);
}

void Checker::database(const QString &path)
{
    static std::atomic<int> counter{0};
    const QString name = u"ProgressDatabaseCheck-%1"_s.arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(
            u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(ProgressStore::BusyTimeoutMs));
        if (!db.open()) {
            problem(u"file"_s,
                    ProgressDatabaseCheck::tr("cannot be opened (%1)").arg(db.lastError().text()));
        } else if (pragmas(db)) {
            const int before = m_result.problems;
            pragmaCheck(db, u"quick_check"_s);
            pragmaCheck(db, u"integrity_check"_s);
            if (m_result.problems == before)
                contents(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

QString ProgressDatabaseCheck::report() const
{
    QString text
        = ProgressDatabaseCheck::tr("Checked %1\n").arg(QDir::toNativeSeparators(filePath));
    for (const QString &line : lines)
        text += u"  "_s + line + u'\n';
    text += problems == 0 ? ProgressDatabaseCheck::tr("No problems found.\n")
                          : ProgressDatabaseCheck::tr("%n problem(s) found.\n", nullptr, problems);
    return text;
}

ProgressDatabaseCheck ProgressDatabaseCheck::run(const QString &filePath, Where where)
{
    ProgressDatabaseCheck result;
    result.filePath = filePath;
    Checker checker(result);
    if (!checker.header(filePath))
        return result;
    if (where == Where::InPlace) {
        checker.database(filePath);
        return result;
    }
    QTemporaryDir copyDir;
    const QString copy = copyDir.filePath(u"check.db"_s);
    if (!copyDir.isValid() || !QFile::copy(filePath, copy)) {
        checker.problem(u"file"_s, ProgressDatabaseCheck::tr("cannot be copied for the check"));
        return result;
    }
    // A database left in WAL mode keeps recent commits in its -wal file.
    if (QFile::exists(filePath + u"-wal"_s))
        QFile::copy(filePath + u"-wal"_s, copy + u"-wal"_s);
    checker.database(copy);
    return result;
}
