#include "support/studiotranslations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace StudioTranslations {

bool install()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    static const char *const Name = "StudioTranslations";
    if (app->findChild<QTranslator *>(QLatin1StringView(Name), Qt::FindDirectChildrenOnly))
        return true;
    // Loaded whatever the user's locale: English plurals beat "1 day(s)" in any language until
    // the app ships others. The translator lives as long as the application, its parent.
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1StringView(Name));
    if (!translator->load(QLatin1StringView(ResourcePath)) || !app->installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace StudioTranslations
