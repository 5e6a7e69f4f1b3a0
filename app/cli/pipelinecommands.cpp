#include "cli/clicontext.h"
#include "cli/imageexportarguments.h"
#include "cli/pipelinefindings.h"
#include "cli/pipelineinput.h"
#include "cli/subcommand.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinediagramexporter.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelinevalidator.h"
#include "support/atomicfile.h"
#include "theme/studiotheme.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct PipelineCommands
{
    Q_DECLARE_TR_FUNCTIONS(PipelineCommands)
};

QJsonArray portsJson(const QList<PortSpec> &ports, bool inputs)
{
    QJsonArray array;
    for (const PortSpec &port : ports) {
        QJsonObject object{{u"name"_s, port.name},
                           {u"type"_s, ArtifactTypes::toString(port.type)},
                           {u"description"_s, port.description}};
        if (inputs)
            object.insert(u"required"_s, port.required);
        array.append(object);
    }
    return array;
}

QJsonObject kindJson(const NodeKind &kind)
{
    return {{u"id"_s, kind.id},
            {u"name"_s, kind.name},
            {u"category"_s, kind.category},
            {u"description"_s, kind.description},
            {u"inputs"_s, portsJson(kind.inputs, true)},
            {u"outputs"_s, portsJson(kind.outputs, false)},
            {u"requiresOneOf"_s, QJsonArray::fromStringList(kind.requiresOneOf)},
            {u"tools"_s, QJsonArray::fromStringList(kind.tools)},
            {u"image"_s, kind.image},
            {u"command"_s, QJsonArray::fromStringList(kind.command)},
            {u"topics"_s, QJsonArray::fromStringList(kind.topics)}};
}

QString portsText(const QList<PortSpec> &ports, bool inputs)
{
    QStringList parts;
    for (const PortSpec &port : ports) {
        parts << u"%1: %2%3"_s.arg(port.name,
                                   ArtifactTypes::toString(port.type),
                                   inputs && !port.required ? PipelineCommands::tr(" (optional)")
                                                            : QString());
    }
    return parts.isEmpty() ? u"—"_s : parts.join(u", "_s);
}

int listKinds(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    const NodeCatalog &catalog = NodeCatalog::builtIn();
    if (parser.isSet(u"json"_s)) {
        QJsonArray kinds;
        for (const NodeKind &kind : catalog.kinds())
            kinds.append(kindJson(kind));
        context.out() << QJsonDocument(QJsonObject{{u"kinds"_s, kinds}}).toJson();
        return CliContext::Success;
    }
    for (const NodeKind &kind : catalog.kinds()) {
        context.out() << u"%1  %2  [%3]\n"_s.arg(kind.id, kind.name, kind.category);
        context.out() << PipelineCommands::tr("   in:     %1\n   out:    %2\n")
                             .arg(portsText(kind.inputs, true), portsText(kind.outputs, false));
        context.out() << PipelineCommands::tr("   tools:  %1\n   image:  %2\n   topics: %3\n")
                             .arg(kind.tools.join(u", "_s), kind.image, kind.topics.join(u", "_s));
    }
    return CliContext::Success;
}

int listTemplates(CliContext &context)
{
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        context.out() << u"%1  %2: %3\n"_s.arg(pipelineTemplate.id, -20)
                             .arg(pipelineTemplate.name, pipelineTemplate.description);
    }
    return CliContext::Success;
}

int newPipeline(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    if (parser.isSet(u"list"_s))
        return listTemplates(context);
    const QString names = PipelineTemplates::ids().join(u", "_s);
    const QString name = parser.value(u"template"_s);
    const QString output = parser.value(u"output"_s);
    if (name.isEmpty())
        return context.fail(
            PipelineCommands::tr("missing --template NAME (one of: %1; --list describes them)")
                .arg(names));
    const PipelineTemplate *pipelineTemplate = PipelineTemplates::find(name);
    if (!pipelineTemplate)
        return context.fail(
            PipelineCommands::tr("--template '%1': unknown template (expected one of: %2)")
                .arg(name, names));
    if (output.isEmpty())
        return context.fail(PipelineCommands::tr("missing -o FILE: where to write the pipeline"));
    if (QFileInfo::exists(output) && !parser.isSet(u"force"_s))
        return context.fail(
            PipelineCommands::tr("-o %1: already exists; pass --force to replace it").arg(output));
    // A path that cannot be written is bad input (exit 2); a failure while writing is not.
    if (const QString problem = AtomicFile::checkOutputPath(output); !problem.isEmpty())
        return context.fail(u"-o "_s + problem);

    const PipelineFile::ReadResult read
        = PipelineTemplates::load(*pipelineTemplate, NodeCatalog::builtIn());
    if (!read.ok)
        return context.fail(read.errorMessage, CliContext::Failure);
    QString error;
    if (!PipelineFile::save(
            output, PipelineFile::write(read.nodes, read.edges, read.annotations), &error))
        return context.fail(u"-o "_s + error, CliContext::Failure);
    context.out() << PipelineCommands::tr("%1: %2 (%3, %4)\n")
                         .arg(output,
                              pipelineTemplate->name,
                              PipelineCommands::tr("%n stage(s)", nullptr, int(read.nodes.size())),
                              PipelineCommands::tr("%n edge(s)", nullptr, int(read.edges.size())));
    return CliContext::Success;
}

