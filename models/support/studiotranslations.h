#pragma once

// The app's own translation, compiled in (translations/mlops-studio_en.ts). Today it holds the
// English plural forms: counts are written tr("%n day(s)", nullptr, n), Qt's idiom, and without
// a loaded translation Qt prints that source text as it is ("1 day(s)"); with it, "1 day" and
// "2 days". main() installs it for the window and the command line, and so does every test.
namespace StudioTranslations {

inline constexpr auto ResourcePath = ":/i18n/mlops-studio_en.qm";

// Installs the translation on the running QCoreApplication, once however often it is called.
// False when the compiled-in file cannot be loaded: a broken build.
bool install();

} // namespace StudioTranslations
