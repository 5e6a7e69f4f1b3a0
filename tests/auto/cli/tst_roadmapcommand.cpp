#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "support/studioprocess.h"

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

using Run = StudioRun;

QByteArray head(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(size) : QByteArray();
}

} // namespace

// `mlops-studio roadmap export` as a user runs it: a child process with no display and no
// QT_QPA_PLATFORM, which must fall back to the offscreen platform by itself.
class TestRoadmapCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpListsExport();
    void exports_data();
    void exports();
    void scaleMultipliesSize();
    void withoutProgressNoDatabase();
    void badUsage_data();
    void badUsage();

private:
    Run run(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRoadmapCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The child's runtime folder exists before any run, so "nothing written" counts entries
    // against the same baseline.
    QVERIFY(QDir(m_dir->path()).mkdir(u"runtime"_s));
}

Run TestRoadmapCommand::run(const QStringList &arguments)
{
    const StudioProcess studio{m_dir->path(), true, {}, {}};
    return studio.run(QStringList{u"--data-dir"_s, path(u"data"_s)} + arguments);
}

void TestRoadmapCommand::helpListsExport()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("roadmap export"));
    const Run commandHelp = run({u"roadmap"_s, u"export"_s, u"--help"_s});
    QCOMPARE(commandHelp.exitCode, 0);
    for (const char *option :
         {"--output", "--theme", "--scale", "--handout", "--no-progress", "--transparent"})
        QVERIFY2(commandHelp.out.contains(option), option);
}

void TestRoadmapCommand::exports_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<QByteArray>("summary");
    const QByteArray png("\x89PNG\r\n", 6);
    QTest::newRow("png") << QStringList{u"roadmap"_s, u"export"_s, u"-o"_s, u"%DIR%/map.png"_s}
                         << u"map.png"_s << png << QByteArray(" px)");
    QTest::newRow("png, options first")
        << QStringList{u"-o"_s, u"%DIR%/map.png"_s, u"--scale"_s, u"2"_s, u"roadmap"_s, u"export"_s}
        << u"map.png"_s << png << QByteArray(" px)");
    QTest::newRow("png, transparent, dark") << QStringList{u"roadmap"_s,
                                                           u"export"_s,
                                                           u"--output=%DIR%/map.png"_s,
                                                           u"--transparent"_s,
                                                           u"--theme"_s,
                                                           u"dark"_s,
                                                           u"--scale"_s,
                                                           u"0.5"_s}
                                            << u"map.png"_s << png << QByteArray(" px)");
    QTest::newRow("svg") << QStringList{u"roadmap"_s, u"export"_s, u"-o"_s, u"%DIR%/map.SVG"_s}
                         << u"map.SVG"_s << QByteArray("<?xml") << QByteArray(" units)");
    QTest::newRow("pdf poster") << QStringList{u"roadmap"_s,
                                               u"export"_s,
                                               u"-o"_s,
                                               u"%DIR%/map.pdf"_s,
                                               u"--theme"_s,
                                               u"projector"_s}
                                << u"map.pdf"_s << QByteArray("%PDF") << QByteArray("(1 page)");
    QTest::newRow("pdf handout") << QStringList{u"roadmap"_s,
                                                u"export"_s,
                                                u"-o"_s,
                                                u"%DIR%/handout.pdf"_s,
                                                u"--handout"_s,
                                                u"--no-progress"_s}
                                 << u"handout.pdf"_s << QByteArray("%PDF")
                                 << QByteArray("(10 pages)");
}

void TestRoadmapCommand::exports()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    QFETCH(QByteArray, summary);
    const Run result = run(expandDir(arguments, m_dir->path()));
    QVERIFY2(result.exitCode == 0, result.err);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("Exported roadmap to " + path(file).toUtf8()), result.err);
    QVERIFY2(result.err.contains(summary), result.err);
    QCOMPARE(result.err.count('\n'), 1);
    QCOMPARE(head(path(file), magic.size()), magic);
}

