#include "cli/docgen/roff.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Roff {

QString escaped(const QString &text)
{
    QString out;
    for (const uint c : text.toUcs4()) {
        switch (c) {
        case '\\':
            out += u"\\(rs"_s;
            break;
        case '-':
            out += u"\\-"_s;
            break;
        case '"':
            out += u"\\(dq"_s;
            break;
        case '\'':
            out += u"\\(aq"_s; // not a typographic quote: commands stay copyable
            break;
        case '`':
            out += u"\\(ga"_s;
            break;
        case '\n':
            out += u'\n';
            break;
        case '\t':
            out += u' ';
            break;
        default:
            if (c > 0x7f)
                out += u"\\[u"_s + QString::number(c, 16).toUpper().rightJustified(4, u'0') + u']';
            else if (c >= 0x20 && c < 0x7f) // control characters have no glyph: left out
                out += QChar(char16_t(c));
        }
    }
    // A line that starts with a dot would be a request: \& makes it text.
    out.replace(u"\n."_s, u"\n\\&."_s);
    if (out.startsWith(u'.'))
        out.prepend(u"\\&"_s);
    return out;
}

QString bold(const QString &text)
{
    return u"\\fB"_s + escaped(text) + u"\\fR"_s;
}

QString italic(const QString &text)
{
    return u"\\fI"_s + escaped(text) + u"\\fR"_s;
}

} // namespace Roff
