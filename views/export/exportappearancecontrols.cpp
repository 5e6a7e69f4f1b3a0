#include "export/exportappearancecontrols.h"

#include "export/imageexportoptions.h"
#include "theme/studiotheme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

ExportAppearanceControls::ExportAppearanceControls(const QString &themeId,
                                                   double maxScale,
                                                   QWidget *dialog)
    : QObject(dialog)
    , m_theme(new QComboBox(dialog))
    , m_scale(new QDoubleSpinBox(dialog))
    , m_pixelSize(new QLabel(dialog))
    , m_transparent(new QCheckBox(tr("&Transparent background"), dialog))
{
    for (const QString &id : StudioTheme::ids())
        m_theme->addItem(StudioTheme::byIdOrDefault(id).name, id);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeId)));
    m_scale->setRange(0.5, maxScale);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(2);
    m_scale->setSuffix(u" ×"_s);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &ExportAppearanceControls::changed);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportAppearanceControls::changed);
}

void ExportAppearanceControls::addRows(QFormLayout *form)
{
    form->addRow(tr("T&heme:"), m_theme);
    form->addRow(tr("&Scale:"), m_scale);
    form->addRow(QString(), m_pixelSize);
    form->addRow(QString(), m_transparent);
}

QString ExportAppearanceControls::themeId() const
{
    return m_theme->currentData().toString();
}

double ExportAppearanceControls::scale() const
{
    return m_scale->value();
}

bool ExportAppearanceControls::transparent() const
{
    return m_transparent->isChecked();
}

void ExportAppearanceControls::applyTo(ImageExportOptions *options) const
{
    options->themeId = themeId();
    options->scale = scale();
    options->transparent = options->format == ImageExportOptions::Format::Png && transparent();
}

void ExportAppearanceControls::setThemeEnabled(bool enabled)
{
    m_theme->setEnabled(enabled);
}

void ExportAppearanceControls::setPngControlsEnabled(bool enabled)
{
    m_scale->setEnabled(enabled);
    m_transparent->setEnabled(enabled);
    m_pixelSize->setEnabled(enabled);
}

void ExportAppearanceControls::setPixelSize(const QSize &size)
{
    m_pixelSize->setText(
        size.isEmpty() ? QString() : tr("%1 × %2 pixels").arg(size.width()).arg(size.height()));
}
