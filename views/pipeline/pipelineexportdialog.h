#pragma once

#include "pipeline/pipelinediagramoptions.h"

#include <QDialog>
#include <QStringList>

class ExportAppearanceControls;
class PipelineGraph;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

// Pipeline → Export Diagram…: the format and look of the diagram and whether it shows only the
// selection, then a file chooser; PipelineDiagramExporter writes the file. Remembers the last
// folder and format.
class PipelineExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `nodeIds` and `annotationIds`: the selection on the canvas (may be empty).
    PipelineExportDialog(const PipelineGraph *graph,
                         const QString &themeId,
                         const QStringList &nodeIds,
                         const QStringList &annotationIds,
                         QWidget *parent = nullptr);

    PipelineDiagramOptions options() const;
    void setFormat(PipelineDiagramOptions::Format format);
    void setSelectionOnly(bool selectionOnly);
    // Where the file chooser starts: the last folder (or Pictures) and pipeline.<ext>.
    QString suggestedPath() const;
    // Exports to `path`; shows a failure in a message box. True when the file was written.
    bool exportTo(const QString &path);

private:
    void onExport();
    void updateControls();

    const PipelineGraph *m_graph;
    QStringList m_nodeIds;
    QStringList m_annotationIds;
    QComboBox *m_format;
    ExportAppearanceControls *m_appearance;
    QDoubleSpinBox *m_border;
    QCheckBox *m_selectionOnly;
};
