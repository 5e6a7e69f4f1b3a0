#pragma once

#include <QDateTime>
#include <QString>

class CliContext;
class QCommandLineParser;

// Times on the command line, shared by the `progress` commands.
namespace CliTime {

// "45 min", "2 h 5 min".
QString duration(int minutes);

// The --at option: an ISO-8601 date and time, local time unless it has an offset, not in the
// future; now when it is not given. On a bad value reports it and returns false.
bool parseAt(CliContext &context, const QCommandLineParser &parser, QDateTime *at);

} // namespace CliTime
