// Linked into every GUI test (add_studio_test(… GUI …) in tests/CMakeLists.txt). When the test
// creates its QGuiApplication or QApplication, this registers the app's shipped fonts as the
// application font, as main() does, so layouts in tests do not depend on the machine's fonts. It
// also checks that a test registered for another device pixel ratio (the "_dpr2" copies of the GUI
// tests) really runs at it: MLOPS_TEST_DEVICE_PIXEL_RATIO names the ratio the offscreen
// platform's configfile should give.
#include "common/applicationfonts.h"

#include <QGuiApplication>
#include <QScreen>

namespace {

void setUpGuiTest()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    if (!ApplicationFonts::install())
        qFatal("the shipped fonts could not be loaded");
    bool isNumber = false;
    const int expected = qEnvironmentVariableIntValue("MLOPS_TEST_DEVICE_PIXEL_RATIO", &isNumber);
    const qreal actual = QGuiApplication::primaryScreen()->devicePixelRatio();
    if (isNumber && actual != expected)
        qFatal("the test should run at device pixel ratio %d but runs at %g (QT_QPA_PLATFORM=%s)",
               expected,
               actual,
               qgetenv("QT_QPA_PLATFORM").constData());
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(setUpGuiTest)
