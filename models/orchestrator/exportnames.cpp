#include "orchestrator/exportnames.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace ExportNames {

namespace {

QChar separatorOf(Style style)
{
    return style == Style::Kebab ? u'-' : u'_';
}

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Letters and digits in the style's case, every other run of characters one separator, none
// at either end. "Überwachung (v2)" -> "uberwachung-v2".
QString simplified(const QString &name, Style style)
{
    const QChar separator = separatorOf(style);
    // NFKD splits "é" into "e" and a combining accent, and "ﬁ" into "fi".
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString result;
    result.reserve(decomposed.size());
    bool pendingSeparator = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (!isAsciiLetterOrDigit(c)) {
            pendingSeparator = !result.isEmpty();
            continue;
        }
        if (pendingSeparator)
            result += separator;
        pendingSeparator = false;
        result += style == Style::UpperSnake ? c.toUpper() : c.toLower();
    }
    return result;
}

// At most `length` characters, without a separator at the end.
QString cut(const QString &name, qsizetype length, QChar separator)
{
    QString result = name.left(length);
    while (result.endsWith(separator))
        result.chop(1);
    return result;
}

} // namespace

QString sanitize(const QString &name, Style style, const QString &fallback, int maxLength)
{
    const QChar separator = separatorOf(style);
    QString result = simplified(name, style);
    const QString prefix = simplified(fallback, style);
    if (result.isEmpty())
        result = prefix;
    else if (result.front().isDigit())
        result = prefix + separator + result;
    return cut(result, maxLength, separator);
}

QStringList uniqueNames(const QStringList &names,
                        Style style,
                        const QString &fallback,
                        const QStringList &reserved)
{
    const QChar separator = separatorOf(style);
    QSet<QString> taken;
    for (const QString &name : reserved)
        taken.insert(name.toLower());
    QStringList result;
    result.reserve(names.size());
    for (const QString &name : names) {
        const QString base = sanitize(name, style, fallback);
        QString candidate = base;
        for (int n = 2; taken.contains(candidate.toLower()); ++n) {
            const QString suffix = separator + QString::number(n);
            candidate = cut(base, MaxLength - suffix.size(), separator) + suffix;
        }
        taken.insert(candidate.toLower());
        result << candidate;
    }
    return result;
}

} // namespace ExportNames
