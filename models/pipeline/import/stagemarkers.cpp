#include "pipeline/import/stagemarkers.h"

using namespace Qt::StringLiterals;

namespace StageMarkers {

QString gitHubLiterals(const QString &text)
{
    QString result;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf(u"${{"_s, at);
        if (open < 0)
            break;
        // ${{ 'literal' }}: spaces, a quoted string ('' for a quote), spaces, }}.
        qsizetype i = open + 3;
        while (i < text.size() && text.at(i) == u' ')
            ++i;
        QString literal;
        bool closed = false;
        if (i < text.size() && text.at(i) == u'\'') {
            for (++i; i < text.size(); ++i) {
                if (text.at(i) != u'\'') {
                    literal += text.at(i);
                } else if (i + 1 < text.size() && text.at(i + 1) == u'\'') {
                    literal += u'\'';
                    ++i;
                } else {
                    closed = true;
                    ++i;
                    break;
                }
            }
        }
        while (closed && i < text.size() && text.at(i) == u' ')
            ++i;
        if (closed && text.mid(i, 2) == u"}}"_s) {
            result += text.mid(at, open - at) + literal;
            at = i + 2;
        } else {
            result += text.mid(at, open + 3 - at); // not a literal: as written
            at = open + 3;
        }
    }
    return result + text.mid(at);
}

QString kubernetesExpand(const QString &text, const QHash<QString, QString> &earlier)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (text.at(i) == u'$' && next == u'$') {
            result += u'$';
            ++i;
            continue;
        }
        if (text.at(i) == u'$' && next == u'(') {
            const qsizetype close = text.indexOf(u')', i + 2);
            const QString name = close < 0 ? QString() : text.mid(i + 2, close - i - 2);
            if (close >= 0 && earlier.contains(name)) {
                result += earlier.value(name);
                i = close;
                continue;
            }
        }
        result += text.at(i);
    }
    return result;
}

QString dvcLiteral(const QString &text)
{
    return QString(text).replace(u"\\${"_s, u"${"_s);
}

} // namespace StageMarkers
