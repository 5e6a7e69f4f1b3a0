#include "curriculum/markdownblocks.h"

#include <QHash>
#include <QRegularExpression>

#include <md4c.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Offsets where lines start, to turn md4c's text pointers into line numbers.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &text)
        : m_size(text.size())
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text.at(i);
            const bool crlf = c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crlf)
                m_starts.append(i + 1);
        }
    }

    int lineAt(qsizetype offset) const
    {
        return int(std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset)
                   - m_starts.cbegin());
    }

    int lineCount() const
    {
        const bool endsWithBreak = m_starts.size() > 1 && m_starts.last() == m_size;
        return int(m_starts.size()) - (endsWithBreak ? 1 : 0);
    }

private:
    qsizetype m_size;
    QList<qsizetype> m_starts;
};

// An opening or closing code fence: three or more '`' or '~', after any indentation or
// blockquote markers (counting those errs towards leaving lines alone).
struct Fence
{
    char marker = 0; // 0: not a fence
    qsizetype length = 0;
    bool bare = false; // nothing after the marker run, as a closing fence must be
};

Fence fenceOf(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t' || line.at(i) == '>'))
        ++i;
    if (i == line.size() || (line.at(i) != '`' && line.at(i) != '~'))
        return {};
    const char marker = line.at(i);
    qsizetype length = 0;
    while (i + length < line.size() && line.at(i + length) == marker)
        ++length;
    const QByteArrayView rest = line.sliced(i + length);
    if (length < 3 || (marker == '`' && rest.contains('`')))
        return {}; // too short, or an inline code span
    return {marker, length, rest.trimmed().isEmpty()};
}

// `|:-|--|-:|`: cells of the form `\s*:?-+:?\s*` between pipes, the outer pipes optional.
bool isDelimiterRow(QByteArrayView line)
{
    QByteArrayView row = line.trimmed();
    if (!row.contains('|'))
        return false;
    if (row.startsWith('|'))
        row = row.sliced(1);
    if (row.endsWith('|'))
        row = row.chopped(1);
    for (qsizetype start = 0;;) {
        qsizetype end = row.indexOf('|', start);
        if (end < 0)
            end = row.size();
        QByteArrayView cell = row.sliced(start, end - start).trimmed();
        if (cell.startsWith(':'))
            cell = cell.sliced(1);
        if (cell.endsWith(':'))
            cell = cell.chopped(1);
        if (cell.isEmpty()
            || std::any_of(cell.begin(), cell.end(), [](char c) { return c != '-'; }))
            return false;
        if (end == row.size())
            return true;
        start = end + 1;
    }
}

QByteArray withLongDashRuns(QByteArrayView row)
{
    constexpr qsizetype MinDashes = 3;
    QByteArray padded;
    for (qsizetype i = 0; i < row.size();) {
        qsizetype run = 0;
        while (i + run < row.size() && row.at(i + run) == '-')
            ++run;
        if (run == 0) {
            padded += row.at(i++);
        } else {
            padded.append(std::max(run, MinDashes), '-');
            i += run;
        }
    }
    return padded;
}

QString decodeEntity(const QString &entity)
{
    static const QHash<QString, QString> named = {
        {u"&amp;"_s, u"&"_s},
        {u"&lt;"_s, u"<"_s},
        {u"&gt;"_s, u">"_s},
        {u"&quot;"_s, u"\""_s},
        {u"&apos;"_s, u"'"_s},
        {u"&nbsp;"_s, u" "_s},
    };
    if (const auto it = named.constFind(entity); it != named.cend())
        return it.value();
    if (!entity.startsWith(u"&#"_s) || !entity.endsWith(u';'))
        return entity; // an entity we do not know stays as written
    const bool hex = entity.size() > 2 && entity.at(2).toLower() == u'x';
    bool ok = false;
    const char32_t code = entity.mid(hex ? 3 : 2).chopped(1).toUInt(&ok, hex ? 16 : 10);
    if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return QString(QChar::ReplacementCharacter);
    return QString::fromUcs4(&code, 1);
}

// Collapses whitespace runs to one space, but keeps the line breaks written as <br>. A byte
// order mark inside the text (files joined together) is dropped: it is not part of the words.
QString normalized(const QString &raw)
{
    QStringList lines = QString(raw).remove(QChar(0xFEFF)).split(u'\n');
    for (QString &line : lines)
        line = line.simplified();
    return lines.join(u'\n').trimmed();
}

// An attribute's text (a link's address), entities decoded.
QString attributeText(const MD_ATTRIBUTE &attribute)
{
    QString text;
    for (unsigned i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET start = attribute.substr_offsets[i];
        const QString part = QString::fromUtf8(attribute.text + start,
                                               qsizetype(attribute.substr_offsets[i + 1] - start));
        switch (attribute.substr_types[i]) {
        case MD_TEXT_ENTITY:
            text += decodeEntity(part);
            break;
        case MD_TEXT_NULLCHAR:
            text += QChar(QChar::ReplacementCharacter);
            break;
        default:
            text += part;
            break;
        }
    }
    return text;
}

