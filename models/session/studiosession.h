#pragma once

#include <QObject>
#include <QString>

class CurriculumModel;
class PipelineDocument;
class ProgressBackups;
class ProgressStore;
class StudyTimer;
class QTimer;

// What one running window works on: the curriculum (built-in or --curriculum FILE) as a model,
// the progress store in the data directory, and the pipeline document.
class StudioSession : public QObject
{
    Q_OBJECT

public:
    explicit StudioSession(QObject *parent = nullptr);
    ~StudioSession() override;

    // Loads the curriculum and opens <data dir>/progress.db. On failure errorString() names the
    // file and the problem, and nothing on disk has changed.
    bool start(const QString &dataDirOption, const QString &curriculumPath);
    QString errorString() const { return m_error; }

    CurriculumModel *curriculumModel() const { return m_model; }
    ProgressStore *store() const { return m_store; }
    // The open pipeline; its crash-recovery files live in <data dir>/recovery.
    PipelineDocument *pipeline() const { return m_pipeline; }
    QString recoveryDir() const { return m_recoveryDir; }
    // Backups in <data dir>/backups: checked every BackupCheckMinutes and taken when due.
    ProgressBackups *backups() const { return m_backups; }
    StudyTimer *studyTimer() const { return m_studyTimer; }
    static constexpr int BackupCheckMinutes = 5;
    QString curriculumSource() const { return m_curriculumSource; }

private:
    CurriculumModel *m_model;
    ProgressStore *m_store;
    PipelineDocument *m_pipeline = nullptr;
    ProgressBackups *m_backups = nullptr;
    StudyTimer *m_studyTimer = nullptr;
    QTimer *m_backupCheck;
    QString m_recoveryDir;
    QString m_curriculumSource;
    QString m_error;
};
