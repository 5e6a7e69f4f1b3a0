// The Markdown importer (MarkdownImporter::import): `curriculum import FILE.md`,
// `--curriculum FILE.md`.
#include "fuzzsupport.h"

#include "curriculum/curriculumjson.h"
#include "curriculum/markdownimporter.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const MarkdownImporter::Result imported
        = MarkdownImporter::import(FuzzSupport::bytes(data, size));
    if (!imported.ok) {
        FUZZ_REQUIRE(!imported.errorMessage.isEmpty(), u"a refusal without a message"_s);
        FUZZ_REQUIRE(imported.errorLine >= 0, imported.errorMessage);
        return 0;
    }
    // An import is a valid curriculum, and its JSON (what `curriculum import` writes) reads.
    FUZZ_REQUIRE(imported.curriculum.validate().isEmpty(), imported.curriculum.validate());
    const CurriculumJson::ReadResult json
        = CurriculumJson::read(CurriculumJson::write(imported.curriculum));
    FUZZ_REQUIRE(json.ok, json.errorMessage);
    FUZZ_REQUIRE(json.curriculum == imported.curriculum, u"the JSON of an import differs"_s);
    return 0;
}
