// The baselines of bench_startup, reporting their first paint with the app's own probe
// (app/firstpaintprobe.cpp, compiled in alone): "first-paint" on stdout once painted, then quit.
//  - startup_barewindow: a bare QApplication with an empty QMainWindow, the baseline.
//  - startup_textwindow (STARTUP_WITH_TEXT): the same window with a menu bar, a status bar and a
//    label, for reference: what drawing any text first costs (font configuration, shaping,
//    glyphs), which the bare window never pays.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>

#ifdef STARTUP_WITH_TEXT
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#endif

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1200, 780); // the size mlops-studio opens with the first time
#ifdef STARTUP_WITH_TEXT
    for (const char *menu : {"&File", "&Edit", "&View", "&Help"})
        window.menuBar()->addMenu(QString::fromLatin1(menu));
    window.setCentralWidget(new QLabel(QStringLiteral("MLOps Roadmap Studio"), &window));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
#endif
    FirstPaintProbe::install(&window);
    window.show();
    return app.exec();
}
