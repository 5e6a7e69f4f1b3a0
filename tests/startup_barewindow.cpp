// The baseline of bench_startup: a bare QApplication with an empty QMainWindow, which reports
// its first paint exactly as mlops-studio does with MLOPS_STUDIO_REPORT_FIRST_PAINT
// (app/firstpaintprobe.cpp): "first-paint" on stdout once painted, then it quits.
#include <QApplication>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class Probe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint\n");
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1200, 780); // the size mlops-studio opens with the first time
    window.installEventFilter(new Probe(&window));
    window.show();
    return app.exec();
}
