#pragma once

#include "curriculum/curriculum.h"
#include "support/bytesizes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// The curriculum file format (curriculum/README.md): JSON with "format":
// "mlops-studio-curriculum" and "version": 1.
namespace CurriculumJson {

inline constexpr auto FormatName = "mlops-studio-curriculum";
inline constexpr int FormatVersion = 1;
// The same limit as for a curriculum file (CurriculumLoader::MaxFileBytes).
inline constexpr qsizetype MaxInputBytes = 8 * MiB;

struct ReadResult
{
    bool ok = false;
    Curriculum curriculum;
    int errorLine = 0; // 1-based, 0 when the problem is not tied to a line
    QString errorMessage;
};

ReadResult read(const QByteArray &json);
QJsonObject toJson(const Curriculum &curriculum);
QByteArray write(const Curriculum &curriculum); // indented, ends with a newline

} // namespace CurriculumJson
