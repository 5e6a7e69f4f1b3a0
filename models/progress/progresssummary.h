#pragma once

#include "curriculum/curriculum.h"
#include "progress/progressstore.h"

#include <QHash>
#include <QList>
#include <QString>

// Counts of a curriculum's topics by status, per section and overall. "Finished" means done or
// skipped, as on roadmap.sh: percent = finished / total.
// The recorded progress of a topic, or a pending one when nothing is recorded.
TopicProgress progressOrPending(const QHash<QString, TopicProgress> &progress,
                                const QString &topicId);

struct StatusCounts
{
    int done = 0;
    int learning = 0;
    int skipped = 0;
    int pending = 0;
    int minutes = 0;

    int total() const { return done + learning + skipped + pending; }
    int finished() const { return done + skipped; }
    double percent() const { return total() == 0 ? 0.0 : 100.0 * finished() / total(); }
    void add(const TopicProgress &progress);
};

struct SectionSummary
{
    QString sectionId;
    StatusCounts counts;
};

struct ProgressSummary
{
    QList<SectionSummary> sections;
    StatusCounts overall;
    // Progress recorded for topic ids the curriculum no longer has: kept and reported.
    QList<TopicProgress> orphaned;

    static ProgressSummary compute(const Curriculum &curriculum,
                                   const QHash<QString, TopicProgress> &progress);
};
