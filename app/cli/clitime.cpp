#include "cli/clitime.h"

#include "cli/clicontext.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace CliTime {

QString duration(int minutes)
{
    if (minutes < 60)
        return u"%1 min"_s.arg(minutes);
    return u"%1 h %2 min"_s.arg(minutes / 60).arg(minutes % 60);
}

bool parseAt(CliContext &context, const QCommandLineParser &parser, QDateTime *at)
{
    *at = QDateTime::currentDateTimeUtc();
    if (!parser.isSet(u"at"_s))
        return true;
    const QString text = parser.value(u"at"_s);
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid()) {
        context.fail(u"--at '%1': not an ISO-8601 date and time (e.g. 2026-11-26T18:30 or "
                     "2026-11-26T18:30:00+01:00)"_s.arg(text));
        return false;
    }
    if (parsed > QDateTime::currentDateTimeUtc().addSecs(60)) {
        context.fail(u"--at '%1': is in the future"_s.arg(text));
        return false;
    }
    *at = parsed.toUTC();
    return true;
}

} // namespace CliTime
