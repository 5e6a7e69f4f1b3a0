#include "common/applicationsettings.h"

#include <QCoreApplication>

QSettings applicationSettings()
{
    return QSettings(QSettings::NativeFormat,
                     QSettings::UserScope,
                     QCoreApplication::applicationName(),
                     QCoreApplication::applicationName());
}
