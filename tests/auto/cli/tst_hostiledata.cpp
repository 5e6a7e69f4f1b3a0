// Hostile data, table-driven: every way the app reads a file the user names (the command line and
// the loaders the window uses) meets every kind of bad file, and every command that writes a file
// meets every kind of place it cannot write to. Each row expects a one-line error that names the
// file, the documented exit code, and nothing lost: the input, a file already at the output and
// whatever blocked the output are byte for byte as they were.
//
// Adding a reader or a writer is one entry in readers() or writers(); adding a kind of bad file
// or of bad destination is one entry in hostileFiles() or badDestinations().
#include "curriculum/curriculumloader.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinefile.h"
#include "progress/progressstore.h"
#include "support/require.h"
#include "support/studioprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

enum class Format { Pipeline, CurriculumJson, Markdown, ProgressDatabase };

constexpr int BadInput = 2; // README "Exit codes": bad usage or bad input

// A file reader: a command line with %FILE% (and %OUT% for an output that already exists and
// must survive), or a loader called in this process that returns its error ("" on success).
// How a reader refuses a file that exists: one error line and exit code 2, or (db check) a report
// on standard output that names the file and its problems, and exit code 1. A missing file is
// always the error line.
enum class Refusal { ErrorLine, Report };

struct Reader
{
    QString name;
    Format format;
    QString fileName; // where the hostile file goes, in the row's folder
    QStringList arguments;
    QString output;
    std::function<QString(const QString &path)> load;
    // A missing or empty progress database is a new one for the data folder's database, not for
    // a file named to restore or check.
    bool makesNewDatabase = true;
    Refusal refusal = Refusal::ErrorLine;
};

QList<Reader> readers()
{
    const QStringList showCurriculum{u"--curriculum"_s, u"%FILE%"_s, u"curriculum"_s, u"show"_s};
    return {
        {u"pipeline validate"_s,
         Format::Pipeline,
         u"in.mlpipe"_s,
         {u"pipeline"_s, u"validate"_s, u"%FILE%"_s},
         {},
         {}},
        {u"pipeline render"_s,
         Format::Pipeline,
         u"in.mlpipe"_s,
         {u"pipeline"_s, u"render"_s, u"%FILE%"_s, u"-o"_s, u"%OUT%"_s},
         u"out.svg"_s,
         {}},
        {u"open pipeline (window)"_s,
         Format::Pipeline,
         u"in.mlpipe"_s,
         {},
         {},
         [](const QString &path) {
             PipelineDocument document(&NodeCatalog::builtIn(), QDir::tempPath());
             QString error;
             return document.load(path, &error) ? QString() : error;
         }},
        {u"--curriculum FILE.json"_s, Format::CurriculumJson, u"in.json"_s, showCurriculum, {}, {}},
        {u"--curriculum FILE.md"_s, Format::Markdown, u"in.md"_s, showCurriculum, {}, {}},
        {u"roadmap export --curriculum"_s,
         Format::CurriculumJson,
         u"in.json"_s,
         {u"--curriculum"_s, u"%FILE%"_s, u"roadmap"_s, u"export"_s, u"-o"_s, u"%OUT%"_s},
         u"out.svg"_s,
         {}},
        {u"curriculum import"_s,
         Format::Markdown,
         u"in.md"_s,
         {u"curriculum"_s, u"import"_s, u"%FILE%"_s, u"-o"_s, u"%OUT%"_s},
         u"out.json"_s,
         {}},
        {u"curriculum (window)"_s,
         Format::CurriculumJson,
         u"in.json"_s,
         {},
         {},
         [](const QString &path) {
             return CurriculumLoader::loadFile(path).error;
         }},
        {u"progress show"_s,
         Format::ProgressDatabase,
         u"data/progress.db"_s,
         {u"--data-dir"_s, u"%DIR%/data"_s, u"progress"_s, u"show"_s},
         {},
         {}},
        {u"progress set"_s,
         Format::ProgressDatabase,
         u"data/progress.db"_s,
         {u"--data-dir"_s,
          u"%DIR%/data"_s,
          u"progress"_s,
          u"set"_s,
          u"mlops-overview"_s,
          u"done"_s},
         {},
         {}},
        {u"db restore FILE"_s,
         Format::ProgressDatabase,
         u"backup.db"_s,
         {u"--data-dir"_s, u"%DIR%/data"_s, u"db"_s, u"restore"_s, u"%FILE%"_s},
         {},
         {},
         false},
        {u"db check FILE"_s,
         Format::ProgressDatabase,
         u"backup.db"_s,
         {u"--data-dir"_s, u"%DIR%/data"_s, u"db"_s, u"check"_s, u"%FILE%"_s},
         {},
         {},
         false,
         Refusal::Report},
        {u"progress database (window)"_s,
         Format::ProgressDatabase,
         u"data/progress.db"_s,
         {},
         {},
         [](const QString &path) {
             ProgressStore store;
             return store.open(path) ? QString() : store.errorString();
         }},
    };
}

