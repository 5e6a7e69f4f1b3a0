#include "curriculum/topicstatus.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct TopicStatusText
{
    Q_DECLARE_TR_FUNCTIONS(TopicStatusText)
};

} // namespace

namespace TopicStatuses {

QString toString(TopicStatus status)
{
    switch (status) {
    case TopicStatus::Pending:
        return u"pending"_s;
    case TopicStatus::Learning:
        return u"learning"_s;
    case TopicStatus::Done:
        return u"done"_s;
    case TopicStatus::Skipped:
        return u"skipped"_s;
    }
    return u"pending"_s;
}

QString displayName(TopicStatus status)
{
    switch (status) {
    case TopicStatus::Pending:
        return TopicStatusText::tr("Pending");
    case TopicStatus::Learning:
        return TopicStatusText::tr("Learning");
    case TopicStatus::Done:
        return TopicStatusText::tr("Done");
    case TopicStatus::Skipped:
        return TopicStatusText::tr("Skipped");
    }
    return {};
}

std::optional<TopicStatus> fromString(const QString &word)
{
    const QString w = word.trimmed().toLower();
    for (TopicStatus s :
         {TopicStatus::Pending, TopicStatus::Learning, TopicStatus::Done, TopicStatus::Skipped}) {
        if (w == toString(s))
            return s;
    }
    return std::nullopt;
}

QStringList names()
{
    return {u"pending"_s, u"learning"_s, u"done"_s, u"skipped"_s};
}

} // namespace TopicStatuses
