// Local dates and hours of UTC instants (support/localtimemap.h) in four zones: Europe/Berlin
// (CET +1 h, CEST +2 h from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October), America/New_York (EST −5 h, EDT −4 h from 02:00 local on the second
// Sunday of March to 02:00 local on the first Sunday of November), Asia/Kolkata (IST +5:30 all
// year) and UTC. Each row's local time is worked out by hand from those rules.
#include "support/localtimemap.h"
#include "support/localzone.h"

#include <QDateTime>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 JulianDay1970 = 2440588; // 1970-01-01, a Thursday
constexpr qint64 JulianDay2000 = 2451545; // 2000-01-01, a Saturday

bool zoneAvailable(const QString &zone)
{
    return zone == u"UTC"_s || QFile::exists(u"/usr/share/zoneinfo/"_s + zone);
}

qint64 utcMs(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    Q_ASSERT(at.isValid() && at.timeSpec() == Qt::UTC);
    return at.toMSecsSinceEpoch();
}

// A local wall-clock time as LocalTimeMap counts it (milliseconds as if it were UTC), shown.
QString wallClock(qint64 localMs)
{
    return QDateTime::fromMSecsSinceEpoch(localMs, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
}

struct Row
{
    const char *name;
    const char *utc;
    const char *local; // the wall clock: what a gap skips never shows, an overlap shows twice
    int weekday;
};

void addRows(const char *zone, std::initializer_list<Row> rows)
{
    for (const Row &row : rows) {
        QTest::addRow("%s: %s", zone, row.name)
            << QString::fromLatin1(zone) << QString::fromLatin1(row.utc)
            << QString::fromLatin1(row.local) << row.weekday;
    }
}

} // namespace

class TestLocalTimeMap : public QObject
{
    Q_OBJECT

private slots:
    void localTime_data();
    void localTime();
    void agreesWithQDateTimeAllYear_data();
    void agreesWithQDateTimeAllYear();
    void splitsLocalMilliseconds_data();
    void splitsLocalMilliseconds();
    void weekdays();
};

void TestLocalTimeMap::localTime_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("local");
    QTest::addColumn<int>("weekday"); // Monday 0 … Sunday 6
    addRows("Europe/Berlin",
            {{"winter: +1 h, into the next day", "2024-01-15T23:30:00Z", "2024-01-16T00:30:00", 1},
             {"summer: +2 h", "2024-07-15T21:59:59Z", "2024-07-15T23:59:59", 0},
             {"gap: the last second of CET", "2024-03-31T00:59:59Z", "2024-03-31T01:59:59", 6},
             {"gap: 01:00 UTC is 03:00 CEST", "2024-03-31T01:00:00Z", "2024-03-31T03:00:00", 6},
             {"overlap: 02:30 CEST, the first", "2024-10-27T00:30:00Z", "2024-10-27T02:30:00", 6},
             {"overlap: 02:30 CET, the second", "2024-10-27T01:30:00Z", "2024-10-27T02:30:00", 6},
             {"before the epoch", "1969-12-31T23:30:00Z", "1970-01-01T00:30:00", 3}});
    addRows("America/New_York",
            {{"winter: −5 h, into last year", "2024-01-01T03:00:00Z", "2023-12-31T22:00:00", 6},
             {"summer: −4 h", "2024-07-04T16:00:00Z", "2024-07-04T12:00:00", 3},
             {"gap: the last second of EST", "2024-03-10T06:59:59Z", "2024-03-10T01:59:59", 6},
             {"gap: 07:00 UTC is 03:00 EDT", "2024-03-10T07:00:00Z", "2024-03-10T03:00:00", 6},
             {"overlap: 01:30 EDT, the first", "2024-11-03T05:30:00Z", "2024-11-03T01:30:00", 6},
             {"overlap: 01:30 EST, the second", "2024-11-03T06:30:00Z", "2024-11-03T01:30:00", 6}});
    addRows("Asia/Kolkata",
            {{"+5:30, the day's last second", "2024-06-01T18:29:59Z", "2024-06-01T23:59:59", 5},
             {"+5:30, the next day begins", "2024-06-01T18:30:00Z", "2024-06-02T00:00:00", 6},
             {"half past in local time", "2024-06-01T00:45:00Z", "2024-06-01T06:15:00", 5},
             {"Europe's switch: nothing", "2024-03-31T01:00:00Z", "2024-03-31T06:30:00", 6}});
    addRows(
        "UTC",
        {{"a leap day's last millisecond", "2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59", 3},
         {"the epoch", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00", 3},
         {"the hour before the epoch", "1969-12-31T23:00:00Z", "1969-12-31T23:00:00", 2}});
}

