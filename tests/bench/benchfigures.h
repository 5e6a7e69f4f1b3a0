#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <functional>

// Timing for the benchmark executables: the median of several runs, printed beside its target.
// Benchmarks report; they never fail on time.
namespace BenchFigures {

inline double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

inline void
printRow(QTextStream &out, const QString &what, const QString &input, double ms, double targetMs)
{
    const QString verdict
        = ms <= targetMs ? QStringLiteral("within target") : QStringLiteral("OVER target");
    out << QStringLiteral("| %1 | %2 | %3 ms | ≤ %4 ms | %5 |\n")
               .arg(what, input)
               .arg(ms, 0, 'f', 2)
               .arg(targetMs, 0, 'f', 0)
               .arg(verdict);
    out.flush();
}

} // namespace BenchFigures
