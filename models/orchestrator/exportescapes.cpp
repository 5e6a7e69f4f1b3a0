#include "orchestrator/exportescapes.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ExportEscapes {

namespace {

// The code points of `text`; a lone surrogate reads as U+FFFD, as it does in UTF-8.
QList<char32_t> codePoints(const QString &text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            points << QChar::surrogateToUcs4(c, text.at(i + 1));
            ++i;
        } else {
            points << (c.isSurrogate() ? char32_t(0xfffd) : char32_t(c.unicode()));
        }
    }
    return points;
}

bool needsRawBlock(const QString &text)
{
    // Jinja strips one newline at the end of a template and turns \r\n into \n.
    static const QRegularExpression templateFile(u"(ya?ml|json)$"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    return text.contains(u"{{"_s) || text.contains(u"{%"_s) || text.contains(u"{#"_s)
           || text.contains(u'\r') || text.endsWith(u'\n') || templateFile.match(text).hasMatch();
}

} // namespace

bool isInvisible(char32_t codePoint)
{
    if (codePoint == u'\t' || codePoint == u'\n')
        return false;
    if (codePoint < 0x20 || codePoint == 0x7f)
        return true;
    if (codePoint < 0x7f)
        return false;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return true;
    default:
        return false;
    }
}

bool hasInvisible(const QString &text)
{
    const QList<char32_t> points = codePoints(text);
    return std::any_of(points.cbegin(), points.cend(), isInvisible);
}

QString kubernetes(const QString &text)
{
    return QString(text).replace(u"$"_s, u"$$"_s);
}

QString argo(const QString &text, bool *usesBrace)
{
    const QString expanded = kubernetes(text);
    const QString brace = u"$("_s + BraceVariable.toString() + u")"_s;
    QString result;
    result.reserve(expanded.size());
    for (qsizetype i = 0; i < expanded.size(); ++i) {
        if (expanded.at(i) == u'{' && i > 0 && expanded.at(i - 1) == u'{') {
            result += brace;
            *usesBrace = true;
        } else {
            result += expanded.at(i);
        }
    }
    return result;
}

QString githubActions(const QString &text)
{
    return QString(text).replace(u"${{"_s, u"${{ '${{' }}"_s);
}

bool hasGitHubExpression(const QString &text)
{
    return text.contains(u"${{"_s);
}

QString githubActionsShown(const QString &text)
{
    return QString(text).replace(u"${{"_s, u"$ {{"_s);
}

QString gitlabRunner(const QString &text)
{
    return QString(text).replace(u"$"_s, u"$$"_s);
}

QString dvc(const QString &text)
{
    return QString(text).replace(u"${"_s, u"\\${"_s);
}

QString jinja(const QString &text)
{
    if (!needsRawBlock(text))
        return text;
    QString result;
    QString raw;
    const auto flush = [&] {
        if (!raw.isEmpty())
            result += u"{% raw %}"_s + raw + u"{% endraw %}"_s;
        raw.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'{' && i + 1 < text.size() && text.at(i + 1) == u'%') {
            flush();
            result += u"{{ '{%' }}"_s;
            ++i;
        } else if (text.at(i) == u'\r') {
            flush();
            result += u"{{ '\\r' }}"_s; // a Jinja string escape: raw blocks normalise \r
        } else {
            raw += text.at(i);
        }
    }
    flush();
    return result;
}

QString pythonString(const QString &text)
{
    QString result = u"\""_s;
    for (const char32_t c : codePoints(text)) {
        if (c == u'\\' || c == u'"')
            result += u'\\' + QChar(c);
        else if (c == u'\n')
            result += u"\\n"_s;
        else if (c == u'\r')
            result += u"\\r"_s;
        else if (c == u'\t')
            result += u"\\t"_s;
        else if (!isInvisible(c))
            result += QString::fromUcs4(&c, 1);
        else if (c <= 0xff)
            result += u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
        else if (c <= 0xffff)
            result += u"\\u%1"_s.arg(uint(c), 4, 16, QChar(u'0'));
        else
            result += u"\\U%1"_s.arg(uint(c), 8, 16, QChar(u'0'));
    }
    return result + u'"';
}

QString shellWord(const QString &word)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    if (plain.match(word).hasMatch())
        return word;
    return u"'"_s + QString(word).replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

QString shellCommand(const QStringList &argv)
{
    static const QStringList keywords{u"case"_s,
                                      u"do"_s,
                                      u"done"_s,
                                      u"elif"_s,
                                      u"else"_s,
                                      u"esac"_s,
                                      u"fi"_s,
                                      u"for"_s,
                                      u"function"_s,
                                      u"if"_s,
                                      u"in"_s,
                                      u"select"_s,
                                      u"then"_s,
                                      u"time"_s,
                                      u"until"_s,
                                      u"while"_s};
    QStringList words;
    for (const QString &argument : argv) {
        const bool first = words.isEmpty();
        QString word = shellWord(argument);
        if (first && word == argument && (argument.contains(u'=') || keywords.contains(argument)))
            word = u"'"_s + argument + u"'"_s;
        words << word;
    }
    return words.join(u' ');
}

} // namespace ExportEscapes
