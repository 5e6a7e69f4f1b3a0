// AtomicFile's write stages: the exit code of `curriculum import` depends on where a write
// stopped (a file that cannot be created is bad input; one that fails while written is not).
#include "support/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writtenBytesReplaceTheFile();
    void aMissingFolderStopsAtOpen();
    void aRefusedWriteKeepsTheOldFile();

private:
    QString contents(const QString &name) const;
    QStringList files() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAtomicFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestAtomicFile::contents(const QString &name) const
{
    QFile file(m_dir->filePath(name));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList TestAtomicFile::files() const
{
    return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
}

void TestAtomicFile::writtenBytesReplaceTheFile()
{
    const QString path = m_dir->filePath(u"out.txt"_s);
    QString error;
    AtomicFile::Stage reached = AtomicFile::Stage::Open;
    QVERIFY2(AtomicFile::writeBytes(path, "first", &error), qPrintable(error));
    QVERIFY2(AtomicFile::writeBytes(path, "second", &error, &reached), qPrintable(error));
    QCOMPARE(reached, AtomicFile::Stage::Done);
    QCOMPARE(contents(u"out.txt"_s), u"second"_s);
    QCOMPARE(files(), QStringList{u"out.txt"_s}); // no temporary file left beside it
}

void TestAtomicFile::aMissingFolderStopsAtOpen()
{
    QString error;
    AtomicFile::Stage reached = AtomicFile::Stage::Done;
    QVERIFY(!AtomicFile::writeBytes(m_dir->filePath(u"missing/out.txt"_s), "x", &error, &reached));
    QCOMPARE(reached, AtomicFile::Stage::Open);
    QVERIFY(!error.isEmpty());
}

void TestAtomicFile::aRefusedWriteKeepsTheOldFile()
{
    const QString path = m_dir->filePath(u"out.txt"_s);
    QString error;
    QVERIFY2(AtomicFile::writeBytes(path, "old", &error), qPrintable(error));
    AtomicFile::Stage reached = AtomicFile::Stage::Open;
    QVERIFY(!AtomicFile::writeAtomically(
        path,
        [](QIODevice *device) {
            device->write("half of the new");
            return false;
        },
        &error,
        &reached));
    QCOMPARE(reached, AtomicFile::Stage::Write);
    QCOMPARE(contents(u"out.txt"_s), u"old"_s);
    QCOMPARE(files(), QStringList{u"out.txt"_s});
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
