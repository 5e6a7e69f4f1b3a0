#pragma once

#include "progress/progressstore.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDebug>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QtEndian>

// Files for the progress database tests: hashes to prove a file untouched, fixture databases
// built with plain SQL, and a corrupt database.
namespace ProgressFixtures {

using namespace Qt::StringLiterals;

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

inline QByteArray fileHeader(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(100) : QByteArray();
}

inline quint32 headerU32(const QByteArray &header, int offset)
{
    return qFromBigEndian<quint32>(header.constData() + offset);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Builds fixture databases without ProgressStore (SQL in a test is the fixture, not the app).
inline bool runSql(const QString &path, const QStringList &statements)
{
    static int counter = 0; // connection names must be unique
    const QString name = u"fixture-%1"_s.arg(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                ok = false;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

inline QString applicationIdPragma(int id)
{
    return u"PRAGMA application_id = %1"_s.arg(id);
}

// A real progress database with data, then page 2 (the root of a table) overwritten.
inline bool makeCorruptDatabase(const QString &path)
{
    {
        ProgressStore store;
        if (!store.open(path))
            return false;
        for (int i = 0; i < 200; ++i)
            store.setStatus(u"topic-%1"_s.arg(i),
                            TopicStatus::Done,
                            QDateTime(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC));
    }
    const QByteArray header = fileHeader(path);
    int pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || file.size() < 3 * pageSize)
        return false;
    return file.seek(pageSize) && file.write(QByteArray(pageSize, char(0xA5))) == pageSize;
}

} // namespace ProgressFixtures