void TestLocalTimeMap::localTime()
{
    QFETCH(QString, zone);
    QFETCH(QString, utc);
    QFETCH(QString, local);
    QFETCH(int, weekday);
    if (!zoneAvailable(zone))
        QSKIP("no zone data (Debian package tzdata)");
    useTimeZone(qPrintable(zone));
    const qint64 at = utcMs(utc);
    const QDate date = QDate::fromString(local.left(10), Qt::ISODate);
    const int hour = local.mid(11, 2).toInt();

    constexpr qint64 day = LocalTimeMap::DayMs;
    const qint64 startOfUtcDay = at - ((at % day) + day) % day;
    LocalTimeMap map;
    // First alone, then again after other instants of the same UTC day have filled the cache.
    for (const qint64 other : {at, startOfUtcDay, at - 1}) {
        map.localMs(other);
        const qint64 localMs = map.localMs(at);
        QCOMPARE(wallClock(localMs), local);
        QCOMPARE(map.localDay(at), date.toJulianDay());
        QCOMPARE(LocalTimeMap::hourOfLocalMs(localMs), hour);
        QCOMPARE(LocalTimeMap::weekdayOfDay(map.localDay(at)), weekday);
    }
}

void TestLocalTimeMap::agreesWithQDateTimeAllYear_data()
{
    QTest::addColumn<QString>("zone");
    for (const char *zone : {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"})
        QTest::newRow(zone) << QString::fromLatin1(zone);
}

// As QDateTime::toLocalTime() does, every 20 minutes of 2024 with one map (its cache in use).
void TestLocalTimeMap::agreesWithQDateTimeAllYear()
{
    QFETCH(QString, zone);
    if (!zoneAvailable(zone))
        QSKIP("no zone data (Debian package tzdata)");
    useTimeZone(qPrintable(zone));
    LocalTimeMap map;
    const qint64 end = utcMs(u"2025-01-01T00:00:00Z"_s);
    for (qint64 at = utcMs(u"2024-01-01T00:00:00Z"_s); at < end; at += 20 * qint64(60'000)) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toLocalTime();
        const QDateTime wall(local.date(), local.time(), Qt::UTC);
        QCOMPARE(map.localMs(at), wall.toMSecsSinceEpoch());
        QCOMPARE(map.localDay(at), local.date().toJulianDay());
    }
}

void TestLocalTimeMap::splitsLocalMilliseconds_data()
{
    QTest::addColumn<qint64>("localMs");
    QTest::addColumn<qint64>("julianDay");
    QTest::addColumn<int>("hour");
    constexpr qint64 day = LocalTimeMap::DayMs;
    QTest::newRow("1970-01-01 00:00") << qint64(0) << JulianDay1970 << 0;
    QTest::newRow("01:30") << 90 * qint64(60'000) << JulianDay1970 << 1;
    QTest::newRow("the day's last millisecond") << day - 1 << JulianDay1970 << 23;
    QTest::newRow("the next day") << day << JulianDay1970 + 1 << 0;
    QTest::newRow("a millisecond before the epoch: 23:59 the day before")
        << qint64(-1) << JulianDay1970 - 1 << 23;
    QTest::newRow("a day before the epoch") << -day << JulianDay1970 - 1 << 0;
    QTest::newRow("just before that") << -day - 1 << JulianDay1970 - 2 << 23;
}

void TestLocalTimeMap::splitsLocalMilliseconds()
{
    QFETCH(qint64, localMs);
    QFETCH(qint64, julianDay);
    QFETCH(int, hour);
    QCOMPARE(LocalTimeMap::dayOfLocalMs(localMs), julianDay);
    QCOMPARE(LocalTimeMap::hourOfLocalMs(localMs), hour);
}

void TestLocalTimeMap::weekdays()
{
    QCOMPARE(LocalTimeMap::weekdayOfDay(JulianDay1970), 3);     // Thursday
    QCOMPARE(LocalTimeMap::weekdayOfDay(JulianDay2000), 5);     // Saturday
    QCOMPARE(LocalTimeMap::weekdayOfDay(JulianDay2000 + 1), 6); // Sunday
    QCOMPARE(LocalTimeMap::weekdayOfDay(JulianDay2000 + 2), 0); // Monday
}

QTEST_GUILESS_MAIN(TestLocalTimeMap)
#include "tst_localtimemap.moc"
