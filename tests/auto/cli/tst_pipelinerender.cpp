#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "support/studioprocess.h"

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

using Run = StudioRun;

QByteArray head(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(size) : QByteArray();
}

} // namespace

// `mlops-studio pipeline render` as a user runs it: a child process with no display and no
// QT_QPA_PLATFORM, which must fall back to the offscreen platform by itself.
class TestPipelineRender : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpListsRender();
    void renders_data();
    void renders();
    void badUsage_data();
    void badUsage();
    void emptyPipelineFails();
    void arrangeShapesTheDrawing();

private:
    Run run(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPipelineRender::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QCOMPARE(run({u"pipeline"_s,
                  u"new"_s,
                  u"--template"_s,
                  u"end-to-end"_s,
                  u"-o"_s,
                  path(u"p.mlpipe"_s)})
                 .exitCode,
             0);
}

Run TestPipelineRender::run(const QStringList &arguments)
{
    const StudioProcess studio{m_dir->path(), true, {}, {}};
    return studio.run(QStringList{u"--data-dir"_s, path(u"data"_s)} + arguments);
}

void TestPipelineRender::helpListsRender()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("pipeline render"));
    const Run commandHelp = run({u"pipeline"_s, u"render"_s, u"--help"_s});
    QCOMPARE(commandHelp.exitCode, 0);
    for (const char *option :
         {"--output", "--theme", "--scale", "--transparent", "--border", "--arrange"})
        QVERIFY2(commandHelp.out.contains(option), option);
}

void TestPipelineRender::renders_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::addColumn<QByteArray>("summary");
    const QByteArray png("\x89PNG\r\n", 6);
    QTest::newRow("png") << QStringList{} << u"p.png"_s << png << QByteArray(" px)");
    QTest::newRow("png, scaled, transparent, dark, border")
        << QStringList{u"--scale"_s,
                       u"2"_s,
                       u"--transparent"_s,
                       u"--theme"_s,
                       u"dark"_s,
                       u"--border"_s,
                       u"0"_s}
        << u"p.png"_s << png << QByteArray(" px)");
    QTest::newRow("svg") << QStringList{u"--theme"_s, u"projector"_s} << u"p.SVG"_s
                         << QByteArray("<?xml") << QByteArray(" units)");
    QTest::newRow("pdf") << QStringList{u"--border"_s, u"60"_s} << u"p.pdf"_s << QByteArray("%PDF")
                         << QByteArray("(1 page)");
    QTest::newRow("mermaid") << QStringList{} << u"p.mmd"_s << QByteArray("flowchart")
                             << QByteArray("(Mermaid flowchart)");
}

void TestPipelineRender::renders()
{
    QFETCH(QStringList, options);
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    QFETCH(QByteArray, summary);
    const Run result
        = run(QStringList{u"pipeline"_s, u"render"_s, path(u"p.mlpipe"_s), u"-o"_s, path(file)}
              + options);
    QVERIFY2(result.exitCode == 0, result.err);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("Rendered " + path(u"p.mlpipe"_s).toUtf8() + " to "
                                   + path(file).toUtf8()),
             result.err);
    QVERIFY2(result.err.contains(summary), result.err);
    QCOMPARE(result.err.count('\n'), 1);
    QCOMPARE(head(path(file), magic.size()), magic);
}

