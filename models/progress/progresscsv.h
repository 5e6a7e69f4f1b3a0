#pragma once

#include "progress/progressstore.h"

#include <QByteArray>
#include <QList>
#include <QString>

// `progress export --csv`: every status event and study session as one CSV table (RFC 4180:
// UTF-8, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled):
//
//   kind,id,topic_id,status,time_utc,time_local,minutes
//   status,1,mlops-overview,done,2026-11-26T09:30:00Z,2026-11-26T10:30:00+01:00,
//   session,1,mlops-overview,,2026-11-26T08:45:00Z,2026-11-26T09:45:00+01:00,45
//
// Status events come first in the order recorded, then sessions by start time. A status row's
// time is when it was set, a session's when it started.
namespace ProgressCsv {

QByteArray write(const QList<StatusEvent> &events, const QList<StudySession> &sessions);
QString field(const QString &text);

} // namespace ProgressCsv
