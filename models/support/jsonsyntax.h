#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

// A strict check of JSON text (RFC 8259, UTF-8) in one pass without building a document, for
// files too big to parse into QJsonDocument quickly. Stricter than QJsonDocument where Qt is lax
// ("1.", raw tabs in strings, unknown escapes); like the standard, it accepts a scalar document
// and reads a number that underflows (1e-400) as 0, which Qt refuses. It refuses a number too
// large for a double, limits nesting without recursion, and records where each member of the
// root object starts, so a reader can take them in the order it needs.
namespace JsonSyntax {

inline constexpr int MaxDepth = 512;

struct RootMember
{
    QByteArrayView rawKey; // between the quotes, escapes not decoded
    qsizetype valueOffset; // the first byte of the member's value
};

struct Result
{
    bool ok = false;
    bool rootIsObject = false;
    QList<RootMember> rootMembers; // in file order; a repeated key appears twice
    qsizetype errorOffset = 0;
    QString errorMessage; // "unterminated string", "expected ',' or '}' after a member" …
};

Result check(QByteArrayView json, int maxDepth = MaxDepth);
// The 1-based line of a byte offset.
int lineAt(QByteArrayView json, qsizetype offset);

} // namespace JsonSyntax
