#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A Markdown document flattened by md4c (tables and task lists enabled) into the blocks the
// importer reasons about, with their plain text: emphasis dropped, links reduced to their text,
// inline code without backticks, entities decoded, whitespace collapsed. A hard break or <br> is
// a '\n'.

// A link in a block's text: what it reads and where it points (an autolink reads its address).
struct MarkdownLink
{
    QString text;
    QString href;
    bool startsBlock = false; // no text before it in its block
};

struct MarkdownBlock
{
    enum Kind { Heading, Paragraph, Table, ListItem };
    // A task-list item ("- [ ] …", "- [x] …"); the mark is not part of the text.
    enum Task { NoTask, Unchecked, Checked };

    Kind kind = Paragraph;
    int line = 0;              // 1-based source line where the block's text starts
    int level = 0;             // heading level, or list nesting depth (1 = top level)
    QString text;              // heading, paragraph or list item text
    QList<QStringList> rows;   // table: the header row first, then the body rows
    QList<MarkdownLink> links; // heading, paragraph or list item: its links, in order
    Task task = NoTask;        // list item
    bool quoted = false;       // the block is inside a block quote
    // List item: a block quote right after the item's own text was joined to that text, as
    // any paragraph of the item is.
    bool quoteInText = false;

    int columnCount() const { return rows.isEmpty() ? 0 : int(rows.first().size()); }
    int bodyRowCount() const { return rows.isEmpty() ? 0 : int(rows.size()) - 1; }
};

namespace MarkdownBlocks {
// `utf8` must be valid UTF-8. Table delimiter rows are padded first (padDelimiterRows).
QList<MarkdownBlock> parse(const QByteArray &utf8);
// md4c 0.4 needs three dashes per table delimiter cell, GFM only one: a delimiter row
// (`|-|:-:|--|`) directly after a line with a pipe, outside fenced code blocks and not inside a
// table already, gets each cell's dashes padded to three. Line breaks are kept as they are, so
// line numbers do not change.
QByteArray padDelimiterRows(const QByteArray &utf8);
// The number of lines as an editor shows them (at least 1); '\n', "\r\n" and '\r' end a line.
int lineCount(const QByteArray &utf8);
// The 1-based line holding byte `offset`.
int lineAt(const QByteArray &utf8, qsizetype offset);
} // namespace MarkdownBlocks
