// The command line's times (cli/clitime.h): the --at value in every form it takes and the ones
// it refuses, with their messages, and durations. Local time is Berlin's (support/localzone.h):
// CEST, +02:00, from 2024-03-31 to 2024-10-27; CET, +01:00, outside. "Now" is fixed at
// 2024-04-10 12:00 UTC, except where the real clock is the point.
#include "cli/clicontext.h"
#include "cli/clitime.h"
#include "support/localzone.h"

#include <QCommandLineParser>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QDateTime Now(QDate(2024, 4, 10), QTime(12, 0), Qt::UTC);

QString notIso(const QString &text)
{
    return u"--at '%1': not an ISO-8601 date and time (e.g. 2026-11-26T18:30 or "
           "2026-11-26T18:30:00+01:00)"_s.arg(text);
}

QString inTheFuture(const QString &text)
{
    return u"--at '%1': is in the future"_s.arg(text);
}

// What `run` writes to stderr (CliContext reports there).
QString stderrOf(const std::function<void()> &run)
{
    QTemporaryFile capture;
    if (!capture.open())
        return u"(cannot capture stderr)"_s;
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(capture.handle(), STDERR_FILENO);
    run();
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    capture.seek(0);
    return QString::fromUtf8(capture.readAll());
}

} // namespace

class TestCliTime : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void withoutAtItIsNow();
    void theOptionIsReadAndABadOneReported();
    void duration_data();
    void duration();
};

void TestCliTime::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("utc"); // the instant, Qt::ISODateWithMs in UTC
    QTest::newRow("local, to the minute (CEST: −2 h)")
        << u"2024-04-02T00:30"_s << u"2024-04-01T22:30:00.000Z"_s;
    QTest::newRow("local, to the second")
        << u"2024-04-02T00:30:15"_s << u"2024-04-01T22:30:15.000Z"_s;
    QTest::newRow("local, milliseconds")
        << u"2024-04-02T00:30:15.250"_s << u"2024-04-01T22:30:15.250Z"_s;
    QTest::newRow("a decimal comma")
        << u"2024-04-02T00:30:15,250"_s << u"2024-04-01T22:30:15.250Z"_s;
    QTest::newRow("a tenth of a second")
        << u"2024-04-02T00:30:15.2"_s << u"2024-04-01T22:30:15.200Z"_s;
    QTest::newRow("local in winter (CET: −1 h)")
        << u"2024-01-15T09:00"_s << u"2024-01-15T08:00:00.000Z"_s;
    QTest::newRow("Z: UTC") << u"2024-04-02T00:30Z"_s << u"2024-04-02T00:30:00.000Z"_s;
    QTest::newRow("an offset east")
        << u"2024-04-02T00:30:00+02:00"_s << u"2024-04-01T22:30:00.000Z"_s;
    QTest::newRow("an offset west")
        << u"2024-04-02T00:30:00-05:00"_s << u"2024-04-02T05:30:00.000Z"_s;
    QTest::newRow("an offset without its colon")
        << u"2024-04-02T00:30:00+0200"_s << u"2024-04-01T22:30:00.000Z"_s;
    QTest::newRow("an offset in whole hours")
        << u"2024-04-02T00:30:00+02"_s << u"2024-04-01T22:30:00.000Z"_s;
    QTest::newRow("a space for the T") << u"2024-04-02 00:30"_s << u"2024-04-01T22:30:00.000Z"_s;
    QTest::newRow("lower-case t and z") << u"2024-04-02t00:30z"_s << u"2024-04-02T00:30:00.000Z"_s;
    QTest::newRow("a date alone: its local midnight")
        << u"2024-04-02"_s << u"2024-04-01T22:00:00.000Z"_s;
    QTest::newRow("24:00: the end of the day, the next midnight")
        << u"2024-04-01T24:00"_s << u"2024-04-01T22:00:00.000Z"_s;
    QTest::newRow("now") << u"2024-04-10T12:00:00Z"_s << u"2024-04-10T12:00:00.000Z"_s;
    QTest::newRow("a minute ahead: clocks differ")
        << u"2024-04-10T14:01:00+02:00"_s << u"2024-04-10T12:01:00.000Z"_s;
}

void TestCliTime::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, utc);
    const CliTime::AtValue value = CliTime::parseAtValue(text, Now);
    QCOMPARE(value.error, QString());
    QCOMPARE(value.utc.timeSpec(), Qt::UTC);
    QCOMPARE(value.utc.toString(Qt::ISODateWithMs), utc);
}

