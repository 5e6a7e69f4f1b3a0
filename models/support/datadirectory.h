#pragma once

#include <QString>

// Where progress.db lives: --data-dir, else $MLOPS_STUDIO_DATA_DIR, else the platform's
// application data directory (QStandardPaths::AppDataLocation).
namespace DataDirectory {

inline constexpr auto EnvironmentVariable = "MLOPS_STUDIO_DATA_DIR";
inline constexpr auto DatabaseFileName = "progress.db";

QString resolve(const QString &commandLineValue);
QString databasePath(const QString &dataDir);

} // namespace DataDirectory
