#pragma once

#include <QSettings>

// The application's settings file (~/.config/mlops-studio/mlops-studio.conf on Linux). Tests
// redirect it with QSettings::setPath.
QSettings applicationSettings();
