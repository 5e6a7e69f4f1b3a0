#include "cli/commandline.h"
#include "common/applicationfonts.h"
#include "firstpaintprobe.h"
#include "mainwindow.h"
#include "session/studiosession.h"
#include "studioversion.h"
#include "support/studiotranslations.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The texts of main() itself: the window's name and its start-up failure.
struct Main
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

void describeApplication()
{
    QCoreApplication::setApplicationName(u"mlops-studio"_s);
    QCoreApplication::setApplicationVersion(StudioVersion::text());
    // Counts read "1 day" and "2 days" only through it: without it Qt prints "1 day(s)".
    if (!StudioTranslations::install())
        qFatal("the compiled-in translation could not be loaded");
}

// Options QGuiApplication consumes (-platform offscreen, -style fusion …): they select the GUI,
// not the command line, so they are left out when deciding which one the user wants.
QStringList withoutQtOptions(const QStringList &arguments)
{
    static const QStringList withValue = {u"-platform"_s,
                                          u"-platformpluginpath"_s,
                                          u"-platformtheme"_s,
                                          u"-plugin"_s,
                                          u"-style"_s,
                                          u"-stylesheet"_s,
                                          u"-qwindowgeometry"_s,
                                          u"-qwindowtitle"_s,
                                          u"-qwindowicon"_s,
                                          u"-display"_s,
                                          u"-geometry"_s,
                                          u"-session"_s};
    static const QStringList flags
        = {u"-reverse"_s, u"-widgetcount"_s, u"-nograb"_s, u"-dograb"_s, u"-sync"_s};
    QStringList remaining;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (withValue.contains(arguments.at(i)))
            ++i;
        else if (!flags.contains(arguments.at(i)))
            remaining << arguments.at(i);
    }
    return remaining;
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    describeApplication();
    ApplicationFonts::install();
    QApplication::setApplicationDisplayName(Main::tr("MLOps Roadmap Studio"));
    // The launcher's entry and icon (resources/desktop): the SVG is drawn only when shown.
    QGuiApplication::setDesktopFileName(QStringLiteral(MLOPS_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" MLOPS_APP_ID ".svg")));

    const CommandLine::GuiOptions options = CommandLine::guiOptions(app.arguments().mid(1));
    StudioSession session;
    if (!session.start(options.dataDir, options.curriculum)) {
        QMessageBox::critical(nullptr, Main::tr("MLOps Roadmap Studio"), session.errorString());
        return 2;
    }
    MainWindow window(&session);
    FirstPaintProbe::installIfRequested(&window);
    window.show();
    if (!options.pipelineFile.isEmpty())
        window.openPipeline(options.pipelineFile);
    return app.exec();
}

// On the command line stderr carries our one-line errors for scripts to read: Qt's own
// warnings (a missing XDG_RUNTIME_DIR, font or platform notes) would break that, so they are
// shown only when MLOPS_STUDIO_DEBUG is set. Critical and fatal messages always go through.
void quietQtMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg
        || qEnvironmentVariableIsSet("MLOPS_STUDIO_DEBUG")) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
    }
}

// A command that draws (roadmap export) needs a GUI application but no screen: without a
// display, as in CI or over ssh, it runs on the offscreen platform instead of failing.
int runDrawingCommand(int argc, char **argv, const QStringList &arguments)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietQtMessages);
    QApplication app(argc, argv);
    describeApplication();
    ApplicationFonts::install(); // exports look the same on every machine
    return CommandLine::run(arguments);
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (CommandLine::needsGuiApplication(arguments))
        return runDrawingCommand(argc, argv, arguments);
    if (CommandLine::wantsCommandLine(withoutQtOptions(arguments))) {
        qInstallMessageHandler(quietQtMessages);
        QCoreApplication app(argc, argv);
        describeApplication();
        return CommandLine::run(arguments);
    }
    return runGui(argc, argv);
}