int validateFile(CliContext &context,
                 const QCommandLineParser &parser,
                 const QStringList &arguments)
{
    const QString &path = arguments.at(0);
    const std::optional<PipelineImport::Result> opened = readPipelineArgument(context, path);
    if (!opened)
        return CliContext::BadInput;
    const PipelineFile::ReadResult &read = opened->pipeline;
    const QList<PipelineFinding> findings
        = validatePipeline(read.nodes, read.edges, NodeCatalog::builtIn());
    const PipelineFindingText text(path, read.nodes);
    const qsizetype errors
        = std::count_if(findings.cbegin(), findings.cend(), [](const PipelineFinding &finding) {
              return finding.severity == PipelineFinding::Severity::Error;
          });
    if (parser.isSet(u"json"_s)) {
        QJsonArray listed;
        for (const PipelineFinding &finding : findings)
            listed.append(text.json(finding));
        QJsonArray notes;
        for (const PipelineImport::Note &note : opened->warnings)
            notes.append(QJsonObject{{u"line"_s, note.line}, {u"message"_s, note.message}});
        const QString format
            = opened->imported ? PipelineImport::formatId(opened->format) : u"mlpipe"_s;
        context.out() << QJsonDocument(QJsonObject{{u"file"_s, path},
                                                   {u"format"_s, format},
                                                   {u"stages"_s, read.nodes.size()},
                                                   {u"edges"_s, read.edges.size()},
                                                   {u"errors"_s, errors},
                                                   {u"warnings"_s, findings.size() - errors},
                                                   {u"findings"_s, listed},
                                                   {u"importWarnings"_s, notes}})
                             .toJson();
    } else {
        for (const PipelineFinding &finding : findings)
            context.out() << text.line(finding) << u'\n';
    }
    return errors > 0 ? CliContext::Failure : CliContext::Success;
}

using DiagramFormat = PipelineDiagramOptions::Format;

// --arrange rows|one-row: Auto-arrange before drawing (Mermaid lays its text out itself).
bool readArrangement(CliContext &context,
                     const QCommandLineParser &parser,
                     DiagramFormat format,
                     PipelineDiagramOptions *options)
{
    if (format == DiagramFormat::Mermaid) {
        context.fail(PipelineCommands::tr("--arrange needs a .png, .svg or .pdf file"));
        return false;
    }
    const QString value = parser.value(u"arrange"_s);
    if (value == u"rows"_s) {
        options->arrangement = PipelineArrangement::Shape::Rows;
    } else if (value == u"one-row"_s) {
        options->arrangement = PipelineArrangement::Shape::OneRow;
    } else {
        context.fail(
            PipelineCommands::tr("--arrange: '%1' is not a shape; use rows or one-row").arg(value));
        return false;
    }
    return true;
}

bool readRenderOptions(CliContext &context,
                       const QCommandLineParser &parser,
                       PipelineDiagramOptions *options)
{
    using namespace ImageExportArguments;
    const std::optional<DiagramFormat> format = readOutputFormat(
        context,
        parser,
        {DiagramFormat::Png, DiagramFormat::Svg, DiagramFormat::Pdf, DiagramFormat::Mermaid});
    if (!format || !checkPngOnly(context, parser, {u"scale"_s, u"transparent"_s}, *format))
        return false;
    options->format = *format;
    if (parser.isSet(u"border"_s) && *format == DiagramFormat::Mermaid) {
        context.fail(PipelineCommands::tr("--border needs a .png, .svg or .pdf file"));
        return false;
    }
    if (parser.isSet(u"theme"_s) && *format == DiagramFormat::Mermaid) {
        context.fail(PipelineCommands::tr("--theme needs a .png, .svg or .pdf file"));
        return false;
    }
    if (parser.isSet(u"arrange"_s) && !readArrangement(context, parser, *format, options))
        return false;
    options->transparent = parser.isSet(u"transparent"_s);
    if (parser.isSet(u"theme"_s))
        options->themeId = parser.value(u"theme"_s);
    using Options = PipelineDiagramOptions;
    return readNumber(context, parser, u"scale"_s, 0, Options::MaxScale, false, &options->scale)
           && readNumber(
               context, parser, u"border"_s, 0, Options::MaxBorder, true, &options->border);
}

