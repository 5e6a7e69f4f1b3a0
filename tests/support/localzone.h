#pragma once

#include <QByteArray>
#include <QDateTime>

#include <ctime>

// The process's local time zone from now on: an IANA name ("America/New_York", "UTC"). The C
// library reads TZ again only at tzset(); Qt asks it afresh on each local-time conversion.
inline void useTimeZone(const char *ianaName)
{
    qputenv("TZ", ianaName);
    tzset();
}

// Tests of local-time figures run in one fixed zone with daylight saving: Europe/Berlin
// (CET, +01:00; CEST, +02:00 from the last Sunday of March to the last Sunday of October).
// Call before anything reads the time zone, first thing in main().
inline void useBerlinTime()
{
    useTimeZone("Europe/Berlin");
}

// True when the zone data is there (Debian package tzdata): Berlin is +1 h in January and
// +2 h in July.
inline bool berlinTimeWorks()
{
    const QDateTime winter(QDate(2024, 1, 15), QTime(12, 0), Qt::LocalTime);
    const QDateTime summer(QDate(2024, 7, 15), QTime(12, 0), Qt::LocalTime);
    return winter.offsetFromUtc() == 3600 && summer.offsetFromUtc() == 7200;
}

// Runs a QtTest class with local time in Berlin; Application is QCoreApplication or, for
// widgets, QApplication.
#define MLOPS_BERLIN_TEST_MAIN_WITH(Application, TestClass)                                        \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        useBerlinTime();                                                                           \
        Application app(argc, argv);                                                               \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
#define MLOPS_BERLIN_TEST_MAIN(TestClass) MLOPS_BERLIN_TEST_MAIN_WITH(QCoreApplication, TestClass)
