#include "roadmap/roadmapexportoptions.h"

using namespace Qt::StringLiterals;

QString RoadmapExportOptions::validate() const
{
    if (QString problem = ImageExportOptions::validate(); !problem.isEmpty())
        return problem;
    if (format == Format::Png && bandHeight < 1)
        return tr("band height %1: expected at least 1 row").arg(bandHeight);
    return {};
}

std::optional<RoadmapExportOptions::Format> RoadmapExportOptions::formatForPath(const QString &path)
{
    return ImageExportOptions::formatForPath(path, {Format::Png, Format::Svg, Format::PdfPoster});
}
