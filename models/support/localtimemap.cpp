#include "support/localtimemap.h"

#include <QDateTime>

namespace {

constexpr qint64 EpochJulianDay = 2440588; // 1970-01-01

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

int offsetAt(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).offsetFromUtc();
}

} // namespace

LocalTimeMap::DayOffsets LocalTimeMap::offsetsOf(qint64 utcDay)
{
    if (utcDay == m_lastDay)
        return m_last;
    auto found = m_days.constFind(utcDay);
    if (found == m_days.constEnd()) {
        const qint64 start = utcDay * DayMs;
        found = m_days.insert(utcDay, {offsetAt(start), offsetAt(start + DayMs - 1)});
    }
    m_lastDay = utcDay;
    m_last = *found;
    return m_last;
}

qint64 LocalTimeMap::localMs(qint64 utcMs)
{
    const DayOffsets offsets = offsetsOf(floorDiv(utcMs, DayMs));
    const int offset = offsets.atStart == offsets.atEnd ? offsets.atStart : offsetAt(utcMs);
    return utcMs + qint64(offset) * 1000;
}

qint64 LocalTimeMap::dayOfLocalMs(qint64 localMs)
{
    return floorDiv(localMs, DayMs) + EpochJulianDay;
}

int LocalTimeMap::hourOfLocalMs(qint64 localMs)
{
    return int(floorDiv(localMs, HourMs) - floorDiv(localMs, DayMs) * 24);
}
