#pragma once

#include "pipeline/pipelinesourcewatcher.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class PipelineDocument;
class QAction;
class QMenu;
class QWidget;

// New, Open, Open Recent, New from Template, Save, Save As for the pipeline document, with the
// prompt before losing changes, autosave to the recovery file every two minutes and the offer to
// recover after a crash. The main window puts the actions in its File menu; this class does the
// work. Questions to the user go through `Prompter` so tests can answer them.
class PipelineFileActions : public QObject
{
    Q_OBJECT

public:
    static constexpr int AutosaveIntervalMs = 2 * 60 * 1000;
    static constexpr int MaxRecentFiles = 8;

    enum class Answer { Save, Discard, Cancel };
    struct Prompter
    {
        // "Save changes to X?" before they would be lost.
        std::function<Answer(const QString &documentName)> askSaveChanges;
        // A file name to open, or empty when cancelled.
        std::function<QString(const QString &startDir)> askOpenPath;
        // A file name to save as, or empty when cancelled.
        std::function<QString(const QString &suggestedPath)> askSavePath;
        // Offer to recover; true to recover, false to discard.
        std::function<bool(const QString &description)> askRecover;
        std::function<void(const QString &title, const QString &message)> showError;
        // The imported file changed on disk while the diagram has edits: true to reload it.
        std::function<bool(const QString &sourceName)> askReloadSource;
    };

    PipelineFileActions(PipelineDocument *document,
                        const QString &recoveryDir,
                        QWidget *window,
                        QObject *parent = nullptr);

    void setPrompter(const Prompter &prompter) { m_prompter = prompter; }

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QMenu *templateMenu() const { return m_templateMenu; }

    bool newDocument();
    bool newFromTemplate(const QString &templateId);
    bool open();
    bool openPath(const QString &path);
    bool save();
    bool saveAs();
    // Before the window closes or the document is replaced: asks when there are unsaved
    // changes. False when the user cancelled.
    bool maybeSave();
    // At start: offers each recovery a crashed session left behind.
    void offerRecovery();
    bool autosave(); // what the timer runs
    QStringList recentFiles() const;

signals:
    void statusMessage(const QString &message);

private:
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void reportError(const QString &title, const QString &message);
    void followImportSource();
    void onSourceChanged(const QString &path);
    void onSourceRemoved(const QString &path);

    PipelineDocument *m_document;
    QString m_recoveryDir;
    QWidget *m_window;
    Prompter m_prompter;
    QAction *m_new;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QMenu *m_recentMenu;
    QMenu *m_templateMenu;
    QTimer m_autosave;
    PipelineSourceWatcher *m_sourceWatcher;
    bool m_askingReload = false;
};
