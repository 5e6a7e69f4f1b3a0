#pragma once

#include <QtGlobal>

// Sizes in bytes, so a limit reads "8 * MiB" and is computed in 64 bits (8 * 1024 * 1024 would
// be an int multiplication widened afterwards).
inline constexpr qsizetype KiB = 1024;
inline constexpr qsizetype MiB = 1024 * KiB;