void TestCliTime::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    const auto notIsoRow = [](const char *name, const QString &text) {
        QTest::newRow(name) << text << notIso(text);
    };
    notIsoRow("nothing", QString());
    notIsoRow("a word", u"yesterday"_s);
    notIsoRow("day first", u"02/04/2024 10:00"_s);
    notIsoRow("month 13", u"2024-13-01T10:00"_s);
    notIsoRow("February 30", u"2024-02-30T10:00"_s);
    notIsoRow("hour 25", u"2024-04-02T25:00"_s);
    notIsoRow("second 60", u"2024-04-02T00:30:60"_s);
    notIsoRow("a time without its date", u"10:00"_s);
    notIsoRow("a T without a time", u"2024-04-02T"_s);
    notIsoRow("ISO 8601's basic format (no separators)", u"20240402T0030"_s);
    notIsoRow("a space before", u" 2024-04-02T00:30"_s);
    notIsoRow("a space before the offset", u"2024-04-02T00:30:00 +02:00"_s);
    // At 02:00 CET the clocks jumped to 03:00 CEST: no instant had this local time.
    notIsoRow("a local time the clocks skipped", u"2024-03-31T02:30"_s);
    QTest::newRow("61 seconds ahead")
        << u"2024-04-10T12:01:01Z"_s << inTheFuture(u"2024-04-10T12:01:01Z"_s);
    // 14:02 CEST is 12:02 UTC, two minutes after now.
    QTest::newRow("local, two minutes ahead")
        << u"2024-04-10T14:02"_s << inTheFuture(u"2024-04-10T14:02"_s);
    QTest::newRow("next year") << u"2025-01-01"_s << inTheFuture(u"2025-01-01"_s);
}

void TestCliTime::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const CliTime::AtValue value = CliTime::parseAtValue(text, Now);
    QCOMPARE(value.error, error);
    QVERIFY(!value.utc.isValid());
}

void TestCliTime::withoutAtItIsNow()
{
    QCommandLineParser parser;
    parser.addOption({u"at"_s, u"When."_s, u"time"_s});
    QVERIFY(parser.parse({u"mlops-studio"_s}));
    CliContext context(u"progress"_s, {}, {});
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QDateTime at;
    QVERIFY(CliTime::parseAt(context, parser, &at));
    QVERIFY(before <= at && at <= QDateTime::currentDateTimeUtc());
    QCOMPARE(at.timeSpec(), Qt::UTC);
}

// One line on stderr naming the command and the value (CliContext's convention).
void TestCliTime::theOptionIsReadAndABadOneReported()
{
    QCommandLineParser parser;
    parser.addOption({u"at"_s, u"When."_s, u"time"_s});
    CliContext context(u"progress"_s, {}, {});
    QDateTime at;
    QVERIFY(parser.parse({u"mlops-studio"_s, u"--at"_s, u"2024-04-02T00:30+02:00"_s}));
    QVERIFY(CliTime::parseAt(context, parser, &at));
    QCOMPARE(at, QDateTime(QDate(2024, 4, 1), QTime(22, 30), Qt::UTC));

    QVERIFY(parser.parse({u"mlops-studio"_s, u"--at"_s, u"soon"_s}));
    bool ok = true;
    const QString err = stderrOf([&] { ok = CliTime::parseAt(context, parser, &at); });
    QVERIFY(!ok);
    QCOMPARE(err,
             QCoreApplication::applicationName() + u": progress: error: "_s + notIso(u"soon"_s)
                 + u'\n');
}

void TestCliTime::duration_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << u"0 min"_s;
    QTest::newRow("under an hour") << 45 << u"45 min"_s;
    QTest::newRow("59") << 59 << u"59 min"_s;
    QTest::newRow("an hour") << 60 << u"1 h 0 min"_s;
    QTest::newRow("2 h 5 min") << 125 << u"2 h 5 min"_s;
    QTest::newRow("a day") << 24 * 60 << u"24 h 0 min"_s;
}

void TestCliTime::duration()
{
    QFETCH(int, minutes);
    QFETCH(QString, text);
    QCOMPARE(CliTime::duration(minutes), text);
}

MLOPS_BERLIN_TEST_MAIN(TestCliTime)
#include "tst_clitime.moc"
