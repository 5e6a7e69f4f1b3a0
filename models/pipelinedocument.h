#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class NodeCatalog;
class PipelineGraph;
class QUndoStack;

// One open pipeline: its graph, its undo stack, where it is saved and whether it has changed
// since. Owns the recovery file that autosave writes, so a crash loses at most a couple of
// minutes. Errors are returned (they name the file), never shown.
class PipelineDocument : public QObject
{
    Q_OBJECT

public:
    // Recovery files live in <data dir>/recovery/ as <uuid>.mlpipe plus a small .json beside it
    // naming the document's own path (empty for an untitled one).
    explicit PipelineDocument(const NodeCatalog *catalog, const QString &recoveryDir,
                              QObject *parent = nullptr);
    ~PipelineDocument() override;

    PipelineGraph *graph() const { return m_graph; }
    QUndoStack *undoStack() const { return m_undoStack; }

    QString filePath() const { return m_filePath; }   // empty while untitled
    QString displayName() const;                      // file name, or "Untitled"
    bool isModified() const;                          // not at the undo stack's clean index

    void newEmpty();
    bool newFromTemplate(const QString &templateIdOrName, QString *error);
    // On failure nothing changes: the current graph, path and undo history stay.
    bool load(const QString &path, QString *error);
    bool save(QString *error); // to filePath(); fails while untitled
    bool saveAs(const QString &path, QString *error);

    // Autosave: writes the graph to this document's recovery file (atomic); no-op when
    // unmodified. removeRecovery() after a save or a clean close.
    bool writeRecovery(QString *error);
    void removeRecovery();
    QString recoveryFilePath() const;

    struct Recovery
    {
        QString recoveryFile;  // the .mlpipe in the recovery dir
        QString originalPath;  // what it was a copy of (empty: untitled)
        qint64 savedAtMs = 0;
    };
    // Recovery files left by a session that did not end cleanly (its process is gone).
    static QList<Recovery> pendingRecoveries(const QString &recoveryDir);
    // Loads a recovery as a modified document: its original path (if any), unsaved changes.
    bool restore(const Recovery &recovery, QString *error);
    static void discard(const Recovery &recovery);

signals:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    void loaded(); // after new, load, restore: views rebuild and fit

private:
    const NodeCatalog *m_catalog;
    PipelineGraph *m_graph;
    QUndoStack *m_undoStack;
    QString m_filePath;
    QString m_recoveryDir;
    QString m_recoveryId;
};
