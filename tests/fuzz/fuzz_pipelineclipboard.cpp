// Paste (PipelineClipboard::planPaste): clipboard data comes from any other program.
#include "fuzzsupport.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineclipboard.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// Pasting into a real pipeline, so new ids and names have to avoid taken ones.
const PipelineFile::ReadResult &target()
{
    static const PipelineFile::ReadResult pipeline = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    return pipeline;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(target().nodes, target().edges, target().annotations);
    const PipelineClipboard::PastePlan plan
        = PipelineClipboard::planPaste(FuzzSupport::bytes(data, size), graph, QPointF(40, 40));
    if (!plan.ok) {
        FUZZ_REQUIRE(!plan.errorMessage.isEmpty(), u"a refusal without a message"_s);
        return 0;
    }
    // The plan is what AddItemsCommand adds: every part of it must fit the graph.
    QSet<QString> names;
    for (const PipelineNode &node : graph.nodes())
        names.insert(node.name);
    for (const PipelineNode &node : plan.nodes) {
        FUZZ_REQUIRE(!names.contains(node.name), u"pasted name '%1' is taken"_s.arg(node.name));
        names.insert(node.name);
        FUZZ_REQUIRE(graph.addNode(node), u"cannot add pasted node '%1'"_s.arg(node.id));
    }
    for (const PipelineEdge &edge : plan.edges)
        FUZZ_REQUIRE(graph.restoreEdge(edge), u"cannot add a pasted edge"_s);
    for (const PipelineAnnotation &annotation : plan.annotations)
        FUZZ_REQUIRE(graph.addAnnotation(annotation),
                     u"cannot add pasted annotation '%1'"_s.arg(annotation.id));
    return 0;
}
