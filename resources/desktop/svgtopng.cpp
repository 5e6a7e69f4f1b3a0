// svgtopng SVG PATTERN SIZE...: renders the icon SVG as a square PNG of each SIZE, written to
// PATTERN with %1 replaced by the size. The build runs it, so the PNGs installed in
// share/icons/hicolor always come from the one committed drawing and are never committed.

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 4) {
        std::fprintf(stderr, "usage: svgtopng SVG PATTERN SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "svgtopng: %s is not a valid SVG\n", qPrintable(arguments.at(1)));
        return 1;
    }
    for (const QString &sizeText : arguments.mid(3)) {
        bool isNumber = false;
        const int size = sizeText.toInt(&isNumber);
        if (!isNumber || size < 1 || size > 4096) {
            std::fprintf(stderr, "svgtopng: %s is not an icon size\n", qPrintable(sizeText));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString path = arguments.at(2).arg(size);
        if (!image.save(path, "PNG")) {
            std::fprintf(stderr, "svgtopng: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
