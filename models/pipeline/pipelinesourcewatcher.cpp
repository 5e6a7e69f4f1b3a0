#include "pipeline/pipelinesourcewatcher.h"

#include "pipeline/import/pipelineimport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

PipelineSourceWatcher::PipelineSourceWatcher(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &PipelineSourceWatcher::check);
    const auto settle = [this] {
        m_settle.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, settle);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, settle);
}

void PipelineSourceWatcher::follow(const QString &path)
{
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (absolute == m_path)
        return;
    m_settle.stop();
    if (const QStringList watched = m_watcher.files() + m_watcher.directories(); !watched.isEmpty())
        m_watcher.removePaths(watched);
    m_path = absolute;
    m_last = stampOf(m_path);
    if (!m_path.isEmpty())
        rewatch();
}

PipelineSourceWatcher::Stamp PipelineSourceWatcher::stampOf(const QString &path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile())
        return {};
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha1);
    // Pipeline files are small (import refuses them past 8 MiB); a larger one is told apart by
    // its size and time alone.
    if (info.size() <= PipelineImport::MaxFileBytes && file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return {true, info.size(), info.lastModified(), hash.result()};
}

// The file's own watch ends when an editor renames a new file over it: watch it again.
void PipelineSourceWatcher::rewatch()
{
    const QFileInfo info(m_path);
    if (!m_watcher.directories().contains(info.absolutePath()))
        m_watcher.addPath(info.absolutePath());
    if (info.isFile() && !m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
}

void PipelineSourceWatcher::check()
{
    if (m_path.isEmpty())
        return;
    rewatch();
    const Stamp now = stampOf(m_path);
    if (now == m_last)
        return; // another file of the folder changed
    m_last = now;
    if (now.exists)
        emit changed(m_path);
    else
        emit removed(m_path);
}
