// The autosave sidecar (PipelineRecoverySidecar::parse), read from the data directory at start.
#include "fuzzsupport.h"

#include "pipeline/pipelinerecoverysidecar.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::optional<PipelineRecoverySidecar> sidecar
        = PipelineRecoverySidecar::parse(FuzzSupport::bytes(data, size));
    if (!sidecar)
        return 0;
    const std::optional<PipelineRecoverySidecar> again
        = PipelineRecoverySidecar::parse(sidecar->toJson());
    FUZZ_REQUIRE(again.has_value(), u"a written sidecar does not read"_s);
    FUZZ_REQUIRE(again->originalPath == sidecar->originalPath && again->pid == sidecar->pid
                     && again->session == sidecar->session
                     && again->savedAtMs == sidecar->savedAtMs,
                 u"a written sidecar reads differently"_s);
    return 0;
}
