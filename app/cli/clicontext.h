#pragma once

#include "curriculum/curriculum.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

class ProgressStore;

// What every subcommand shares: output streams, the global options and the error convention
// (one line on stderr naming the file or argument, exit code 2 for bad usage or bad input).
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    enum ExitCode { Success = 0, Failure = 1, BadInput = 2 };

    CliContext(const QString &command,
               const QString &dataDirOption,
               const QString &curriculumOption);
    ~CliContext();

    QTextStream &out() { return m_out; }
    int fail(const QString &message, ExitCode code = BadInput);
    // The one line that confirms a command wrote its file ("Exported roadmap to map.png (…)"):
    // on stderr like the errors, so stdout stays free for data. Returns Success.
    int succeed(const QString &message);
    void warn(const QString &message);
    // A line that already says where and what, as compilers print them ("ci.yml:12: warning:
    // …"), so editors can jump to it: on stderr, as it is.
    void diagnostic(const QString &line);

    // Loads --curriculum FILE or the built-in curriculum; on failure reports and returns false.
    bool loadCurriculum();
    const Curriculum &curriculum() const { return m_curriculum; }
    // <data dir>/progress.db; empty (reported) when there is no data directory.
    QString databasePath();
    // Opens <data dir>/progress.db; on failure reports and returns false.
    bool openStore();
    // After a change: a backup when one is due (see ProgressBackups). A failed backup is
    // reported as a warning; the change itself stands.
    void backupIfDue();
    ProgressStore &store() { return *m_store; }
    // Fails with "unknown topic id 'x'; did you mean …" when the curriculum lacks the id.
    bool checkTopicId(const QString &topicId);

private:
    void writeLine(const QString &kind, const QString &message);

    QString m_command;
    QString m_dataDirOption;
    QString m_curriculumOption;
    QTextStream m_out;
    QTextStream m_err;
    Curriculum m_curriculum;
    std::unique_ptr<ProgressStore> m_store;
};
