#pragma once

#include <QObject>
#include <QString>

class CurriculumModel;
class PipelineDocument;
class ProgressStore;

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
    QString curriculumSource() const { return m_curriculumSource; }

private:
    CurriculumModel *m_model;
    ProgressStore *m_store;
    PipelineDocument *m_pipeline = nullptr;
    QString m_recoveryDir;
    QString m_curriculumSource;
    QString m_error;
};
