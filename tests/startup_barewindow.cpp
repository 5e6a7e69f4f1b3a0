// The baseline of bench_startup: a bare QApplication with an empty QMainWindow, which reports
// its first paint with the app's own probe (app/firstpaintprobe.cpp, compiled in alone):
// "first-paint" on stdout once painted, then it quits.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1200, 780); // the size mlops-studio opens with the first time
    FirstPaintProbe::install(&window);
    window.show();
    return app.exec();
}
