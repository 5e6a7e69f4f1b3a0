#include "cli/clicontext.h"
#include "cli/pipelinefindings.h"
#include "cli/pipelineinput.h"
#include "cli/subcommand.h"
#include "orchestrator/orchestratorexport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "support/atomicfile.h"
#include "support/closestmatches.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The context of every `pipeline` command's texts, as in pipelinecommands.cpp.
struct PipelineExportText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineCommands)
};

QStringList targetIds()
{
    QStringList ids;
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets())
        ids << target.id;
    return ids;
}

std::optional<ExportTarget> readTarget(CliContext &context, const QCommandLineParser &parser)
{
    const QString id = parser.value(u"to"_s);
    const QString expected
        = PipelineExportText::tr("expected one of: %1").arg(targetIds().join(u", "_s));
    if (id.isEmpty()) {
        context.fail(PipelineExportText::tr("missing --to TARGET (%1)").arg(expected));
        return std::nullopt;
    }
    const std::optional<ExportTarget> target = OrchestratorExport::targetFromId(id);
    if (!target) {
        const QStringList close = closestMatches(id, targetIds());
        context.fail(
            PipelineExportText::tr("--to '%1': unknown target; %2")
                .arg(id,
                     close.isEmpty()
                         ? expected
                         : PipelineExportText::tr("did you mean '%1'?").arg(close.first())));
    }
    return target;
}

// The refusal: each error as `pipeline validate` words it, then the one-line summary.
int refuse(CliContext &context,
           const QString &path,
           const QList<PipelineNode> &nodes,
           const QList<PipelineFinding> &problems)
{
    const PipelineFindingText text(path, nodes);
    for (const PipelineFinding &finding : problems)
        std::fputs(qPrintable(text.line(finding) + u'\n'), stderr);
    return context.fail(
        PipelineExportText::tr("%1: not exported: the pipeline has %n error(s) (see above)",
                               nullptr,
                               int(problems.size()))
            .arg(path),
        CliContext::Failure);
}

int exportPipeline(CliContext &context,
                   const QCommandLineParser &parser,
                   const QStringList &arguments)
{
    const std::optional<ExportTarget> target = readTarget(context, parser);
    if (!target)
        return CliContext::BadInput;
    const QString output = parser.value(u"output"_s);
    if (output.isEmpty())
        return context.fail(
            PipelineExportText::tr("missing -o FILE (or -o - for standard output)"));
    const bool toStdout = output == u"-"_s;
    if (!toStdout) {
        const QString problem = AtomicFile::checkOutputPath(output);
        if (!problem.isEmpty())
            return context.fail(problem);
    }
    const QString &path = arguments.at(0);
    const std::optional<PipelineImport::Result> opened = readPipelineArgument(context, path);
    if (!opened)
        return CliContext::BadInput;
    const PipelineFile::ReadResult &read = opened->pipeline;

    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations, read.source);
    const OrchestratorExport::Result result
        = OrchestratorExport::exportPipeline(graph, QFileInfo(path).completeBaseName(), *target);
    if (!result.ok())
        return refuse(context, QDir::toNativeSeparators(path), read.nodes, result.problems);
    // What the export leaves out, as `pipeline import` words its warnings: before the files, so
    // a script reading standard output still gets only the export.
    for (const QString &note : result.notCarried)
        std::fputs(
            qPrintable(
                PipelineExportText::tr("%1: warning: %2").arg(QDir::toNativeSeparators(path), note)
                + u'\n'),
            stderr);

    const QList<ExportedFile> &files = result.files;
    if (toStdout) {
        if (files.size() > 1) {
            QStringList names;
            for (const ExportedFile &file : files)
                names << file.fileName;
            return context.fail(
                PipelineExportText::tr("-o -: this export is %n file(s) (%1); give -o a path",
                                       nullptr,
                                       int(files.size()))
                    .arg(names.join(u", "_s)));
        }
        std::fwrite(files.first().contents.constData(), 1, files.first().contents.size(), stdout);
        return CliContext::Success;
    }
    QStringList paths;
    if (const QString problem = AtomicFile::checkFileSet(output, files, &paths); !problem.isEmpty())
        return context.fail(problem);
    QString error;
    if (!AtomicFile::writeFileSet(paths, files, &error))
        return context.fail(error, CliContext::Failure);

    QStringList written;
    for (const QString &file : std::as_const(paths))
        written << QDir::toNativeSeparators(file);
    return context.succeed(PipelineExportText::tr("Exported %1 to %2 (%3, %n stage(s))",
                                                  nullptr,
                                                  int(read.nodes.size()))
                               .arg(QDir::toNativeSeparators(path),
                                    written.join(PipelineExportText::tr(" and ")),
                                    OrchestratorExport::info(*target).name));
}

} // namespace

Subcommand pipelineExportCommand()
{
    Subcommand command;
    command.group = u"pipeline"_s;
    command.name = u"export"_s;
    command.summary = PipelineExportText::tr(
        "Export a pipeline to Argo Workflows, Airflow, GitHub Actions, GitLab CI/CD "
        "or DVC (exit 1 on errors).");
    command.arguments = {u"FILE"_s};
    command.argumentHelp = {pipelineFileHelp()};
    command.options = {
        QCommandLineOption(
            u"to"_s,
            PipelineExportText::tr("argo, airflow, github-actions, gitlab-ci or dvc."),
            u"TARGET"_s),
        QCommandLineOption(
            {u"o"_s, u"output"_s},
            PipelineExportText::tr("Write to FILE (- for standard output); DVC also writes "
                                   "params.yaml beside it."),
            u"FILE"_s),
    };
    command.values = {{u"to"_s, targetIds()}};
    command.run = exportPipeline;
    return command;
}
