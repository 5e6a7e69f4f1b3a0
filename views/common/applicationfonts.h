#pragma once

#include <QStringList>
#include <QStringView>

// The fonts the app ships (resources/fonts, compiled in as ":/fonts/"): registered at start and
// made the application font, so the window, the roadmap (whose themes name this family) and
// exports lay out the same on every machine, whatever fonts it has installed.
namespace ApplicationFonts {

inline constexpr QStringView Family = u"DejaVu Sans";

// Registers the shipped fonts and makes Family the application font, keeping the platform's
// point size (the user's choice of size stays). Needs a QGuiApplication; a second call does
// nothing. Returns false when a font could not be registered: the platform's fonts stay then.
bool install();
// The resource files install() registered.
QStringList installedFiles();

} // namespace ApplicationFonts
