#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

// What open() learns from an SQLite file's first 100 bytes with plain QFile, before SQLite
// touches the file (layout: https://www.sqlite.org/fileformat.html#the_database_header).
// Reading the header cannot change the file, so foreign and newer files are refused safely.
struct SqliteFileHeader
{
    Q_DECLARE_TR_FUNCTIONS(SqliteFileHeader)

public:
    enum class Kind {
        Missing,    // no file yet
        Empty,      // zero bytes: SQLite treats it as a new database
        NotSqlite,  // does not start with "SQLite format 3\0"
        Truncated,  // starts like SQLite but is shorter than a header
        Unreadable, // exists but cannot be opened for reading
        Sqlite,
    };

    Kind kind = Kind::Missing;
    quint32 userVersion = 0;   // offset 60, big-endian
    quint32 applicationId = 0; // offset 68, big-endian
    QString readError;         // set for Unreadable

    static constexpr qsizetype Size = 100;

    static SqliteFileHeader read(const QString &filePath);
    // The decision on a file's first bytes (at most Size are looked at); empty bytes are an
    // empty file.
    static SqliteFileHeader parse(const QByteArray &firstBytes);
};
