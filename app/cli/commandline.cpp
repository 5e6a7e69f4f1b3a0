#include "cli/commandline.h"

#include "cli/clicontext.h"
#include "cli/subcommand.h"
#include "support/closestmatches.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineText)
};

} // namespace

namespace CommandLine {

namespace {

const QString DataDirOption = u"data-dir"_s;
const QString CurriculumOption = u"curriculum"_s;

} // namespace

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(DataDirOption,
                           CommandLineText::tr("Keep progress.db in DIR (default: "
                                               "$MLOPS_STUDIO_DATA_DIR, else the "
                                               "application data directory)."),
                           u"DIR"_s),
        QCommandLineOption(CurriculumOption,
                           CommandLineText::tr("Use the curriculum in FILE (.json or "
                                               ".md) instead of the built-in one."),
                           u"FILE"_s),
    };
}

namespace {

// True for an option followed by a value (`--data-dir DIR`, `-o FILE`): the value is not a word.
bool takesValue(const QString &argument)
{
    if (argument == u"--"_s + DataDirOption || argument == u"--"_s + CurriculumOption)
        return true;
    const QString name = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
    for (const Subcommand &command : commands()) {
        for (const QCommandLineOption &option : command.options) {
            if (!option.valueName().isEmpty() && option.names().contains(name))
                return true;
        }
    }
    return false;
}

// The words that are not options or option values: the command and its arguments.
QStringList positionalWords(const QStringList &arguments)
{
    QStringList words;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--"_s) {
            words += arguments.mid(i + 1);
            break;
        }
        if (argument.startsWith(u'-') && argument.size() > 1) {
            if (takesValue(argument))
                ++i;
            continue;
        }
        words << argument;
    }
    return words;
}

QStringList groups()
{
    QStringList names;
    for (const Subcommand &command : commands())
        if (!names.contains(command.group))
            names << command.group;
    return names;
}

QString generalHelp()
{
    QString help
        = CommandLineText::tr(
              "MLOps Roadmap Studio %1: learn MLOps with an interactive roadmap, a "
              "pipeline designer and a progress tracker.\n\n"
              "Usage: %2 [--data-dir DIR] [--curriculum FILE]            open the window\n"
              "       %2 [global options] COMMAND SUBCOMMAND [options] [arguments]\n\n"
              "Commands:\n")
              .arg(QCoreApplication::applicationVersion(), QCoreApplication::applicationName());
    for (const Subcommand &command : commands()) {
        QString usage = command.group + u' ' + command.name;
        for (qsizetype i = 0; i < command.arguments.size(); ++i) {
            const bool optional = i >= command.arguments.size() - command.optionalArguments;
            usage += optional ? u" [%1]"_s.arg(command.arguments.at(i))
                              : u' ' + command.arguments.at(i);
        }
        help += u"  %1 %2\n"_s.arg(usage, -34).arg(command.summary);
    }
    help += CommandLineText::tr(
        "\nGlobal options:\n"
        "  --data-dir DIR       Keep progress.db in DIR (default: $MLOPS_STUDIO_DATA_DIR,\n"
        "                       else the application data directory).\n"
        "  --curriculum FILE    Use a .json or .md curriculum instead of the built-in one.\n"
        "  -h, --help           Show help; `COMMAND SUBCOMMAND --help` shows a command's.\n"
        "  -v, --version        Show the version.\n\n"
        "Exit codes: 0 success, 1 an operation failed, 2 bad usage or bad input.\n");
    return help;
}

int printGeneralHelp()
{
    std::fputs(qPrintable(generalHelp()), stdout);
    return CliContext::Success;
}

// `unknown` says what `word` is not ("unknown command 'x'"); the suggestion or the choices follow.
int unknownWord(const QString &unknown,
                const QString &word,
                const QStringList &known,
                const QString &command = {})
{
    CliContext context(command, {}, {});
    const QStringList suggestions = closestMatches(word, known);
    const QString message
        = suggestions.isEmpty()
              ? CommandLineText::tr("%1 (expected one of: %2)").arg(unknown, known.join(u", "_s))
              : CommandLineText::tr("%1; did you mean '%2'?").arg(unknown, suggestions.first());
    return context.fail(CommandLineText::tr("%1; see --help").arg(message));
}

// What parsing one subcommand's arguments found: an error, a request for help, or the values
// of its positional arguments.
struct ParsedArguments
{
    QString error;
    bool help = false;
    QStringList values;
};

// Parses `arguments` as `command` takes them, into `parser`; runs nothing.
ParsedArguments
parseSubcommand(const Subcommand &command, QCommandLineParser &parser, const QStringList &arguments)
{
    const QString name = command.group + u' ' + command.name;
    parser.setApplicationDescription(command.summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(globalOptions());
    parser.addOptions(command.options);
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(name, QString(), name);
    for (qsizetype i = 0; i < command.arguments.size(); ++i) {
        const bool optional = i >= command.arguments.size() - command.optionalArguments;
        const QString syntax
            = optional ? u"[%1]"_s.arg(command.arguments.at(i)) : command.arguments.at(i);
        parser.addPositionalArgument(
            command.arguments.at(i), command.argumentHelp.value(i), syntax);
    }

    ParsedArguments parsed;
    if (!parser.parse(QStringList{QCoreApplication::applicationName()} + arguments)) {
        parsed.error = CommandLineText::tr("%1; see `%2 --help`").arg(parser.errorText(), name);
        return parsed;
    }
    parsed.help = parser.isSet(help);
    if (parsed.help)
        return parsed;
    // The first two positional words are the group and the command name.
    parsed.values = parser.positionalArguments().mid(2);
    const qsizetype required = command.arguments.size() - command.optionalArguments;
    if (parsed.values.size() < required) {
        parsed.error = CommandLineText::tr("missing %1; usage: %2 %3")
                           .arg(command.arguments.at(parsed.values.size()),
                                name,
                                command.arguments.join(u' '));
    } else if (parsed.values.size() > command.arguments.size()) {
        parsed.error = CommandLineText::tr("unexpected argument '%1'")
                           .arg(parsed.values.at(command.arguments.size()));
    }
    for (const QString &option : {DataDirOption, CurriculumOption}) {
        if (parsed.error.isEmpty() && parser.isSet(option) && parser.value(option).isEmpty())
            parsed.error = CommandLineText::tr("--%1 needs a non-empty value").arg(option);
    }
    return parsed;
}

int runSubcommand(const Subcommand &command, const QStringList &arguments)
{
    const QString name = command.group + u' ' + command.name;
    QCommandLineParser parser;
    const ParsedArguments parsed = parseSubcommand(command, parser, arguments);
    if (!parsed.error.isEmpty()) {
        CliContext context(name, {}, {});
        return context.fail(parsed.error);
    }
    if (parsed.help) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return CliContext::Success;
    }
    CliContext runContext(name, parser.value(DataDirOption), parser.value(CurriculumOption));
    return command.run(runContext, parser, parsed.values);
}

} // namespace

