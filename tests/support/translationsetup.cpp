// Linked into every test (add_studio_test in tests/CMakeLists.txt). When the test creates its
// application, this installs the app's translation as main() does, so the texts a test compares
// read as users see them: "1 day" and "2 days", not Qt's untranslated "1 day(s)".
#include "support/studiotranslations.h"

#include <QCoreApplication>

namespace {

void setUpTranslations()
{
    if (!StudioTranslations::install())
        qFatal("the compiled-in translation could not be loaded");
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(setUpTranslations)
