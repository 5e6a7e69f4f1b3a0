#include "cli/imageexportarguments.h"

#include "cli/clicontext.h"

#include <QCommandLineParser>
#include <QDir>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ImageExportArguments {

std::optional<Format> readOutputFormat(CliContext &context,
                                       const QCommandLineParser &parser,
                                       const QList<Format> &accepted)
{
    const QString path = parser.value(u"output"_s);
    if (path.isEmpty()) {
        context.fail(
            u"missing -o FILE (a %1 file)"_s.arg(ImageExportOptions::extensions(accepted)));
        return std::nullopt;
    }
    const std::optional<Format> format = ImageExportOptions::formatForPath(path, accepted);
    if (!format) {
        context.fail(u"%1: unknown extension; expected %2"_s.arg(
            QDir::toNativeSeparators(path), ImageExportOptions::extensions(accepted)));
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
            context.fail(u"--%1 needs a .png file"_s.arg(name));
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
    const QString range = minAllowed ? u"from %1 to %2"_s : u"greater than %1 and at most %2"_s;
    context.fail(u"--%1 '%2': expected a number %3"_s.arg(name, text, range.arg(min).arg(max)));
    return false;
}

QString summary(Format format, const QSize &size, int pages)
{
    switch (format) {
    case Format::Png:
        return u"%1×%2 px"_s.arg(size.width()).arg(size.height());
    case Format::Svg:
        return u"%1×%2 units"_s.arg(size.width()).arg(size.height());
    case Format::Pdf:
    case Format::PdfHandout:
        return pages == 1 ? u"1 page"_s : u"%1 pages"_s.arg(pages);
    case Format::Mermaid:
        break;
    }
    return u"Mermaid flowchart"_s;
}

} // namespace ImageExportArguments