qint64 sizeLimit(Format format)
{
    switch (format) {
    case Format::Pipeline:
        return PipelineFile::MaxFileBytes;
    case Format::CurriculumJson:
    case Format::Markdown:
        return CurriculumLoader::MaxFileBytes;
    case Format::ProgressDatabase:
        break;
    }
    return 8 * 1024 * 1024;
}

// Another program's SQLite database.
void writeForeignDatabase(const QString &path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE songs (title TEXT)"_s));
        QVERIFY(query.exec(u"INSERT INTO songs VALUES ('x')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"foreign"_s);
}

// A kind of bad file: `make` puts it at the path for the given format, and says whether that
// format accepts it (an empty progress database is a new one) or must refuse it.
enum class Outcome { Refused, Accepted };

struct HostileFile
{
    QString name;
    std::function<Outcome(const QString &path, Format format)> make;
};

// Records a failed step of making a row's files (STOP_IF_FAILED() then stops the row).
void require(bool ok, const char *step)
{
    QTest::qVerify(ok, step, "", __FILE__, __LINE__);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(bytes), bytes.size());
}

QList<HostileFile> hostileFiles()
{
    return {
        {u"empty file"_s,
         [](const QString &path, Format format) -> Outcome {
             writeFile(path, {});
             return format == Format::ProgressDatabase ? Outcome::Accepted : Outcome::Refused;
         }},
        {u"binary garbage"_s,
         [](const QString &path, Format) -> Outcome {
             QRandomGenerator random(7); // the same garbage every run
             QByteArray bytes(64 * 1024, Qt::Uninitialized);
             random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
             writeFile(path, bytes);
             return Outcome::Refused;
         }},
        {u"deep nesting"_s,
         [](const QString &path, Format format) -> Outcome {
             const int depth = 200000;
             writeFile(path,
                       format == Format::Markdown
                           ? QByteArray(depth, '>') + " deep\n"
                           : QByteArray(depth, '[') + QByteArray(depth, ']'));
             return Outcome::Refused;
         }},
        {u"deep nesting inside the format"_s,
         [](const QString &path, Format format) -> Outcome {
             const int depth = 5000;
             QByteArray bytes;
             if (format == Format::Markdown) {
                 for (int i = 0; i < depth; ++i)
                     bytes += QByteArray(i % 40, ' ') + "- item\n";
             } else {
                 bytes
                     = format == Format::Pipeline
                           ? R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": )"
                           : R"({"format": "mlops-studio-curriculum", "version": 1, "sections": )";
                 bytes += QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
             }
             writeFile(path, bytes);
             return Outcome::Refused;
         }},
        {u"huge string over the size limit"_s,
         [](const QString &path, Format format) -> Outcome {
             const qint64 limit = sizeLimit(format);
             QByteArray bytes = R"({"title": ")";
             bytes += QByteArray(limit, 'x');
             bytes += "\"}\n";
             writeFile(path, bytes);
             return Outcome::Refused;
         }},
        {u"one huge line"_s,
         [](const QString &path, Format) -> Outcome {
             writeFile(path, QByteArray(4 * 1024 * 1024, 'y'));
             return Outcome::Refused;
         }},
        {u"wrong types"_s,
         [](const QString &path, Format format) -> Outcome {
             switch (format) {
             case Format::Pipeline:
                 writeFile(
                     path,
                     R"({"format": "mlops-studio-pipeline", "version": "1", "nodes": {"a": 1}})");
                 break;
             case Format::CurriculumJson:
             case Format::Markdown: // JSON is no Markdown curriculum either
                 writeFile(
                     path,
                     R"({"format": "mlops-studio-curriculum", "version": 1, "sections": "none"})");
                 break;
             case Format::ProgressDatabase:
                 writeForeignDatabase(path);
                 break;
             }
             return Outcome::Refused;
         }},
        {u"invalid UTF-8"_s,
         [](const QString &path, Format format) -> Outcome {
             writeFile(
                 path,
                 format == Format::Markdown
                     ? QByteArray("### **1. Caf\xe9**\n\n| **Topics** |\n|---|\n| **T\xff** |\n")
                     : QByteArray("{\"format\": \"mlops-studio-\xff\xfe\", \"version\": 1}"));
             return Outcome::Refused;
         }},
        {u"a directory"_s,
         [](const QString &path, Format) -> Outcome {
             require(QDir().mkpath(path + u"/inside"_s), "mkpath");
             return Outcome::Refused;
         }},
        {u"a named pipe (FIFO)"_s,
         [](const QString &path, Format) -> Outcome {
             require(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0, "mkfifo");
             return Outcome::Refused;
         }},
        {u"missing file"_s,
         [](const QString &, Format format) -> Outcome {
             // A missing progress database is a new one (README "Progress database").
             return format == Format::ProgressDatabase ? Outcome::Accepted : Outcome::Refused;
         }},
    };
}

