// Prints how long mlops-studio takes from process start to its first painted main window, beside
// the same figure for a bare QApplication + empty QMainWindow (startup_barewindow) measured in the
// same run, alternating the programs, and the same window with a menu bar, a status bar and a
// label (startup_textwindow). Target from issue 14: at most twice the text window, whose first
// text has a cost of its own (fontconfig, shaping, glyphs) that the bare window never pays and
// any real application does; the ratio to the bare window is reported beside it.
// Both report their first paint on stdout (MLOPS_STUDIO_REPORT_FIRST_PAINT, app/firstpaintprobe.h)
// and quit; the time is taken here, from just before starting the process to reading that line.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 11;
constexpr double TargetRatio = 2.0;

struct Program
{
    QString path;
    QStringList arguments;
};

// Milliseconds from start to "first-paint", or a negative number when it never came.
double timeToFirstPaint(const Program &program, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(QProcess::nullDevice()); // Qt's notes about the platform
    QElapsedTimer timer;
    timer.start();
    process.start(program.path, program.arguments);
    double ms = -1;
    while (ms < 0 && process.waitForReadyRead(60000)) {
        while (process.canReadLine()) {
            if (process.readLine().startsWith("first-paint"))
                ms = timer.nsecsElapsed() / 1e6;
        }
    }
    if (!process.waitForFinished(60000))
        process.kill();
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QDir benchDir(QCoreApplication::applicationDirPath());
    const Program studio{benchDir.filePath(u"../bin/mlops-studio"_s), {}};
    const Program bare{benchDir.filePath(u"startup_barewindow"_s), {}};
    const Program text{benchDir.filePath(u"startup_textwindow"_s), {}};

    // A home of its own: the user's data and settings are never touched, and every run of the
    // app opens the same existing progress database and the built-in curriculum.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());
    environment.insert(u"MLOPS_STUDIO_DATA_DIR"_s, home.filePath(u"studio"_s));
    environment.insert(u"MLOPS_STUDIO_REPORT_FIRST_PAINT"_s, u"1"_s);
    if (!environment.contains(u"QT_QPA_PLATFORM"_s))
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    // Warm-up: the first start creates the database; both programs get their files cached.
    const double firstStart = timeToFirstPaint(studio, environment);
    timeToFirstPaint(bare, environment);
    timeToFirstPaint(text, environment);
    QList<double> studioTimes;
    QList<double> bareTimes;
    QList<double> textTimes;
    for (int i = 0; i < Runs; ++i) {
        studioTimes << timeToFirstPaint(studio, environment);
        bareTimes << timeToFirstPaint(bare, environment);
        textTimes << timeToFirstPaint(text, environment);
    }
    QTextStream out(stdout);
    const auto failed = [](const QList<double> &times) {
        return std::any_of(times.begin(), times.end(), [](double ms) { return ms < 0; });
    };
    if (firstStart < 0 || failed(studioTimes) || failed(bareTimes) || failed(textTimes)) {
        std::fprintf(stderr, "bench_startup: a program did not report its first paint\n");
        return 1;
    }

    const double studioMs = median(studioTimes);
    const double bareMs = median(bareTimes);
    const double textMs = median(textTimes);
    const double ratio = studioMs / textMs;
    const auto verdict = [](bool within) {
        return within ? u"within target"_s : u"OVER target"_s;
    };
    out << "# Start-up benchmark (process start to the first painted main window, "
        << environment.value(u"QT_QPA_PLATFORM"_s) << " platform, median of " << Runs
        << " runs)\n\n";
    out << "Target from issue 14: at most twice the time of the text-window reference (a window "
           "with a menu bar, a status bar and a label), measured in the same run. Both ratios are "
           "reported: to that reference, and to a bare empty window.\n\n";
    out << "| What | Program | Time | Target | |\n|---|---|---|---|---|\n";
    out << u"| First painted window | mlops-studio | %1 ms | ≤ %2 ms (2× the text window) | %3 |\n"_s
               .arg(studioMs, 0, 'f', 1)
               .arg(TargetRatio * textMs, 0, 'f', 1)
               .arg(verdict(ratio <= TargetRatio));
    out << u"| First painted window | the same window with a menu bar, a status bar and a label "
           "| %1 ms | — | reference |\n"_s.arg(textMs, 0, 'f', 1);
    out << u"| First painted window | bare QApplication + empty QMainWindow | %1 ms | — | "
           "baseline |\n"_s.arg(bareMs, 0, 'f', 1);
    out << u"| Ratio to the text window | mlops-studio | %1× | ≤ %2× | %3 |\n"_s
               .arg(ratio, 0, 'f', 2)
               .arg(TargetRatio, 0, 'f', 0)
               .arg(verdict(ratio <= TargetRatio));
    out << u"| Ratio to the bare window | mlops-studio | %1× | — | reported |\n"_s.arg(
        studioMs / bareMs, 0, 'f', 2);
    out << u"| First start ever (creates the database) | mlops-studio | %1 ms | — | one run |\n"_s
               .arg(firstStart, 0, 'f', 1);
    return 0;
}
