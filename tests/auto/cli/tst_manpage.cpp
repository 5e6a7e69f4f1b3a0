// The man page and the bash completion that studio-docgen writes from the command table
// (app/cli/docgen), and the version text: the page must name every command and option the
// table has and the real program's --help shows, render without a groff warning, and the
// completion must complete what a user types.
#include "cli/commandline.h"
#include "cli/subcommand.h"
#include "curriculum/curriculumloader.h"
#include "studioversion.h"
#include "support/require.h"
#include "support/studioprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString ManPagePath = QStringLiteral(MLOPS_BINARY_DIR "/share/man/man1/mlops-studio.1");
const QString CompletionPath
    = QStringLiteral(MLOPS_BINARY_DIR "/share/bash-completion/completions/mlops-studio");

struct Output
{
    int exitCode = -1;
    QString out;
    QString err;
};

Output
runTool(const QString &program, const QStringList &arguments, const QString &workingDirectory = {})
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Output output;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return output;
    output.exitCode = process.exitCode();
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    return output;
}

QStringList spellings(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    return names;
}

// The words of a rendered text: option spellings stand alone, without brackets or commas.
QSet<QString> wordsOf(const QString &text)
{
    QSet<QString> words;
    for (const QString &word :
         text.split(QRegularExpression(u"[\\s,\\[\\]|()]+"_s), Qt::SkipEmptyParts)) {
        words.insert(word);
        words.insert(word.chopped(word.endsWith(u'.') || word.endsWith(u':') ? 1 : 0));
    }
    return words;
}

QStringList complete(const QStringList &words, const QString &workingDirectory = {})
{
    // The completion sourced as bash would, then called as bash calls it on Tab.
    const QString code = u"source \"$1\" && COMP_WORDS=(\"${@:3}\") && COMP_CWORD=$2 && "
                         "_mlops_studio && printf '%s\\n' \"${COMPREPLY[@]}\""_s;
    const Output bash = runTool(
        u"bash"_s,
        QStringList{u"-c"_s, code, u"bash"_s, CompletionPath, QString::number(words.size() - 1)}
            + words,
        workingDirectory);
    if (bash.exitCode != 0 || !bash.err.isEmpty())
        return {u"bash failed: "_s + bash.err};
    return bash.out.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestManPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void versionComesFromTheProject();
    void pageRendersWithoutWarnings();
    void pageNamesEveryCommandAndOptionOfTheTable();
    void pageNamesWhatHelpShows();
    void pageHasTheUsualSections();
    void completion_data();
    void completion();
    void completionOffersFiles();

private:
    // The page as man shows it, plain text, or empty (with QSKIP) without groff.
    QString m_page;
    // Where each command's part of the page starts ("pipeline render" → offset), in order.
    QList<std::pair<QString, qsizetype>> m_headings;
    QString commandPart(const QString &command) const;
};

