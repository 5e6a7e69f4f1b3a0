#include "cli/clicontext.h"

#include "curriculum/curriculumloader.h"
#include "progress/progressbackups.h"
#include "progress/progressstore.h"
#include "support/closestmatches.h"
#include "support/datadirectory.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

CliContext::CliContext(const QString &command,
                       const QString &dataDirOption,
                       const QString &curriculumOption)
    : m_command(command)
    , m_dataDirOption(dataDirOption)
    , m_curriculumOption(curriculumOption)
    , m_out(stdout)
    , m_err(stderr)
{}

CliContext::~CliContext() = default;

int CliContext::fail(const QString &message, ExitCode code)
{
    writeLine(u"error"_s, message);
    return code;
}

int CliContext::succeed(const QString &message)
{
    m_out.flush();
    m_err << message << Qt::endl;
    return Success;
}

void CliContext::warn(const QString &message)
{
    writeLine(u"warning"_s, message);
}

void CliContext::diagnostic(const QString &line)
{
    m_out.flush();
    m_err << line.simplified() << Qt::endl;
}

// One line, so scripts can grep it: newlines inside a message (e.g. from SQLite) are joined.
void CliContext::writeLine(const QString &kind, const QString &message)
{
    m_out.flush();
    m_err << QCoreApplication::applicationName() << u": "_s;
    if (!m_command.isEmpty())
        m_err << m_command << u": "_s;
    m_err << kind << u": "_s << message.simplified() << Qt::endl;
}

bool CliContext::loadCurriculum()
{
    const CurriculumLoader::Result result = m_curriculumOption.isEmpty()
                                                ? CurriculumLoader::loadBuiltIn()
                                                : CurriculumLoader::loadFile(m_curriculumOption);
    if (!result.ok) {
        fail(u"--curriculum "_s + result.error);
        return false;
    }
    m_curriculum = result.curriculum;
    return true;
}

QString CliContext::databasePath()
{
    const QString dataDir = DataDirectory::resolve(m_dataDirOption);
    if (dataDir.isEmpty()) {
        fail(tr("no data directory: pass --data-dir DIR or set %1")
                 .arg(QLatin1String(DataDirectory::EnvironmentVariable)));
        return {};
    }
    return DataDirectory::databasePath(dataDir);
}

bool CliContext::openStore()
{
    const QString path = databasePath();
    if (path.isEmpty())
        return false;
    m_store = std::make_unique<ProgressStore>();
    if (!m_store->open(path)) {
        fail(m_store->errorString());
        return false;
    }
    return true;
}

void CliContext::backupIfDue()
{
    ProgressBackups backups(m_store.get(), ProgressBackups::folderFor(m_store->filePath()));
    if (backups.backupIfDue() == ProgressBackups::Outcome::Failed)
        warn(tr("no backup taken: %1").arg(backups.errorString()));
}

bool CliContext::checkTopicId(const QString &topicId)
{
    if (m_curriculum.findTopic(topicId))
        return true;
    const QStringList suggestions = closestMatches(topicId, m_curriculum.topicIds());
    if (!suggestions.isEmpty())
        fail(tr("unknown topic id '%1'; did you mean %2?")
                 .arg(topicId, u"'"_s + suggestions.join(u"', '"_s) + u"'"_s));
    else
        fail(tr("unknown topic id '%1' (`mlops-studio curriculum show` lists the ids)")
                 .arg(topicId));
    return false;
}
