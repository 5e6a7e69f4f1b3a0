#include "pipeline/pipelineexportdialog.h"

#include "export/exportprompts.h"

#include "common/applicationsettings.h"
#include "export/exportappearancecontrols.h"
#include "pipeline/pipelinediagramexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

using Format = PipelineDiagramOptions::Format;

} // namespace

PipelineExportDialog::PipelineExportDialog(const PipelineGraph *graph,
                                           const QString &themeId,
                                           const QStringList &nodeIds,
                                           const QStringList &annotationIds,
                                           QWidget *parent)
    : QDialog(parent)
    , m_graph(graph)
    , m_nodeIds(nodeIds)
    , m_annotationIds(annotationIds)
    , m_format(new QComboBox(this))
    , m_appearance(new ExportAppearanceControls(themeId, PipelineDiagramOptions::MaxScale, this))
    , m_border(new QDoubleSpinBox(this))
    , m_selectionOnly(new QCheckBox(tr("Se&lection only"), this))
{
    setWindowTitle(tr("Export Pipeline Diagram"));
    m_format->addItem(tr("PNG image"), int(Format::Png));
    m_format->addItem(tr("SVG vector image"), int(Format::Svg));
    m_format->addItem(tr("PDF (one page)"), int(Format::Pdf));
    m_format->addItem(tr("Mermaid flowchart text"), int(Format::Mermaid));
    m_border->setRange(0, PipelineDiagramOptions::MaxBorder);
    m_border->setDecimals(0);
    m_border->setValue(PipelineDiagramOptions::DefaultBorder);
    const bool hasSelection = !nodeIds.isEmpty() || !annotationIds.isEmpty();
    m_selectionOnly->setEnabled(hasSelection);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    m_appearance->addRows(form);
    form->addRow(tr("&Border:"), m_border);
    form->addRow(QString(), m_selectionOnly);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PipelineExportDialog::onExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PipelineExportDialog::updateControls);
    connect(m_appearance,
            &ExportAppearanceControls::changed,
            this,
            &PipelineExportDialog::updateControls);
    connect(m_border, &QDoubleSpinBox::valueChanged, this, &PipelineExportDialog::updateControls);
    connect(m_selectionOnly, &QCheckBox::toggled, this, &PipelineExportDialog::updateControls);

    // The list's position is remembered: it stays put when formats are added to the enum.
    const int format = applicationSettings().value(u"pipelineExport/format"_s, 0).toInt();
    m_format->setCurrentIndex(format >= 0 && format < m_format->count() ? format : 0);
    updateControls();
}

PipelineDiagramOptions PipelineExportDialog::options() const
{
    PipelineDiagramOptions options;
    options.format = Format(m_format->currentData().toInt());
    m_appearance->applyTo(&options);
    options.border = m_border->value();
    if (m_selectionOnly->isEnabled() && m_selectionOnly->isChecked()) {
        options.nodeIds = m_nodeIds;
        options.annotationIds = m_annotationIds;
    }
    return options;
}

void PipelineExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(format))));
}

void PipelineExportDialog::setSelectionOnly(bool selectionOnly)
{
    m_selectionOnly->setChecked(selectionOnly);
}

void PipelineExportDialog::updateControls()
{
    const PipelineDiagramOptions current = options();
    const bool png = current.format == Format::Png;
    const bool drawn = current.format != Format::Mermaid;
    m_appearance->setPngControlsEnabled(png);
    m_appearance->setThemeEnabled(drawn);
    m_border->setEnabled(drawn);
    m_appearance->setPixelSize(png ? PipelineDiagramExporter(*m_graph, current).outputSize()
                                   : QSize());
}

QString PipelineExportDialog::suggestedPath() const
{
    const QString folder = applicationSettings().value(u"pipelineExport/folder"_s).toString();
    const QString name = u"pipeline."_s + PipelineDiagramOptions::suffix(options().format);
    return ExportPrompts::suggestedPath(folder, QStandardPaths::PicturesLocation, name);
}

void PipelineExportDialog::onExport()
{
    const Format format = options().format;
    const QString path = ExportPrompts::askSavePath(this,
                                                    tr("Export Pipeline Diagram"),
                                                    suggestedPath(),
                                                    ExportPrompts::fileFilter(format),
                                                    PipelineDiagramOptions::suffix(format));
    if (!path.isEmpty() && exportTo(path))
        accept();
}

bool PipelineExportDialog::exportTo(const QString &path)
{
    PipelineDiagramExporter exporter(*m_graph, options());
    if (!ExportPrompts::exportWithProgress(this, tr("Exporting the pipeline…"), exporter, path))
        return false;
    QSettings settings = applicationSettings();
    settings.setValue(u"pipelineExport/folder"_s, QFileInfo(path).absolutePath());
    settings.setValue(u"pipelineExport/format"_s, m_format->currentIndex());
    return true;
}
