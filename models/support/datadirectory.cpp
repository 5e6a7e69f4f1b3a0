#include "support/datadirectory.h"

#include <QDir>
#include <QStandardPaths>

namespace DataDirectory {

QString resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return QDir::cleanPath(commandLineValue);
    const QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(fromEnvironment);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QLatin1String(DatabaseFileName));
}

} // namespace DataDirectory
