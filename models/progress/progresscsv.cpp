#include "progress/progresscsv.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ProgressCsv {

namespace {

QString row(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &text : fields)
        escaped << field(text);
    return escaped.join(u',') + u"\r\n"_s;
}

QStringList times(const QDateTime &utc)
{
    return {
        utc.toUTC().toString(Qt::ISODate),
        utc.toLocalTime().toOffsetFromUtc(utc.toLocalTime().offsetFromUtc()).toString(Qt::ISODate)};
}

} // namespace

QString field(const QString &text)
{
    static const QString special = u",\"\r\n"_s;
    const bool quote
        = std::any_of(text.begin(), text.end(), [](QChar c) { return special.contains(c); })
          || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

QByteArray write(const QList<StatusEvent> &events, const QList<StudySession> &sessions)
{
    QString text = row({u"kind"_s,
                        u"id"_s,
                        u"topic_id"_s,
                        u"status"_s,
                        u"time_utc"_s,
                        u"time_local"_s,
                        u"minutes"_s});
    for (const StatusEvent &event : events) {
        text += row(QStringList{u"status"_s,
                                QString::number(event.id),
                                event.topicId,
                                TopicStatuses::toString(event.status)}
                    + times(event.at) + QStringList{QString()});
    }
    for (const StudySession &session : sessions) {
        text += row(QStringList{u"session"_s, QString::number(session.id), session.topicId, {}}
                    + times(session.start) + QStringList{QString::number(session.minutes)});
    }
    return text.toUtf8();
}

} // namespace ProgressCsv
