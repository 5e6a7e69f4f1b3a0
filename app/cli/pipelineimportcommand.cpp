#include "cli/clicontext.h"
#include "cli/pipelineinput.h"
#include "cli/subcommand.h"
#include "pipeline/pipelinefile.h"
#include "support/atomicfile.h"
#include "support/closestmatches.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

// `pipeline import FILE [--from FORMAT] -o OUT.mlpipe`: another engine's pipeline as a .mlpipe
// file (README "Opening other pipelines").
namespace {

struct ImportCommandText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineImportCommand)
};

// --from: "auto" (nothing forced) or a format id; false (reported) for anything else.
bool readFormat(CliContext &context,
                const QCommandLineParser &parser,
                std::optional<PipelineImport::Format> *format)
{
    const QString value = parser.value(u"from"_s);
    if (value.isEmpty() || value == u"auto"_s)
        return true;
    *format = PipelineImport::formatFromId(value);
    if (*format)
        return true;
    const QStringList ids = PipelineImport::formatIds();
    const QStringList near = closestMatches(value, ids, 1);
    context.fail(
        near.isEmpty()
            ? ImportCommandText::tr("--from '%1': unknown format (expected auto or one of: "
                                    "%2)")
                  .arg(value, ids.join(u", "_s))
            : ImportCommandText::tr("--from '%1': unknown format; did you mean '%2'?")
                  .arg(value, near.first()));
    return false;
}

// The output: given, not the source itself, not an existing file unless --force.
QString checkOutput(CliContext &context, const QCommandLineParser &parser, const QString &source)
{
    QString output = parser.value(u"output"_s);
    if (output.isEmpty()) {
        context.fail(ImportCommandText::tr("missing -o FILE: the .mlpipe file to write"));
        return {};
    }
    const QFileInfo out(output), in(source);
    if (out.exists() && in.exists() && out.canonicalFilePath() == in.canonicalFilePath()) {
        context.fail(
            ImportCommandText::tr("-o %1: is the file being imported; the import never writes over "
                                  "its source")
                .arg(QDir::toNativeSeparators(output)));
        return {};
    }
    if (out.exists() && !parser.isSet(u"force"_s)) {
        context.fail(ImportCommandText::tr("-o %1: already exists; pass --force to replace it")
                         .arg(QDir::toNativeSeparators(output)));
        return {};
    }
    if (const QString problem = AtomicFile::checkOutputPath(output); !problem.isEmpty()) {
        context.fail(u"-o "_s + problem);
        return {};
    }
    return output;
}

int importPipeline(CliContext &context,
                   const QCommandLineParser &parser,
                   const QStringList &arguments)
{
    const QString &path = arguments.at(0);
    std::optional<PipelineImport::Format> format;
    if (!readFormat(context, parser, &format))
        return CliContext::BadInput;
    const QString output = checkOutput(context, parser, path);
    if (output.isEmpty())
        return CliContext::BadInput;
    const std::optional<PipelineImport::Result> read = readPipelineArgument(context, path, format);
    if (!read)
        return CliContext::BadInput;
    if (!read->imported)
        return context.fail(
            ImportCommandText::tr("%1: already a pipeline file (.mlpipe): nothing to import")
                .arg(QDir::toNativeSeparators(path)));
    const PipelineFile::ReadResult &pipeline = read->pipeline;
    QString error;
    const QByteArray json = PipelineFile::write(
        pipeline.nodes, pipeline.edges, pipeline.annotations, pipeline.source);
    if (!PipelineFile::save(output, json, &error))
        return context.fail(error, CliContext::Failure);
    return context.succeed(ImportCommandText::tr("Imported %1 (%2) to %3: %n job(s)",
                                                 nullptr,
                                                 int(pipeline.nodes.size()))
                               .arg(QDir::toNativeSeparators(path),
                                    PipelineImport::formatName(read->format),
                                    QDir::toNativeSeparators(output)));
}

} // namespace

Subcommand pipelineImportCommand()
{
    Subcommand command;
    command.group = u"pipeline"_s;
    command.name = u"import"_s;
    command.summary
        = ImportCommandText::tr("Turn a GitHub Actions workflow (and other engines' pipelines) "
                                "into a .mlpipe file.");
    command.arguments = {u"FILE"_s};
    command.argumentHelp
        = {ImportCommandText::tr("The pipeline file to import (never written to).")};
    command.options = {
        QCommandLineOption(
            u"from"_s,
            ImportCommandText::tr("The format: auto (from the content, the default) or one of "
                                  "%1.")
                .arg(PipelineImport::formatIds().join(u", "_s)),
            u"FORMAT"_s),
        QCommandLineOption(
            {u"o"_s, u"output"_s}, ImportCommandText::tr("The .mlpipe file to write."), u"FILE"_s),
        QCommandLineOption(u"force"_s,
                           ImportCommandText::tr("Replace the output file if it exists.")),
    };
    command.values = {{u"from"_s, QStringList{u"auto"_s} + PipelineImport::formatIds()}};
    command.run = importPipeline;
    return command;
}
