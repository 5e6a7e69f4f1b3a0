#include "support/jsonsyntax.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace JsonSyntax {

namespace {

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
                   u"unexpected end of the file, expected %1"_s.arg(QLatin1StringView(expected)));
        return *m_p;
    }

    void expect(char c, const char *what)
    {
        if (peek(what) != c)
            failAt(m_p, u"expected %1"_s.arg(QLatin1StringView(what)));
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
                failAt(start - 1, u"unterminated string"_s);
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c == '\\')
                escape();
            else if (c < 0x20)
                failAt(
                    m_p,
                    u"a control character in a string (write it as an escape, \\n or \\u00XX)"_s);
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
            failAt(start, u"a number needs digits"_s);
        if (*m_p == '0')
            ++m_p;
        else
            digits();
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                failAt(m_p, u"a number needs digits after the decimal point"_s);
            digits();
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                failAt(m_p, u"a number needs digits in its exponent"_s);
            digits();
        }
        double value = 0;
        const auto [end, error] = std::from_chars(start, m_p, value);
        Q_UNUSED(end)
        // from_chars reports underflow (1e-400, read as 0) and overflow alike: only overflow
        // has no double to stand for it.
        if (error == std::errc::result_out_of_range
            && std::isinf(std::strtod(std::string(start, m_p).c_str(), nullptr))) {
            failAt(start, u"a number too large"_s);
        }
    }

    void literal(const char *word)
    {
        const char *start = m_p;
        for (const char *w = word; *w; ++w, ++m_p) {
            if (m_p == m_end || *m_p != *w)
                failAt(start, u"unexpected character"_s);
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
            failAt(start, u"unterminated string"_s);
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
                    failAt(start, u"a \\u escape needs four hex digits"_s);
            }
            return;
        default:
            failAt(start, u"an unknown escape in a string"_s);
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
            failAt(m_p, u"not UTF-8 text"_s);
        }
        if (m_end - m_p < length)
            failAt(m_p, u"not UTF-8 text"_s);
        for (int i = 1; i < length; ++i) {
            const auto c = static_cast<unsigned char>(m_p[i]);
            if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF))
                failAt(m_p, u"not UTF-8 text"_s);
        }
        m_p += length;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
};

} // namespace

Result check(QByteArrayView json, int maxDepth)
{
    Result result;
    Scanner scanner(json);
    std::vector<char> open; // the closing bracket of each open container
    // Reads a member's key and colon; at the root it remembers where the value starts.
    const auto memberKey = [&] {
        if (scanner.peek("a member name in quotes") != '"')
            failAt(scanner.position(), u"expected a member name in quotes"_s);
        const QByteArrayView key = scanner.string();
        scanner.expect(':', "':' after a member name");
        if (open.size() == 1) {
            scanner.skipSpace();
            result.rootMembers.append({key, scanner.position() - scanner.begin()});
        }
    };
    try {
        result.rootIsObject = scanner.peek("a value") == '{';
        while (true) {
            // A value.
            const char c = scanner.peek("a value");
            bool opened = false;
            if (c == '{' || c == '[') {
                if (int(open.size()) >= maxDepth)
                    failAt(scanner.position(), u"nested more than %1 deep"_s.arg(maxDepth));
                open.push_back(c == '{' ? '}' : ']');
                scanner.advance();
                if (scanner.peek(c == '{' ? "a member or '}'" : "a value or ']'") == open.back()) {
                    scanner.advance();
                    open.pop_back();
                } else {
                    opened = true;
                    if (c == '{')
                        memberKey();
                }
            } else if (c == '"') {
                scanner.string();
            } else if (c == '-' || isDigit(c)) {
                scanner.number();
            } else if (c == 't') {
                scanner.literal("true");
            } else if (c == 'f') {
                scanner.literal("false");
            } else if (c == 'n') {
                scanner.literal("null");
            } else {
                failAt(scanner.position(), u"expected a value"_s);
            }
            if (opened)
                continue;
            // After a value: a separator, or the ends of the containers it closes.
            bool next = false;
            while (!open.empty() && !next) {
                const bool inObject = open.back() == '}';
                const char after = scanner.peek(inObject ? "',' or '}'" : "',' or ']'");
                if (after == ',') {
                    scanner.advance();
                    if (inObject)
                        memberKey();
                    next = true;
                } else if (after == open.back()) {
                    scanner.advance();
                    open.pop_back();
                } else {
                    failAt(scanner.position(),
                           inObject ? u"expected ',' or '}' after a member"_s
                                    : u"expected ',' or ']' after an element"_s);
                }
            }
            if (!next)
                break;
        }
        scanner.skipSpace();
        if (!scanner.atEnd())
            failAt(scanner.position(), u"more text after the end of the document"_s);
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
