#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Tags text with the tools it names, from a dictionary of tool names and aliases in the format
// of curriculum/tools.json. Matching is case-sensitive on whole words, so "Git" is not found
// inside "GitHub"; where matches overlap, the earliest-starting then the longest wins, so
// "TensorFlow Serving" does not also give "TensorFlow".
class ToolTagger
{
public:
    // The dictionary shipped as the resource :/curriculum/tools.json.
    static const ToolTagger &builtIn();
    // Returns nothing and sets `error` (when given) if `json` is not a valid tool dictionary.
    static std::optional<ToolTagger> fromJson(const QByteArray &json, QString *error = nullptr);

    // Tool names found in `text`, in order of first appearance, each once.
    QStringList tagsFor(const QString &text) const;
    int patternCount() const { return int(m_patterns.size()); }

private:
    struct Pattern
    {
        QString text;
        QString toolName;
    };
    struct Match
    {
        qsizetype start;
        qsizetype end;
        const QString *toolName;
    };

    QList<Match> findMatches(const QString &text) const;

    QList<Pattern> m_patterns;
    // Pattern indexes by first character, so a text is scanned once rather than once a pattern.
    QHash<QChar, QList<qsizetype>> m_byFirstChar;
};
