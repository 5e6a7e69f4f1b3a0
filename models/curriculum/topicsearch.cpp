#include "curriculum/topicsearch.h"

#include <algorithm>

bool topicMatchesSearch(const Topic &topic, const Section &section, const QString &searchText)
{
    const QString needle = searchText.trimmed();
    if (needle.isEmpty())
        return true;
    const auto contains = [&needle](const QString &text) {
        return text.contains(needle, Qt::CaseInsensitive);
    };
    return contains(topic.title) || contains(topic.id) || contains(topic.goals)
           || contains(topic.activities) || contains(section.title)
           || std::any_of(topic.tags.begin(), topic.tags.end(), contains);
}
