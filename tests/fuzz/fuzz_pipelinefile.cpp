// The .mlpipe reader (PipelineFile::read): files opened in the window, `pipeline validate` and
// `pipeline render`, recovery files.
#include "fuzzsupport.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const NodeCatalog &catalog = NodeCatalog::builtIn();
    const PipelineFile::ReadResult first
        = PipelineFile::read(FuzzSupport::bytes(data, size), catalog);
    if (!first.ok) {
        FUZZ_REQUIRE(!first.errorMessage.isEmpty(), u"a refusal without a message"_s);
        FUZZ_REQUIRE(first.errorLine >= 0, first.errorMessage);
        return 0;
    }
    // What was read is saved and read back unchanged: saving cannot lose or break a pipeline.
    const QByteArray saved = PipelineFile::write(first.nodes, first.edges, first.annotations);
    const PipelineFile::ReadResult second = PipelineFile::read(saved, catalog);
    FUZZ_REQUIRE(second.ok, second.errorMessage);
    FUZZ_REQUIRE(PipelineFile::write(second.nodes, second.edges, second.annotations) == saved,
                 u"saving what was read changes it"_s);
    return 0;
}
