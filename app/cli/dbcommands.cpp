// `db backup`, `db check`, `db restore`: the progress database's safety, as Anki's Check
// Database and backups.
#include "cli/clicontext.h"
#include "cli/subcommand.h"
#include "progress/progressbackups.h"
#include "progress/progressdatabasecheck.h"
#include "progress/progressstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

struct DbCommands
{
    Q_DECLARE_TR_FUNCTIONS(DbCommands)
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// backup and check work on a database that exists; they never create one.
bool requireDatabase(CliContext &context, QString *path)
{
    *path = context.databasePath();
    if (path->isEmpty())
        return false;
    if (!QFileInfo::exists(*path)) {
        context.fail(
            DbCommands::tr("%1: no progress database yet (nothing recorded in this data directory)")
                .arg(shown(*path)));
        return false;
    }
    return true;
}

int backup(CliContext &context, const QCommandLineParser &, const QStringList &)
{
    QString path;
    if (!requireDatabase(context, &path) || !context.openStore())
        return CliContext::BadInput;
    ProgressBackups backups(&context.store(), ProgressBackups::folderFor(path));
    QString written;
    if (!backups.backupNow(&written))
        return context.fail(backups.errorString(), CliContext::Failure);
    const qsizetype kept = backups.backups().size();
    context.out() << DbCommands::tr("Backed up %1 to %2 (%3 kept in %4)\n")
                         .arg(shown(path),
                              shown(written),
                              DbCommands::tr("%n backup(s)", nullptr, int(kept)),
                              shown(backups.folder()));
    return CliContext::Success;
}

int check(CliContext &context, const QCommandLineParser &, const QStringList &args)
{
    QString path;
    ProgressDatabaseCheck::Where where = ProgressDatabaseCheck::Where::InPlace;
    if (!args.isEmpty()) {
        path = args.first();
        where = ProgressDatabaseCheck::Where::OnACopy;
        if (!QFileInfo::exists(path))
            return context.fail(DbCommands::tr("%1: no such file").arg(shown(path)));
    } else if (!requireDatabase(context, &path)) {
        return CliContext::BadInput;
    }
    const ProgressDatabaseCheck result = ProgressDatabaseCheck::run(path, where);
    context.out() << result.report();
    return result.ok() ? CliContext::Success : CliContext::Failure;
}

// The file is checked before anything changes; a current database too damaged to open is
// moved aside rather than replaced.
int restore(CliContext &context, const QCommandLineParser &, const QStringList &args)
{
    const QString &file = args.first();
    if (!QFileInfo::exists(file))
        return context.fail(DbCommands::tr("%1: no such file").arg(shown(file)));
    if (QFileInfo(file).isDir())
        return context.fail(
            DbCommands::tr("%1: is a folder, not a database file").arg(shown(file)));
    const QString path = context.databasePath();
    if (path.isEmpty())
        return CliContext::BadInput;
    if (QFileInfo(file).canonicalFilePath() == QFileInfo(path).canonicalFilePath())
        return context.fail(DbCommands::tr("%1: is the progress database itself").arg(shown(file)));
    const ProgressDatabaseCheck checked
        = ProgressDatabaseCheck::run(file, ProgressDatabaseCheck::Where::OnACopy);
    if (!checked.ok())
        return context.fail(
            DbCommands::tr("%1: cannot restore it: %2").arg(shown(file), checked.firstProblem));

    ProgressStore store;
    ProgressBackups backups(&store, ProgressBackups::folderFor(path));
    QString setAside;
    if (!store.open(path)) {
        const QString problem = store.errorString();
        if (!QFileInfo::exists(path) || !backups.setAside(path, &setAside))
            return context.fail(problem, CliContext::Failure);
        if (!store.open(path))
            return context.fail(store.errorString(), CliContext::Failure);
        context.warn(DbCommands::tr("%1; it was moved to %2").arg(problem, shown(setAside)));
    }
    QString safetyCopy;
    if (!backups.restore(file, &safetyCopy))
        return context.fail(backups.errorString(), CliContext::Failure);
    const QString before = setAside.isEmpty() ? safetyCopy : setAside;
    context.out() << DbCommands::tr("Restored %1 from %2").arg(shown(path), shown(file));
    if (!before.isEmpty())
        context.out() << DbCommands::tr("; what it held before is in %1").arg(shown(before));
    context.out() << u"\n"_s;
    return CliContext::Success;
}

} // namespace

QList<Subcommand> dbCommands()
{
    Subcommand backupCommand;
    backupCommand.group = u"db"_s;
    backupCommand.name = u"backup"_s;
    backupCommand.summary = DbCommands::tr("Back up progress.db now (into backups/ beside it).");
    backupCommand.run = backup;

    Subcommand checkCommand;
    checkCommand.group = u"db"_s;
    checkCommand.name = u"check"_s;
    checkCommand.summary
        = DbCommands::tr("Check progress.db (or FILE) for damage: exit 1 on a problem.");
    checkCommand.arguments = {u"FILE"_s};
    checkCommand.argumentHelp
        = {DbCommands::tr("A progress database to check instead, e.g. a backup.")};
    checkCommand.optionalArguments = 1;
    checkCommand.run = check;

    Subcommand restoreCommand;
    restoreCommand.group = u"db"_s;
    restoreCommand.name = u"restore"_s;
    restoreCommand.summary
        = DbCommands::tr("Replace your progress with FILE's, after backing it up.");
    restoreCommand.arguments = {u"FILE"_s};
    restoreCommand.argumentHelp = {DbCommands::tr("A progress database or one of its backups.")};
    restoreCommand.run = restore;
    return {backupCommand, checkCommand, restoreCommand};
}
