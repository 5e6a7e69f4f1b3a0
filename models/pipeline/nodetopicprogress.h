#pragma once

#include <QHash>
#include <QString>

class CurriculumModel;
class PipelineGraph;

// How many of the curriculum topics a node's kind teaches the learner has finished.
struct NodeTopicProgress
{
    int finished = 0; // done or skipped, as a section's progress counts them
    int total = 0;
    bool operator==(const NodeTopicProgress &) const = default;
};

namespace NodeTopicProgresses {

// The curriculum link of the Pipeline canvas: node id -> progress over the topics the node's
// kind teaches. Only topics this curriculum has count (the catalog may name topics a loaded
// curriculum lacks); a node whose kind the catalog lacks is left out.
QHash<QString, NodeTopicProgress> of(const PipelineGraph &graph, const CurriculumModel &curriculum);

} // namespace NodeTopicProgresses
