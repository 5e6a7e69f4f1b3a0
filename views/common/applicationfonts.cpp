#include "common/applicationfonts.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace ApplicationFonts {

namespace {

QStringList &installed()
{
    static QStringList files;
    return files;
}

} // namespace

bool install()
{
    Q_ASSERT(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
    if (!installed().isEmpty())
        return true;
    const QStringList files = {u":/fonts/DejaVuSans.ttf"_s, u":/fonts/DejaVuSans-Bold.ttf"_s};
    for (const QString &file : files) {
        if (QFontDatabase::addApplicationFont(file) < 0) {
            qWarning("cannot load the font %s", qPrintable(file));
            return false;
        }
        installed() << file;
    }
    QFont font = QGuiApplication::font();
    font.setFamilies({Family.toString()});
    QGuiApplication::setFont(font);
    return true;
}

QStringList installedFiles()
{
    return installed();
}

} // namespace ApplicationFonts
