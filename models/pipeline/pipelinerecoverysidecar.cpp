#include "pipeline/pipelinerecoverysidecar.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

std::optional<PipelineRecoverySidecar> PipelineRecoverySidecar::parse(const QByteArray &json)
{
    if (json.size() > MaxBytes)
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value(u"format"_s).toString() != Format || root.value(u"version"_s).toInt() != Version)
        return std::nullopt;
    return PipelineRecoverySidecar{root.value(u"originalPath"_s).toString(),
                                   root.value(u"pid"_s).toInteger(),
                                   root.value(u"session"_s).toString(),
                                   root.value(u"savedAtMs"_s).toInteger()};
}

std::optional<PipelineRecoverySidecar> PipelineRecoverySidecar::read(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) // a pipe could block
        return std::nullopt;
    return parse(file.read(MaxBytes + 1)); // one byte over the limit is refused by parse()
}

QByteArray PipelineRecoverySidecar::toJson() const
{
    const QJsonObject root{{u"format"_s, Format.toString()},
                           {u"version"_s, Version},
                           {u"originalPath"_s, originalPath},
                           {u"pid"_s, pid},
                           {u"session"_s, session},
                           {u"savedAtMs"_s, savedAtMs}};
    return QJsonDocument(root).toJson();
}
