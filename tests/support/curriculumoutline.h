#pragma once

#include "curriculum/curriculum.h"

#include <QStringList>

// The fields the Markdown importer tests compare, one line per item, so a failure shows the
// difference.
inline QStringList outline(const Curriculum &curriculum)
{
    using namespace Qt::StringLiterals;
    QStringList lines{u"title: "_s + curriculum.title, u"intro: "_s + curriculum.introduction};
    for (const Section &section : curriculum.sections) {
        lines.append(u"S%1 %2 | %3 | %4"_s.arg(section.number)
                         .arg(section.id, section.title, section.objective));
        for (const Topic &topic : section.topics)
            lines.append(
                u"T %1 | %2 | %3 | %4"_s.arg(topic.id, topic.title, topic.goals, topic.activities));
    }
    for (const QString &outcome : curriculum.outcomes)
        lines.append(u"O "_s + outcome);
    return lines;
}