// A command that writes a file, with %OUT% for where; %DIR% is the row's folder, which holds
// valid inputs (valid.mlpipe, valid.md).
struct Writer
{
    QString name;
    QString suffix;
    QStringList arguments;
};

QList<Writer> writers()
{
    return {
        {u"pipeline new"_s,
         u".mlpipe"_s,
         {u"pipeline"_s, u"new"_s, u"--template"_s, u"ci-cd"_s, u"-o"_s, u"%OUT%"_s}},
        {u"pipeline render"_s,
         u".png"_s,
         {u"pipeline"_s, u"render"_s, u"%DIR%/valid.mlpipe"_s, u"-o"_s, u"%OUT%"_s}},
        {u"roadmap export"_s, u".pdf"_s, {u"roadmap"_s, u"export"_s, u"-o"_s, u"%OUT%"_s}},
        {u"curriculum import"_s,
         u".json"_s,
         {u"curriculum"_s, u"import"_s, u"%DIR%/valid.md"_s, u"-o"_s, u"%OUT%"_s}},
        {u"progress set (data folder)"_s,
         {},
         {u"--data-dir"_s, u"%OUT%"_s, u"progress"_s, u"set"_s, u"mlops-overview"_s, u"done"_s}},
    };
}

// A place a file cannot be written to. `make` prepares it in `dir` and returns the output path,
// or a reason to skip the row (this machine or this writer has no such place).
struct Destination
{
    QString path;
    QString skip;
};

struct BadDestination
{
    QString name;
    std::function<Destination(const QString &dir, const QString &suffix)> make;
};