// Receives md4c's callbacks and collects the blocks.
class Collector
{
public:
    explicit Collector(const QByteArray &text)
        : m_text(text)
        , m_lines(text)
    {}

    QList<MarkdownBlock> run()
    {
        MD_PARSER parser{};
        parser.flags = MD_FLAG_TABLES | MD_FLAG_TASKLISTS;
        parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
            static_cast<Collector *>(self)->enterBlock(type, detail);
            return 0;
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void *, void *self) {
            static_cast<Collector *>(self)->leaveBlock(type);
            return 0;
        };
        parser.enter_span = [](MD_SPANTYPE type, void *detail, void *self) {
            if (type == MD_SPAN_A)
                static_cast<Collector *>(self)->enterLink(*static_cast<MD_SPAN_A_DETAIL *>(detail));
            return 0;
        };
        parser.leave_span = [](MD_SPANTYPE type, void *, void *self) {
            if (type == MD_SPAN_A)
                static_cast<Collector *>(self)->leaveLink();
            return 0;
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self) {
            static_cast<Collector *>(self)->addText(type, text, size);
            return 0;
        };
        md_parse(m_text.constData(), MD_SIZE(m_text.size()), &parser, this);
        return m_blocks;
    }

private:
    void enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_H:
            startCapture(MarkdownBlock::Heading,
                         int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level));
            break;
        case MD_BLOCK_P:
            // A paragraph of a loose list item belongs to the item.
            if (m_capturing && m_current.kind == MarkdownBlock::ListItem) {
                m_raw += u' ';
                if (m_quoteDepth > m_captureQuoteDepth)
                    m_current.quoteInText = true;
            } else
                startCapture(MarkdownBlock::Paragraph, 0);
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            ++m_listDepth;
            break;
        case MD_BLOCK_LI:
            if (m_capturing)
                finishBlock(); // the parent item's text, before its nested list
            startCapture(MarkdownBlock::ListItem, m_listDepth);
            m_current.task = taskOf(*static_cast<MD_BLOCK_LI_DETAIL *>(detail));
            break;
        case MD_BLOCK_QUOTE:
            ++m_quoteDepth;
            break;
        case MD_BLOCK_TABLE:
            m_table = MarkdownBlock{};
            m_table.kind = MarkdownBlock::Table;
            break;
        case MD_BLOCK_TR:
            m_row.clear();
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            startCapture(MarkdownBlock::Table, 0);
            break;
        case MD_BLOCK_CODE:
        case MD_BLOCK_HTML:
            ++m_skipDepth;
            break;
        default:
            break;
        }
    }

    void leaveBlock(MD_BLOCKTYPE type)
    {
        switch (type) {
        case MD_BLOCK_H:
        case MD_BLOCK_LI:
            finishBlock();
            break;
        case MD_BLOCK_P:
            if (m_current.kind != MarkdownBlock::ListItem)
                finishBlock();
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            --m_listDepth;
            break;
        case MD_BLOCK_QUOTE:
            --m_quoteDepth;
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            m_row.append(normalized(m_raw));
            if (m_table.line == 0)
                m_table.line = m_current.line;
            m_capturing = false;
            break;
        case MD_BLOCK_TR:
            m_table.rows.append(m_row);
            break;
        case MD_BLOCK_TABLE:
            if (m_table.line == 0)
                m_table.line = m_lastLine;
            m_blocks.append(m_table);
            break;
        case MD_BLOCK_CODE:
        case MD_BLOCK_HTML:
            --m_skipDepth;
            break;
        default:
            break;
        }
    }

    void addText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        if (text >= m_text.constData() && text < m_text.constData() + m_text.size()) {
            m_lastLine = m_lines.lineAt(text - m_text.constData());
            if (m_capturing && m_current.line == 0)
                m_current.line = m_lastLine;
        }
        if (!m_capturing || m_skipDepth > 0)
            return;
        const QString content = QString::fromUtf8(text, qsizetype(size));
        const qsizetype before = m_raw.size();
        switch (type) {
        case MD_TEXT_NORMAL:
        case MD_TEXT_LATEXMATH:
            m_raw += QString(content).replace(u'\n', u' ');
            break;
        case MD_TEXT_CODE:
            appendCode(content);
            break;
        case MD_TEXT_NULLCHAR:
            m_raw += QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_BR:
            m_raw += u'\n';
            break;
        case MD_TEXT_SOFTBR:
            m_raw += u' ';
            break;
        case MD_TEXT_ENTITY:
            m_raw += decodeEntity(content);
            break;
        case MD_TEXT_HTML:
            appendHtml(content);
            break;
        }
        // Checked on the new text only: a block can be megabytes long.
        if (!m_textSeen)
            m_textSeen = std::any_of(
                m_raw.cbegin() + before, m_raw.cend(), [](QChar c) { return !c.isSpace(); });
    }

    void appendCode(QString code)
    {
        code.replace(u'\n', u' ');
        // In a table cell an escaped pipe is part of the cell syntax, even inside code (GFM).
        if (m_current.kind == MarkdownBlock::Table)
            code.replace(u"\\|"_s, u"|"_s);
        m_raw += code;
    }

    void appendHtml(const QString &html)
    {
        static const QRegularExpression lineBreak(u"^<br\\s*/?>$"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
        if (lineBreak.match(html).hasMatch())
            m_raw += u'\n';
        // Other inline tags are markup, not text: their content arrives as normal text.
    }

    static MarkdownBlock::Task taskOf(const MD_BLOCK_LI_DETAIL &item)
    {
        if (!item.is_task)
            return MarkdownBlock::NoTask;
        return item.task_mark == ' ' ? MarkdownBlock::Unchecked : MarkdownBlock::Checked;
    }

    // Links are kept for the blocks whose text is read as a whole, not for table cells.
    void enterLink(const MD_SPAN_A_DETAIL &link)
    {
        if (!m_capturing || m_current.kind == MarkdownBlock::Table || m_skipDepth > 0)
            return;
        m_linkStart = m_raw.size();
        m_linkHref = attributeText(link.href);
        m_linkStartsBlock = !m_textSeen;
    }

    void leaveLink()
    {
        if (m_linkStart < 0)
            return;
        if (m_capturing && m_linkStart <= m_raw.size())
            m_current.links.append(
                {normalized(m_raw.sliced(m_linkStart)), m_linkHref, m_linkStartsBlock});
        m_linkStart = -1;
    }

    void startCapture(MarkdownBlock::Kind kind, int level)
    {
        m_current = MarkdownBlock{};
        m_current.kind = kind;
        m_current.level = level;
        m_current.quoted = m_quoteDepth > 0;
        m_captureQuoteDepth = m_quoteDepth;
        m_raw.clear();
        m_textSeen = false;
        m_capturing = true;
    }

    void finishBlock()
    {
        if (!m_capturing)
            return;
        m_capturing = false;
        m_current.text = normalized(m_raw);
        if (m_current.line == 0)
            m_current.line = std::max(m_lastLine, 1);
        m_blocks.append(m_current);
    }

    const QByteArray &m_text;
    LineIndex m_lines;
    QList<MarkdownBlock> m_blocks;
    MarkdownBlock m_current;
    MarkdownBlock m_table;
    QStringList m_row;
    QString m_raw;
    bool m_capturing = false;
    bool m_textSeen = false; // m_raw holds more than spaces
    int m_listDepth = 0;
    int m_quoteDepth = 0;
    int m_captureQuoteDepth = 0; // m_quoteDepth when the block being captured started
    int m_skipDepth = 0;
    qsizetype m_linkStart = -1; // where the open link's text starts in m_raw, -1 outside links
    QString m_linkHref;
    bool m_linkStartsBlock = false;
    int m_lastLine = 1;
};

} // namespace