void TestManPage::initTestCase()
{
    QVERIFY2(QFile::exists(ManPagePath), qPrintable(ManPagePath));
    QVERIFY2(QFile::exists(CompletionPath), qPrintable(CompletionPath));
    if (QStandardPaths::findExecutable(u"groff"_s).isEmpty())
        QSKIP("groff is not installed (Debian package groff-base)");
    // Wide lines so that no option is wrapped; the page itself turns hyphenation off.
    const Output rendered
        = runTool(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-P-cbou"_s, u"-rLL=250n"_s, ManPagePath});
    QCOMPARE(rendered.exitCode, 0);
    m_page = rendered.out;
    QVERIFY(!m_page.isEmpty());
    qsizetype from = 0;
    for (const Subcommand &command : CommandLine::commands()) {
        const QString name = command.group + u' ' + command.name;
        // A heading is a line of its own that starts with the command's name.
        const QRegularExpression heading(u"\\n {3}"_s + QRegularExpression::escape(name)
                                         + u"(?: |\\n)"_s);
        const QRegularExpressionMatch match = heading.match(m_page, from);
        QVERIFY2(match.hasMatch(), qPrintable(u"no heading for '%1'"_s.arg(name)));
        m_headings.append({name, match.capturedStart()});
        from = match.capturedEnd();
    }
}

QString TestManPage::commandPart(const QString &command) const
{
    for (qsizetype i = 0; i < m_headings.size(); ++i) {
        if (m_headings.at(i).first != command)
            continue;
        const qsizetype end = i + 1 < m_headings.size() ? m_headings.at(i + 1).second
                                                        : m_page.indexOf(u"\nFILES"_s);
        return m_page.mid(m_headings.at(i).second, end - m_headings.at(i).second);
    }
    return {};
}

void TestManPage::versionComesFromTheProject()
{
    // MLOPS_PROJECT_VERSION is CMake's project(VERSION), given to this test only.
    const QString project = QStringLiteral(MLOPS_PROJECT_VERSION);
    const QString version = StudioVersion::text();
    QVERIFY2(version == project || version.startsWith(project + u'+'), qPrintable(version));

    QTemporaryDir sandbox;
    QVERIFY(sandbox.isValid());
    const StudioRun run = StudioProcess{sandbox.path(), false, {}, {}}.run({u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), u"mlops-studio "_s + version + u'\n');
    // The page's title line carries the same version.
    QFile page(ManPagePath);
    QVERIFY(page.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(page.readAll()).contains(QString(version).replace(u"-"_s, u"\\-"_s)));
}

void TestManPage::pageRendersWithoutWarnings()
{
    // -ww: all warnings; -z: no output. As lintian and `man` would read the page.
    const Output groff
        = runTool(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-z"_s, ManPagePath});
    QCOMPARE(groff.exitCode, 0);
    QVERIFY2(groff.err.isEmpty(), qPrintable(groff.err));
}

void TestManPage::pageNamesEveryCommandAndOptionOfTheTable()
{
    for (const Subcommand &command : CommandLine::commands()) {
        const QString name = command.group + u' ' + command.name;
        const QSet<QString> words = wordsOf(commandPart(name));
        QVERIFY2(words.contains(command.group) && words.contains(command.name), qPrintable(name));
        for (const QString &argument : command.arguments)
            QVERIFY2(words.contains(argument), qPrintable(name + u": "_s + argument));
        for (const QCommandLineOption &option : command.options) {
            for (const QString &spelling : spellings(option))
                QVERIFY2(words.contains(spelling), qPrintable(name + u": "_s + spelling));
            if (!option.valueName().isEmpty())
                QVERIFY2(words.contains(option.valueName()),
                         qPrintable(name + u": "_s + option.valueName()));
        }
    }
    const QSet<QString> page = wordsOf(m_page);
    for (const QCommandLineOption &option : CommandLine::globalOptions())
        for (const QString &spelling : spellings(option))
            QVERIFY2(page.contains(spelling), qPrintable(spelling));
}

// What the real program says, parsed from its help: its command list, and the options each
// command's --help lists. The page must name them all, each command's in its own part (the
// options every command takes, in GLOBAL OPTIONS).
void TestManPage::pageNamesWhatHelpShows()
{
    QTemporaryDir sandbox;
    QVERIFY(sandbox.isValid());
    const StudioProcess studio{sandbox.path(), false, {}, {}};
    const StudioRun help = studio.run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.out);
    const QString list = text.section(u"Commands:\n"_s, 1).section(u"\n\n"_s, 0, 0);
    QStringList commands;
    for (const QString &line : list.split(u'\n', Qt::SkipEmptyParts))
        commands << line.simplified().section(u' ', 0, 1);
    QCOMPARE(commands.size(), CommandLine::commands().size());

    const QString global = m_page.section(u"\nGLOBAL OPTIONS"_s, 1).section(u"\nCOMMANDS"_s, 0, 0);
    const QSet<QString> globalWords = wordsOf(global);
    const QRegularExpression optionSpelling(u"(?:^|[\\s,])(--?[a-zA-Z][a-zA-Z-]*)"_s);
    for (const QString &command : std::as_const(commands)) {
        const QString part = commandPart(command);
        QVERIFY2(!part.isEmpty(), qPrintable(u"the page has no part for "_s + command));
        const QSet<QString> words = wordsOf(part);
        const StudioRun commandHelp = studio.run(command.split(u' ') + QStringList{u"--help"_s});
        QCOMPARE(commandHelp.exitCode, 0);
        const QString options = QString::fromUtf8(commandHelp.out)
                                    .section(u"Options:\n"_s, 1)
                                    .section(u"\n\n"_s, 0, 0);
        QVERIFY2(!options.isEmpty(), qPrintable(command));
        for (const QString &line : options.split(u'\n')) {
            // The option column only: its description may quote other options.
            const QString names = line.trimmed().section(u"  "_s, 0, 0);
            auto matches = optionSpelling.globalMatch(names);
            while (matches.hasNext()) {
                const QString spelling = matches.next().captured(1);
                QVERIFY2(words.contains(spelling) || globalWords.contains(spelling),
                         qPrintable(command + u": "_s + spelling));
            }
        }
    }
}

void TestManPage::pageHasTheUsualSections()
{
    // man-pages(7): the sections a command's page has, in this order.
    qsizetype from = 0;
    for (const QString &section : {u"NAME"_s,
                                   u"SYNOPSIS"_s,
                                   u"DESCRIPTION"_s,
                                   u"GLOBAL OPTIONS"_s,
                                   u"COMMANDS"_s,
                                   u"FILES"_s,
                                   u"ENVIRONMENT"_s,
                                   u"EXIT STATUS"_s,
                                   u"SEE ALSO"_s}) {
        const qsizetype at = m_page.indexOf(u'\n' + section + u'\n', from);
        QVERIFY2(at > 0, qPrintable(section));
        from = at;
    }
    // The exit codes the command line uses (its general help lists them).
    const QString exitStatus
        = m_page.section(u"\nEXIT STATUS\n"_s, 1).section(u"\nSEE ALSO"_s, 0, 0);
    for (const QString &code : {u"0"_s, u"1"_s, u"2"_s})
        QVERIFY2(wordsOf(exitStatus).contains(code), qPrintable(code));
    QVERIFY(m_page.contains(u"MLOPS_STUDIO_DATA_DIR"_s));
    QVERIFY(m_page.contains(u"progress.db"_s));
}

void TestManPage::completion_data()
{
    QTest::addColumn<QStringList>("words"); // the command line; the last word is being completed
    QTest::addColumn<QStringList>("expected");

    const QStringList themes = {u"light"_s, u"dark"_s, u"projector"_s}; // `--help`: the themes
    const QString program = u"mlops-studio"_s;
    QTest::newRow("group") << QStringList{program, u"pip"_s} << QStringList{u"pipeline"_s};
    QTest::newRow("subcommand") << QStringList{program, u"pipeline"_s, u"r"_s}
                                << QStringList{u"render"_s};
    QTest::newRow("option") << QStringList{program, u"pipeline"_s, u"render"_s, u"--th"_s}
                            << QStringList{u"--theme"_s};
    QTest::newRow("theme") << QStringList{program, u"pipeline"_s, u"render"_s, u"--theme"_s, {}}
                           << themes;
    // bash splits --theme=dark at the '=' (COMP_WORDBREAKS).
    QTest::newRow("theme after =")
        << QStringList{program, u"roadmap"_s, u"export"_s, u"--theme"_s, u"="_s, u"d"_s}
        << QStringList{u"dark"_s};
    QTest::newRow("global option first")
        << QStringList{program, u"--data-dir"_s, u"/tmp/d"_s, u"pro"_s}
        << QStringList{u"progress"_s};
    QTest::newRow("status") << QStringList{program, u"progress"_s, u"set"_s, u"x"_s, {}}
                            << QStringList{u"pending"_s, u"learning"_s, u"done"_s, u"skipped"_s};
    QTest::newRow("timer action") << QStringList{program, u"progress"_s, u"timer"_s, u"st"_s}
                                  << QStringList{u"start"_s, u"stop"_s, u"status"_s};
    QTest::newRow("range") << QStringList{program, u"progress"_s, u"stats"_s, u"--range"_s, {}}
                           << QStringList{u"30d"_s, u"90d"_s, u"1y"_s, u"all"_s};
    QTest::newRow("export target")
        << QStringList{program, u"pipeline"_s, u"export"_s, u"--to"_s, u"git"_s}
        << QStringList{u"github-actions"_s, u"gitlab-ci"_s};
    QTest::newRow("import format")
        << QStringList{program, u"pipeline"_s, u"import"_s, u"--from"_s, u"au"_s}
        << QStringList{u"auto"_s};
    QTest::newRow("no value for a flag")
        << QStringList{program, u"pipeline"_s, u"render"_s, u"--transparent"_s, u"--tr"_s}
        << QStringList{u"--transparent"_s};

    // Every topic of the built-in curriculum, for the commands that take a topic id.
    const CurriculumLoader::Result builtIn = CurriculumLoader::loadBuiltIn();
    QVERIFY(builtIn.ok);
    QStringList topics;
    for (const Section &section : builtIn.curriculum.sections)
        for (const Topic &topic : section.topics)
            topics << topic.id;
    QVERIFY(!topics.isEmpty());
    QTest::newRow("topic") << QStringList{program, u"progress"_s, u"log"_s, {}} << topics;
}

void TestManPage::completion()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
        QSKIP("bash is not installed (Debian package bash)");
    QStringList offered = complete(words);
    offered.sort();
    expected.sort();
    QCOMPARE(offered, expected);
}

void TestManPage::completionOffersFiles()
{
    if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
        QSKIP("bash is not installed (Debian package bash)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"ci.mlpipe"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(QDir(dir.path()).mkdir(u"data"_s));
    QCOMPARE(complete({u"mlops-studio"_s, u"pipeline"_s, u"validate"_s, u"c"_s}, dir.path()),
             QStringList{u"ci.mlpipe"_s});
    // --data-dir DIR: directories only.
    QCOMPARE(complete({u"mlops-studio"_s, u"--data-dir"_s, {}}, dir.path()),
             QStringList{u"data"_s});
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
