#pragma once

#include <QObject>
#include <QSize>

struct ImageExportOptions;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QWidget;

// The controls the roadmap and pipeline export dialogs share: the theme, and for PNG the scale,
// the image's size in pixels and a transparent background. The dialog adds them to its form and
// says which apply to the chosen format.
class ExportAppearanceControls : public QObject
{
    Q_OBJECT

public:
    ExportAppearanceControls(const QString &themeId, double maxScale, QWidget *dialog);

    // Theme, Scale, the pixel size and Transparent, as rows of `form`.
    void addRows(QFormLayout *form);

    QString themeId() const;
    double scale() const;
    bool transparent() const; // as ticked: only a PNG has a transparent background
    // Theme, scale and transparency (for a PNG only) into `options`, whose format is set.
    void applyTo(ImageExportOptions *options) const;

    void setThemeEnabled(bool enabled);
    // Scale, pixel size and transparency mean something for a PNG only.
    void setPngControlsEnabled(bool enabled);
    // "W × H pixels"; an empty size clears it.
    void setPixelSize(const QSize &size);

signals:
    void changed(); // theme or scale: the pixel size may have changed

private:
    QComboBox *m_theme;
    QDoubleSpinBox *m_scale;
    QLabel *m_pixelSize;
    QCheckBox *m_transparent;
};
