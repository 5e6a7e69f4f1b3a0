#pragma once

class QWidget;

// For the start-up benchmark (tests/bench_startup.cpp): with MLOPS_STUDIO_REPORT_FIRST_PAINT set,
// the first time `window` has been painted the program prints "first-paint" on stdout and quits,
// so the benchmark can time process start to first frame. Without it, nothing is installed.
namespace FirstPaintProbe {

inline constexpr char EnvironmentVariable[] = "MLOPS_STUDIO_REPORT_FIRST_PAINT";

void installIfRequested(QWidget *window);
// Always, for the bare baseline program (tests/startup_barewindow.cpp), which compiles this
// file alone so it reports its first paint exactly as the app does.
void install(QWidget *window);

} // namespace FirstPaintProbe
