#pragma once

#include <QDate>
#include <QHash>

#include <limits>

// Local dates and hours of UTC instants, fast enough for 100,000 rows: the offset from UTC is
// looked up once per UTC day (at its start and its end) and reused; only a day whose offset
// changes (a daylight-saving switch) converts each instant on its own. Uses the process's
// local time zone, as QDateTime::toLocalTime() does.
class LocalTimeMap
{
public:
    static constexpr qint64 DayMs = 86'400'000;
    static constexpr qint64 HourMs = 3'600'000;

    // Milliseconds since the epoch on the local wall clock: utcMs plus the offset in force.
    qint64 localMs(qint64 utcMs);
    // The local day as a Julian day number (QDate::toJulianDay()).
    qint64 localDay(qint64 utcMs) { return dayOfLocalMs(localMs(utcMs)); }

    static qint64 dayOfLocalMs(qint64 localMs);
    static int hourOfLocalMs(qint64 localMs);
    // Monday is 0, Sunday 6.
    static int weekdayOfDay(qint64 julianDay) { return int(julianDay % 7); }

private:
    struct DayOffsets
    {
        int atStart = 0; // seconds east of UTC
        int atEnd = 0;
    };
    DayOffsets offsetsOf(qint64 utcDay);

    qint64 m_lastDay = std::numeric_limits<qint64>::min();
    DayOffsets m_last;
    QHash<qint64, DayOffsets> m_days;
};
