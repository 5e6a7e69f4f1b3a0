// What `cmake --install` gives a desktop (issue 14, resources/desktop, docs/installing.md): the
// build installed into a temporary prefix has the launcher entry, the icons at every size, the
// AppStream metainfo and the .mlpipe file type, nothing lands outside the prefix, and the
// freedesktop validators accept the files. A validator that is not installed skips its test and
// names the Debian package (scripts/install-packages installs them all).
#include "pipeline/pipelinefile.h"
#include "support/require.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString AppId = u"io.github.mlops_studio.MLOpsRoadmapStudio"_s;
const QString PipelineMimeType = u"application/x-mlops-pipeline"_s;
const QString PipelineMimeIcon = u"application-x-mlops-pipeline"_s;
const QList<int> IconSizes = {16, 24, 32, 48, 64, 128, 256, 512};

struct ToolRun
{
    int exitCode = -1; // -1 when it could not start, crashed or timed out
    QString output;    // stdout and stderr together, as a user would read them
};

ToolRun runTool(const QString &program,
                const QStringList &arguments,
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ToolRun run;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.output = QString::fromUtf8(process.readAll()).trimmed();
    return run;
}

QByteArray pipelineFileContents()
{
    PipelineNode ingest;
    ingest.id = u"n1"_s;
    ingest.kind = u"ingest"_s;
    ingest.name = u"Ingest"_s;
    return PipelineFile::write({ingest}, {}, {});
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(file.write(contents), contents.size());
}

// cmake writes the list of what it installed there, whatever the prefix.
QString installManifestPath()
{
    return QDir(QStringLiteral(MLOPS_BINARY_DIR)).filePath(u"install_manifest.txt"_s);
}

} // namespace

class TestDesktopFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void installsEveryFile();
    void iconsHaveTheirSize();
    void installsNothingOutsideThePrefix();
    void desktopEntryValidates();
    void metainfoValidates();
    void metainfoNamesTheProjectVersion();
    void mimeTypeRecognisesPipelineFiles();
    void mimeTypeIsKnownToGio();

private:
    QString installed(const QString &relativePath) const { return m_prefix.filePath(relativePath); }
    QString findTool(const char *name, const char *package);
    QProcessEnvironment mimeEnvironment() const;

    QTemporaryDir m_prefix;
    QTemporaryDir m_files;
    QString m_cmake;
    QByteArray m_usersManifest; // install_manifest.txt of the user's own last install
    bool m_hadUsersManifest = false;
    bool m_manifestSaved = false;
};

// The whole build installed, as `cmake --install build --prefix P` (docs/installing.md). The
// test target needs the app and the generated icons (tests/auto/app/CMakeLists.txt).
void TestDesktopFiles::initTestCase()
{
    QFile usersManifest(installManifestPath());
    m_hadUsersManifest = usersManifest.open(QIODevice::ReadOnly);
    m_usersManifest = usersManifest.readAll();
    m_manifestSaved = true;
    QVERIFY(m_prefix.isValid());
    QVERIFY(m_files.isValid());
    m_cmake = QStandardPaths::findExecutable(u"cmake"_s);
    QVERIFY2(!m_cmake.isEmpty(), "cmake is not on PATH");
    const ToolRun install = runTool(
        m_cmake,
        {u"--install"_s, QStringLiteral(MLOPS_BINARY_DIR), u"--prefix"_s, m_prefix.path()});
    QVERIFY2(install.exitCode == 0, qPrintable(install.output));

    // Files to recognise: one PipelineFile wrote, the same renamed, and JSON of another kind.
    const QDir files(m_files.path());
    const QByteArray pipeline = pipelineFileContents();
    REQUIRE_OK(writeFile(files.filePath(u"saved.mlpipe"_s), pipeline));
    REQUIRE_OK(writeFile(files.filePath(u"renamed"_s), pipeline));
    REQUIRE_OK(writeFile(files.filePath(u"plain"_s),
                         "{\n  \"name\": \"not a pipeline\",\n  \"nodes\": []\n}\n"));
}

// Our install overwrote the build's manifest: the user's own install (docs/installing.md) is
// removed with the list of what it wrote, so that list comes back.
void TestDesktopFiles::cleanupTestCase()
{
    if (!m_manifestSaved)
        return;
    QFile manifest(installManifestPath());
    if (!m_hadUsersManifest) {
        manifest.remove();
        return;
    }
    QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(manifest.write(m_usersManifest), m_usersManifest.size());
}

