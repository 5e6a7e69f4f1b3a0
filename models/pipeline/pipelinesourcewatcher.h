#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

// Follows the file an unsaved import came from, so the canvas is a live preview beside the
// editor the user writes the workflow in. Editors save in several ways: in place (one or more
// writes), or by writing a new file and renaming it over the old one, which ends the watch on
// the old inode. So the folder is watched as well, changes settle for a moment before they are
// reported, and a change is reported only when the file's size or time differ from the last
// one seen (size, time and contents).
class PipelineSourceWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int SettleMs = 150;

    explicit PipelineSourceWatcher(QObject *parent = nullptr);

    // Starts following `path` (stops following the previous one); an empty path stops.
    void follow(const QString &path);
    QString path() const { return m_path; }

signals:
    // The file has new contents (it exists and can be read again).
    void changed(const QString &path);
    // The file is gone (deleted or renamed away) and has not come back.
    void removed(const QString &path);

private:
    struct Stamp
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        QByteArray digest; // two saves within the clock's resolution look alike otherwise
        bool operator==(const Stamp &) const = default;
    };
    static Stamp stampOf(const QString &path);
    void check();
    void rewatch();

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_path;
    Stamp m_last;
};
