#pragma once

#include "support/sharedreference.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// The offline checkers of ../shared/validators (README there): each export must pass the one of
// its engine. They need Debian's python3-yaml, python3-jsonschema and yamllint (scripts/setup).
struct CheckerRun
{
    int exitCode = -1;
    QString output;
};

inline CheckerRun
runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    CheckerRun result;
    if (!process.waitForStarted()) {
        result.output = program + QStringLiteral(": could not start");
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        result.output = program + QStringLiteral(": timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

// Whether this run leaves the checkers out: the sanitized suite (build-asan) sets
// MLOPS_TEST_CHECKERS=skip. The checkers are other programs (Python, Node) reading the bytes the
// release suite has them check already; under the sanitizers they would only add minutes.
inline bool checkersSkipped()
{
    return qEnvironmentVariable("MLOPS_TEST_CHECKERS") == QStringLiteral("skip");
}

// check-export FORMAT FILE [EXPECT.json]
inline CheckerRun
checkExport(const QString &format, const QString &file, const QString &expect = {})
{
    QStringList arguments{format, file};
    if (!expect.isEmpty())
        arguments << expect;
    return runProgram(sharedReferencePath(QStringLiteral("validators/check-export")), arguments);
}

// Debian's Python, which has the packages the checks use (as check-export does).
inline CheckerRun runPython(const QString &script, const QStringList &arguments = {})
{
    return runProgram(QStringLiteral("/usr/bin/python3"),
                      QStringList{QStringLiteral("-c"), script} + arguments);
}
