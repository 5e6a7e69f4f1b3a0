#include "session/studiosession.h"

#include "curriculum/curriculumloader.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "progress/curriculummodel.h"
#include "progress/progressbackups.h"
#include "progress/progressstore.h"
#include "progress/studytimer.h"
#include "support/datadirectory.h"

#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

StudioSession::StudioSession(QObject *parent)
    : QObject(parent)
    , m_model(new CurriculumModel(this))
    , m_store(new ProgressStore(this))
    , m_backupCheck(new QTimer(this))
{}

StudioSession::~StudioSession() = default;

bool StudioSession::start(const QString &dataDirOption, const QString &curriculumPath)
{
    const CurriculumLoader::Result loaded = curriculumPath.isEmpty()
                                                ? CurriculumLoader::loadBuiltIn()
                                                : CurriculumLoader::loadFile(curriculumPath);
    if (!loaded.ok) {
        m_error = tr("Cannot load the curriculum.\n\n%1").arg(loaded.error);
        return false;
    }
    const QString dataDir = DataDirectory::resolve(dataDirOption);
    if (dataDir.isEmpty()) {
        m_error = tr("No data directory: start with --data-dir DIR or set %1.")
                      .arg(QLatin1String(DataDirectory::EnvironmentVariable));
        return false;
    }
    if (!m_store->open(DataDirectory::databasePath(dataDir))) {
        m_error = tr("Cannot open the progress database.\n\n%1").arg(m_store->errorString());
        return false;
    }
    m_curriculumSource = curriculumPath.isEmpty() ? tr("built-in curriculum") : curriculumPath;
    m_model->setCurriculum(loaded.curriculum);
    m_model->setStore(m_store);
    m_recoveryDir = QDir(dataDir).filePath(u"recovery"_s);
    m_pipeline = new PipelineDocument(&NodeCatalog::builtIn(), m_recoveryDir, this);
    m_studyTimer = new StudyTimer(m_store, &QDateTime::currentDateTimeUtc, this);
    m_backups = new ProgressBackups(m_store,
                                    ProgressBackups::folderFor(m_store->filePath()),
                                    &QDateTime::currentDateTimeUtc,
                                    this);
    m_backupCheck->setInterval(BackupCheckMinutes * 60 * 1000);
    connect(m_backupCheck, &QTimer::timeout, m_backups, &ProgressBackups::backupIfDue);
    m_backupCheck->start();
    return true;
}
