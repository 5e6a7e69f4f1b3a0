#pragma once

#include <QFont>

// Font settings for text that also goes into exported PDF and SVG files.
namespace TextFonts {

// The font, drawing Latin text without ligatures. Qt's PDF writer maps a ligature glyph back to
// the ligature's own code point, so "workflows" drawn with DejaVu's fl ligature comes out of
// the PDF as "workﬂows" (U+FB02), which search and copy in many viewers then miss.
QFont withoutLigatures(QFont font);

} // namespace TextFonts
