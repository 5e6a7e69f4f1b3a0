#include "progress/progressexport.h"

#include "curriculum/curriculum.h"
#include "export/imageexporter.h"
#include "export/imageexportoptions.h"
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

struct ProgressExportText
{
    Q_DECLARE_TR_FUNCTIONS(ProgressExportText)
};

using Format = ImageExportOptions::Format;

// A PNG of the dashboard is twice the on-screen size, over no background.
ImageExportOptions pngOptions()
{
    ImageExportOptions png;
    png.scale = PngScale;
    png.transparent = true;
    return png;
}

// A picture of the dashboard: the file's extension picks its format among those it accepts.
class DashboardExporter : public ImageExporter
{
public:
    explicit DashboardExporter(const QList<Format> &accepted)
        : m_accepted(accepted)
    {}

    // Runs the export; on failure `error` names the file and the problem.
    bool exportTo(const QString &path, QString *error)
    {
        if (ImageExporter::exportTo(path))
            return true;
        *error = errorString();
        return false;
    }

protected:
    QString problem() const override
    {
        return ImageExportOptions::formatForPath(path(), m_accepted)
                   ? QString()
                   : ProgressExportText::tr("unknown format (expected %1)")
                         .arg(ImageExportOptions::extensions(m_accepted));
    }
    // The format the file's extension names (problem() has checked it).
    Format format() const
    {
        return ImageExportOptions::formatForPath(path(), m_accepted).value_or(Format::Png);
    }

private:
    QList<Format> m_accepted;
};

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
    generator.setDescription(ProgressExportText::tr("Made with MLOps Roadmap Studio"));
    if (!painter.begin(&generator)) {
        *error = device->errorString();
        return false;
    }
    paint(&painter);
    painter.end();
    return true;
}

// A chart of the dashboard, drawn from its scene.
class ChartExporter : public DashboardExporter
{
public:
    explicit ChartExporter(QChartView *view)
        : DashboardExporter({Format::Png, Format::Svg})
        , m_view(view)
    {}

protected:
    bool write(QIODevice *device) override
    {
        QChart *chart = m_view->chart();
        const QRectF source = chart->sceneBoundingRect();
        if (format() == Format::Svg)
            return writeSvg(m_view->scene(), source, chart->title(), {}, device);
        return writePng(m_view->scene(), pngOptions().pngImage(source, {}), device);
    }

private:
    QChartView *m_view;
};

// The study calendar, drawn by the heatmap itself.
class HeatmapExporter : public DashboardExporter
{
public:
    explicit HeatmapExporter(const CalendarHeatmap *heatmap)
        : DashboardExporter({Format::Png, Format::Svg})
        , m_heatmap(heatmap)
    {}

protected:
    bool write(QIODevice *device) override
    {
        const QSize size = m_heatmap->naturalSize();
        const auto paint = [this, size](QPainter *painter) {
            m_heatmap->draw(painter, QRectF(QPointF(0, 0), size));
        };
        QString error;
        return paintPicture(
                   device, format(), size, ProgressExportText::tr("Study calendar"), paint, &error)
               || fail(error);
    }

private:
    const CalendarHeatmap *m_heatmap;
};

} // namespace

bool writeChart(QChartView *view, const QString &path, QString *error)
{
    return ChartExporter(view).exportTo(path, error);
}

bool writeHeatmap(const CalendarHeatmap *heatmap, const QString &path, QString *error)
{
    return HeatmapExporter(heatmap).exportTo(path, error);
}

bool writeCsv(const QList<StatusEvent> &events,
              const QList<StudySession> &sessions,
              const QString &path,
              QString *error)
{
    if (const QString problem = AtomicFile::checkOutputPath(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QString fileError;
    if (AtomicFile::writeBytes(path, ProgressCsv::write(events, sessions), &fileError))
        return true;
    *error = u"%1: %2"_s.arg(QDir::toNativeSeparators(path), fileError);
    return false;
}

namespace {

QString rangeText(const ProgressStats &stats)
{
    return stats.options.rangeDays > 0
               ? ProgressExportText::tr("the last %n day(s)", nullptr, stats.options.rangeDays)
               : ProgressExportText::tr("all history");
}

QString forecastText(const ProgressStats &stats)
{
    const ForecastStats &forecast = stats.forecast;
    const QLocale locale;
    QString text;
    if (forecast.remaining == 0)
        text = ProgressExportText::tr("Every topic is finished.");
    else if (forecast.finishDate.isValid())
        text = ProgressExportText::tr("Pace: %1 topics a week over the last %n day(s); at this "
                                      "pace the last topic is finished on %2.",
                                      nullptr,
                                      StatsOptions::PaceWindowDays)
                   .arg(QString::number(forecast.pacePerWeek, 'f', 2),
                        locale.toString(forecast.finishDate, QLocale::LongFormat));
    else
        text = ProgressExportText::tr("No pace yet: nothing finished in the last %n day(s).",
                                      nullptr,
                                      StatsOptions::PaceWindowDays);
    if (stats.target) {
        const TargetStats &target = *stats.target;
        const QString date = locale.toString(target.date, QLocale::LongFormat);
        if (target.onTrack)
            text += u' ' + ProgressExportText::tr("Target %1: on track.").arg(date);
        else if (target.behindByDays)
            text += u' '
                    + ProgressExportText::tr(
                          "Target %1: behind by %n day(s).", nullptr, *target.behindByDays)
                          .arg(date);
        else
            text += u' ' + ProgressExportText::tr("Target %1: behind.").arg(date);
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
                      ProgressExportText::tr("MLOps study progress"));
    QString scope
        = ProgressExportText::tr("As of %1 · %2")
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

namespace {

// The whole dashboard on one A4 page.
class ReportExporter : public DashboardExporter
{
public:
    ReportExporter(const ProgressStats &stats, const Curriculum &curriculum)
        : DashboardExporter({Format::Pdf})
        , m_stats(stats)
        , m_curriculum(curriculum)
    {}

protected:
    bool write(QIODevice *device) override
    {
        QPdfWriter writer(device);
        writer.setTitle(ProgressExportText::tr("MLOps study progress"));
        writer.setCreator(u"MLOps Roadmap Studio"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(96);
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(device->errorString());
        drawReport(&painter, QRectF(0, 0, writer.width(), writer.height()), m_stats, m_curriculum);
        painter.end();
        return true;
    }

private:
    const ProgressStats &m_stats;
    const Curriculum &m_curriculum;
};

} // namespace

bool writeReport(const ProgressStats &stats,
                 const Curriculum &curriculum,
                 const QString &path,
                 QString *error)
{
    return ReportExporter(stats, curriculum).exportTo(path, error);
}

} // namespace ProgressExport
