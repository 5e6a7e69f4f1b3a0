#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

struct Subcommand;

// The git-style command line: `mlops-studio [--data-dir DIR] [--curriculum FILE] GROUP COMMAND
// [options] [arguments]`. Global options may come before or after the command.
// `mlops-studio FILE.mlpipe` opens the window with that pipeline.
namespace CommandLine {

struct GuiOptions
{
    QString dataDir;
    QString curriculum;
    QString pipelineFile; // a .mlpipe to open, when given as the only argument
};

// True when the arguments (without the program name) ask for the command line, not the GUI:
// any command word, --help or --version, or an option the GUI does not take.
bool wantsCommandLine(const QStringList &arguments);
// True for a command that draws (roadmap export): it needs a QGuiApplication for fonts and
// painting, though it opens no window.
bool needsGuiApplication(const QStringList &arguments);
// The options the GUI takes (--data-dir, --curriculum).
GuiOptions guiOptions(const QStringList &arguments);
// Runs a command; returns the process exit code. Needs a QCoreApplication.
int run(const QStringList &arguments);
// Why run() would refuse the arguments before running anything (an unknown command or option, a
// missing or extra argument), as it would say it; empty when they are a command of the table or
// open the window. Runs nothing, so the manual's command lines can be checked against the table.
QString usageError(const QStringList &arguments);

// The command table, in the order --help lists it, and the options every command takes: what the
// man page and the bash completion are generated from (app/cli/docgen).
QList<Subcommand> commands();
QList<QCommandLineOption> globalOptions();

} // namespace CommandLine
