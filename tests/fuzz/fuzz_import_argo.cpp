// The reader of Argo Workflows (argoimport.cpp, argodepends.cpp), forced, so every input reaches it
// whatever it looks like. Seeded from corpus/import_argo/ and, read only, from
// ../shared/corpus/real-pipelines/argo/ (scripts/fuzz).
#include "importfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return ImportFuzz::run(data, size, PipelineImport::Format::Argo);
}
