#include "pipeline/import/stagekindrules.h"

#include "pipeline/nodecatalog.h"
#include "support/jsonreading.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
constexpr auto FormatName = "mlops-studio-import-kinds";
constexpr int FormatVersion = 1;
constexpr auto Fallback = "step";

// The rules as one pattern, or an empty one (matching everything) when joining would change a
// rule: the groups are renumbered, so a back reference (\1, \g{1}, \k<a>, (?P=a)) would point
// elsewhere.
template<typename Rules> QRegularExpression anyOf(const Rules &rules)
{
    static const QRegularExpression unsafe(uR"(\\[1-9gk]|\(\?P=)"_s);
    QStringList alternatives;
    for (const auto &rule : rules) {
        if (rule.pattern.pattern().contains(unsafe))
            return {};
        alternatives << u"(?:%1)"_s.arg(rule.pattern.pattern());
    }
    QRegularExpression joined(alternatives.join(u'|'), QRegularExpression::CaseInsensitiveOption);
    joined.optimize();
    return joined;
}
} // namespace

const StageKindRules &StageKindRules::builtIn()
{
    static const StageKindRules rules = [] {
        QFile file(u":/curriculum/import-kinds.json"_s);
        QString error;
        std::optional<StageKindRules> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        // Compiled in: failing is a build mistake; every job then imports as a generic step.
        if (!loaded)
            qCritical("built-in import kind rules unusable: %s", qUtf8Printable(error));
        return loaded.value_or(StageKindRules());
    }();
    return rules;
}

std::optional<StageKindRules> StageKindRules::fromJson(const QByteArray &json, QString *error)
{
    const JsonReading::Parsed parsed
        = JsonReading::parseObject(json, u"import kind rules"_s, qsizetype(1) << 20);
    if (!parsed.ok) {
        *error = parsed.errorMessage;
        return std::nullopt;
    }
    StageKindRules result;
    try {
        JsonReading::checkFormat(
            parsed.root, QString::fromLatin1(FormatName), FormatVersion, u"import kind rules"_s);
        const QJsonArray rules = parsed.root.value(u"rules"_s).toArray();
        for (qsizetype i = 0; i < rules.size(); ++i) {
            const QJsonObject rule = rules.at(i).toObject();
            Rule read{rule.value(u"kind"_s).toString(),
                      QRegularExpression(rule.value(u"pattern"_s).toString(),
                                         QRegularExpression::CaseInsensitiveOption)};
            if (read.kind.isEmpty() || !read.pattern.isValid()
                || read.pattern.pattern().isEmpty()) {
                *error = u"rules[%1]: expected a kind and a valid pattern (%2)"_s.arg(i).arg(
                    read.pattern.errorString());
                return std::nullopt;
            }
            read.pattern.optimize();
            result.m_rules.append(std::move(read));
        }
    } catch (const JsonReading::Error &failure) {
        *error = failure.message;
        return std::nullopt;
    }
    result.m_anyRule = anyOf(result.m_rules);
    return result;
}

QString
StageKindRules::kindFor(const QStringList &texts, const NodeCatalog &catalog, Memo *memo) const
{
    for (const QString &text : texts) {
        if (text.isEmpty())
            continue;
        const qsizetype rule = memo ? memo->value(text, -2) : -2;
        const qsizetype found = rule != -2 ? rule : firstRuleMatching(text, catalog);
        if (memo && rule == -2)
            memo->insert(text, found);
        if (found >= 0)
            return m_rules.at(found).kind;
    }
    return QString::fromLatin1(Fallback);
}

qsizetype StageKindRules::firstRuleMatching(const QString &text, const NodeCatalog &catalog) const
{
    if (!m_anyRule.match(text).hasMatch())
        return -1;
    for (qsizetype r = 0; r < m_rules.size(); ++r) {
        const Rule &rule = m_rules.at(r);
        if (catalog.kind(rule.kind) && rule.pattern.match(text).hasMatch())
            return r;
    }
    return -1;
}
