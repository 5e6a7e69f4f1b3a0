#include "progress/progresssummary.h"

#include <QSet>

#include <algorithm>

TopicProgress progressOrPending(const QHash<QString, TopicProgress> &progress,
                                const QString &topicId)
{
    const auto found = progress.constFind(topicId);
    if (found != progress.constEnd())
        return *found;
    TopicProgress pending;
    pending.topicId = topicId;
    return pending;
}

void StatusCounts::add(const TopicProgress &progress)
{
    switch (progress.status) {
    case TopicStatus::Done:
        ++done;
        break;
    case TopicStatus::Learning:
        ++learning;
        break;
    case TopicStatus::Skipped:
        ++skipped;
        break;
    case TopicStatus::Pending:
        ++pending;
        break;
    }
    minutes += progress.minutes;
}

ProgressSummary ProgressSummary::compute(const Curriculum &curriculum,
                                         const QHash<QString, TopicProgress> &progress)
{
    ProgressSummary summary;
    QSet<QString> known;
    for (const Section &section : curriculum.sections) {
        SectionSummary sectionSummary{section.id, {}};
        for (const Topic &topic : section.topics) {
            known.insert(topic.id);
            const TopicProgress topicProgress = progressOrPending(progress, topic.id);
            sectionSummary.counts.add(topicProgress);
            summary.overall.add(topicProgress);
        }
        summary.sections << sectionSummary;
    }
    for (const TopicProgress &topicProgress : progress) {
        if (!known.contains(topicProgress.topicId))
            summary.orphaned << topicProgress;
    }
    std::sort(summary.orphaned.begin(),
              summary.orphaned.end(),
              [](const TopicProgress &a, const TopicProgress &b) { return a.topicId < b.topicId; });
    return summary;
}
