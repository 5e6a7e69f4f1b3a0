#include "progress/progressexport.h"

#include "curriculum/curriculum.h"
#include "export/scenefilewriter.h"
#include "progress/calendarheatmap.h"
#include "progress/progresscharts.h"
#include "progress/progresscsv.h"
#include "progress/progressstats.h"
#include "progress/progresstiles.h"
#include "support/atomicfile.h"
#include "theme/studiotheme.h"

#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace ProgressExport {

namespace {

constexpr double PngScale = 2;
constexpr double ReportMargin = 28; // pixels at 96 dpi
constexpr double ReportGap = 12;

QString tr(const char *text)
{
    return QCoreApplication::translate("ProgressExport", text);
}

enum class Format { Png, Svg, Pdf, Unknown };

Format formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png"_s)
        return Format::Png;
    if (suffix == u"svg"_s)
        return Format::Svg;
    if (suffix == u"pdf"_s)
        return Format::Pdf;
    return Format::Unknown;
}

bool write(const QString &path,
           const std::function<bool(QIODevice *, QString *)> &draw,
           QString *error)
{
    if (const QString problem = AtomicFile::checkOutputPath(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QString drawError;
    QString fileError;
    const bool ok = AtomicFile::writeAtomically(
        path, [&](QIODevice *device) { return draw(device, &drawError); }, &fileError);
    if (!ok)
        *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(path),
                                 fileError.isEmpty() ? drawError : fileError);
    return ok;
}

bool unknownFormat(const QString &path, const QString &expected, QString *error)
{
    *error = u"%1: unknown format (expected %2)"_s.arg(QDir::toNativeSeparators(path), expected);
    return false;
}

bool paintPicture(QIODevice *device,
                  Format format,
                  const QSize &size,
                  const QString &title,
                  const std::function<void(QPainter *)> &paint,
                  QString *error)
{
    QPainter painter;
    if (format == Format::Png) {
        QImage image(size * PngScale, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        painter.begin(&image);
        painter.scale(PngScale, PngScale);
        paint(&painter);
        painter.end();
        if (!image.save(device, "PNG")) {
            *error = device->errorString();
            return false;
        }
        return true;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(size);
    generator.setResolution(96);
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(tr("Made with MLOps Roadmap Studio"));
    if (!painter.begin(&generator)) {
        *error = device->errorString();
        return false;
    }
    paint(&painter);
    painter.end();
    return true;
}

} // namespace

bool writeChart(QChartView *view, const QString &path, QString *error)
{
    const Format format = formatOf(path);
    if (format != Format::Png && format != Format::Svg)
        return unknownFormat(path, u".png or .svg"_s, error);
    QChart *chart = view->chart();
    const QRectF source = chart->sceneBoundingRect();
    return write(
        path,
        [&](QIODevice *device, QString *drawError) {
            if (format == Format::Svg) {
                return SceneFileWriter::writeSvg(
                    view->scene(), source, chart->title(), {}, device, drawError);
            }
            SceneFileWriter::Image image;
            image.source = source;
            image.scale = PngScale;
            image.fill = Qt::transparent;
            return SceneFileWriter::writePng(view->scene(), image, device, {}, drawError);
        },
        error);
}

bool writeCsv(const QList<StatusEvent> &events,
              const QList<StudySession> &sessions,
              const QString &path,
              QString *error)
{
    const QByteArray csv = ProgressCsv::write(events, sessions);
    return write(
        path,
        [&csv](QIODevice *device, QString *writeError) {
            if (device->write(csv) == csv.size())
                return true;
            *writeError = device->errorString();
            return false;
        },
        error);
}

bool writeHeatmap(const CalendarHeatmap *heatmap, const QString &path, QString *error)
{
    const Format format = formatOf(path);
    if (format != Format::Png && format != Format::Svg)
        return unknownFormat(path, u".png or .svg"_s, error);
    const QSize size = heatmap->naturalSize();
    return write(
        path,
        [&](QIODevice *device, QString *drawError) {
            return paintPicture(
                device,
                format,
                size,
                tr("Study calendar"),
                [heatmap, size](QPainter *painter) {
                    heatmap->draw(painter, QRectF(QPointF(0, 0), size));
                },
                drawError);
        },
        error);
}

namespace {

QString rangeText(const ProgressStats &stats)
{
    return stats.options.rangeDays > 0 ? tr("the last %1 days").arg(stats.options.rangeDays)
                                       : tr("all history");
}

QString forecastText(const ProgressStats &stats)
{
    const ForecastStats &forecast = stats.forecast;
    const QLocale locale;
    QString text;
    if (forecast.remaining == 0)
        text = tr("Every topic is finished.");
    else if (forecast.finishDate.isValid())
        text = tr("Pace: %1 topics a week over the last %2 days; at this pace the last topic is "
                  "finished on %3.")
                   .arg(QString::number(forecast.pacePerWeek, 'f', 2))
                   .arg(StatsOptions::PaceWindowDays)
                   .arg(locale.toString(forecast.finishDate, QLocale::LongFormat));
    else
        text = tr("No pace yet: nothing finished in the last %1 days.")
                   .arg(StatsOptions::PaceWindowDays);
    if (stats.target) {
        const TargetStats &target = *stats.target;
        const QString date = locale.toString(target.date, QLocale::LongFormat);
        if (target.onTrack)
            text += u' ' + tr("Target %1: on track.").arg(date);
        else if (target.behindByDays)
            text += u' '
                    + (*target.behindByDays == 1 ? tr("Target %1: behind by 1 day.").arg(date)
                                                 : tr("Target %1: behind by %2 days.")
                                                       .arg(date)
                                                       .arg(*target.behindByDays));
        else
            text += u' ' + tr("Target %1: behind.").arg(date);
    }
    return text;
}

// One A4 landscape page at 96 dots per inch: 1123 × 794.
void drawReport(QPainter *painter,
                const QRectF &page,
                const ProgressStats &stats,
                const Curriculum &curriculum)
{
    const StudioTheme theme = StudioTheme::byIdOrDefault(u"light"_s);
    const DashboardTheme &d = theme.dashboard;
    const QRectF area = page.adjusted(ReportMargin, ReportMargin, -ReportMargin, -ReportMargin);
    painter->fillRect(page, Qt::white);

    QFont heading = d.titleFont;
    heading.setPixelSize(22);
    painter->setFont(heading);
    painter->setPen(d.text);
    painter->drawText(QRectF(area.left(), area.top(), area.width(), 30),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      tr("MLOps study progress"));
    QString scope
        = tr("As of %1 · %2")
              .arg(QLocale().toString(stats.options.asOf, QLocale::LongFormat), rangeText(stats));
    if (const Section *section = curriculum.findSection(stats.options.sectionId))
        scope += u" · "_s + section->title;
    painter->setFont(d.labelFont);
    painter->setPen(d.mutedText);
    painter->drawText(QRectF(area.left(), area.top(), area.width(), 30),
                      Qt::AlignRight | Qt::AlignVCenter,
                      scope);

    double y = area.top() + 30 + ReportGap;
    const double tilesHeight = 64;
    ProgressTiles::draw(painter,
                        QRectF(area.left(), y, area.width(), tilesHeight),
                        ProgressTiles::tilesFor(stats),
                        d);
    y += tilesHeight + 6;
    painter->setFont(d.tileLabelFont);
    painter->setPen(d.text);
    painter->drawText(QRectF(area.left(), y, area.width(), 22),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      forecastText(stats));
    y += 22 + 6;

    ProgressCharts charts;
    charts.setTheme(theme);
    charts.update(stats, curriculum);
    QGraphicsScene scene;
    const auto place = [&](ProgressCharts::Chart which, const QRectF &target) {
        QChart *chart = charts.chart(which);
        scene.addItem(chart);
        // Apart from each other in the scene, so each renders alone.
        chart->setGeometry(QRectF(QPointF(int(which) * 2000, 0), target.size()));
        scene.render(painter, target, chart->geometry());
    };
    // Two rows of charts: 40 : 60, then 40 : 25 : 35 of the width.
    const double width = area.width() - ReportGap;
    const double firstHeight = 228;
    place(ProgressCharts::Sections, QRectF(area.left(), y, width * 0.4, firstHeight));
    place(ProgressCharts::Completion,
          QRectF(area.left() + width * 0.4 + ReportGap, y, width * 0.6, firstHeight));
    y += firstHeight + ReportGap;
    const double secondHeight = 176;
    const double narrow = area.width() - 2 * ReportGap;
    place(ProgressCharts::Weekly, QRectF(area.left(), y, narrow * 0.4, secondHeight));
    place(ProgressCharts::Weekday,
          QRectF(area.left() + narrow * 0.4 + ReportGap, y, narrow * 0.25, secondHeight));
    place(ProgressCharts::Hourly,
          QRectF(area.left() + narrow * 0.65 + 2 * ReportGap, y, narrow * 0.35, secondHeight));
    y += secondHeight + ReportGap;

    CalendarHeatmap heatmap;
    heatmap.setTheme(d);
    heatmap.setData(stats.heatmap, stats.streak);
    const QSizeF natural = heatmap.naturalSize();
    const double scale
        = std::min({1.2, area.width() / natural.width(), (area.bottom() - y) / natural.height()});
    painter->save();
    painter->translate(area.left(), y);
    painter->scale(scale, scale);
    heatmap.draw(painter, QRectF(0, 0, area.width() / scale, natural.height()));
}

} // namespace

bool writeReport(const ProgressStats &stats,
                 const Curriculum &curriculum,
                 const QString &path,
                 QString *error)
{
    if (formatOf(path) != Format::Pdf)
        return unknownFormat(path, u".pdf"_s, error);
    return write(
        path,
        [&](QIODevice *device, QString *drawError) {
            QPdfWriter writer(device);
            writer.setTitle(tr("MLOps study progress"));
            writer.setCreator(u"MLOps Roadmap Studio"_s);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageOrientation(QPageLayout::Landscape);
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(96);
            QPainter painter;
            if (!painter.begin(&writer)) {
                *drawError = device->errorString();
                return false;
            }
            drawReport(&painter, QRectF(0, 0, writer.width(), writer.height()), stats, curriculum);
            painter.end();
            return true;
        },
        error);
}

} // namespace ProgressExport
