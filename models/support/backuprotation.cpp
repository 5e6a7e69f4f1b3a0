#include "support/backuprotation.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace BackupRotation {

namespace {

const QString TimeFormat = u"yyyyMMdd'T'HHmmss'Z'"_s;

QDate mondayOf(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

// Marks the newest entry of each of the `count` most recent periods (`period` maps a local
// date to its period's first day). `newestFirst` is sorted newest first.
void keepNewestPerPeriod(const QList<Entry> &newestFirst,
                         int count,
                         const std::function<QDate(const QDate &)> &period,
                         QSet<QString> &kept)
{
    QSet<qint64> seen;
    for (const Entry &entry : newestFirst) {
        const QDate start = period(entry.takenAt.toLocalTime().date());
        if (seen.contains(start.toJulianDay()))
            continue;
        if (seen.size() >= count)
            return;
        seen.insert(start.toJulianDay());
        kept.insert(entry.fileName);
    }
}

} // namespace

bool isNewer(const Entry &a, const Entry &b)
{
    return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.sequence > b.sequence;
}

QStringList expired(const QList<Entry> &backups, const BackupPolicy &policy)
{
    QList<Entry> newestFirst = backups;
    std::sort(newestFirst.begin(), newestFirst.end(), isNewer);
    QSet<QString> kept;
    keepNewestPerPeriod(
        newestFirst, policy.keepDaily, [](const QDate &d) { return d; }, kept);
    keepNewestPerPeriod(newestFirst, policy.keepWeekly, mondayOf, kept);
    QStringList result;
    for (const Entry &entry : newestFirst) {
        if (!kept.contains(entry.fileName))
            result << entry.fileName;
    }
    return result;
}

QString fileName(const QDateTime &takenAt, int sequence)
{
    const QString time = takenAt.toUTC().toString(TimeFormat);
    return sequence == 0 ? u"progress-%1.db"_s.arg(time)
                         : u"progress-%1-%2.db"_s.arg(time).arg(sequence);
}

std::optional<Entry> entryFromFileName(const QString &fileName)
{
    static const QRegularExpression pattern(u"^progress-(\\d{8})T(\\d{6})Z(?:-(\\d+))?\\.db$"_s);
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    // Read as UTC directly: a local wall-clock reading could fall in a daylight-saving gap.
    const QDateTime takenAt(QDate::fromString(match.captured(1), u"yyyyMMdd"_s),
                            QTime::fromString(match.captured(2), u"HHmmss"_s),
                            Qt::UTC);
    if (!takenAt.isValid())
        return std::nullopt;
    return Entry{fileName, takenAt, match.captured(3).toInt()};
}

} // namespace BackupRotation
