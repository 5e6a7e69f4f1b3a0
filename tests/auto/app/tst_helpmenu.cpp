// The Help menu of the main window: the user manual (F1).
#include "help/manualwindow.h"
#include "mainwindow.h"
#include "session/studiosession.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHelpMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void f1OpensTheManualOnce();
};

void TestHelpMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"mlops-studio-test"_s);
}

// F1 opens the manual at its contents; F1 again brings back the same window, where it was.
void TestHelpMenu::f1OpensTheManualOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    StudioSession session;
    QVERIFY2(session.start(dir.filePath(u"data"_s), {}), qPrintable(session.errorString()));
    MainWindow window(&session);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::keyClick(&window, Qt::Key_F1);
    auto *manual = window.findChild<ManualWindow *>();
    QVERIFY(manual);
    QVERIFY(QTest::qWaitForWindowExposed(manual));
    QCOMPARE(manual->currentPage(), u"README.md"_s);
    QVERIFY(manual->showPage(u"command-line.md"_s));
    QTest::keyClick(manual, Qt::Key_Escape);
    QTRY_VERIFY(!manual->isVisible());
    window.activateWindow(); // the user back in the main window
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    QCOMPARE(window.findChildren<ManualWindow *>().size(), 1);
    QTRY_VERIFY(manual->isVisible());
    QCOMPARE(manual->currentPage(), u"command-line.md"_s);
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
