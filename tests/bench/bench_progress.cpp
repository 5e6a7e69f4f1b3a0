// Prints how fast the Progress dashboard computes and redraws with five years of made-up
// history: 100,000 status events and 20,000 study sessions (tests/support/syntheticprogress.h).
// Targets from the dashboard issue: every aggregate the dashboard draws ≤ 50 ms in all, a
// dashboard refresh ≤ 100 ms, a status change to redrawn charts ≤ 100 ms.
//
// With MLOPS_BENCH_SCREENSHOTS=DIR it writes the README's screenshots to DIR instead: the main
// window on the Progress tab with about ten months of believable history, light and dark, and
// the whole dashboard.
#include "bench/benchfigures.h"
#include "curriculum/curriculumloader.h"
#include "mainwindow.h"
#include "progress/curriculummodel.h"
#include "progress/progresshistory.h"
#include "progress/progressstats.h"
#include "progress/progressstore.h"
#include "progress/progressworkspace.h"
#include "progress/studytimer.h"
#include "roadmap/roadmapactions.h"
#include "roadmap/roadmapworkspace.h"
#include "session/studiosession.h"
#include "support/studiotranslations.h"
#include "support/syntheticprogress.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 15;
constexpr int Years = 5;
constexpr int Events = 100'000;
constexpr int Sessions = 20'000;

void fill(ProgressStore &store, const SyntheticProgress::History &history)
{
    if (!store.appendHistory(history.events, history.sessions))
        qFatal("%s", qPrintable(store.errorString()));
}

void printOnce(QTextStream &out, const QString &what, const QString &input, double ms)
{
    out << u"| %1 | %2 | %3 ms | — | once: when the tab first shows, or after another process "
           "wrote |\n"_s.arg(what, input)
               .arg(ms, 0, 'f', 2);
    out.flush();
}

// The dashboard keeps the history in memory: the aggregates are computed from it, and only the
// first showing reads all of it from the store.
void benchAggregates(QTextStream &out, const Curriculum &curriculum, ProgressStore &store)
{
    const QString input = u"%1 events, %2 sessions"_s.arg(Events).arg(Sessions);
    StatsOptions options;
    options.asOf = QDate::currentDate();
    options.targetDate = options.asOf.addMonths(6);
    ProgressHistory history;
    const double read = BenchFigures::medianMs(Runs, [&] { history = store.history(); });
    for (int range : {90, int(StatsOptions::AllHistory)}) {
        options.rangeDays = range;
        const double compute = BenchFigures::medianMs(
            Runs, [&] { ProgressStats::compute(curriculum, history, options); });
        BenchFigures::printRow(out,
                               u"Every aggregate the dashboard draws (%1)"_s.arg(
                                   range == 90 ? u"90 days"_s : u"all time"_s),
                               input,
                               compute,
                               50);
    }
    printOnce(out, u"Reading the whole history from the store"_s, input, read);
    ProgressHistory upToDate = store.history();
    const double incremental = BenchFigures::medianMs(Runs, [&] { store.readNewEvents(upToDate); });
    BenchFigures::printRow(
        out, u"Reading the status events since the last read"_s, input, incremental, 50);
    const double sessions = BenchFigures::medianMs(Runs, [&] { store.readSessions(upToDate); });
    BenchFigures::printRow(
        out, u"Reading the sessions again (after an edit)"_s, input, sessions, 50);
}

// The charts lay out in posted events (QGraphicsLayout): those run, then one synchronous paint
// of everything on screen.
void redraw(QWidget *dashboard)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    dashboard->repaint();
}

