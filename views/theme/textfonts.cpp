#include "theme/textfonts.h"

namespace TextFonts {

QFont withoutLigatures(QFont font)
{
    // Qt 6.4 has no switch for one OpenType feature (QFont::setFeature came in 6.7). Whenever a
    // letter spacing is set, Qt's HarfBuzz shaping turns off the liga, clig, dlig and hlig
    // features for scripts where ligatures are cosmetic (Latin, Greek, Cyrillic…) and keeps
    // them where a script needs them (Arabic, Indic…); 100 % is the documented "spacing
    // unchanged". Kerning and accent placement stay. QFont::PreferNoShaping was tried and
    // rejected: in Qt 6.4 it drops kerning as well ("AV", "To" drawn wide apart).
    font.setLetterSpacing(QFont::PercentageSpacing, 100);
    return font;
}

} // namespace TextFonts
