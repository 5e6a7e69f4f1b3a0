#include "curriculum/tooltagger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

#include <algorithm>

using namespace Qt::StringLiterals;

static bool isAsciiAlnum(QChar ch)
{
    const char16_t c = ch.unicode();
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

const ToolTagger &ToolTagger::builtIn()
{
    static const ToolTagger tagger = [] {
        QFile file(u":/curriculum/tools.json"_s);
        QString error;
        std::optional<ToolTagger> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        // The dictionary is compiled in: failing here is a build mistake, not a user error, and
        // topics without tags are still usable.
        if (!loaded)
            qCritical("built-in tool dictionary unusable: %s", qUtf8Printable(error));
        return loaded.value_or(ToolTagger());
    }();
    return tagger;
}

static QString checkTool(const QJsonValue &value, int index)
{
    const QString where = u"tool %1"_s.arg(index + 1);
    if (!value.isObject())
        return u"%1 is not an object"_s.arg(where);
    const QJsonObject tool = value.toObject();
    if (!tool.value(u"name"_s).isString() || tool.value(u"name"_s).toString().isEmpty())
        return u"%1 has no \"name\" string"_s.arg(where);
    const QJsonValue aliases = tool.value(u"aliases"_s);
    if (aliases.isUndefined())
        return {};
    if (!aliases.isArray())
        return u"%1: \"aliases\" is not an array"_s.arg(where);
    for (const auto &alias : aliases.toArray()) {
        if (!alias.isString() || alias.toString().isEmpty())
            return u"%1: every alias must be a non-empty string"_s.arg(where);
    }
    return {};
}

static QString checkDictionary(const QJsonDocument &document)
{
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != u"mlops-studio-tools"_s)
        return u"not a tool dictionary (expected \"format\": \"mlops-studio-tools\")"_s;
    if (root.value(u"version"_s).toInt() != 1)
        return u"unsupported tool dictionary version (expected 1)"_s;
    if (!root.value(u"tools"_s).isArray())
        return u"\"tools\" is not an array"_s;
    const QJsonArray tools = root.value(u"tools"_s).toArray();
    for (int i = 0; i < tools.size(); ++i) {
        QString problem = checkTool(tools.at(i), i);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

std::optional<ToolTagger> ToolTagger::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QString problem = parseError.error == QJsonParseError::NoError
                                ? checkDictionary(document)
                                : u"invalid JSON at offset %1: %2"_s.arg(parseError.offset)
                                      .arg(parseError.errorString());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    ToolTagger tagger;
    for (const auto &value : document.object().value(u"tools"_s).toArray()) {
        const QJsonObject tool = value.toObject();
        const QString name = tool.value(u"name"_s).toString();
        tagger.m_patterns.append({name, name});
        for (const auto &alias : tool.value(u"aliases"_s).toArray())
            tagger.m_patterns.append({alias.toString(), name});
    }
    for (qsizetype p = 0; p < tagger.m_patterns.size(); ++p)
        tagger.m_byFirstChar[tagger.m_patterns.at(p).text.at(0)].append(p);
    return tagger;
}

// For each pattern, like Python's re.finditer with (?<![A-Za-z0-9]) and (?![A-Za-z0-9]) around
// it: its non-overlapping matches, the search resuming after each match. One pass over the text
// finds them for every pattern: at each position, only the patterns starting with its character
// are compared, and a pattern's match counts only from the end of its previous one.
QList<ToolTagger::Match> ToolTagger::findMatches(const QString &text) const
{
    QList<Match> matches;
    QHash<qsizetype, qsizetype> resumeAt; // pattern index -> where its next match may start
    const QStringView view(text);
    for (qsizetype start = 0; start < text.size(); ++start) {
        const auto candidates = m_byFirstChar.constFind(text.at(start));
        if (candidates == m_byFirstChar.cend())
            continue;
        for (const qsizetype p : *candidates) {
            const Pattern &pattern = m_patterns.at(p);
            const qsizetype end = start + pattern.text.size();
            if (start < resumeAt.value(p) || !view.mid(start).startsWith(pattern.text))
                continue;
            if ((start == 0 || !isAsciiAlnum(text.at(start - 1)))
                && (end == text.size() || !isAsciiAlnum(text.at(end)))) {
                matches.append({start, end, &pattern.toolName});
                resumeAt.insert(p, end);
            }
        }
    }
    return matches;
}

QStringList ToolTagger::tagsFor(const QString &text) const
{
    QList<Match> matches = findMatches(text);
    // Stable, so equal matches keep dictionary order, as Python's sort does.
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.end - a.start > b.end - b.start;
    });
    QStringList tags;
    qsizetype coveredUntil = -1;
    for (const Match &match : std::as_const(matches)) {
        if (match.start < coveredUntil)
            continue;
        coveredUntil = match.end;
        if (!tags.contains(*match.toolName))
            tags.append(*match.toolName);
    }
    return tags;
}
