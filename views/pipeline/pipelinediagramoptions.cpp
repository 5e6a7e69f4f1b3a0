#include "pipeline/pipelinediagramoptions.h"

#include <cmath>

using namespace Qt::StringLiterals;

QString PipelineDiagramOptions::validate() const
{
    if (QString problem = ImageExportOptions::validate(); !problem.isEmpty())
        return problem;
    if (!std::isfinite(border) || border < 0 || border > MaxBorder)
        return tr("border %1: expected a number from 0 to %2").arg(border).arg(MaxBorder);
    return {};
}

std::optional<PipelineDiagramOptions::Format>
PipelineDiagramOptions::formatForPath(const QString &path)
{
    return ImageExportOptions::formatForPath(
        path, {Format::Png, Format::Svg, Format::Pdf, Format::Mermaid});
}
