#include "progress/studysessioncommands.h"

#include "support/undocommandids.h"

LogStudySessionCommand::LogStudySessionCommand(ProgressStore *store,
                                               const StudySession &session,
                                               const QString &topicTitle,
                                               QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_session(session)
{
    m_session.id = 0;
    setText(tr("Log %n minute(s) on “%1”", nullptr, session.minutes).arg(topicTitle));
}

// The first time the store gives the session its id; a redo after an undo puts it back under
// that id, so later commands that name it still find it.
void LogStudySessionCommand::redo()
{
    const bool ok = m_session.id == 0 ? m_store->logSession(
                        m_session.topicId, m_session.minutes, m_session.start, &m_session.id)
                                      : m_store->restoreSession(m_session);
    if (!ok)
        setObsolete(true);
}

void LogStudySessionCommand::undo()
{
    if (!m_store->deleteSession(m_session.id))
        setObsolete(true);
}

int LogStudySessionCommand::id() const
{
    return UndoCommandId::LogStudySession;
}

EditStudySessionCommand::EditStudySessionCommand(ProgressStore *store,
                                                 const StudySession &before,
                                                 const StudySession &after,
                                                 const QString &topicTitle,
                                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_before(before)
    , m_after(after)
{
    m_after.id = before.id;
    setText(tr("Edit a study session of “%1”").arg(topicTitle));
    if (m_before == m_after)
        setObsolete(true);
}

void EditStudySessionCommand::redo()
{
    if (!m_store->updateSession(m_after))
        setObsolete(true);
}

void EditStudySessionCommand::undo()
{
    if (!m_store->updateSession(m_before))
        setObsolete(true);
}

int EditStudySessionCommand::id() const
{
    return UndoCommandId::EditStudySession;
}

DeleteStudySessionCommand::DeleteStudySessionCommand(ProgressStore *store,
                                                     const StudySession &session,
                                                     const QString &topicTitle,
                                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_session(session)
{
    setText(tr("Delete a study session of “%1”").arg(topicTitle));
}

void DeleteStudySessionCommand::redo()
{
    if (!m_store->deleteSession(m_session.id))
        setObsolete(true);
}

void DeleteStudySessionCommand::undo()
{
    if (!m_store->restoreSession(m_session))
        setObsolete(true);
}

int DeleteStudySessionCommand::id() const
{
    return UndoCommandId::DeleteStudySession;
}
