#pragma once

#include <QString>

#include "progress/progressstore.h"

class CalendarHeatmap;
class QChartView;
struct Curriculum;
struct ProgressStats;

// The dashboard's exports, each written atomically (AtomicFile): a chart or the calendar as
// PNG (twice the on-screen size) or SVG (vectors, text as text), picked by the extension, the
// whole dashboard as a one-page A4 PDF report (these three are ImageExporters that differ only
// in what they draw), and the history as CSV. On failure `error` names the file and the problem.
namespace ProgressExport {

bool writeChart(QChartView *view, const QString &path, QString *error);
bool writeHeatmap(const CalendarHeatmap *heatmap, const QString &path, QString *error);
// The history as CSV (ProgressCsv), for the dashboard and `progress export --csv`.
bool writeCsv(const QList<StatusEvent> &events,
              const QList<StudySession> &sessions,
              const QString &path,
              QString *error);
// Drawn in the light theme whatever the screen shows, so it prints well.
bool writeReport(const ProgressStats &stats,
                 const Curriculum &curriculum,
                 const QString &path,
                 QString *error);

} // namespace ProgressExport
