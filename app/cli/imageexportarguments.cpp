#include "cli/imageexportarguments.h"

#include "cli/clicontext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct ImageExportArgumentsText
{
    Q_DECLARE_TR_FUNCTIONS(ImageExportArgumentsText)
};

} // namespace

namespace ImageExportArguments {

std::optional<Format> readOutputFormat(CliContext &context,
                                       const QCommandLineParser &parser,
                                       const QList<Format> &accepted)
{
    const QString path = parser.value(u"output"_s);
    if (path.isEmpty()) {
        context.fail(ImageExportArgumentsText::tr("missing -o FILE (a %1 file)")
                         .arg(ImageExportOptions::extensions(accepted)));
        return std::nullopt;
    }
    const std::optional<Format> format = ImageExportOptions::formatForPath(path, accepted);
    if (!format) {
        context.fail(
            ImageExportArgumentsText::tr("%1: unknown extension; expected %2")
                .arg(QDir::toNativeSeparators(path), ImageExportOptions::extensions(accepted)));
    }
    return format;
}

bool checkPngOnly(CliContext &context,
                  const QCommandLineParser &parser,
                  const QStringList &names,
                  Format format)
{
    for (const QString &name : names) {
        if (parser.isSet(name) && format != Format::Png) {
            context.fail(ImageExportArgumentsText::tr("--%1 needs a .png file").arg(name));
            return false;
        }
    }
    return true;
}

bool readNumber(CliContext &context,
                const QCommandLineParser &parser,
                const QString &name,
                double min,
                double max,
                bool minAllowed,
                double *value)
{
    if (!parser.isSet(name))
        return true;
    bool isNumber = false;
    const QString text = parser.value(name);
    *value = text.toDouble(&isNumber);
    if (isNumber && std::isfinite(*value) && (*value > min || (minAllowed && *value == min))
        && *value <= max)
        return true;
    const QString range = minAllowed
                              ? ImageExportArgumentsText::tr("from %1 to %2")
                              : ImageExportArgumentsText::tr("greater than %1 and at most %2");
    context.fail(ImageExportArgumentsText::tr("--%1 '%2': expected a number %3")
                     .arg(name, text, range.arg(min).arg(max)));
    return false;
}

QString summary(Format format, const QSize &size, int pages)
{
    switch (format) {
    case Format::Png:
        return ImageExportArgumentsText::tr("%1×%2 px").arg(size.width()).arg(size.height());
    case Format::Svg:
        return ImageExportArgumentsText::tr("%1×%2 units").arg(size.width()).arg(size.height());
    case Format::Pdf:
    case Format::PdfHandout:
        return ImageExportArgumentsText::tr("%n page(s)", nullptr, pages);
    case Format::Mermaid:
        break;
    }
    return ImageExportArgumentsText::tr("Mermaid flowchart");
}

} // namespace ImageExportArguments
