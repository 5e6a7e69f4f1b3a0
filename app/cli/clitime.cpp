#include "cli/clitime.h"

#include "cli/clicontext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct CliTimeText
{
    Q_DECLARE_TR_FUNCTIONS(CliTimeText)
};

} // namespace

namespace CliTime {

QString duration(int minutes)
{
    if (minutes < 60)
        return CliTimeText::tr("%1 min").arg(minutes);
    return CliTimeText::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

AtValue parseAtValue(const QString &text, const QDateTime &now)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid()) {
        return {
            {},
            CliTimeText::tr("--at '%1': not an ISO-8601 date and time (e.g. 2026-11-26T18:30 or "
                            "2026-11-26T18:30:00+01:00)")
                .arg(text)};
    }
    if (parsed > now.addSecs(60))
        return {{}, CliTimeText::tr("--at '%1': is in the future").arg(text)};
    return {parsed.toUTC(), {}};
}

bool parseAt(CliContext &context, const QCommandLineParser &parser, QDateTime *at)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *at = now;
    if (!parser.isSet(u"at"_s))
        return true;
    const AtValue value = parseAtValue(parser.value(u"at"_s), now);
    if (!value.error.isEmpty()) {
        context.fail(value.error);
        return false;
    }
    *at = value.utc;
    return true;
}

} // namespace CliTime
