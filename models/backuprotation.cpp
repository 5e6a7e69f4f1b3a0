#include "backuprotation.h"

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

QStringList expired(const QList<Entry> &backups, const BackupPolicy &policy)
{
    QList<Entry> newestFirst = backups;
    std::sort(newestFirst.begin(), newestFirst.end(), [](const Entry &a, const Entry &b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.fileName > b.fileName;
    });
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

QString fileName(const QDateTime &takenAt, const QString &suffix)
{
    return u"progress-%1%2.db"_s.arg(takenAt.toUTC().toString(TimeFormat), suffix);
}

QDateTime timeFromFileName(const QString &fileName)
{
    static const QRegularExpression pattern(u"^progress-(\\d{8})T(\\d{6})Z(-\\d+)?\\.db$"_s);
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return {};
    // Read as UTC directly: a local wall-clock reading could fall in a daylight-saving gap.
    return QDateTime(QDate::fromString(match.captured(1), u"yyyyMMdd"_s),
                     QTime::fromString(match.captured(2), u"HHmmss"_s),
                     Qt::UTC);
}

} // namespace BackupRotation