void TestDesktopFiles::installsEveryFile()
{
    QStringList expected = {
        u"bin/mlops-studio"_s,
        u"share/applications/%1.desktop"_s.arg(AppId),
        u"share/metainfo/%1.metainfo.xml"_s.arg(AppId),
        u"share/mime/packages/%1.xml"_s.arg(PipelineMimeIcon),
        u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(AppId),
        u"share/icons/hicolor/scalable/mimetypes/%1.svg"_s.arg(PipelineMimeIcon),
        u"share/man/man1/mlops-studio.1.gz"_s, // their contents: tst_manpage
        u"share/bash-completion/completions/mlops-studio"_s,
        u"share/doc/mlops-studio/LICENSE"_s,
    };
    for (const int size : IconSizes) {
        const QString folder = u"share/icons/hicolor/%1x%1/"_s.arg(size);
        expected << folder + u"apps/%1.png"_s.arg(AppId)
                 << folder + u"mimetypes/%1.png"_s.arg(PipelineMimeIcon);
    }
    for (const QString &path : std::as_const(expected))
        QVERIFY2(QFileInfo(installed(path)).isFile(), qPrintable(path + u" is not installed"_s));
}

// The icon theme spec places an icon by its folder's size: a PNG of another size is scaled,
// blurred, by every panel that shows it.
void TestDesktopFiles::iconsHaveTheirSize()
{
    for (const QString &icon :
         {u"apps/%1.png"_s.arg(AppId), u"mimetypes/%1.png"_s.arg(PipelineMimeIcon)}) {
        for (const int size : IconSizes) {
            const QString path = installed(u"share/icons/hicolor/%1x%1/"_s.arg(size) + icon);
            QImageReader reader(path);
            QCOMPARE(reader.format(), QByteArray("png"));
            QCOMPARE(reader.size(), QSize(size, size));
            // Drawn, not blank: the middle of both icons is opaque (the tile, the page).
            const QImage image = reader.read();
            QVERIFY2(!image.isNull(), qPrintable(path));
            QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        }
    }
}

// cmake writes what it installed to install_manifest.txt in the build folder: a rule with an
// absolute destination (/usr/share/..., /etc/...) would be listed there outside the prefix.
void TestDesktopFiles::installsNothingOutsideThePrefix()
{
    QFile manifest(installManifestPath());
    QVERIFY2(manifest.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(manifest.fileName()));
    const QStringList paths
        = QString::fromUtf8(manifest.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(paths.size() >= 6 + 2 * IconSizes.size());
    const QString prefix = QDir(m_prefix.path()).canonicalPath() + u'/';
    for (const QString &path : paths) {
        QVERIFY2(QFileInfo(path).absoluteFilePath().startsWith(prefix)
                     || QFileInfo(path).canonicalFilePath().startsWith(prefix),
                 qPrintable(path + u" is outside the prefix "_s + prefix));
    }
}

QString TestDesktopFiles::findTool(const char *name, const char *package)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty()) {
        qWarning("%s is missing: install the Debian package %s (scripts/install-packages)",
                 name,
                 package);
    }
    return path;
}

// https://specifications.freedesktop.org/desktop-entry-spec/latest/: desktop-file-validate
// prints every error, warning and hint, one a line. Education and Development (issue 14) are
// both main categories of the menu spec, so it hints that the app may be listed under both:
// that is the intent, and the only line allowed.
void TestDesktopFiles::desktopEntryValidates()
{
    const QString validator = findTool("desktop-file-validate", "desktop-file-utils");
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is missing: install desktop-file-utils");
    const QString entry = installed(u"share/applications/%1.desktop"_s.arg(AppId));
    const ToolRun run = runTool(validator, {entry});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    const QString expectedHint = u"%1: hint: value \"Education;Development;ComputerScience;\" for "
                                 "key \"Categories\" in group \"Desktop Entry\" contains more than "
                                 "one main category; application might appear more than once in "
                                 "the application menu"_s.arg(entry);
    QStringList lines = run.output.split(u'\n', Qt::SkipEmptyParts);
    lines.removeAll(expectedHint);
    QVERIFY2(lines.isEmpty(), qPrintable(lines.join(u'\n')));
}

// https://www.freedesktop.org/software/appstream/docs/chap-Validation.html: errors and warnings
// fail validation; info lines (I:) are advice. --no-net: the screenshots are not fetched.
// validate-tree also checks that the launchable names an installed .desktop file and the icon.
void TestDesktopFiles::metainfoValidates()
{
    const QString appstreamcli = findTool("appstreamcli", "appstream");
    if (appstreamcli.isEmpty())
        QSKIP("appstreamcli is missing: install appstream");
    const ToolRun file = runTool(
        appstreamcli,
        {u"validate"_s, u"--no-net"_s, installed(u"share/metainfo/%1.metainfo.xml"_s.arg(AppId))});
    QVERIFY2(file.exitCode == 0, qPrintable(file.output));
    QVERIFY2(!file.output.contains(u"W: "_s) && !file.output.contains(u"E: "_s)
                 && !file.output.contains(u"I: "_s),
             qPrintable(file.output));
    const ToolRun tree
        = runTool(appstreamcli, {u"validate-tree"_s, u"--no-net"_s, m_prefix.path()});
    QVERIFY2(tree.exitCode == 0, qPrintable(tree.output));
    QVERIFY2(!tree.output.contains(u"W: "_s) && !tree.output.contains(u"E: "_s),
             qPrintable(tree.output));
}

