#include "support/jsonsyntax.h"

#include <QCoreApplication>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace JsonSyntax {

namespace {

// The texts of the failures. What a failure expected is passed on untranslated
// (QT_TRANSLATE_NOOP) and translated only when the failure happens.
struct JsonSyntaxText
{
    Q_DECLARE_TR_FUNCTIONS(JsonSyntaxText)
};

struct Failure
{
    const char *at;
    QString message;
};

[[noreturn]] void failAt(const char *at, const QString &message)
{
    throw Failure{at, message};
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Bytes a string can hold as they are: printable ASCII but the quote and the backslash.
constexpr auto PlainStringBytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[c] = c != '"' && c != '\\';
    return plain;
}();

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class Scanner
{
public:
    Scanner(QByteArrayView json)
        : m_begin(json.data())
        , m_p(json.data())
        , m_end(json.data() + json.size())
    {}

    const char *begin() const { return m_begin; }
    const char *position() const { return m_p; }
    bool atEnd() const { return m_p == m_end; }

    void skipSpace()
    {
        while (m_p != m_end && static_cast<unsigned char>(*m_p) <= ' ' && isSpace(*m_p))
            ++m_p;
    }

    // The next byte after white space; fails at the end of the text.
    char peek(const char *expected)
    {
        skipSpace();
        if (m_p == m_end)
            failAt(m_p,
                   JsonSyntaxText::tr("unexpected end of the file, expected %1")
                       .arg(JsonSyntaxText::tr(expected)));
        return *m_p;
    }

    void expect(char c, const char *what)
    {
        if (peek(what) != c)
            failAt(m_p, JsonSyntaxText::tr("expected %1").arg(JsonSyntaxText::tr(what)));
        ++m_p;
    }

    void advance() { ++m_p; }

    // m_p is at the opening quote; returns the text between the quotes.
    QByteArrayView string()
    {
        const char *start = ++m_p;
        while (true) {
            while (m_p != m_end && PlainStringBytes[static_cast<unsigned char>(*m_p)])
                ++m_p;
            if (m_p == m_end)
                failAt(start - 1, JsonSyntaxText::tr("unterminated string"));
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c == '\\')
                escape();
            else if (c < 0x20)
                failAt(
                    m_p,
                    JsonSyntaxText::tr(
                        "a control character in a string (write it as an escape, \\n or \\u00XX)"));
            else
                utf8Sequence();
        }
        const QByteArrayView text(start, m_p - start);
        ++m_p;
        return text;
    }

    void number()
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            failAt(start, JsonSyntaxText::tr("a number needs digits"));
        if (*m_p == '0')
            ++m_p;
        else
            digits();
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                failAt(m_p, JsonSyntaxText::tr("a number needs digits after the decimal point"));
            digits();
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                failAt(m_p, JsonSyntaxText::tr("a number needs digits in its exponent"));
            digits();
        }
        double value = 0;
        const auto [end, error] = std::from_chars(start, m_p, value);
        Q_UNUSED(end)
        // from_chars reports underflow (1e-400, read as 0) and overflow alike: only overflow
        // has no double to stand for it.
        if (error == std::errc::result_out_of_range
            && std::isinf(std::strtod(std::string(start, m_p).c_str(), nullptr))) {
            failAt(start, JsonSyntaxText::tr("a number too large"));
        }
    }

    void literal(const char *word)
    {
        const char *start = m_p;
        for (const char *w = word; *w; ++w, ++m_p) {
            if (m_p == m_end || *m_p != *w)
                failAt(start, JsonSyntaxText::tr("unexpected character"));
        }
    }

private:
    void digits()
    {
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }

    void escape()
    {
        const char *start = m_p++;
        if (m_p == m_end)
            failAt(start, JsonSyntaxText::tr("unterminated string"));
        switch (*m_p) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++m_p;
            return;
        case 'u':
            ++m_p;
            for (int i = 0; i < 4; ++i, ++m_p) {
                if (m_p == m_end || !isHex(*m_p))
                    failAt(start, JsonSyntaxText::tr("a \\u escape needs four hex digits"));
            }
            return;
        default:
            failAt(start, JsonSyntaxText::tr("an unknown escape in a string"));
        }
    }

    // A well-formed UTF-8 sequence: no overlong forms, no surrogates, nothing past U+10FFFF.
    void utf8Sequence()
    {
        const auto lead = static_cast<unsigned char>(*m_p);
        int length = 0;
        unsigned char low = 0x80, high = 0xBF; // the range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            failAt(m_p, JsonSyntaxText::tr("not UTF-8 text"));
        }
        if (m_end - m_p < length)
            failAt(m_p, JsonSyntaxText::tr("not UTF-8 text"));
        for (int i = 1; i < length; ++i) {
            const auto c = static_cast<unsigned char>(m_p[i]);
            if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF))
                failAt(m_p, JsonSyntaxText::tr("not UTF-8 text"));
        }
        m_p += length;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
};

