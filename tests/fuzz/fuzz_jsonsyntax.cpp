// The one-pass JSON check the pipeline reader runs first (JsonSyntax::check), against Qt's own
// parser: whatever it accepts, QJsonDocument must accept too, with the same root and the same
// root members. (It may refuse more: nesting over MaxDepth, a number too large for a double. It
// takes more in two cases, both on purpose: a bare scalar as the whole document, as RFC 8259 does,
// and a number that underflows, read as 0.)
#include "fuzzsupport.h"

#include "support/jsonsyntax.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = FuzzSupport::bytes(data, size);
    const JsonSyntax::Result result = JsonSyntax::check(json);
    if (!result.ok) {
        FUZZ_REQUIRE(!result.errorMessage.isEmpty(), u"a refusal without a message"_s);
        FUZZ_REQUIRE(result.errorOffset >= 0 && result.errorOffset <= json.size(),
                     u"error offset %1 of %2 bytes"_s.arg(result.errorOffset).arg(json.size()));
        return 0;
    }
    // RFC 8259 allows a bare scalar as the document; QJsonDocument takes only arrays and objects.
    const QByteArray trimmed = json.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return 0;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    // A number that underflows (1e-400) reads as 0 here by design (tst_jsonsyntax); Qt refuses it.
    if (error.error == QJsonParseError::IllegalNumber)
        return 0;
    FUZZ_REQUIRE(error.error == QJsonParseError::NoError,
                 u"accepted, but Qt refuses it: %1"_s.arg(error.errorString()));
    FUZZ_REQUIRE(result.rootIsObject == document.isObject(), u"a different root"_s);
    if (!result.rootIsObject)
        return 0;
    // Keys without escapes are the same bytes in both; repeated keys appear once in Qt's.
    QSet<QString> plainKeys;
    for (const JsonSyntax::RootMember &member : result.rootMembers) {
        FUZZ_REQUIRE(member.valueOffset > 0 && member.valueOffset < json.size(),
                     u"a member's value outside the text"_s);
        if (!member.rawKey.contains('\\'))
            plainKeys.insert(QString::fromUtf8(member.rawKey));
    }
    const QJsonObject root = document.object();
    for (const QString &key : std::as_const(plainKeys))
        FUZZ_REQUIRE(root.contains(key), u"member '%1' is not in Qt's object"_s.arg(key));
    FUZZ_REQUIRE(root.size() <= result.rootMembers.size(), u"Qt's object has more members"_s);
    return 0;
}
