#include "support/jsoncursor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace Qt::StringLiterals;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

// QString::fromUtf8 drops a byte order mark at the start of what it converts; inside a JSON
// string U+FEFF is text, so it is kept: "\uFEFF" written raw reads back as written.
QString fromUtf8KeepingBom(QByteArrayView utf8)
{
    constexpr QByteArrayView Bom("\xEF\xBB\xBF");
    qsizetype marks = 0;
    while (utf8.sliced(marks * Bom.size()).startsWith(Bom))
        ++marks;
    if (marks == 0)
        return QString::fromUtf8(utf8);
    return QString(marks, QChar(0xFEFF)) + QString::fromUtf8(utf8.sliced(marks * Bom.size()));
}

} // namespace

JsonCursor::JsonCursor(QByteArrayView json, qsizetype offset)
    : m_begin(json.data())
    , m_end(json.data() + json.size())
    , m_p(json.data() + offset)
{}

void JsonCursor::skipSpace()
{
    while (static_cast<unsigned char>(*m_p) <= ' ' && isSpace(*m_p))
        ++m_p;
}

JsonCursor::Type JsonCursor::type()
{
    skipSpace();
    switch (*m_p) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return Type::Number;
    }
}

QString JsonCursor::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return u"null"_s;
    case Type::Bool:
        return tr("a boolean");
    case Type::Number:
        return tr("a number");
    case Type::String:
        return tr("a string");
    case Type::Array:
        return tr("an array");
    case Type::Object:
        break;
    }
    return tr("an object");
}

QByteArrayView JsonCursor::rawString()
{
    const char *start = ++m_p;
    while (true) {
        // memchr runs through long strings many bytes at a time; a quote after an odd
        // number of backslashes is escaped.
        const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', m_end - m_p));
        const char *backslashes = quote;
        while (backslashes > start && backslashes[-1] == '\\')
            --backslashes;
        m_p = quote + 1;
        if ((quote - backslashes) % 2 == 0)
            return QByteArrayView(start, quote - start);
    }
}

QString JsonCursor::decode(QByteArrayView raw) const
{
    if (!raw.contains('\\'))
        return fromUtf8KeepingBom(raw);
    QString text;
    text.reserve(raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p != end) {
        const char *run = p;
        while (p != end && *p != '\\')
            ++p;
        text += fromUtf8KeepingBom(QByteArrayView(run, p - run));
        if (p == end)
            break;
        const char escaped = p[1];
        p += 2;
        switch (escaped) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = char16_t(unit * 16 + hexValue(p[i]));
            p += 4;
            text += QChar(unit);
            break;
        }
        default: // '"', '\\', '/'
            text += QLatin1Char(escaped);
        }
    }
    return text;
}

QString JsonCursor::string()
{
    skipSpace();
    return decode(rawString());
}

double JsonCursor::number()
{
    skipSpace();
    const char *start = m_p;
    while (*m_p == '-' || *m_p == '+' || *m_p == '.' || *m_p == 'e' || *m_p == 'E'
           || (*m_p >= '0' && *m_p <= '9')) {
        ++m_p;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(start, m_p, value);
    Q_UNUSED(end)
    if (error == std::errc::result_out_of_range) // underflow: the check refused overflow
        value = std::strtod(std::string(start, m_p).c_str(), nullptr);
    return value;
}

bool JsonCursor::boolean()
{
    skipSpace();
    const bool value = *m_p == 't';
    m_p += value ? 4 : 5;
    return value;
}

void JsonCursor::skip()
{
    skipSpace();
    int depth = 0;
    do {
        switch (*m_p) {
        case '"':
            rawString();
            continue;
        case '{':
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case 't':
        case 'n':
            m_p += 4;
            continue;
        case 'f':
            m_p += 5;
            continue;
        case ',':
        case ':':
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break;
        default:
            number();
            continue;
        }
        ++m_p;
    } while (depth > 0);
}

QJsonValue JsonCursor::scalar()
{
    switch (type()) {
    case Type::Null:
        skip();
        return QJsonValue::Null;
    case Type::Bool:
        return boolean();
    case Type::Number: {
        // Like QJsonDocument: a whole number in the range of qint64 is stored as an integer.
        const double value = number();
        if (std::trunc(value) == value && value >= -0x1p63 && value < 0x1p63)
            return qint64(value);
        return value;
    }
    case Type::String:
        return string();
    case Type::Array:
        skip();
        return QJsonArray();
    case Type::Object:
        break;
    }
    skip();
    return QJsonObject();
}

void JsonCursor::enter()
{
    skipSpace();
    ++m_p;
}

bool JsonCursor::nextMember(QByteArrayView *key)
{
    skipSpace();
    if (*m_p == ',') {
        ++m_p;
        skipSpace();
    }
    if (*m_p == '}') {
        ++m_p;
        return false;
    }
    const QByteArrayView raw = rawString();
    if (raw.contains('\\')) {
        m_keyBuffer = decode(raw).toUtf8();
        *key = m_keyBuffer;
    } else {
        *key = raw;
    }
    skipSpace();
    ++m_p; // ':'
    skipSpace();
    return true;
}

bool JsonCursor::nextElement()
{
    skipSpace();
    if (*m_p == ',') {
        ++m_p;
        skipSpace();
        return true;
    }
    if (*m_p == ']') {
        ++m_p;
        return false;
    }
    return true;
}
