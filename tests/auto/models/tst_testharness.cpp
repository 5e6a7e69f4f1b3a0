// The tests' own harness: support/require.h. A child QtTest object whose helpers fail runs in a
// second process (this program with --child), since QTest::qExec cannot nest in one; its log
// says which test functions failed and which reached the code after their helper call.
#include "support/require.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const auto ChildFlag = "--child"_L1;

// Logged by the child where a test goes on after calling a helper.
void reached(const char *where)
{
    qInfo("reached %s", where);
}

void failingHelper()
{
    QVERIFY2(false, "the helper's check");
    reached("the end of the helper");
}

void passingHelper()
{
    QVERIFY(true);
}

// A helper that returns a value cannot use QVERIFY itself (it returns void); it fails through
// a void helper, as a fixture that edits a file on the way does.
int failingValueHelper()
{
    failingHelper();
    return 42;
}

// A helper that calls another: it wraps the inner call, and its own callers wrap it.
void outerHelper()
{
    REQUIRE_OK(failingHelper());
    reached("the outer helper after the inner one");
}

} // namespace

class HarnessChild : public QObject
{
    Q_OBJECT

private slots:
    void unwrappedHelper()
    {
        failingHelper();
        reached("after the unwrapped helper");
    }
    void wrappedHelper()
    {
        REQUIRE_OK(failingHelper());
        reached("after the wrapped helper");
    }
    void wrappedPassingHelper()
    {
        REQUIRE_OK(passingHelper());
        reached("after the passing helper");
    }
    void valueHelper()
    {
        const int value = failingValueHelper();
        STOP_IF_FAILED();
        reached(qPrintable(u"after the value helper with %1"_s.arg(value)));
    }
    void nestedHelper()
    {
        REQUIRE_OK(outerHelper());
        reached("after the nested helper");
    }
    void rows_data()
    {
        QTest::addColumn<bool>("fails");
        QTest::newRow("failing") << true;
        QTest::newRow("passing") << false;
    }
    void rows()
    {
        QFETCH(bool, fails);
        REQUIRE_OK(fails ? failingHelper() : passingHelper());
        reached("after the row's helper");
    }
};

class TestTestHarness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutTheIdiomTheTestGoesOn();
    void aFailedHelperStopsItsTest();
    void aPassedHelperLetsTheTestGoOn();
    void aValueHelperIsCheckedAtTheCallSite();
    void nestedHelpersStopEveryLevel();
    void eachDataRowStopsOnItsOwn();

private:
    // What the child's log says about one test function (or "function(row)").
    struct Outcome
    {
        int failures = 0;
        QStringList reached;
    };
    QHash<QString, Outcome> m_outcomes;
    int m_childExitCode = -1;
};

void TestTestHarness::initTestCase()
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {ChildFlag});
    QVERIFY(child.waitForFinished(60'000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    m_childExitCode = child.exitCode();
    // QtTest's plain-text log: "FAIL!  : HarnessChild::rows(failing) 'false' returned …" and
    // "QINFO  : HarnessChild::wrappedHelper() reached …".
    static const QRegularExpression line(
        uR"(^(FAIL!|QINFO) *: HarnessChild::(\w+)\((\w*)\) (.*)$)"_s);
    const QStringList lines = QString::fromUtf8(child.readAllStandardOutput()).split(u'\n');
    for (const QString &text : lines) {
        const QRegularExpressionMatch match = line.match(text.trimmed());
        if (!match.hasMatch())
            continue;
        const QString row = match.captured(3);
        Outcome &outcome = m_outcomes[row.isEmpty() ? match.captured(2)
                                                    : u"%1(%2)"_s.arg(match.captured(2), row)];
        if (match.captured(1) == "FAIL!"_L1)
            ++outcome.failures;
        else
            outcome.reached << match.captured(4);
    }
    QVERIFY2(!m_outcomes.isEmpty(), lines.join(u'\n').toUtf8());
}

// The reason for the idiom: QVERIFY returns from the helper only, and the test carries on.
void TestTestHarness::withoutTheIdiomTheTestGoesOn()
{
    const Outcome outcome = m_outcomes.value(u"unwrappedHelper"_s);
    QCOMPARE(outcome.failures, 1);
    QCOMPARE(outcome.reached, QStringList{u"reached after the unwrapped helper"_s});
}

void TestTestHarness::aFailedHelperStopsItsTest()
{
    const Outcome outcome = m_outcomes.value(u"wrappedHelper"_s);
    QCOMPARE(outcome.failures, 1);
    QCOMPARE(outcome.reached, QStringList());
}

void TestTestHarness::aPassedHelperLetsTheTestGoOn()
{
    const Outcome outcome = m_outcomes.value(u"wrappedPassingHelper"_s);
    QCOMPARE(outcome.failures, 0);
    QCOMPARE(outcome.reached, QStringList{u"reached after the passing helper"_s});
}

void TestTestHarness::aValueHelperIsCheckedAtTheCallSite()
{
    const Outcome outcome = m_outcomes.value(u"valueHelper"_s);
    QCOMPARE(outcome.failures, 1);
    QCOMPARE(outcome.reached, QStringList());
}

void TestTestHarness::nestedHelpersStopEveryLevel()
{
    const Outcome outcome = m_outcomes.value(u"nestedHelper"_s);
    QCOMPARE(outcome.failures, 1);
    QCOMPARE(outcome.reached, QStringList());
}

// QTest::currentTestFailed() is about the current row: a failed row does not stop the next.
void TestTestHarness::eachDataRowStopsOnItsOwn()
{
    QCOMPARE(m_outcomes.value(u"rows(failing)"_s).failures, 1);
    QCOMPARE(m_outcomes.value(u"rows(failing)"_s).reached, QStringList());
    QCOMPARE(m_outcomes.value(u"rows(passing)"_s).failures, 0);
    QCOMPARE(m_outcomes.value(u"rows(passing)"_s).reached,
             QStringList{u"reached after the row's helper"_s});
    // unwrappedHelper, wrappedHelper, valueHelper, nestedHelper and rows(failing) failed.
    QCOMPARE(m_childExitCode, 5);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(ChildFlag)) {
        HarnessChild child;
        return QTest::qExec(&child, QStringList{app.arguments().constFirst()});
    }
    TestTestHarness test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_testharness.moc"