QList<BadDestination> badDestinations()
{
    return {
        {u"under a regular file"_s,
         [](const QString &dir, const QString &suffix) {
             writeFile(dir + u"/blocker"_s, "a file, not a folder\n");
             return Destination{dir + u"/blocker/out"_s + suffix, {}};
         }},
        {u"a directory"_s,
         [](const QString &dir, const QString &suffix) {
             if (suffix.isEmpty())
                 return Destination{{}, u"this writer's output is a folder"_s};
             const QString path = dir + u"/folder"_s + suffix;
             QDir().mkpath(path);
             writeFile(path + u"/kept.txt"_s, "kept\n");
             return Destination{path, {}};
         }},
        {u"in /proc (no one may create files there)"_s,
         [](const QString &, const QString &suffix) {
             if (!QFileInfo(u"/proc/self"_s).isDir())
                 return Destination{{}, u"no /proc on this system"_s};
             return Destination{u"/proc/mlops-studio-hostile-test"_s + suffix, {}};
         }},
        {u"a read-only folder"_s,
         [](const QString &dir, const QString &suffix) {
             if (::geteuid() == 0) // root ignores permissions; the /proc row covers this as root
                 return Destination{{}, u"running as root, who may write to read-only folders"_s};
             const QString folder = dir + u"/read-only"_s;
             QDir().mkpath(folder);
             QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
             return Destination{folder + u"/out"_s + suffix, {}};
         }},
    };
}

// Every file under `dir` with its bytes (a folder maps to "<dir>"): the "nothing lost" check.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir,
                    QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QFile file(path);
        files.insert(path,
                     info.isDir()                     ? "<dir>"
                     : !info.isFile()                 ? "<special>"
                     : file.open(QIODevice::ReadOnly) ? file.readAll()
                                                      : "<unreadable>");
    }
    return files;
}

QString describe(const QMap<QString, QByteArray> &before, const QMap<QString, QByteArray> &after)
{
    QStringList changes;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            changes << u"removed "_s + it.key();
        else if (after.value(it.key()) != it.value())
            changes << u"changed "_s + it.key();
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!before.contains(it.key()))
            changes << u"added "_s + it.key();
    }
    return changes.join(u"; "_s);
}

} // namespace

class TestHostileData : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badFile_data();
    void badFile();
    void badDestination_data();
    void badDestination();

private:
    StudioRun run(const QStringList &arguments) const;

    std::optional<QTemporaryDir> m_dir;     // the row's files: nothing in it may change
    std::optional<QTemporaryDir> m_sandbox; // HOME and XDG folders of the program
};

void TestHostileData::init()
{
    m_dir.emplace();
    m_sandbox.emplace();
    QVERIFY(m_dir->isValid() && m_sandbox->isValid());
}

