// The reader of GitLab CI files (gitlabciimport.cpp, gitlabcitemplates.cpp), forced, so every input
// reaches it whatever it looks like. Seeded from corpus/import_gitlab_ci/ and, read only, from
// ../shared/corpus/real-pipelines/gitlab-ci/ (scripts/fuzz).
#include "importfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return ImportFuzz::run(data, size, PipelineImport::Format::GitLabCi);
}
