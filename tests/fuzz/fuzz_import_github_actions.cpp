// The reader of GitHub Actions workflows (githubactionsimport.cpp), forced, so every input reaches
// it whatever it looks like. Seeded from corpus/import_github_actions/ and, read only, from
// ../shared/corpus/real-pipelines/github-actions/ (scripts/fuzz).
#include "importfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return ImportFuzz::run(data, size, PipelineImport::Format::GitHubActions);
}
