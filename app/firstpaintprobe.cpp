#include "firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace FirstPaintProbe {

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
            // Queued: runs once this paint, and the flush to the screen that follows it, is done.
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

void install(QWidget *window)
{
    window->installEventFilter(new Probe(window));
}

void installIfRequested(QWidget *window)
{
    if (qEnvironmentVariableIsSet(EnvironmentVariable))
        install(window);
}

} // namespace FirstPaintProbe
