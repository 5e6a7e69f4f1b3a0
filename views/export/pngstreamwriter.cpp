#include "export/pngstreamwriter.h"

#include <QIODevice>
#include <QImage>

#include <png.h>

using namespace Qt::StringLiterals;

// libpng reports errors by longjmp. The functions that call into libpng under a setjmp hold only
// plain data, so the jump never skips a destructor.
namespace {

[[noreturn]] void onPngError(png_structp png, png_const_charp message)
{
    static_cast<PngStreamWriter *>(png_get_error_ptr(png))->reportError(message);
    png_longjmp(png, 1);
}

void onPngWarning(png_structp, png_const_charp) {}

void onPngWrite(png_structp png, png_bytep data, size_t length)
{
    // A failed write is only recorded: the writer checks it after each band.
    static_cast<PngStreamWriter *>(png_get_io_ptr(png))
        ->deviceWrite(reinterpret_cast<const char *>(data), qint64(length));
}

void onPngFlush(png_structp) {}

bool writeHeader(png_structp png,
                 png_infop info,
                 png_uint_32 width,
                 png_uint_32 height,
                 bool alpha,
                 int dotsPerMeter)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    // There is no pixel cap: lift libpng's default limit of a million pixels a side.
    png_set_user_limits(png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_set_IHDR(png,
                 info,
                 width,
                 height,
                 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (dotsPerMeter > 0)
        png_set_pHYs(png, info, dotsPerMeter, dotsPerMeter, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    return true;
}

bool writeRowData(png_structp png, const uchar *bits, qsizetype bytesPerLine, int rows)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    for (int row = 0; row < rows; ++row)
        png_write_row(png, bits + row * bytesPerLine);
    return true;
}

bool writeEnd(png_structp png)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_write_end(png, nullptr);
    return true;
}

} // namespace

PngStreamWriter::PngStreamWriter(QIODevice *device)
    : m_device(device)
{}

PngStreamWriter::~PngStreamWriter()
{
    auto *png = static_cast<png_structp>(m_png);
    auto *info = static_cast<png_infop>(m_info);
    if (png)
        png_destroy_write_struct(&png, info ? &info : nullptr);
}

bool PngStreamWriter::begin(const QSize &size, bool alpha, int dotsPerMeter)
{
    if (size.isEmpty())
        return fail(tr("the image is empty"));
    m_size = size;
    m_alpha = alpha;
    png_structp png
        = png_create_write_struct(PNG_LIBPNG_VER_STRING, this, onPngError, onPngWarning);
    if (!png)
        return fail(tr("cannot start libpng"));
    m_png = png;
    png_infop info = png_create_info_struct(png);
    if (!info)
        return fail(tr("cannot start libpng"));
    m_info = info;
    png_set_write_fn(png, this, onPngWrite, onPngFlush);
    if (!writeHeader(
            png, info, png_uint_32(size.width()), png_uint_32(size.height()), alpha, dotsPerMeter))
        return false;
    return !m_deviceFailed || fail(m_device->errorString());
}

bool PngStreamWriter::writeRows(const QImage &band)
{
    if (!m_png || !m_error.isEmpty())
        return fail(m_error.isEmpty() ? tr("the PNG was not started") : m_error);
    if (band.width() != m_size.width() || m_rowsWritten + band.height() > m_size.height())
        return fail(tr("a band does not fit the image"));
    // libpng wants straight (not premultiplied) alpha, bytes in R, G, B(, A) order.
    const QImage rows
        = band.convertToFormat(m_alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (!writeRowData(
            static_cast<png_structp>(m_png), rows.constBits(), rows.bytesPerLine(), rows.height()))
        return false;
    m_rowsWritten += rows.height();
    return !m_deviceFailed || fail(m_device->errorString());
}

bool PngStreamWriter::finish()
{
    if (!m_png || !m_error.isEmpty())
        return fail(m_error.isEmpty() ? tr("the PNG was not started") : m_error);
    if (m_rowsWritten != m_size.height())
        return fail(tr("only %1 of %2 rows were written").arg(m_rowsWritten).arg(m_size.height()));
    if (!writeEnd(static_cast<png_structp>(m_png)))
        return false;
    return !m_deviceFailed || fail(m_device->errorString());
}

void PngStreamWriter::reportError(const char *message)
{
    if (m_error.isEmpty())
        m_error = u"libpng: "_s + QString::fromUtf8(message);
}

bool PngStreamWriter::deviceWrite(const char *data, qint64 size)
{
    if (m_deviceFailed)
        return false;
    m_deviceFailed = m_device->write(data, size) != size;
    return !m_deviceFailed;
}

bool PngStreamWriter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}
