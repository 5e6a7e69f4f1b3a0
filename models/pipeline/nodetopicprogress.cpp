#include "pipeline/nodetopicprogress.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"
#include "progress/curriculummodel.h"

namespace NodeTopicProgresses {

QHash<QString, NodeTopicProgress> of(const PipelineGraph &graph, const CurriculumModel &curriculum)
{
    const NodeCatalog *catalog = graph.catalog();
    QHash<QString, NodeTopicProgress> progress;
    for (const PipelineNode &node : graph.nodes()) {
        const NodeKind *kind = catalog->kind(node.kind);
        if (!kind)
            continue;
        NodeTopicProgress counts;
        for (const QString &topicId : kind->topics) {
            if (!curriculum.curriculum().findTopic(topicId))
                continue; // another curriculum: only topics it has count
            ++counts.total;
            counts.finished += TopicStatuses::isFinished(curriculum.topicStatus(topicId)) ? 1 : 0;
        }
        progress.insert(node.id, counts);
    }
    return progress;
}

} // namespace NodeTopicProgresses
