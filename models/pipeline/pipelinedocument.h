#pragma once

#include "pipeline/pipelinefile.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class NodeCatalog;
class PipelineGraph;
class QUndoStack;
struct PipelineAnnotation;
struct PipelineEdge;
struct PipelineNode;
namespace PipelineImport {
struct Result;
}

// One open pipeline: its graph, its undo stack, where it is saved and whether it has changed
// since. Owns the recovery file that autosave writes, so a crash loses at most a couple of
// minutes. Errors are returned (they name the file), never shown.
class PipelineDocument : public QObject
{
    Q_OBJECT

public:
    // Recovery files live in <data dir>/recovery/ as <uuid>.mlpipe plus a small .json beside it
    // naming the document's own path (empty for an untitled one).
    explicit PipelineDocument(const NodeCatalog *catalog,
                              const QString &recoveryDir,
                              QObject *parent = nullptr);
    ~PipelineDocument() override;

    PipelineGraph *graph() const { return m_graph; }
    QUndoStack *undoStack() const { return m_undoStack; }

    QString filePath() const { return m_filePath; } // empty while untitled
    // The file name; for an import not saved yet "ci.yml (imported from GitHub Actions)"; or
    // "Untitled".
    QString displayName() const;
    bool isModified() const; // not at the undo stack's clean index

    void newEmpty();
    bool newFromTemplate(const QString &templateIdOrName, QString *error);
    // A .mlpipe file, or another engine's pipeline (PipelineImport::openFile), which becomes a
    // new unsaved, untitled pipeline whose title names its source. On failure nothing changes:
    // the current graph, path and undo history stay.
    bool load(const QString &path, QString *error);
    // What the last import could not represent, as "ci.yml:12: warning: …" lines.
    QStringList importWarnings() const { return m_importWarnings; }
    // The file an import not saved yet came from; empty for a .mlpipe, a template, or an import
    // once it is saved (from then on it is a pipeline of its own).
    QString importSourcePath() const;
    // Reads the import's source again (it changed on disk) in the same format and replaces the
    // contents: a new clean state, the old history gone. On failure nothing changes.
    bool reloadImport(QString *error);
    // Whether the diagram was edited since it was loaded (an import is unsaved from the start,
    // so isModified() cannot tell): a reload would lose these edits.
    bool hasEditsSinceLoad() const;
    bool save(QString *error); // to filePath(); fails while untitled
    bool saveAs(const QString &path, QString *error);

    // Autosave: writes the graph to this document's recovery file (atomic), then the sidecar
    // (original path, pid, time). When unmodified it writes nothing and drops a recovery left
    // from before an undo back to the saved state. Saving, loading and new remove the
    // recovery themselves; the window calls removeRecovery() when the user discards changes.
    // Destroying an unmodified document removes it too (a clean close).
    bool writeRecovery(QString *error);
    void removeRecovery();
    QString recoveryFilePath() const;

    struct Recovery
    {
        QString recoveryFile; // the .mlpipe in the recovery dir
        QString originalPath; // what it was a copy of (empty: untitled)
        qint64 savedAtMs = 0;
    };
    // Recovery files left by a session that did not end cleanly: the pid in the sidecar no
    // longer runs, or it is this process's pid but another session's (a reused pid). Newest
    // first. A file without a readable sidecar is not listed.
    static QList<Recovery> pendingRecoveries(const QString &recoveryDir);
    // Loads a recovery as a modified document: its original path (if any), unsaved changes,
    // nothing to undo. The recovery becomes this document's own (rewritten with this pid).
    bool restore(const Recovery &recovery, QString *error);
    static void discard(const Recovery &recovery);

signals:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void loaded(); // after new, load, restore: views rebuild and fit
    // Around reloadImport(): views keep their zoom and selection instead of fitting.
    void aboutToReload();
    void reloaded();

private:
    void setFilePath(const QString &filePath);
    void replaceContents(const PipelineFile::ReadResult &contents, const QString &filePath);
    void takeImport(const PipelineImport::Result &result, const QString &sourcePath);

    const NodeCatalog *m_catalog;
    PipelineGraph *m_graph;
    QUndoStack *m_undoStack;
    QString m_filePath;
    QStringList m_importWarnings;
    QString m_recoveryDir;
    QString m_recoveryId;
};
