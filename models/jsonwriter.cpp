#include "jsonwriter.h"

#include <QLocale>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

void JsonWriter::newline()
{
    m_text += u'\n';
    m_text += QString(m_levels.size() * 2, u' ');
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
    m_text += bracket;
    m_levels.append({isInline, true});
}

void JsonWriter::end(QChar bracket)
{
    const Level level = m_levels.takeLast();
    if (!level.isInline && !level.empty)
        newline();
    m_text += bracket;
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
    m_text += u": "_s;
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
    m_text += std::isfinite(number) ? QString::number(number, 'g', QLocale::FloatingPointShortest)
                                    : u"0"_s;
}

void JsonWriter::value(bool flag)
{
    beginValue();
    m_text += flag ? u"true"_s : u"false"_s;
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
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            m_text += u"\\\""_s;
            break;
        case u'\\':
            m_text += u"\\\\"_s;
            break;
        case u'\n':
            m_text += u"\\n"_s;
            break;
        case u'\r':
            m_text += u"\\r"_s;
            break;
        case u'\t':
            m_text += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                m_text += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
            else
                m_text += c;
        }
    }
    m_text += u'"';
}

QByteArray JsonWriter::toUtf8() const
{
    return (m_text + u'\n').toUtf8();
}