// The document's structure: each value, and the containers values open and close, kept on a
// stack rather than by recursion, so no nesting can overflow the call stack.
class Checker
{
public:
    Checker(QByteArrayView json, int maxDepth, Result &result)
        : m_scanner(json)
        , m_maxDepth(maxDepth)
        , m_result(result)
    {}

    void document()
    {
        m_result.rootIsObject
            = m_scanner.peek(QT_TRANSLATE_NOOP("JsonSyntaxText", "a value")) == '{';
        while (true) {
            if (value())
                continue; // the container's first value comes next
            if (!separatorOrEnds())
                break;
        }
        m_scanner.skipSpace();
        if (!m_scanner.atEnd())
            failAt(m_scanner.position(),
                   JsonSyntaxText::tr("more text after the end of the document"));
    }

private:
    // One value; true when it opened a container with something in it.
    bool value()
    {
        const char c = m_scanner.peek(QT_TRANSLATE_NOOP("JsonSyntaxText", "a value"));
        if (c == '{' || c == '[')
            return openContainer(c);
        if (c == '"')
            m_scanner.string();
        else if (c == '-' || isDigit(c))
            m_scanner.number();
        else if (c == 't')
            m_scanner.literal("true");
        else if (c == 'f')
            m_scanner.literal("false");
        else if (c == 'n')
            m_scanner.literal("null");
        else
            failAt(m_scanner.position(), JsonSyntaxText::tr("expected a value"));
        return false;
    }

    // At '{' or '['; an empty container is closed at once (and false returned).
    bool openContainer(char c)
    {
        if (int(m_open.size()) >= m_maxDepth)
            failAt(m_scanner.position(),
                   JsonSyntaxText::tr("nested more than %1 deep").arg(m_maxDepth));
        m_open.push_back(c == '{' ? '}' : ']');
        m_scanner.advance();
        if (m_scanner.peek(c == '{' ? QT_TRANSLATE_NOOP("JsonSyntaxText", "a member or '}'")
                                    : QT_TRANSLATE_NOOP("JsonSyntaxText", "a value or ']'"))
            == m_open.back()) {
            m_scanner.advance();
            m_open.pop_back();
            return false;
        }
        if (c == '{')
            memberKey();
        return true;
    }

    // After a value: a separator (true: another value follows), or the ends of the containers
    // it closes (false when that closed the root, or the root was no container).
    bool separatorOrEnds()
    {
        while (!m_open.empty()) {
            const bool inObject = m_open.back() == '}';
            const char after
                = m_scanner.peek(inObject ? QT_TRANSLATE_NOOP("JsonSyntaxText", "',' or '}'")
                                          : QT_TRANSLATE_NOOP("JsonSyntaxText", "',' or ']'"));
            if (after == ',') {
                m_scanner.advance();
                if (inObject)
                    memberKey();
                return true;
            }
            if (after != m_open.back()) {
                failAt(m_scanner.position(),
                       inObject ? JsonSyntaxText::tr("expected ',' or '}' after a member")
                                : JsonSyntaxText::tr("expected ',' or ']' after an element"));
            }
            m_scanner.advance();
            m_open.pop_back();
        }
        return false;
    }

    // Reads a member's key and colon; at the root it remembers where the value starts.
    void memberKey()
    {
        if (m_scanner.peek(QT_TRANSLATE_NOOP("JsonSyntaxText", "a member name in quotes")) != '"')
            failAt(m_scanner.position(), JsonSyntaxText::tr("expected a member name in quotes"));
        const QByteArrayView key = m_scanner.string();
        m_scanner.expect(':', QT_TRANSLATE_NOOP("JsonSyntaxText", "':' after a member name"));
        if (m_open.size() == 1) {
            m_scanner.skipSpace();
            m_result.rootMembers.append({key, m_scanner.position() - m_scanner.begin()});
        }
    }

    Scanner m_scanner;
    int m_maxDepth;
    Result &m_result;
    std::vector<char> m_open; // the closing bracket of each open container
};

} // namespace

Result check(QByteArrayView json, int maxDepth)
{
    Result result;
    try {
        Checker(json, maxDepth, result).document();
    } catch (const Failure &failure) {
        result.errorOffset = failure.at - json.data();
        result.errorMessage = failure.message;
        result.rootMembers.clear();
        return result;
    }
    result.ok = true;
    return result;
}

int lineAt(QByteArrayView json, qsizetype offset)
{
    return int(json.first(qBound(qsizetype(0), offset, json.size())).count('\n')) + 1;
}

} // namespace JsonSyntax
