#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Recovery files come with a JSON sidecar (original path, pid, session, time). Tests rewrite it
// to stand for what another, crashed, process left behind.
inline QString sidecarOf(const QString &recoveryFile)
{
    const QFileInfo info(recoveryFile);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"));
}

inline void editSidecar(const QString &recoveryFile, const QJsonObject &changes)
{
    QFile file(sidecarOf(recoveryFile));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        root.insert(it.key(), it.value());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
}
