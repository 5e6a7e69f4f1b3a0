#include "roadmap/roadmapexportdialog.h"

#include "export/exportprompts.h"

#include "common/applicationsettings.h"
#include "export/exportappearancecontrols.h"

#include "export/scenebands.h"
#include "roadmap/roadmapexporter.h"
#include "roadmap/roadmapscene.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

using Format = RoadmapExportOptions::Format;

QStandardPaths::StandardLocation defaultLocation(Format format)
{
    return format == Format::Png || format == Format::Svg ? QStandardPaths::PicturesLocation
                                                          : QStandardPaths::DocumentsLocation;
}

} // namespace

RoadmapExportDialog::RoadmapExportDialog(CurriculumModel *model,
                                         const QString &themeId,
                                         bool showProgress,
                                         QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_format(new QComboBox(this))
    , m_appearance(new ExportAppearanceControls(themeId, RoadmapExportOptions::MaxScale, this))
    , m_progress(new QCheckBox(tr("Include my &progress (statuses and notes)"), this))
{
    setWindowTitle(tr("Export Roadmap"));
    m_format->addItem(tr("PNG image"), int(Format::Png));
    m_format->addItem(tr("SVG vector image"), int(Format::Svg));
    m_format->addItem(tr("PDF poster (one page)"), int(Format::PdfPoster));
    m_format->addItem(tr("PDF handout (a page per section)"), int(Format::PdfHandout));
    m_progress->setChecked(showProgress);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    m_appearance->addRows(form);
    form->addRow(QString(), m_progress);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RoadmapExportDialog::onExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &RoadmapExportDialog::updateControls);
    connect(m_appearance,
            &ExportAppearanceControls::changed,
            this,
            &RoadmapExportDialog::updateControls);

    // The list's position is remembered: it stays put when formats are added to the enum.
    const int format = applicationSettings().value(u"export/format"_s, 0).toInt();
    m_format->setCurrentIndex(format >= 0 && format < m_format->count() ? format : 0);
    updateControls();
}

RoadmapExportOptions RoadmapExportDialog::options() const
{
    RoadmapExportOptions options;
    options.format = Format(m_format->currentData().toInt());
    m_appearance->applyTo(&options);
    options.showProgress = m_progress->isChecked();
    return options;
}

void RoadmapExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void RoadmapExportDialog::updateControls()
{
    const RoadmapExportOptions current = options();
    const bool png = current.format == Format::Png;
    m_appearance->setPngControlsEnabled(png);
    // The handout is printed black on white: the map's theme plays no part in it.
    m_appearance->setThemeEnabled(current.format != Format::PdfHandout);
    m_appearance->setPixelSize(
        SceneBands::imageSize(QRectF(QPointF(0, 0), sceneSize(current.themeId)), current.scale));
}

QSizeF RoadmapExportDialog::sceneSize(const QString &themeId)
{
    if (!m_sceneSizes.contains(themeId)) {
        RoadmapExportOptions sizing;
        sizing.themeId = themeId;
        m_sceneSizes.insert(themeId, RoadmapExporter(m_model, sizing).scene()->sceneRect().size());
    }
    return m_sceneSizes.value(themeId);
}

QString RoadmapExportDialog::suggestedPath() const
{
    const Format format = options().format;
    const QString folder = applicationSettings().value(u"export/folder"_s).toString();
    const QString name = format == Format::PdfHandout
                             ? u"roadmap-handout.pdf"_s
                             : u"roadmap."_s + RoadmapExportOptions::suffix(format);
    return ExportPrompts::suggestedPath(folder, defaultLocation(format), name);
}

void RoadmapExportDialog::onExport()
{
    const Format format = options().format;
    const QString path = ExportPrompts::askSavePath(this,
                                                    tr("Export Roadmap"),
                                                    suggestedPath(),
                                                    ExportPrompts::fileFilter(format),
                                                    RoadmapExportOptions::suffix(format));
    if (!path.isEmpty() && exportTo(path))
        accept();
}

bool RoadmapExportDialog::exportTo(const QString &path)
{
    RoadmapExporter exporter(m_model, options());
    if (!ExportPrompts::exportWithProgress(this, tr("Exporting the roadmap…"), exporter, path))
        return false;
    QSettings settings = applicationSettings();
    settings.setValue(u"export/folder"_s, QFileInfo(path).absolutePath());
    settings.setValue(u"export/format"_s, m_format->currentIndex());
    return true;
}
