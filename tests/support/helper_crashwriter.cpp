// Started by tst_durability, which kills it (SIGKILL) at a random point. Writes in a loop and
// acknowledges each write that returned true with "ack <n>" on stdout, after "ready" once it is
// set up. What write n is comes from crashwrites.h. Modes:
//   helper_crashwriter progress DATABASE TOPIC_ID     progress writes (ProgressStore)
//   helper_crashwriter answers DATABASE TOPIC_ID      self-check answers (ProgressStore)
//   helper_crashwriter save FILE                      pipeline saves (PipelineFile::save)
//   helper_crashwriter autosave RECOVERY_DIR          autosave (PipelineDocument::writeRecovery);
//                                                     prints "recovery <file>" before "ready"
//   helper_crashwriter backup DATABASE DIR            backups (ProgressStore::backupTo) to
//                                                     DIR/backup-<n>.db, with a status write
//                                                     between them
// An optional last argument, a number, stops after that many writes (for trying it by hand).
#include "pipeline/pipelinedocument.h"
#include "support/crashwrites.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "helper_crashwriter: %s\n", qPrintable(message));
    return 1;
}

int writeLoop(int maxWrites, const std::function<bool(int, QString *)> &write)
{
    std::printf("ready\n");
    std::fflush(stdout);
    for (int n = 1; maxWrites < 0 || n <= maxWrites; ++n) {
        QString error;
        if (!write(n, &error))
            return fail(error);
        std::printf("ack %d\n", n);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    bool isNumber = false;
    const int maxWrites = args.size() > 1 ? args.constLast().toInt(&isNumber) : -1;
    if (isNumber)
        args.removeLast();
    const QString mode = args.value(0);

    if (mode == u"progress"_s && args.size() == 3) {
        ProgressStore store;
        if (!store.open(args.at(1)))
            return fail(store.errorString());
        return writeLoop(isNumber ? maxWrites : -1, [&](int n, QString *error) {
            const bool ok = CrashWrites::writeProgress(store, args.at(2), n);
            *error = store.errorString();
            return ok;
        });
    }
    if (mode == u"answers"_s && args.size() == 3) {
        ProgressStore store;
        if (!store.open(args.at(1)))
            return fail(store.errorString());
        return writeLoop(isNumber ? maxWrites : -1, [&](int n, QString *error) {
            const bool ok = CrashWrites::writeAnswer(store, args.at(2), n);
            *error = store.errorString();
            return ok;
        });
    }
    if (mode == u"save"_s && args.size() == 2) {
        return writeLoop(isNumber ? maxWrites : -1, [&](int n, QString *error) {
            return PipelineFile::save(args.at(1), CrashWrites::pipelineVersion(n), error);
        });
    }
    if (mode == u"autosave"_s && args.size() == 2) {
        PipelineDocument document(&NodeCatalog::builtIn(), args.at(1));
        CrashWrites::loadTemplate(*document.graph());
        document.undoStack()->resetClean(); // unsaved changes: autosave writes
        std::printf("recovery %s\n", qPrintable(document.recoveryFilePath()));
        return writeLoop(isNumber ? maxWrites : -1, [&](int n, QString *error) {
            CrashWrites::applyVersion(*document.graph(), n);
            return document.writeRecovery(error);
        });
    }
    if (mode == u"backup"_s && args.size() == 3) {
        ProgressStore store;
        if (!store.open(args.at(1)))
            return fail(store.errorString());
        return writeLoop(isNumber ? maxWrites : -1, [&](int n, QString *error) {
            const bool ok = CrashWrites::writeProgress(store, u"backed-up"_s, n)
                            && store.backupTo(CrashWrites::backupPath(args.at(2), n),
                                              QDateTime::currentDateTimeUtc());
            *error = store.errorString();
            return ok;
        });
    }
    std::fprintf(stderr,
                 "usage: helper_crashwriter progress DATABASE TOPIC_ID | save FILE | "
                 "autosave RECOVERY_DIR | backup DATABASE DIR [MAX_WRITES]\n");
    return 2;
}