int renderPipeline(CliContext &context,
                   const QCommandLineParser &parser,
                   const QStringList &arguments)
{
    PipelineDiagramOptions options;
    if (!readRenderOptions(context, parser, &options))
        return CliContext::BadInput;
    const QString problem = options.validate();
    if (!problem.isEmpty())
        return context.fail(problem);
    const QString output = parser.value(u"output"_s);
    const QString pathProblem = AtomicFile::checkOutputPath(output);
    if (!pathProblem.isEmpty())
        return context.fail(pathProblem);
    const std::optional<PipelineImport::Result> opened
        = readPipelineArgument(context, arguments.at(0));
    if (!opened)
        return CliContext::BadInput;
    const PipelineFile::ReadResult &read = opened->pipeline;

    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations, read.source);
    PipelineDiagramExporter exporter(graph, options);
    if (!exporter.exportTo(output))
        return context.fail(exporter.errorString(), CliContext::Failure);
    return context.succeed(
        PipelineCommands::tr("Rendered %1 to %2 (%3)")
            .arg(QDir::toNativeSeparators(arguments.at(0)),
                 QDir::toNativeSeparators(output),
                 ImageExportArguments::summary(options.format, exporter.outputSize(), 1)));
}

} // namespace

QList<Subcommand> pipelineCommands()
{
    Subcommand kinds;
    kinds.group = u"pipeline"_s;
    kinds.name = u"kinds"_s;
    kinds.summary = PipelineCommands::tr(
        "List the stage kinds a pipeline node can be, with ports and tools.");
    kinds.options = {QCommandLineOption(u"json"_s, PipelineCommands::tr("Print JSON."))};
    kinds.run = listKinds;

    Subcommand create;
    create.group = u"pipeline"_s;
    create.name = u"new"_s;
    create.summary
        = PipelineCommands::tr("Write a new .mlpipe file from a template (--list names them).");
    create.options = {
        QCommandLineOption(
            u"template"_s, PipelineCommands::tr("The template: its id or name."), u"NAME"_s),
        QCommandLineOption(
            {u"o"_s, u"output"_s}, PipelineCommands::tr("The .mlpipe file to write."), u"FILE"_s),
        QCommandLineOption(u"force"_s, PipelineCommands::tr("Replace FILE if it exists.")),
        QCommandLineOption(u"list"_s, PipelineCommands::tr("List the templates.")),
    };
    create.values = {{u"template"_s, PipelineTemplates::ids()}};
    create.run = newPipeline;

    Subcommand validate;
    validate.group = u"pipeline"_s;
    validate.name = u"validate"_s;
    validate.summary
        = PipelineCommands::tr("Check a pipeline: errors, and warnings that teach (exit 1 on "
                               "errors).");
    validate.arguments = {u"FILE"_s};
    validate.argumentHelp = {pipelineFileHelp()};
    validate.options = {QCommandLineOption(
        u"json"_s,
        PipelineCommands::tr("Print JSON: the findings, with the source line of each imported "
                             "stage, and what the import could not represent."))};
    validate.run = validateFile;

    Subcommand render;
    render.group = u"pipeline"_s;
    render.name = u"render"_s;
    render.summary
        = PipelineCommands::tr("Draw a pipeline as PNG, SVG, a one-page PDF or Mermaid text.");
    render.arguments = {u"FILE"_s};
    render.argumentHelp = {pipelineFileHelp()};
    render.options = {
        QCommandLineOption(
            {u"o"_s, u"output"_s},
            PipelineCommands::tr("Write to FILE; .png, .svg, .pdf or .mmd decides the format."),
            u"FILE"_s),
        QCommandLineOption(u"theme"_s,
                           PipelineCommands::tr("light, dark or projector (default: light)."),
                           u"THEME"_s),
        QCommandLineOption(
            u"scale"_s,
            PipelineCommands::tr("PNG pixels per canvas unit, up to 16 (default: 1)."),
            u"N"_s),
        QCommandLineOption(u"transparent"_s, PipelineCommands::tr("PNG: no background.")),
        QCommandLineOption(u"arrange"_s,
                           PipelineCommands::tr("Auto-arrange first: rows (long chains wrap to "
                                                "fit a slide) or one-row (default: as saved)."),
                           u"SHAPE"_s),
        QCommandLineOption(
            u"border"_s,
            PipelineCommands::tr("Margin around the pipeline in canvas units (default: 24)."),
            u"N"_s),
    };
    render.values = {{u"theme"_s, StudioTheme::ids()}, {u"arrange"_s, {u"rows"_s, u"one-row"_s}}};
    render.run = renderPipeline;
    return {kinds, create, validate, render, pipelineImportCommand(), pipelineExportCommand()};
}
