#pragma once

#include "curriculum/curriculum.h"

// What "search topics" means everywhere (the outline, the map highlight): the text appears,
// ignoring case, in the topic's title, id, goals, activities or tools, or in its section's title.
// An empty search matches every topic.
bool topicMatchesSearch(const Topic &topic, const Section &section, const QString &searchText);
