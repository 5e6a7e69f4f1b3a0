// The reader of Tekton Pipelines (tektonimport.cpp), forced, so every input reaches it
// whatever it looks like. Seeded from corpus/import_tekton/ and, read only, from
// ../shared/corpus/real-pipelines/tekton/ (scripts/fuzz).
#include "importfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return ImportFuzz::run(data, size, PipelineImport::Format::Tekton);
}