// `mlops-studio pipeline.mlpipe` (or a workflow file, any pipeline Open takes) opens the file in
// the window, as a file manager would. A command group's name is a command even when a file of
// that name exists.
static bool isPipelineFileArgument(const QStringList &words)
{
    if (words.size() != 1)
        return false;
    const QString &word = words.first();
    if (word.endsWith(u".mlpipe"_s, Qt::CaseInsensitive))
        return true;
    for (const Subcommand &command : commands())
        if (command.group == word)
            return false;
    return QFileInfo(word).isFile();
}

bool wantsCommandLine(const QStringList &arguments)
{
    const QStringList words = positionalWords(arguments);
    if (!words.isEmpty() && !isPipelineFileArgument(words))
        return true;
    for (const QString &argument : arguments) {
        if (!argument.startsWith(u"--"_s))
            continue;
        const QString name = argument.mid(2).section(u'=', 0, 0);
        if (name != DataDirOption && name != CurriculumOption)
            return true;
    }
    // Single-dash options (-h, -v, -x) are not GUI options either.
    for (const QString &argument : arguments)
        if (argument.startsWith(u'-') && !argument.startsWith(u"--"_s))
            return true;
    return false;
}

bool needsGuiApplication(const QStringList &arguments)
{
    const QStringList words = positionalWords(arguments);
    if (words.size() < 2)
        return false;
    return (words.at(0) == u"roadmap"_s && words.at(1) == u"export"_s)
           || (words.at(0) == u"pipeline"_s && words.at(1) == u"render"_s);
}

GuiOptions guiOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(globalOptions());
    parser.parse(QStringList{QCoreApplication::applicationName()} + arguments);
    const QStringList words = positionalWords(arguments);
    return {parser.value(DataDirOption),
            parser.value(CurriculumOption),
            isPipelineFileArgument(words) ? words.first() : QString()};
}

int run(const QStringList &arguments)
{
    const QStringList words = positionalWords(arguments);
    if (words.isEmpty()) {
        QCommandLineParser parser;
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOptions(globalOptions());
        const QCommandLineOption help = parser.addHelpOption();
        const QCommandLineOption version = parser.addVersionOption();
        if (!parser.parse(QStringList{QCoreApplication::applicationName()} + arguments)) {
            CliContext context({}, {}, {});
            return context.fail(CommandLineText::tr("%1; see --help").arg(parser.errorText()));
        }
        if (parser.isSet(version)) {
            std::fputs(qPrintable(u"%1 %2\n"_s.arg(QCoreApplication::applicationName(),
                                                   QCoreApplication::applicationVersion())),
                       stdout);
            return CliContext::Success;
        }
        return printGeneralHelp();
    }

    const QString &group = words.first();
    if (!groups().contains(group))
        return unknownWord(CommandLineText::tr("unknown command '%1'").arg(group), group, groups());
    QStringList names;
    for (const Subcommand &command : commands()) {
        if (command.group != group)
            continue;
        names << command.name;
        if (words.size() > 1 && words.at(1) == command.name)
            return runSubcommand(command, arguments);
    }
    if (words.size() < 2) {
        if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s))
            return printGeneralHelp();
        CliContext context(group, {}, {});
        return context.fail(CommandLineText::tr("missing subcommand (one of: %1); see --help")
                                .arg(names.join(u", "_s)));
    }
    return unknownWord(
        CommandLineText::tr("unknown subcommand '%1'").arg(words.at(1)), words.at(1), names, group);
}

QString usageError(const QStringList &arguments)
{
    if (!wantsCommandLine(arguments))
        return {};
    const QStringList words = positionalWords(arguments);
    if (words.isEmpty()) {
        QCommandLineParser parser;
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOptions(globalOptions());
        parser.addHelpOption();
        parser.addVersionOption();
        return parser.parse(QStringList{QCoreApplication::applicationName()} + arguments)
                   ? QString()
                   : parser.errorText();
    }
    for (const Subcommand &command : commands()) {
        if (words.size() > 1 && command.group == words.at(0) && command.name == words.at(1)) {
            QCommandLineParser parser;
            return parseSubcommand(command, parser, arguments).error;
        }
    }
    return CommandLineText::tr("unknown command '%1'").arg(words.mid(0, 2).join(u' '));
}

QList<Subcommand> commands()
{
    return curriculumCommands() + progressCommands() + progressReportCommands() + quizCommands()
           + dbCommands() + roadmapCommands() + pipelineCommands();
}

} // namespace CommandLine
