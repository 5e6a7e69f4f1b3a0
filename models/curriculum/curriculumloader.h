#pragma once

#include "curriculum/curriculum.h"
#include "support/bytesizes.h"

#include <QString>

// Loads the built-in curriculum or a user's .json / .md file. Errors read like a compiler's:
// "FILE:LINE: problem", so the user knows which file and where.
namespace CurriculumLoader {

inline constexpr qsizetype MaxFileBytes = 8 * MiB;

struct Result
{
    bool ok = false;
    Curriculum curriculum;
    QString error;
};

Result loadBuiltIn();
// A .json file is read as the curriculum format, a .md / .markdown file is imported; any other
// suffix is decided by content (a JSON object starts with '{').
Result loadFile(const QString &path);
Result importMarkdownFile(const QString &path);

} // namespace CurriculumLoader
