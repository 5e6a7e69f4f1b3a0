#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// One page of the user manual, from its Markdown to the HTML the in-app viewer shows (F1).
// md4c renders it (GitHub's dialect: tables, strikethrough, autolinks, task lists); each heading
// gets the anchor GitHub would give it, so a link like `pipeline-canvas.md#diagram-export` finds
// the same place in the app as on the project's page.
namespace ManualDocument {

struct Page
{
    QString title;       // the text of the first heading, or empty
    QString html;        // the body, ready for QTextBrowser
    QStringList anchors; // every heading's anchor, in order
};

Page render(const QByteArray &markdown);

// A heading's anchor as GitHub makes it: its text lower-cased, every character that is not a
// letter, mark, digit, `_`, `-` or space dropped, each space turned into `-`. (A repeated anchor
// gets "-1", "-2"… : render() numbers them.)
QString slug(const QString &headingText);

} // namespace ManualDocument
