#pragma once

#include "roadmap/roadmapexportoptions.h"

#include <QDialog>
#include <QHash>
#include <QSizeF>

class CurriculumModel;
class ExportAppearanceControls;
class QCheckBox;
class QComboBox;

// File → Export Roadmap…: the format and look of the export, then a file chooser; the export
// runs through RoadmapExporter behind a cancellable progress dialog. Remembers the last folder
// and format.
class RoadmapExportDialog : public QDialog
{
    Q_OBJECT

public:
    RoadmapExportDialog(CurriculumModel *model,
                        const QString &themeId,
                        bool showProgress,
                        QWidget *parent = nullptr);

    RoadmapExportOptions options() const;
    void setFormat(RoadmapExportOptions::Format format);
    // Where the file chooser starts: the last folder (or Pictures / Documents) and roadmap.<ext>.
    QString suggestedPath() const;
    // Exports to `path` with a progress dialog; shows a failure in a message box. True when the
    // file was written.
    bool exportTo(const QString &path);

private:
    void onExport();
    void updateControls();
    QSizeF sceneSize(const QString &themeId);

    CurriculumModel *m_model;
    QComboBox *m_format;
    ExportAppearanceControls *m_appearance;
    QCheckBox *m_progress;
    QHash<QString, QSizeF> m_sceneSizes; // by theme: themes differ in card sizes
};
