#pragma once

#include "curriculum/topicstatus.h"

#include <QDateTime>
#include <QVariant>

// How the store's files read columns back: times are UTC milliseconds since the epoch (see
// progressschema.h), statuses their stored words.
namespace ProgressStoreRows {

inline QDateTime fromMs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline TopicStatus statusFrom(const QVariant &value)
{
    return TopicStatuses::fromString(value.toString()).value_or(TopicStatus::Pending);
}

} // namespace ProgressStoreRows