void TestHostileData::cleanup()
{
    // A read-only folder must become writable again for QTemporaryDir to remove it.
    QFile::setPermissions(m_dir->filePath(u"read-only"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_dir.reset();
    m_sandbox.reset();
}

StudioRun TestHostileData::run(const QStringList &arguments) const
{
    StudioProcess process;
    process.sandbox = m_sandbox->path();
    return process.run(expandDir(arguments, m_dir->path()));
}

void TestHostileData::badFile_data()
{
    QTest::addColumn<int>("reader");
    QTest::addColumn<int>("hostile");
    const QList<Reader> all = readers();
    const QList<HostileFile> files = hostileFiles();
    for (qsizetype r = 0; r < all.size(); ++r) {
        for (qsizetype h = 0; h < files.size(); ++h) {
            QTest::addRow("%s: %s", qPrintable(all.at(r).name), qPrintable(files.at(h).name))
                << int(r) << int(h);
        }
    }
}

void TestHostileData::badFile()
{
    QFETCH(int, reader);
    QFETCH(int, hostile);
    const Reader how = readers().at(reader);
    const QString path = m_dir->filePath(how.fileName);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    Outcome expected = hostileFiles().at(hostile).make(path, how.format);
    STOP_IF_FAILED();
    if (!how.makesNewDatabase)
        expected = Outcome::Refused;
    const bool report = how.refusal == Refusal::Report && QFileInfo::exists(path);
    const QString output = m_dir->filePath(how.output);
    if (!how.output.isEmpty())
        REQUIRE_OK(writeFile(output, "an earlier output that must survive\n"));
    const QMap<QString, QByteArray> before = snapshot(m_dir->path());

    int exitCode = 0;
    QString error;
    if (how.load) {
        error = how.load(path);
        exitCode = error.isEmpty() ? 0 : BadInput;
    } else {
        const StudioRun result = run(QStringList(how.arguments)
                                         .replaceInStrings(u"%FILE%"_s, path)
                                         .replaceInStrings(u"%OUT%"_s, output));
        exitCode = result.exitCode;
        error = QString::fromUtf8(report ? result.out : result.err);
        if (exitCode != 0 && !report) {
            QCOMPARE(error.count(u'\n'), 1); // one line
            QVERIFY2(error.startsWith(u"mlops-studio: "_s), qPrintable(error));
        }
    }

    if (expected == Outcome::Accepted) {
        QVERIFY2(exitCode == 0, qPrintable(error));
        return;
    }
    if (report) {
        QVERIFY2(exitCode == 1, qPrintable(u"exit code %1: %2"_s.arg(exitCode).arg(error)));
        QVERIFY2(error.contains(u"problem"_s), qPrintable(error));
    } else {
        QVERIFY2(exitCode == BadInput, qPrintable(u"exit code %1: %2"_s.arg(exitCode).arg(error)));
    }
    QVERIFY2(error.contains(path),
             qPrintable(u"the error does not name %1: %2"_s.arg(path, error)));
    const QMap<QString, QByteArray> after = snapshot(m_dir->path());
    QVERIFY2(after == before, qPrintable(describe(before, after)));
}

void TestHostileData::badDestination_data()
{
    QTest::addColumn<int>("writer");
    QTest::addColumn<int>("destination");
    const QList<Writer> all = writers();
    const QList<BadDestination> destinations = badDestinations();
    for (qsizetype w = 0; w < all.size(); ++w) {
        for (qsizetype d = 0; d < destinations.size(); ++d) {
            QTest::addRow("%s: %s", qPrintable(all.at(w).name), qPrintable(destinations.at(d).name))
                << int(w) << int(d);
        }
    }
}

void TestHostileData::badDestination()
{
    QFETCH(int, writer);
    QFETCH(int, destination);
    const Writer how = writers().at(writer);
    QVERIFY(QFile::copy(QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/templates/ci-cd.mlpipe"),
                        m_dir->filePath(u"valid.mlpipe"_s)));
    QVERIFY(
        QFile::copy(QStringLiteral(MLOPS_SOURCE_DIR "/tests/fuzz/corpus/markdownimporter/small.md"),
                    m_dir->filePath(u"valid.md"_s)));
    const Destination made = badDestinations().at(destination).make(m_dir->path(), how.suffix);
    STOP_IF_FAILED();
    if (!made.skip.isEmpty())
        QSKIP(qPrintable(made.skip));
    const QString *output = &made.path;
    const QMap<QString, QByteArray> before = snapshot(m_dir->path());

    const StudioRun result = run(QStringList(how.arguments).replaceInStrings(u"%OUT%"_s, *output));
    const QString error = QString::fromUtf8(result.err);
    QVERIFY2(result.exitCode == BadInput,
             qPrintable(u"exit code %1: %2"_s.arg(result.exitCode).arg(error)));
    QCOMPARE(error.count(u'\n'), 1);
    QVERIFY2(error.contains(*output) || error.contains(QFileInfo(*output).absolutePath()),
             qPrintable(u"the error does not name %1: %2"_s.arg(*output, error)));
    const QMap<QString, QByteArray> after = snapshot(m_dir->path());
    QVERIFY2(after == before, qPrintable(describe(before, after)));
    QVERIFY(!QFileInfo::exists(u"/proc/mlops-studio-hostile-test"_s + how.suffix));
}

QTEST_GUILESS_MAIN(TestHostileData)
#include "tst_hostiledata.moc"
