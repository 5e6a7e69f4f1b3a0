// Every `mlops-studio …` command line the README and the manual (docs/*.md) show in a code block
// is one the program takes: parsed by the command line's own parser against its command table
// (CommandLine::usageError), without running it. The lines come from the pages.
#include "cli/commandline.h"
#include "support/manualpages.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct CommandLineExample
{
    QString page;
    int line = 0;
    QString text;
};

// The languages of blocks that hold shell commands (an unlabelled block shows a terminal or a
// synopsis); a yaml or python block's lines are file contents.
bool isShellBlock(const QString &language)
{
    return language.isEmpty() || language == u"sh"_s || language == u"console"_s
           || language == u"bash"_s;
}

// `mlops-studio …`, `$ mlops-studio …` or `build/bin/mlops-studio …`, without the prompt.
QString commandLine(const QString &line)
{
    static const QRegularExpression command(u"^(?:\\$\\s+)?(?:\\S*/)?mlops-studio(?:\\s|$)"_s);
    const QString trimmed = line.trimmed();
    return command.match(trimmed).hasMatch() ? trimmed.mid(trimmed.indexOf(u"mlops-studio"_s))
                                             : QString();
}

// What follows the command on its line is no part of it: a `# comment`, or a description set
// off by three spaces or more ("… [--curriculum FILE]           open the window").
QString withoutComment(const QString &line)
{
    static const QRegularExpression comment(u"(\\s#|\\s{3,}).*$"_s);
    QString text = line;
    text.remove(comment);
    return text.trimmed();
}

QList<CommandLineExample> examples()
{
    QList<CommandLineExample> found;
    for (const QString &page : ManualPages::paths()) {
        for (const ManualPages::CodeBlock &block :
             ManualPages::codeBlocks(ManualPages::read(page))) {
            if (!isShellBlock(block.language))
                continue;
            for (const ManualPages::Line &line : block.lines) {
                const QString command = commandLine(line.text);
                const QString rest = line.text.trimmed();
                if (!command.isEmpty()) {
                    found << CommandLineExample{page, line.number, withoutComment(command)};
                } else if (!found.isEmpty() && found.last().page == page
                           && line.text.startsWith(u' ')
                           && (rest.startsWith(u'[') || rest.startsWith(u'-'))) {
                    // A synopsis continued on the next line, indented under its command.
                    found.last().text += u' ' + withoutComment(rest);
                }
            }
        }
    }
    return found;
}

// A synopsis stands for command lines: `[…]` is optional (taken), `…` repeats (left out) and
// `a|b` is a choice (each taken in turn). Returns the argument lists, without the program.
QList<QStringList> expand(const QString &synopsis)
{
    QString text = synopsis;
    text.remove(u'[').remove(u']').remove(u'…');
    QStringList words = QProcess::splitCommand(text);
    words.removeFirst(); // mlops-studio
    QList<QStringList> lines{QStringList()};
    for (const QString &word : std::as_const(words)) {
        // A quoted word is text ("Feast: online and offline stores"), never a choice.
        const bool quoted = synopsis.contains(u'"' + word + u'"');
        const QStringList choices = quoted ? QStringList{word} : word.split(u'|');
        QList<QStringList> next;
        for (const QStringList &line : std::as_const(lines))
            for (const QString &choice : choices)
                next << (QStringList(line) << choice);
        lines = next;
    }
    return lines;
}

} // namespace

class TestDocumentedCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theParserRefusesWhatTheTableLacks_data();
    void theParserRefusesWhatTheTableLacks();
    void documentedCommandsParse_data();
    void documentedCommandsParse();

private:
    QTemporaryDir m_folder;
};

void TestDocumentedCommands::initTestCase()
{
    // `mlops-studio FILE` opens FILE in the window when FILE is a file; the pages' examples name
    // files the reader has, so they exist here, in an empty folder of this test's own.
    QVERIFY(m_folder.isValid());
    QVERIFY(QDir::setCurrent(m_folder.path()));
}

// The check below can fail: the same parser refuses a command the table does not have, an
// option a command does not take and a missing argument.
void TestDocumentedCommands::theParserRefusesWhatTheTableLacks_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown subcommand") << QStringList{u"progress"_s, u"sett"_s};
    QTest::newRow("unknown command") << QStringList{u"roadmaps"_s, u"export"_s};
    QTest::newRow("unknown option")
        << QStringList{u"pipeline"_s, u"render"_s, u"a.mlpipe"_s, u"--colour"_s, u"red"_s};
    QTest::newRow("missing argument") << QStringList{u"progress"_s, u"set"_s, u"mlops-overview"_s};
    QTest::newRow("extra argument") << QStringList{u"progress"_s, u"show"_s, u"mlops-overview"_s};
    QTest::newRow("option without its value") << QStringList{u"roadmap"_s, u"export"_s, u"-o"_s};
}

void TestDocumentedCommands::theParserRefusesWhatTheTableLacks()
{
    QFETCH(QStringList, arguments);
    QVERIFY(!CommandLine::usageError(arguments).isEmpty());
}

void TestDocumentedCommands::documentedCommandsParse_data()
{
    QTest::addColumn<QStringList>("arguments");
    int count = 0;
    for (const CommandLineExample &example : examples()) {
        // The general form, `mlops-studio [global options] COMMAND SUBCOMMAND [options]
        // [arguments]`, names no command.
        if (example.text.contains(u"COMMAND SUBCOMMAND"_s))
            continue;
        for (const QStringList &arguments : expand(example.text)) {
            if (arguments.size() == 1 && arguments.first().contains(u'.')) {
                QFile file(arguments.first());
                QVERIFY(file.open(QIODevice::WriteOnly));
            }
            QTest::addRow("%s:%d %s",
                          qPrintable(ManualPages::shortPath(example.page)),
                          example.line,
                          qPrintable(arguments.join(u' ')))
                << arguments;
            ++count;
        }
    }
    // The README's most used commands alone are more.
    QVERIFY(count >= 20);
}

void TestDocumentedCommands::documentedCommandsParse()
{
    QFETCH(QStringList, arguments);
    const QString error = CommandLine::usageError(arguments);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDocumentedCommands)
#include "tst_documentedcommands.moc"
