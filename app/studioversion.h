#pragma once

#include <QString>

// The one version of the program: CMake's project(VERSION), with `git describe` appended as
// build metadata in a development build ("0.1.0+g1a2b3c4"); see cmake/studioversion.cmake.
// --version, Help ▸ About and the man page show it.
namespace StudioVersion {

QString text();

} // namespace StudioVersion
