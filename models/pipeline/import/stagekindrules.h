#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

class NodeCatalog;

// Which stage kind an imported job gets, from the data rules of curriculum/import-kinds.json
// (README "Opening other pipelines"): each rule a case-insensitive pattern and a kind.
class StageKindRules
{
public:
    static const StageKindRules &builtIn(); // :/curriculum/import-kinds.json
    static std::optional<StageKindRules> fromJson(const QByteArray &json, QString *error);

    // The kind of the first rule matching the first of `texts` (in their order: name, uses,
    // commands, image) that any rule matches; "step" when none does or the catalog lacks it.
    QString kindFor(const QStringList &texts, const NodeCatalog &catalog) const;
    qsizetype size() const { return m_rules.size(); }

private:
    struct Rule
    {
        QString kind;
        QRegularExpression pattern;
    };
    QList<Rule> m_rules;
    // Every pattern in one alternation: a text no rule matches (most of them) costs one search
    // instead of one a rule. Empty (matching everything) when a pattern refers to a group.
    QRegularExpression m_anyRule;
};
