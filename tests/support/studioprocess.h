#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the built mlops-studio as a user would, for the command-line tests. Never the user's
// real files: HOME, the XDG config, data and runtime folders all point into `sandbox`.
struct StudioRun
{
    int exitCode = -1; // -1 when it could not start, crashed or timed out
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

struct StudioProcess
{
    QString sandbox;
    // Also without QT_QPA_PLATFORM, DISPLAY and WAYLAND_DISPLAY: as on a server or in CI, where
    // drawing commands must fall back to the offscreen platform by themselves.
    bool headless = false;
    QStringList extraEnvironment; // NAME=value
    QString workingDirectory;

    StudioRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("MLOPS_STUDIO_DATA_DIR"));
        if (headless) {
            for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
                environment.remove(QString::fromLatin1(name));
        }
        const QDir dir(sandbox);
        dir.mkpath(QStringLiteral("runtime"));
        QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        environment.insert(QStringLiteral("HOME"), sandbox);
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           dir.filePath(QStringLiteral("xdg-data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           dir.filePath(QStringLiteral("xdg-config")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"),
                           dir.filePath(QStringLiteral("runtime")));
        for (const QString &entry : extraEnvironment)
            environment.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));

        QProcess process;
        process.setProcessEnvironment(environment);
        if (!workingDirectory.isEmpty())
            process.setWorkingDirectory(workingDirectory);
        process.start(QStringLiteral(MLOPS_BINARY_DIR "/bin/mlops-studio"), arguments);
        StudioRun result;
        if (!process.waitForStarted()) {
            result.err = "could not start mlops-studio";
            return result;
        }
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            result.err = "mlops-studio timed out";
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};

// Test arguments name files in the test's directory as %DIR%/name.
inline QStringList expandDir(const QStringList &arguments, const QString &dir)
{
    QStringList result;
    for (const QString &argument : arguments)
        result << QString(argument).replace(QStringLiteral("%DIR%"), dir);
    return result;
}
