#pragma once

#include <QString>

// Text as roff (man(7)) reads it, so the page shows exactly the help texts' characters.
namespace Roff {

// Escapes `text` for a roff text line or a quoted macro argument: backslashes, quotes, hyphens
// (as \- so that options can be copied and searched for), a leading dot or apostrophe (which
// would start a request), and every non-ASCII character as \[uXXXX], so that groff reads the page
// the same without preconv.
QString escaped(const QString &text);
// `text` in bold (\fB…\fR), escaped.
QString bold(const QString &text);
// `text` in italics (\fI…\fR), escaped.
QString italic(const QString &text);

} // namespace Roff
