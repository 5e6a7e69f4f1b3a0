#pragma once

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "progress/progressstore.h"
#include "selfcheck/selfcheckscheduling.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// What helper_crashwriter writes as its write number n, and what tst_durability expects after
// killing it: both sides derive the content from n alone.
namespace CrashWrites {

// Progress: n % 3 == 1 a status (learning and done alternating), n % 3 == 2 the notes
// "note <n>", n % 3 == 0 a study session of n % 60 + 1 minutes starting n minutes after
// 2024-01-01 08:00 UTC.
inline TopicStatus progressStatus(int n)
{
    return (n / 3) % 2 == 0 ? TopicStatus::Learning : TopicStatus::Done;
}

inline QDateTime sessionStart(int n)
{
    return QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).addSecs(60 * n);
}

inline int sessionMinutes(int n)
{
    return n % 60 + 1;
}

inline bool writeProgress(ProgressStore &store, const QString &topicId, int n)
{
    switch (n % 3) {
    case 1:
        return store.setStatus(topicId, progressStatus(n));
    case 2:
        return store.setNotes(topicId, QStringLiteral("note %1").arg(n));
    default:
        return store.logSession(topicId, sessionMinutes(n), sessionStart(n));
    }
}

// Self-check answer n: to question "<topic>/q<n % 5>", n minutes after 2024-01-01 08:00 UTC,
// choice n % 4, right unless n % 3 == 0.
inline ReviewAnswer answer(const QString &topicId, int n)
{
    return {0,
            QStringLiteral("%1/q%2").arg(topicId).arg(n % 5),
            topicId,
            n % 4,
            n % 3 != 0,
            QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).addSecs(60 * n)};
}

inline bool writeAnswer(ProgressStore &store, const QString &topicId, int n)
{
    return store.recordAnswer(answer(topicId, n), SelfCheckScheduling::scheduler());
}

// Pipeline version n: the end-to-end template whose first stage moved to (n, 0) and got notes
// of a length that varies a lot with n, so a torn write of one version never looks like another.
inline PipelineNode versionedNode(const PipelineNode &first, int n)
{
    PipelineNode node = first;
    node.pos = QPointF(n, 0);
    node.notes = QStringLiteral("version %1 ").arg(n) + QString((n * 7919) % 30000, u'x');
    return node;
}

inline void loadTemplate(PipelineGraph &graph)
{
    const PipelineFile::ReadResult read = PipelineTemplates::load(
        *PipelineTemplates::find(QStringLiteral("end-to-end")), NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations);
}

inline void applyVersion(PipelineGraph &graph, int n)
{
    graph.updateNode(versionedNode(graph.nodes().constFirst(), n));
}

inline QByteArray pipelineVersion(int n)
{
    PipelineGraph graph(&NodeCatalog::builtIn());
    loadTemplate(graph);
    applyVersion(graph, n);
    return PipelineFile::write(graph);
}

// Backups: write n is a progress write as above, then a backup to backup-<n>.db.
inline QString backupPath(const QString &dir, int n)
{
    return dir + QStringLiteral("/backup-%1.db").arg(n);
}

} // namespace CrashWrites
