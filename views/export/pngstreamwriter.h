#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>

class QIODevice;
class QImage;

// Writes a PNG row by row through libpng, so an image of any size can be written from bands
// that are rendered one after another: only one band is ever in memory. QImageWriter needs
// the whole image.
class PngStreamWriter
{
    Q_DECLARE_TR_FUNCTIONS(PngStreamWriter)

public:
    explicit PngStreamWriter(QIODevice *device);
    ~PngStreamWriter();
    PngStreamWriter(const PngStreamWriter &) = delete;
    PngStreamWriter &operator=(const PngStreamWriter &) = delete;

    // 8-bit RGBA when `alpha`, else 8-bit RGB. `dotsPerMeter` > 0 writes a pHYs chunk.
    bool begin(const QSize &size, bool alpha, int dotsPerMeter = 0);
    // The next rows: `band` is as wide as the image, in any format (it is converted).
    bool writeRows(const QImage &band);
    bool finish();
    QString errorString() const { return m_error; }

    // libpng's callbacks reach the writer through these.
    void reportError(const char *message);
    bool deviceWrite(const char *data, qint64 size);

private:
    bool fail(const QString &message);

    QIODevice *m_device;
    void *m_png = nullptr;  // png_structp, kept out of this header
    void *m_info = nullptr; // png_infop
    QSize m_size;
    bool m_alpha = false;
    int m_rowsWritten = 0;
    bool m_deviceFailed = false;
    QString m_error;
};
