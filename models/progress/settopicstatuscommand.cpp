#include "progress/settopicstatuscommand.h"

#include "progress/progressstore.h"
#include "support/undocommandids.h"

SetTopicStatusCommand::SetTopicStatusCommand(ProgressStore *store,
                                             const QString &topicId,
                                             const QString &topicTitle,
                                             TopicStatus status,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_topicId(topicId)
    , m_previous(store->status(topicId))
    , m_status(status)
{
    setText(tr("Mark “%1” as %2").arg(topicTitle, TopicStatuses::displayName(status).toLower()));
    if (m_previous == m_status)
        setObsolete(true);
}

void SetTopicStatusCommand::redo()
{
    // A change the store refused is not an edit: dropping it keeps undo honest. The caller
    // reads the store's errorString().
    if (!m_store->setStatus(m_topicId, m_status))
        setObsolete(true);
}

void SetTopicStatusCommand::undo()
{
    if (!m_store->setStatus(m_topicId, m_previous))
        setObsolete(true);
}

int SetTopicStatusCommand::id() const
{
    return UndoCommandId::SetTopicStatus;
}
