// The curriculum file reader (CurriculumJson::read): `--curriculum FILE.json`.
#include "fuzzsupport.h"

#include "curriculum/curriculumjson.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const CurriculumJson::ReadResult first = CurriculumJson::read(FuzzSupport::bytes(data, size));
    if (!first.ok) {
        FUZZ_REQUIRE(!first.errorMessage.isEmpty(), u"a refusal without a message"_s);
        return 0;
    }
    FUZZ_REQUIRE(first.curriculum.validate().isEmpty(), first.curriculum.validate());
    // `curriculum show --json` writes what was read; reading that gives the same curriculum.
    const QByteArray written = CurriculumJson::write(first.curriculum);
    const CurriculumJson::ReadResult second = CurriculumJson::read(written);
    FUZZ_REQUIRE(second.ok, second.errorMessage);
    FUZZ_REQUIRE(CurriculumJson::write(second.curriculum) == written,
                 u"writing what was read changes it"_s);
    return 0;
}
