#pragma once

#include "orchestrator/orchestratorexport.h"

#include <QDialog>

class PipelineGraph;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;

// Pipeline → Export to…: pick the engine and see the generated files (one tab each) before
// copying or saving them. A pipeline with validation errors shows its errors instead, and
// nothing can be copied or saved. Remembers the last engine and folder.
class OrchestratorExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `title` names the pipeline (its file name without extension) in the exported files.
    OrchestratorExportDialog(const PipelineGraph *graph,
                             const QString &title,
                             QWidget *parent = nullptr);

    ExportTarget target() const;
    void setTarget(ExportTarget target);
    const OrchestratorExport::Result &result() const { return m_result; }
    QTabWidget *preview() const { return m_files; }
    QListWidget *findings() const { return m_findings; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *saveButton() const { return m_save; }

    // The shown file's text to the clipboard.
    void copyShownFile();
    // Where the file chooser starts: the last folder (or Documents) and the main file's name.
    QString suggestedPath() const;
    // Writes the files, the main one to `path` and any other beside it; shows a failure in a
    // message box. True when everything was written.
    bool saveTo(const QString &path);

private:
    void updatePreview();
    void onSave();

    const PipelineGraph *m_graph;
    QString m_title;
    OrchestratorExport::Result m_result;
    QComboBox *m_target;
    QLabel *m_summary;
    QStackedWidget *m_pages;
    QTabWidget *m_files;
    QListWidget *m_findings;
    QPushButton *m_copy;
    QPushButton *m_save;
};
