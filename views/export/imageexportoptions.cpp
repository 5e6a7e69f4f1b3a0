#include "export/imageexportoptions.h"

#include "export/scenebands.h"

#include <QFileInfo>

#include <cmath>

using namespace Qt::StringLiterals;

QString ImageExportOptions::validate() const
{
    if (!StudioTheme::byId(themeId)) {
        return tr("unknown theme '%1' (expected one of: %2)")
            .arg(themeId, StudioTheme::ids().join(u", "_s));
    }
    if (format == Format::Png && (!std::isfinite(scale) || scale <= 0 || scale > MaxScale))
        return tr("scale %1: expected a number greater than 0 and at most %2")
            .arg(scale)
            .arg(MaxScale);
    if (transparent && format != Format::Png)
        return tr("a transparent background needs the PNG format");
    return {};
}

QSize ImageExportOptions::outputSize(const QRectF &source) const
{
    return SceneBands::imageSize(source, format == Format::Png ? scale : 1.0);
}

SceneFileWriter::Image ImageExportOptions::pngImage(const QRectF &source,
                                                    const QColor &background) const
{
    SceneFileWriter::Image image;
    image.source = source;
    image.scale = scale;
    image.fill = transparent ? QColor(Qt::transparent) : background;
    return image;
}

QString ImageExportOptions::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return u"png"_s;
    case Format::Svg:
        return u"svg"_s;
    case Format::Pdf:
    case Format::PdfHandout:
        return u"pdf"_s;
    case Format::Mermaid:
        break;
    }
    return u"mmd"_s;
}

std::optional<ImageExportOptions::Format>
ImageExportOptions::formatForPath(const QString &path, const QList<Format> &accepted)
{
    const QString extension = QFileInfo(path).suffix().toLower();
    for (const Format format : {Format::Png, Format::Svg, Format::Pdf, Format::Mermaid}) {
        if (extension == suffix(format) && accepted.contains(format))
            return format;
    }
    return std::nullopt;
}

QString ImageExportOptions::extensions(const QList<Format> &formats)
{
    QStringList names;
    for (const Format format : formats)
        names << u"."_s + suffix(format);
    const QString last = names.isEmpty() ? QString() : names.takeLast();
    return names.isEmpty() ? last : tr("%1 or %2").arg(names.join(u", "_s), last);
}
