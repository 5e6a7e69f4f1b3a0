// Opening a progress database (ProgressStore::open, SqliteFileHeader): `--data-dir DIR` can name
// any folder, so progress.db can hold anything. Whatever it holds, open() either refuses it and
// leaves it byte-for-byte as it was, or opens it and every read and write works or fails cleanly.
#include "fuzzsupport.h"

#include "progress/progressstore.h"
#include "support/sqlitefileheader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

QString databasePath()
{
    // Memory-backed when possible: SQLite syncs every commit.
    static QTemporaryDir dir(QDir(u"/dev/shm"_s).exists() ? u"/dev/shm/fuzz-progressdb-XXXXXX"_s
                                                          : QDir::tempPath() + u"/fuzz-XXXXXX"_s);
    return dir.filePath(u"progress.db"_s);
}

void removeDatabase(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void checkHeader(const QByteArray &bytes)
{
    const SqliteFileHeader header = SqliteFileHeader::parse(bytes);
    const bool sqlite = bytes.size() >= SqliteFileHeader::Size
                        && bytes.startsWith(QByteArrayView("SQLite format 3", 16));
    FUZZ_REQUIRE((header.kind == SqliteFileHeader::Kind::Sqlite) == sqlite,
                 u"header kind %1"_s.arg(int(header.kind)));
    FUZZ_REQUIRE((header.kind == SqliteFileHeader::Kind::Empty) == bytes.isEmpty(),
                 u"header kind %1"_s.arg(int(header.kind)));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::ensureApplication(); // the QSQLITE driver is a plugin
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = FuzzSupport::bytes(data, size);
    checkHeader(bytes);

    const QString path = databasePath();
    removeDatabase(path);
    {
        QFile file(path);
        FUZZ_REQUIRE(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(),
                     file.errorString());
    }
    ProgressStore store;
    if (!store.open(path)) {
        FUZZ_REQUIRE(store.errorString().startsWith(path + u": "_s), store.errorString());
        FUZZ_REQUIRE(contents(path) == bytes, u"a refused file was changed"_s);
        FUZZ_REQUIRE(!QFile::exists(path + u"-wal"_s), u"a refused file got a -wal file"_s);
        return 0;
    }
    // Opened: reads return what they can, a write either succeeds or reports an error.
    store.allProgress();
    store.statusHistory();
    store.sessions();
    if (!store.setStatus(u"fuzz-topic"_s, TopicStatus::Done))
        FUZZ_REQUIRE(!store.errorString().isEmpty(), u"a failed write without a message"_s);
    else
        FUZZ_REQUIRE(store.status(u"fuzz-topic"_s) == TopicStatus::Done, u"a write was lost"_s);
    store.close();
    removeDatabase(path);
    return 0;
}
