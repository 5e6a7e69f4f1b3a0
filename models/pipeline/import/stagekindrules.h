#pragma once

#include <QByteArray>
#include <QHash>
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

    // What texts gave, for one import with one catalog: the jobs of a pipeline share most of
    // their texts (the image, the template, the stage), and each is then searched once.
    using Memo = QHash<QString, qsizetype>;

    // The kind of the first rule matching the first of `texts` (in their order: name, uses,
    // commands, image) that any rule matches; "step" when none does or the catalog lacks it.
    QString
    kindFor(const QStringList &texts, const NodeCatalog &catalog, Memo *memo = nullptr) const;
    qsizetype size() const { return m_rules.size(); }

private:
    // The index of the first rule (of a kind the catalog has) matching `text`, or -1.
    qsizetype firstRuleMatching(const QString &text, const NodeCatalog &catalog) const;

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
