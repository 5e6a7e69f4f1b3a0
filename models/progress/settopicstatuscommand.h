#pragma once

#include "curriculum/topicstatus.h"

#include <QCoreApplication>
#include <QUndoCommand>

class ProgressStore;

// Sets a topic's status through the progress store; undo sets the previous status back (the
// history then records both changes, as it should: they both happened).
class SetTopicStatusCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetTopicStatusCommand)

public:
    SetTopicStatusCommand(ProgressStore *store,
                          const QString &topicId,
                          const QString &topicTitle,
                          TopicStatus status,
                          QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;

private:
    ProgressStore *m_store;
    QString m_topicId;
    TopicStatus m_previous;
    TopicStatus m_status;
};
