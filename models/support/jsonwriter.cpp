#include "support/jsonwriter.h"

#include <QLocale>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

void JsonWriter::append(const QString &text)
{
    m_text.append(reinterpret_cast<const char16_t *>(text.utf16()), std::size_t(text.size()));
}

void JsonWriter::newline()
{
    m_text += u'\n';
    m_text.append(std::size_t(m_levels.size() * 2), u' ');
}

void JsonWriter::beginValue()
{
    if (std::exchange(m_afterKey, false) || m_levels.isEmpty())
        return;
    Level &level = m_levels.last();
    if (!level.empty)
        m_text += u',';
    if (level.isInline) {
        if (!level.empty)
            m_text += u' ';
    } else {
        newline();
    }
    level.empty = false;
}

void JsonWriter::begin(QChar bracket, Layout layout)
{
    beginValue();
    // Anything inside a one-line container stays on that line.
    const bool isInline
        = layout == Layout::Inline || (!m_levels.isEmpty() && m_levels.constLast().isInline);
    m_text += bracket.unicode();
    m_levels.append({isInline, true});
}

void JsonWriter::end(QChar bracket)
{
    const Level level = m_levels.takeLast();
    if (!level.isInline && !level.empty)
        newline();
    m_text += bracket.unicode();
}

void JsonWriter::beginObject(Layout layout)
{
    begin(u'{', layout);
}

void JsonWriter::endObject()
{
    end(u'}');
}

void JsonWriter::beginArray(Layout layout)
{
    begin(u'[', layout);
}

void JsonWriter::endArray()
{
    end(u']');
}

void JsonWriter::key(const QString &name)
{
    beginValue();
    appendString(name);
    m_text += u": ";
    m_afterKey = true;
}

void JsonWriter::value(const QString &text)
{
    beginValue();
    appendString(text);
}

void JsonWriter::value(double number)
{
    beginValue();
    // The shortest text that reads back as the same double: 260, not 260.000000.
    append(std::isfinite(number) ? QString::number(number, 'g', QLocale::FloatingPointShortest)
                                 : u"0"_s);
}

void JsonWriter::integer(qint64 number)
{
    beginValue();
    append(QString::number(number));
}

void JsonWriter::null()
{
    beginValue();
    m_text += u"null";
}

void JsonWriter::value(bool flag)
{
    beginValue();
    m_text += flag ? u"true" : u"false";
}

void JsonWriter::stringArray(const QStringList &list)
{
    beginArray(Layout::Inline);
    for (const QString &text : list)
        value(text);
    endArray();
}

void JsonWriter::appendString(const QString &text)
{
    m_text += u'"';
    // Runs that need no escape (nearly all text) are appended whole.
    const QChar *run = text.constData();
    const QChar *end = run + text.size();
    for (const QChar *c = run; c != end; ++c) {
        const char16_t unit = c->unicode();
        if (unit >= 0x20 && unit != u'"' && unit != u'\\')
            continue;
        m_text.append(reinterpret_cast<const char16_t *>(run), std::size_t(c - run));
        run = c + 1;
        switch (unit) {
        case u'"':
            m_text += u"\\\"";
            break;
        case u'\\':
            m_text += u"\\\\";
            break;
        case u'\n':
            m_text += u"\\n";
            break;
        case u'\r':
            m_text += u"\\r";
            break;
        case u'\t':
            m_text += u"\\t";
            break;
        default:
            append(u"\\u%1"_s.arg(uint(unit), 4, 16, QChar(u'0')));
        }
    }
    m_text.append(reinterpret_cast<const char16_t *>(run), std::size_t(end - run));
    m_text += u'"';
}

QByteArray JsonWriter::toUtf8() const
{
    QByteArray utf8 = QStringView(m_text).toUtf8();
    utf8 += '\n';
    return utf8;
}
