#pragma once

#include "export/imageexportoptions.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

class CliContext;
class QCommandLineParser;

// What `roadmap export` and `pipeline render` read and print alike: -o FILE and the format its
// extension names, options that only a PNG takes, numbers in a range, and the summary of the
// written picture. Each reports bad usage through the context and returns false (or nullopt).
namespace ImageExportArguments {

using Format = ImageExportOptions::Format;

// The format of -o FILE among `accepted` (in the order the messages list them).
std::optional<Format> readOutputFormat(CliContext &context,
                                       const QCommandLineParser &parser,
                                       const QList<Format> &accepted);
// Fails on the first of `names` given for a format other than PNG.
bool checkPngOnly(CliContext &context,
                  const QCommandLineParser &parser,
                  const QStringList &names,
                  Format format);
// A number option in (min, max] (or [min, max] when `minAllowed`); unset leaves `value`.
bool readNumber(CliContext &context,
                const QCommandLineParser &parser,
                const QString &name,
                double min,
                double max,
                bool minAllowed,
                double *value);
// "2244×1048 px", "800×600 units", "3 pages", "Mermaid flowchart".
QString summary(Format format, const QSize &size, int pages);

} // namespace ImageExportArguments
