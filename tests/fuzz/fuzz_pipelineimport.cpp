// The importers of other engines' pipelines (PipelineImport::importData) as File ▸ Open and the
// `pipeline import / validate / render / export` commands use them: the content picks the
// reader. Seeded from corpus/pipelineimport/ and, read only, from the real files of
// ../shared/corpus/real-pipelines/ (scripts/fuzz). One reader at a time: fuzz_import_<format>.
#include "importfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return ImportFuzz::run(data, size, std::nullopt);
}
