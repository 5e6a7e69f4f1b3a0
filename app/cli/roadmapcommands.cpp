#include "cli/clicontext.h"
#include "cli/imageexportarguments.h"
#include "cli/subcommand.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/roadmapexporter.h"
#include "support/atomicfile.h"
#include "theme/studiotheme.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace {

struct RoadmapCommands
{
    Q_DECLARE_TR_FUNCTIONS(RoadmapCommands)
};

using Format = RoadmapExportOptions::Format;

// Reads the options into `options`; on bad usage reports it and returns false.
bool readOptions(CliContext &context,
                 const QCommandLineParser &parser,
                 RoadmapExportOptions *options)
{
    using namespace ImageExportArguments;
    const std::optional<Format> format
        = readOutputFormat(context, parser, {Format::Png, Format::Svg, Format::PdfPoster});
    if (!format)
        return false;
    options->format = *format;
    if (parser.isSet(u"handout"_s)) {
        if (*format != Format::PdfPoster) {
            context.fail(RoadmapCommands::tr("--handout needs a .pdf file"));
            return false;
        }
        options->format = Format::PdfHandout;
    }
    if (!checkPngOnly(context, parser, {u"transparent"_s}, *format))
        return false;
    options->transparent = parser.isSet(u"transparent"_s);
    options->showProgress = !parser.isSet(u"no-progress"_s);
    if (parser.isSet(u"theme"_s))
        options->themeId = parser.value(u"theme"_s);
    return checkPngOnly(context, parser, {u"scale"_s}, *format)
           && readNumber(context,
                         parser,
                         u"scale"_s,
                         0,
                         RoadmapExportOptions::MaxScale,
                         false,
                         &options->scale);
}

int exportRoadmap(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    RoadmapExportOptions options;
    if (!readOptions(context, parser, &options))
        return CliContext::BadInput;
    const QString problem = options.validate();
    if (!problem.isEmpty())
        return context.fail(problem);
    const QString path = parser.value(u"output"_s);
    const QString pathProblem = AtomicFile::checkOutputPath(path);
    if (!pathProblem.isEmpty())
        return context.fail(pathProblem);
    // Without progress nothing personal is read, so no database is opened or created.
    if (!context.loadCurriculum() || (options.showProgress && !context.openStore()))
        return CliContext::BadInput;

    CurriculumModel model;
    model.setCurriculum(context.curriculum());
    if (options.showProgress)
        model.setStore(&context.store());
    RoadmapExporter exporter(&model, options);
    if (!exporter.exportTo(path))
        return context.fail(exporter.errorString(), CliContext::Failure);
    return context.succeed(RoadmapCommands::tr("Exported roadmap to %1 (%2)")
                               .arg(QDir::toNativeSeparators(path),
                                    ImageExportArguments::summary(options.format,
                                                                  exporter.outputSize(),
                                                                  exporter.pageCount())));
}

} // namespace

QList<Subcommand> roadmapCommands()
{
    Subcommand exportCommand;
    exportCommand.group = u"roadmap"_s;
    exportCommand.name = u"export"_s;
    exportCommand.summary
        = RoadmapCommands::tr("Export the roadmap as PNG, SVG, a PDF poster or a PDF handout.");
    exportCommand.options = {
        QCommandLineOption(
            {u"o"_s, u"output"_s},
            RoadmapCommands::tr("Write to FILE; .png, .svg or .pdf decides the format."),
            u"FILE"_s),
        QCommandLineOption(u"theme"_s,
                           RoadmapCommands::tr("light, dark or projector (default: light)."),
                           u"THEME"_s),
        QCommandLineOption(u"scale"_s,
                           RoadmapCommands::tr("PNG pixels per map unit, up to 16 (default: 1)."),
                           u"N"_s),
        QCommandLineOption(
            u"handout"_s,
            RoadmapCommands::tr("PDF: a title page and one page per section instead of a poster.")),
        QCommandLineOption(u"no-progress"_s,
                           RoadmapCommands::tr("Leave out statuses and notes (for sharing).")),
        QCommandLineOption(u"transparent"_s, RoadmapCommands::tr("PNG: no background.")),
    };
    exportCommand.values = {{u"theme"_s, StudioTheme::ids()}};
    exportCommand.run = exportRoadmap;
    return {exportCommand};
}
