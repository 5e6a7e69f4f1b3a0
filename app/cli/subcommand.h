#pragma once

#include <QCommandLineOption>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class CliContext;
class QCommandLineParser;

// One `mlops-studio GROUP NAME …` command: its help, its options and what it runs.
struct Subcommand
{
    QString group;         // "curriculum", "progress", "quiz", "db", "roadmap", "pipeline"
    QString name;          // "show", "set" …
    QString summary;       // one line for the command list
    QStringList arguments; // positional argument names, e.g. {"TOPIC_ID", "STATUS"}
    QStringList argumentHelp;
    int optionalArguments = 0; // how many of the trailing arguments may be left out
    QList<QCommandLineOption> options;
    // The values an option or a positional argument takes when they are a fixed set, from the
    // list the command checks them against: option name or argument name → values, e.g.
    // {"theme", {"light", "dark", "projector"}}, {"STATUS", {"pending", …}}. The bash
    // completion offers them (app/cli/docgen).
    QHash<QString, QStringList> values;
    std::function<int(CliContext &, const QCommandLineParser &, const QStringList &)> run;
};

QList<Subcommand> curriculumCommands();
QList<Subcommand> progressCommands();
QList<Subcommand> progressReportCommands();
QList<Subcommand> dbCommands();
QList<Subcommand> roadmapCommands();
QList<Subcommand> pipelineCommands();
QList<Subcommand> quizCommands();   // quizcommands.cpp
Subcommand pipelineExportCommand(); // pipelineexportcommand.cpp
Subcommand pipelineImportCommand(); // pipelineimportcommand.cpp
Subcommand studyTimerCommand();     // studytimercommand.cpp
