#include "support/sqlitefileheader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace {
constexpr qsizetype UserVersionOffset = 60;
constexpr qsizetype ApplicationIdOffset = 68;
constexpr char Magic[] = "SQLite format 3"; // sizeof includes the trailing NUL, as on disk

quint32 bigEndianAt(const QByteArray &bytes, qsizetype offset)
{
    return qFromBigEndian<quint32>(bytes.constData() + offset);
}
} // namespace

SqliteFileHeader SqliteFileHeader::read(const QString &filePath)
{
    SqliteFileHeader header;
    QFile file(filePath);
    if (!file.exists())
        return header;
    // A pipe or a device: opening or reading it could block forever (tst_hostiledata).
    if (const QFileInfo info(filePath); !info.isFile() && !info.isDir()) {
        header.kind = Kind::Unreadable;
        header.readError = tr("not a regular file");
        return header;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        header.kind = Kind::Unreadable;
        header.readError = file.errorString();
        return header;
    }
    const QByteArray bytes = file.read(Size);
    if (bytes.isEmpty() && file.size() != 0) { // a read error, not an empty file
        header.kind = Kind::Unreadable;
        header.readError = file.errorString();
        return header;
    }
    return parse(bytes);
}

SqliteFileHeader SqliteFileHeader::parse(const QByteArray &firstBytes)
{
    SqliteFileHeader header;
    const QByteArray bytes = firstBytes.left(Size);
    if (bytes.isEmpty()) {
        header.kind = Kind::Empty;
    } else if (!bytes.startsWith(QByteArrayView(Magic, sizeof(Magic)))) {
        header.kind = Kind::NotSqlite;
    } else if (bytes.size() < Size) {
        header.kind = Kind::Truncated;
    } else {
        header.kind = Kind::Sqlite;
        header.userVersion = bigEndianAt(bytes, UserVersionOffset);
        header.applicationId = bigEndianAt(bytes, ApplicationIdOffset);
    }
    return header;
}