void TestPipelineRender::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expectedInError");
    const QStringList command{u"pipeline"_s, u"render"_s, u"%DIR%/p.mlpipe"_s};
    const QStringList toPng = command + QStringList{u"-o"_s, u"%DIR%/out.png"_s};
    QTest::newRow("missing file") << QStringList{u"pipeline"_s,
                                                 u"render"_s,
                                                 u"%DIR%/none.mlpipe"_s,
                                                 u"-o"_s,
                                                 u"%DIR%/out.png"_s}
                                  << QByteArray("none.mlpipe: ");
    QTest::newRow("not a pipeline")
        << QStringList{u"pipeline"_s, u"render"_s, u"%DIR%/blocker"_s, u"-o"_s, u"%DIR%/out.png"_s}
        << QByteArray("/blocker");
    QTest::newRow("missing -o") << command << QByteArray("missing -o FILE");
    QTest::newRow("unknown extension")
        << command + QStringList{u"-o"_s, u"%DIR%/out.gif"_s}
        << QByteArray("out.gif: unknown extension; expected .png, .svg, .pdf or .mmd");
    QTest::newRow("unknown theme")
        << toPng + QStringList{u"--theme"_s, u"neon"_s}
        << QByteArray("unknown theme 'neon' (expected one of: light, dark, projector)");
    for (const QString &scale : {u"abc"_s, u"0"_s, u"-1"_s, u"17"_s, u"nan"_s}) {
        QTest::addRow("scale %s", qPrintable(scale))
            << toPng + QStringList{u"--scale"_s, scale}
            << (u"--scale '%1': expected a number greater than 0 and at most 16"_s.arg(scale))
                   .toUtf8();
    }
    for (const QString &border : {u"x"_s, u"-5"_s, u"1001"_s}) {
        QTest::addRow("border %s", qPrintable(border))
            << toPng + QStringList{u"--border"_s, border}
            << (u"--border '%1': expected a number from 0 to 1000"_s.arg(border)).toUtf8();
    }
    QTest::newRow("scale with svg")
        << command + QStringList{u"-o"_s, u"%DIR%/out.svg"_s, u"--scale"_s, u"2"_s}
        << QByteArray("--scale needs a .png file");
    QTest::newRow("transparent pdf")
        << command + QStringList{u"-o"_s, u"%DIR%/out.pdf"_s, u"--transparent"_s}
        << QByteArray("--transparent needs a .png file");
    QTest::newRow("border with mermaid")
        << command + QStringList{u"-o"_s, u"%DIR%/out.mmd"_s, u"--border"_s, u"4"_s}
        << QByteArray("--border needs a .png, .svg or .pdf file");
    QTest::newRow("unknown shape")
        << toPng + QStringList{u"--arrange"_s, u"diagonal"_s}
        << QByteArray("--arrange: 'diagonal' is not a shape; use rows or one-row");
    QTest::newRow("arrange with mermaid")
        << command + QStringList{u"-o"_s, u"%DIR%/out.mmd"_s, u"--arrange"_s, u"rows"_s}
        << QByteArray("--arrange needs a .png, .svg or .pdf file");
    QTest::newRow("missing folder") << command + QStringList{u"-o"_s, u"%DIR%/nowhere/out.png"_s}
                                    << QByteArray("nowhere/out.png: the folder");
    QTest::newRow("a folder") << command + QStringList{u"-o"_s, u"%DIR%/folder.png"_s}
                              << QByteArray("folder.png: is a folder");
}

void TestPipelineRender::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expectedInError);
    QFile blocker(path(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.write("not json");
    blocker.close();
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder.png"_s));
    const QStringList before
        = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const Run result = run(expandDir(arguments, m_dir->path()));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(expectedInError), result.err);
    QVERIFY2(result.err.startsWith("mlops-studio: pipeline render: error: "), result.err);
    QCOMPARE(result.err.count('\n'), 1); // one line
    QVERIFY(result.out.isEmpty());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
}

// The End-to-end template is a chain of 13 stages: arranged in rows it fits a slide (at most
// about 3:1, issue 15), in one row it is a wide strip. The file itself is left as it was.
void TestPipelineRender::arrangeShapesTheDrawing()
{
    const auto fileBytes = [this] {
        QFile file(path(u"p.mlpipe"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray before = fileBytes();
    const auto drawn = [this](const QString &shape) {
        const QString png = path(shape + u".png"_s);
        const Run result = run({u"pipeline"_s,
                                u"render"_s,
                                path(u"p.mlpipe"_s),
                                u"-o"_s,
                                png,
                                u"--arrange"_s,
                                shape,
                                u"--border"_s,
                                u"0"_s});
        return result.exitCode == 0 ? QImageReader(png).size() : QSize();
    };
    const QSize rows = drawn(u"rows"_s);
    const QSize oneRow = drawn(u"one-row"_s);
    QVERIFY(rows.isValid() && oneRow.isValid());
    QVERIFY2(rows.width() <= 3 * rows.height(),
             qPrintable(u"%1x%2"_s.arg(rows.width()).arg(rows.height())));
    QVERIFY2(oneRow.width() > 3 * oneRow.height(),
             qPrintable(u"%1x%2"_s.arg(oneRow.width()).arg(oneRow.height())));
    QCOMPARE(fileBytes(), before);
}

void TestPipelineRender::emptyPipelineFails()
{
    QFile empty(path(u"empty.mlpipe"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write(R"({"format": "mlops-studio-pipeline", "version": 1, "nodes": [], "edges": []})");
    empty.close();
    const Run result
        = run({u"pipeline"_s, u"render"_s, path(u"empty.mlpipe"_s), u"-o"_s, path(u"out.svg"_s)});
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains("out.svg: nothing to draw"), result.err);
    QVERIFY(!QFile::exists(path(u"out.svg"_s)));
}

QTEST_MAIN(TestPipelineRender)
#include "tst_pipelinerender.moc"
