#pragma once

#include <QDateTime>
#include <QString>

class CliContext;
class QCommandLineParser;

// Times on the command line, shared by the `progress` commands.
namespace CliTime {

// "45 min", "2 h 5 min".
QString duration(int minutes);

// What an --at value means: an ISO-8601 date and time, local time unless it has an offset, not
// later than a minute after `now` (clocks of two machines differ). `utc` is the instant in UTC;
// on a bad value `error` says why, naming the value, and `utc` is invalid.
struct AtValue
{
    QDateTime utc;
    QString error;
};
AtValue parseAtValue(const QString &text, const QDateTime &now);

// The --at option, as parseAtValue() reads it; now when it is not given. On a bad value reports
// it and returns false.
bool parseAt(CliContext &context, const QCommandLineParser &parser, QDateTime *at);

} // namespace CliTime