// The release the software centre shows is the version project() names in CMakeLists.txt.
void TestDesktopFiles::metainfoNamesTheProjectVersion()
{
    QFile cmakeLists(QStringLiteral(MLOPS_SOURCE_DIR "/CMakeLists.txt"));
    QVERIFY(cmakeLists.open(QIODevice::ReadOnly | QIODevice::Text));
    static const QRegularExpression projectVersion(u"project\\([^)]*VERSION\\s+([0-9.]+)"_s);
    const QRegularExpressionMatch version
        = projectVersion.match(QString::fromUtf8(cmakeLists.readAll()));
    QVERIFY(version.hasMatch());

    QFile metainfo(installed(u"share/metainfo/%1.metainfo.xml"_s.arg(AppId)));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(metainfo.readAll());
    QVERIFY2(text.contains(u"<release version=\"%1\""_s.arg(version.captured(1))),
             qPrintable(text));
    static const QRegularExpression unconfigured(u"@[A-Z_]+@"_s);
    QVERIFY2(!text.contains(unconfigured), qPrintable(text));
}

// The XDG data folders of a desktop with the prefix installed, without the user's own types.
QProcessEnvironment TestDesktopFiles::mimeEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_DIRS"_s,
                       installed(u"share"_s) + u":/usr/local/share:/usr/share"_s);
    environment.insert(u"XDG_DATA_HOME"_s, QDir(m_files.path()).filePath(u"no-user-data"_s));
    return environment;
}

// https://specifications.freedesktop.org/shared-mime-info-spec/: update-mime-database compiles
// share/mime/packages into the cache the file managers read; Qt's QMimeDatabase (KDE's file
// manager) reads that cache from XDG_DATA_DIRS. A pipeline file is recognised by its name, and
// renamed by its contents; a plain JSON file is not taken for one.
void TestDesktopFiles::mimeTypeRecognisesPipelineFiles()
{
    const QString updater = findTool("update-mime-database", "shared-mime-info");
    if (updater.isEmpty())
        QSKIP("update-mime-database is missing: install shared-mime-info");
    const QProcessEnvironment environment = mimeEnvironment();
    const ToolRun update = runTool(updater, {installed(u"share/mime"_s)}, environment);
    QVERIFY2(update.exitCode == 0 && update.output.isEmpty(), qPrintable(update.output));

    const QDir files(m_files.path());
    for (const char *name : {"XDG_DATA_DIRS", "XDG_DATA_HOME"})
        qputenv(name, environment.value(QString::fromLatin1(name)).toLocal8Bit());
    const QMimeDatabase database;
    const QMimeType type = database.mimeTypeForName(PipelineMimeType);
    QVERIFY(type.isValid());
    QVERIFY(type.inherits(u"application/json"_s));
    QCOMPARE(type.iconName(), PipelineMimeIcon);
    QCOMPARE(type.globPatterns(), QStringList{u"*.mlpipe"_s});
    QCOMPARE(database.mimeTypeForFile(files.filePath(u"saved.mlpipe"_s)).name(), PipelineMimeType);
    QCOMPARE(database.mimeTypeForFile(files.filePath(u"renamed"_s)).name(), PipelineMimeType);
    QVERIFY(database.mimeTypeForFile(files.filePath(u"plain"_s)).name() != PipelineMimeType);
}

// GIO (GNOME's file manager) reads the same cache with its own code.
void TestDesktopFiles::mimeTypeIsKnownToGio()
{
    const QString gio = findTool("gio", "libglib2.0-bin");
    if (gio.isEmpty())
        QSKIP("gio is missing: install libglib2.0-bin");
    const QString updater = findTool("update-mime-database", "shared-mime-info");
    if (updater.isEmpty())
        QSKIP("update-mime-database is missing: install shared-mime-info");
    const QProcessEnvironment environment = mimeEnvironment();
    const ToolRun update = runTool(updater, {installed(u"share/mime"_s)}, environment);
    QVERIFY2(update.exitCode == 0, qPrintable(update.output));
    const auto contentType = [&](const QString &name) {
        const ToolRun run = runTool(gio,
                                    {u"info"_s,
                                     u"--attributes=standard::content-type"_s,
                                     QDir(m_files.path()).filePath(name)},
                                    environment);
        return run.exitCode == 0 ? run.output.section(u"standard::content-type: "_s, 1).trimmed()
                                 : run.output;
    };
    QCOMPARE(contentType(u"saved.mlpipe"_s), PipelineMimeType);
    QCOMPARE(contentType(u"renamed"_s), PipelineMimeType);
    QVERIFY(contentType(u"plain"_s) != PipelineMimeType);
}

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