void TestRoadmapCommand::scaleMultipliesSize()
{
    QCOMPARE(run({u"roadmap"_s, u"export"_s, u"-o"_s, path(u"1.png"_s)}).exitCode, 0);
    const Run scaled
        = run({u"roadmap"_s, u"export"_s, u"-o"_s, path(u"3.png"_s), u"--scale"_s, u"3"_s});
    QCOMPARE(scaled.exitCode, 0);
    const QSize one = QImageReader(path(u"1.png"_s)).size();
    const QSize three = QImageReader(path(u"3.png"_s)).size();
    QVERIFY(one.width() > 100);
    // ceil(3w) is 3·ceil(w) less up to two pixels.
    QVERIFY2(std::abs(three.width() - 3 * one.width()) <= 2,
             qPrintable(u"%1 %2"_s.arg(one.width()).arg(three.width())));
    QVERIFY(std::abs(three.height() - 3 * one.height()) <= 2);
    QVERIFY2(scaled.err.contains(u"%1×%2 px"_s.arg(three.width()).arg(three.height()).toUtf8()),
             scaled.err);
}

void TestRoadmapCommand::withoutProgressNoDatabase()
{
    const Run result
        = run({u"roadmap"_s, u"export"_s, u"-o"_s, path(u"map.svg"_s), u"--no-progress"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QFile::exists(path(u"map.svg"_s)));
    QVERIFY(!QFile::exists(path(u"data/progress.db"_s)));
}

void TestRoadmapCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedInError");
    const QStringList command{u"roadmap"_s, u"export"_s};
    QTest::newRow("missing -o") << command << QByteArray("missing -o FILE");
    QTest::newRow("unknown extension")
        << command + QStringList{u"-o"_s, u"%DIR%/map.gif"_s}
        << QByteArray("map.gif: unknown extension; expected .png, .svg or .pdf");
    QTest::newRow("unknown theme")
        << command + QStringList{u"-o"_s, u"%DIR%/map.png"_s, u"--theme"_s, u"neon"_s}
        << QByteArray("unknown theme 'neon' (expected one of: light, dark, projector)");
    for (const QString &scale : {u"abc"_s, u"0"_s, u"-1"_s, u"17"_s, u"nan"_s, u"inf"_s}) {
        QTest::addRow("scale %s", qPrintable(scale))
            << command + QStringList{u"-o"_s, u"%DIR%/map.png"_s, u"--scale"_s, scale}
            << (u"--scale '%1': expected a number greater than 0 and at most 16"_s.arg(scale))
                   .toUtf8();
    }
    QTest::newRow("scale with svg")
        << command + QStringList{u"-o"_s, u"%DIR%/map.svg"_s, u"--scale"_s, u"2"_s}
        << QByteArray("--scale needs a .png file");
    QTest::newRow("handout as png")
        << command + QStringList{u"-o"_s, u"%DIR%/map.png"_s, u"--handout"_s}
        << QByteArray("--handout needs a .pdf file");
    QTest::newRow("transparent svg")
        << command + QStringList{u"-o"_s, u"%DIR%/map.svg"_s, u"--transparent"_s}
        << QByteArray("--transparent needs a .png file");
    QTest::newRow("under a file") << command + QStringList{u"-o"_s, u"%DIR%/blocker/map.png"_s}
                                  << QByteArray("/blocker/map.png: ");
    QTest::newRow("missing folder") << command + QStringList{u"-o"_s, u"%DIR%/nowhere/map.png"_s}
                                    << QByteArray("does not exist");
    QTest::newRow("a folder") << command + QStringList{u"-o"_s, u"%DIR%/folder.png"_s}
                              << QByteArray("folder.png: is a folder");
}

void TestRoadmapCommand::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedInError);
    QFile blocker(path(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder.png"_s));
    const QStringList before
        = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const Run result = run(expandDir(arguments, m_dir->path()));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expectedInError), result.err);
    QVERIFY2(result.err.startsWith("mlops-studio: roadmap export: error: "), result.err);
    QCOMPARE(result.err.count('\n'), 1); // one line
    QVERIFY(result.out.isEmpty());
    // Nothing is written: no output, no database.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QVERIFY(QFileInfo(path(u"blocker"_s)).isFile());
}

QTEST_MAIN(TestRoadmapCommand)
#include "tst_roadmapcommand.moc"
