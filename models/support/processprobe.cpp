#include "support/processprobe.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace ProcessProbe {

qint64 currentPid()
{
    return QCoreApplication::applicationPid();
}

bool isRunning(qint64 pid)
{
    // 0 and negative pids name process groups to kill(): never a single process.
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    const pid_t native = static_cast<pid_t>(pid);
    if (native != pid)
        return false;
    return ::kill(native, 0) == 0 || errno == EPERM;
#else
    return false;
#endif
}

} // namespace ProcessProbe
