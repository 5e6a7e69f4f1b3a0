#include "cli/clicontext.h"
#include "cli/subcommand.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/roadmapexporter.h"
#include "support/atomicfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

using Format = RoadmapExportOptions::Format;

// Reads the options into `options`; on bad usage reports it and returns false.
bool readOptions(CliContext &context,
                 const QCommandLineParser &parser,
                 RoadmapExportOptions *options)
{
    const QString path = parser.value(u"output"_s);
    if (path.isEmpty()) {
        context.fail(u"missing -o FILE (a .png, .svg or .pdf file)"_s);
        return false;
    }
    const std::optional<Format> format = RoadmapExportOptions::formatForPath(path);
    if (!format) {
        context.fail(u"%1: unknown extension; expected .png, .svg or .pdf"_s.arg(
            QDir::toNativeSeparators(path)));
        return false;
    }
    options->format = *format;
    if (parser.isSet(u"handout"_s)) {
        if (*format != Format::PdfPoster) {
            context.fail(u"--handout needs a .pdf file"_s);
            return false;
        }
        options->format = Format::PdfHandout;
    }
    if (parser.isSet(u"transparent"_s) && *format != Format::Png) {
        context.fail(u"--transparent needs a .png file"_s);
        return false;
    }
    options->transparent = parser.isSet(u"transparent"_s);
    options->showProgress = !parser.isSet(u"no-progress"_s);
    if (parser.isSet(u"theme"_s))
        options->themeId = parser.value(u"theme"_s);
    return true;
}

bool readScale(CliContext &context, const QCommandLineParser &parser, RoadmapExportOptions *options)
{
    if (!parser.isSet(u"scale"_s))
        return true;
    if (options->format != Format::Png) {
        context.fail(u"--scale needs a .png file"_s);
        return false;
    }
    bool isNumber = false;
    const QString text = parser.value(u"scale"_s);
    options->scale = text.toDouble(&isNumber);
    if (!isNumber || !std::isfinite(options->scale) || options->scale <= 0
        || options->scale > RoadmapExportOptions::MaxScale) {
        context.fail(
            u"--scale '%1': expected a number greater than 0 and at most %2"_s.arg(text).arg(
                RoadmapExportOptions::MaxScale));
        return false;
    }
    return true;
}

QString resultSummary(const RoadmapExporter &exporter)
{
    const QSize size = exporter.outputSize();
    switch (exporter.options().format) {
    case Format::Png:
        return u"%1×%2 px"_s.arg(size.width()).arg(size.height());
    case Format::Svg:
        return u"%1×%2 units"_s.arg(size.width()).arg(size.height());
    case Format::PdfPoster:
    case Format::PdfHandout:
        break;
    }
    const int pages = exporter.pageCount();
    return pages == 1 ? u"1 page"_s : u"%1 pages"_s.arg(pages);
}

int exportRoadmap(CliContext &context, const QCommandLineParser &parser, const QStringList &)
{
    RoadmapExportOptions options;
    if (!readOptions(context, parser, &options) || !readScale(context, parser, &options))
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
    // The confirmation goes to stderr: stdout stays free for data.
    std::fputs(qPrintable(u"Exported roadmap to %1 (%2)\n"_s.arg(QDir::toNativeSeparators(path),
                                                                 resultSummary(exporter))),
               stderr);
    return CliContext::Success;
}

} // namespace

QList<Subcommand> roadmapCommands()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("RoadmapCommands", text);
    };
    Subcommand exportCommand;
    exportCommand.group = u"roadmap"_s;
    exportCommand.name = u"export"_s;
    exportCommand.summary = tr("Export the roadmap as PNG, SVG, a PDF poster or a PDF handout.");
    exportCommand.options = {
        QCommandLineOption({u"o"_s, u"output"_s},
                           tr("Write to FILE; .png, .svg or .pdf decides the format."),
                           u"FILE"_s),
        QCommandLineOption(
            u"theme"_s, tr("light, dark or projector (default: light)."), u"THEME"_s),
        QCommandLineOption(
            u"scale"_s, tr("PNG pixels per map unit, up to 16 (default: 1)."), u"N"_s),
        QCommandLineOption(u"handout"_s,
                           tr("PDF: a title page and one page per section instead of a poster.")),
        QCommandLineOption(u"no-progress"_s, tr("Leave out statuses and notes (for sharing).")),
        QCommandLineOption(u"transparent"_s, tr("PNG: no background.")),
    };
    exportCommand.run = exportRoadmap;
    return {exportCommand};
}
