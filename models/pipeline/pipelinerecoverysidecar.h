#pragma once

#include "support/bytesizes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

// The small JSON file autosave writes beside a recovery .mlpipe (PipelineDocument): what the
// recovery is a copy of, which process wrote it and when. It is read back at the next start, so
// it is outside input like any file: a damaged or foreign one reads as no sidecar.
struct PipelineRecoverySidecar
{
    static constexpr QStringView Format = u"mlops-studio-recovery";
    static constexpr int Version = 1;
    static constexpr qint64 MaxBytes = 64 * KiB;

    QString originalPath; // empty for an untitled pipeline
    qint64 pid = 0;
    QString session; // tells this process's files from those of an earlier one with the same pid
    qint64 savedAtMs = 0;

    static std::optional<PipelineRecoverySidecar> parse(const QByteArray &json);
    static std::optional<PipelineRecoverySidecar> read(const QString &path);
    QByteArray toJson() const;
};
