#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QXmlStreamReader>

#include <algorithm>

// What the export tests read back from written files: PDF pages and text (through poppler's
// pdfinfo and pdftotext when installed), SVG text and embedded images.
namespace ExportProbes {

using namespace Qt::StringLiterals;

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// pdfinfo when poppler-utils is there; else the page objects, which QPdfWriter leaves
// uncompressed.
inline int pdfPageCount(const QString &path)
{
    const QString pdfinfo = QStandardPaths::findExecutable(u"pdfinfo"_s);
    if (!pdfinfo.isEmpty()) {
        QProcess process;
        process.start(pdfinfo, {path});
        if (process.waitForFinished(30000) && process.exitCode() == 0) {
            static const QRegularExpression pages(u"^Pages:\\s+(\\d+)"_s,
                                                  QRegularExpression::MultilineOption);
            return pages.match(QString::fromUtf8(process.readAllStandardOutput()))
                .captured(1)
                .toInt();
        }
        return -1;
    }
    static const QRegularExpression page(u"/Type\\s*/Page(?![a-zA-Z])"_s);
    return int(QString::fromLatin1(readAll(path)).count(page));
}

// The text of a PDF, or a null string when pdftotext is not installed.
inline QString pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        return {};
    QProcess process;
    process.start(pdftotext, {path, u"-"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return u""_s;
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Whether the text holds one of the Unicode "Alphabetic Presentation Forms" ligatures ff, fi,
// fl, ffi, ffl, long st and st (U+FB00 to U+FB06, https://www.unicode.org/charts/PDF/UFB00.pdf):
// what a PDF that draws ligature glyphs gives back, so "workﬂows" is not found by a search for
// "workflows".
inline bool hasLatinLigature(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0xFB00 && c.unicode() <= 0xFB06;
    });
}

struct SvgContent
{
    QString text; // all <text> elements, space separated
    int images = 0;
    bool valid = false;
};

inline SvgContent readSvg(const QString &path)
{
    SvgContent content;
    QXmlStreamReader xml(readAll(path));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"text"_s)
            content.text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u' ';
        else if (xml.name() == u"image"_s)
            ++content.images;
    }
    content.valid = !xml.hasError();
    return content;
}

} // namespace ExportProbes
