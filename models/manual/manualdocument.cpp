#include "manual/manualdocument.h"

#include <QHash>
#include <QRegularExpression>

#include <md4c-html.h>

using namespace Qt::StringLiterals;

namespace ManualDocument {

namespace {

void append(const MD_CHAR *text, MD_SIZE size, void *userData)
{
    static_cast<QByteArray *>(userData)->append(text, qsizetype(size));
}

// What a heading shows, from its HTML: tags dropped, and the four characters md4c escapes (it
// writes every other entity of the source as the character itself) back as they were.
QString textOf(const QString &headingHtml)
{
    static const QRegularExpression tag(u"<[^>]*>"_s);
    QString text = headingHtml;
    text.remove(tag);
    text.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
    text.replace(u"&amp;"_s, u"&"_s);
    return text.simplified();
}

} // namespace

QString slug(const QString &headingText)
{
    static const QRegularExpression dropped(u"[^\\w\\- ]"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    QString id = headingText.toLower();
    id.remove(dropped);
    id.replace(u' ', u'-');
    return id;
}

Page render(const QByteArray &markdown)
{
    QByteArray html;
    const unsigned parserFlags = MD_DIALECT_GITHUB;
    if (md_html(markdown.constData(), MD_SIZE(markdown.size()), append, &html, parserFlags, 0) != 0)
        return {QString(), u"<pre>%1</pre>"_s.arg(QString::fromUtf8(markdown).toHtmlEscaped()), {}};

    // md4c writes headings as <hN>…</hN>; each gets GitHub's anchor round its text (QTextBrowser
    // drops an empty anchor), or in front of it when the heading holds a link itself.
    static const QRegularExpression heading(u"<h([1-6])>(.*?)</h\\1>"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const QString body = QString::fromUtf8(html);
    Page page;
    QHash<QString, int> seen;
    qsizetype done = 0;
    QRegularExpressionMatchIterator headings = heading.globalMatch(body);
    while (headings.hasNext()) {
        const QRegularExpressionMatch match = headings.next();
        const QString text = textOf(match.captured(2));
        if (page.title.isEmpty())
            page.title = text;
        const QString id = slug(text);
        const int repeats = seen.value(id);
        seen[id] = repeats + 1;
        const QString anchor = repeats == 0 ? id : u"%1-%2"_s.arg(id).arg(repeats);
        page.anchors << anchor;
        page.html += QStringView(body).mid(done, match.capturedStart() - done);
        const QString level = match.captured(1), inner = match.captured(2);
        const QString name = anchor.toHtmlEscaped();
        page.html += inner.contains(u"<a "_s)
                         ? u"<h%1><a name=\"%2\"></a>%3</h%1>"_s.arg(level, name, inner)
                         : u"<h%1><a name=\"%2\">%3</a></h%1>"_s.arg(level, name, inner);
        done = match.capturedEnd();
    }
    page.html += QStringView(body).mid(done);
    return page;
}

} // namespace ManualDocument