void benchDashboard(QTextStream &out, const QString &dataDir)
{
    const QString input = u"%1 events, %2 sessions"_s.arg(Events).arg(Sessions);
    StudioSession session;
    if (!session.start(dataDir, {}))
        qFatal("%s", qPrintable(session.errorString()));
    ProgressWorkspace workspace(session.curriculumModel(), session.studyTimer());
    workspace.targetCheck()->setChecked(true);
    workspace.resize(1400, 1900); // tall enough that every chart is on screen
    workspace.show();
    if (!QTest::qWaitForWindowExposed(&workspace))
        qFatal("the dashboard did not show");
    QWidget *dashboard = workspace.dashboard();
    for (int range : {90, int(StatsOptions::AllHistory)}) {
        workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(range));
        const QString what = range == 90 ? u"90 days"_s : u"all time"_s;
        workspace.statsModel()->refresh();
        const double refresh = BenchFigures::medianMs(Runs, [&] {
            workspace.statsModel()->refresh();
            redraw(dashboard);
        });
        BenchFigures::printRow(out,
                               u"Dashboard refresh: aggregates, charts, tiles, calendar, "
                               "sessions, repaint (%1)"_s.arg(what),
                               input,
                               refresh,
                               100);
    }
    int flip = 0;
    const double rangeChange = BenchFigures::medianMs(Runs, [&] {
        // 90 days <-> all time: the session list reloads too (20,000 rows for all time).
        const int range = ++flip % 2 ? 90 : int(StatsOptions::AllHistory);
        workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(range));
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Range changed to redrawn dashboard"_s, input, rangeChange, 100);
    workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(90));
    workspace.statsModel()->refresh();
    ProgressStore *store = session.store();
    const QStringList ids = session.curriculumModel()->curriculum().topicIds();
    int step = 0;
    const double change = BenchFigures::medianMs(Runs, [&] {
        // The store commits (synchronous=FULL), the coalescing timer fires, charts redraw.
        ++step;
        store->setStatus(ids.at(step % ids.size()),
                         step % 2 ? TopicStatus::Done : TopicStatus::Learning);
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Status change to redrawn charts"_s, input, change, 100);
    const double logged = BenchFigures::medianMs(Runs, [&] {
        store->logSession(ids.first(), 25, QDateTime::currentDateTimeUtc());
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Session logged to redrawn charts"_s, input, logged, 100);
}

int screenshots(const QString &folder, const QString &dataDir)
{
    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    {
        ProgressStore store;
        if (!store.open(QDir(dataDir).filePath(u"progress.db"_s)))
            qFatal("%s", qPrintable(store.errorString()));
        fill(store, SyntheticProgress::realistic(curriculum, QDate::currentDate()));
    }
    StudioSession session;
    if (!session.start(dataDir, {}))
        qFatal("%s", qPrintable(session.errorString()));
    MainWindow window(&session);
    window.resize(1440, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window did not show");
    // The roadmap shows a topic being learned: the dashboard's timer offers it.
    for (const QString &id : curriculum.topicIds()) {
        if (session.curriculumModel()->topicStatus(id) == TopicStatus::Learning) {
            window.roadmap()->selectId(id);
            break;
        }
    }
    window.workspaces()->setCurrentIndex(MainWindow::Progress);
    ProgressWorkspace *progress = window.progress();
    progress->rangeBox()->setCurrentIndex(progress->rangeBox()->findData(365));
    progress->targetEdit()->setDate(QDate::currentDate().addMonths(5));
    progress->targetCheck()->setChecked(true);
    for (const QString &theme : {u"light"_s, u"dark"_s}) {
        window.roadmapActions()->setThemeId(theme);
        progress->statsModel()->refresh();
        QCoreApplication::processEvents();
        const QString suffix = theme == u"light"_s ? QString() : u"-"_s + theme;
        window.grab().save(QDir(folder).filePath(u"screenshot-progress%1.png"_s.arg(suffix)));
        if (theme == u"light"_s) {
            progress->dashboard()->grab().save(
                QDir(folder).filePath(u"screenshot-progress-full.png"_s));
        }
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The English plural forms ("3 topics", not "3 topic(s)"), as main() installs them.
    if (!StudioTranslations::install())
        qFatal("the compiled-in translation could not be loaded");
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    const QString dataDir = dir.filePath(u"data"_s);
    if (!qEnvironmentVariableIsEmpty("MLOPS_BENCH_SCREENSHOTS"))
        return screenshots(qEnvironmentVariable("MLOPS_BENCH_SCREENSHOTS"), dataDir);

    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    {
        ProgressStore store;
        if (!store.open(QDir(dataDir).filePath(u"progress.db"_s)))
            qFatal("%s", qPrintable(store.errorString()));
        fill(store,
             SyntheticProgress::bulk(curriculum, QDate::currentDate(), Years, Events, Sessions));
        QTextStream out(stdout);
        out << "# Progress dashboard benchmark (" << Years << " years of history, median of "
            << Runs << " runs)\n\n";
        out << "Targets from issue 5 (the progress dashboard): every aggregate ≤ 50 ms, a "
               "dashboard "
               "refresh and a change to redrawn charts ≤ 100 ms.\n\n";
        out << "| What | Input | Time | Target | |\n|---|---|---|---|---|\n";
        benchAggregates(out, curriculum, store);
    }
    QTextStream out(stdout);
    benchDashboard(out, dataDir);
    return 0;
}