namespace MarkdownBlocks {

QList<MarkdownBlock> parse(const QByteArray &utf8)
{
    const QByteArray padded = padDelimiterRows(utf8);
    return Collector(padded).run();
}

QByteArray padDelimiterRows(const QByteArray &utf8)
{
    QByteArray result;
    result.reserve(utf8.size());
    Fence openFence;
    bool inTable = false; // a table's body rows are left alone, even when made of dashes
    bool afterPipe = false;
    for (qsizetype start = 0; start < utf8.size();) {
        qsizetype end = start;
        while (end < utf8.size() && utf8.at(end) != '\n' && utf8.at(end) != '\r')
            ++end;
        qsizetype next = end;
        if (next < utf8.size() && utf8.at(next) == '\r')
            ++next;
        if (next < utf8.size() && utf8.at(next) == '\n')
            ++next;
        const QByteArrayView line(utf8.constData() + start, end - start);
        const Fence fence = fenceOf(line);
        bool hasPipe = false;
        if (openFence.marker != 0) {
            if (fence.marker == openFence.marker && fence.length >= openFence.length && fence.bare)
                openFence = {};
            result += line;
        } else if (fence.marker != 0) {
            openFence = fence;
            inTable = false;
            result += line;
        } else if (afterPipe && !inTable && isDelimiterRow(line)) {
            inTable = true;
            result += withLongDashRuns(line);
        } else {
            if (line.trimmed().isEmpty())
                inTable = false;
            hasPipe = line.contains('|');
            result += line;
        }
        afterPipe = hasPipe;
        result += QByteArrayView(utf8.constData() + end, next - end); // the line break as it was
        start = next;
    }
    return result;
}

int lineCount(const QByteArray &utf8)
{
    return LineIndex(utf8).lineCount();
}

int lineAt(const QByteArray &utf8, qsizetype offset)
{
    return LineIndex(utf8).lineAt(offset);
}

} // namespace MarkdownBlocks
