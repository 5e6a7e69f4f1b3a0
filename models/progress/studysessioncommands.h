#pragma once

#include "progress/progressstore.h"

#include <QCoreApplication>
#include <QUndoCommand>

// Undoable changes of logged study sessions, through the progress store. A change the store
// refuses makes the command obsolete (QUndoStack drops it); the caller reads errorString().

class LogStudySessionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(LogStudySessionCommand)

public:
    LogStudySessionCommand(ProgressStore *store,
                           const StudySession &session,
                           const QString &topicTitle,
                           QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    qint64 sessionId() const { return m_session.id; }

private:
    ProgressStore *m_store;
    StudySession m_session; // id 0 until first logged
};

class EditStudySessionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditStudySessionCommand)

public:
    EditStudySessionCommand(ProgressStore *store,
                            const StudySession &before,
                            const StudySession &after,
                            const QString &topicTitle,
                            QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;

private:
    ProgressStore *m_store;
    StudySession m_before;
    StudySession m_after;
};

class DeleteStudySessionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DeleteStudySessionCommand)

public:
    DeleteStudySessionCommand(ProgressStore *store,
                              const StudySession &session,
                              const QString &topicTitle,
                              QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;

private:
    ProgressStore *m_store;
    StudySession m_session;
};
