#pragma once

#include <QtGlobal>

// Whether a process recorded earlier (in a recovery sidecar) still runs.
namespace ProcessProbe {

qint64 currentPid();
// On Unix, kill(pid, 0): true while the process exists, even if owned by another user.
// Elsewhere always false, so a recovery is offered rather than lost.
bool isRunning(qint64 pid);

} // namespace ProcessProbe
