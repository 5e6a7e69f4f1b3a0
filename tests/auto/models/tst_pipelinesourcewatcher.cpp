#include "pipeline/pipelinesourcewatcher.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

// Editors save in place or by renaming a new file over the old one; the watcher must see both,
// and nothing else of the folder.
class TestPipelineSourceWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void inPlaceSave();
    void renamedOverSave();
    void otherFilesOfTheFolder();
    void removed();
    void followNothing();

private:
    void write(const QString &path, const QByteArray &contents);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

// Long enough for inotify on a loaded machine; a signal ends the wait at once.
constexpr int WaitMs = 10000;

void TestPipelineSourceWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"ci.yml"_s);
    write(m_path, "on: push\n");
}

void TestPipelineSourceWatcher::write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
}

void TestPipelineSourceWatcher::inPlaceSave()
{
    PipelineSourceWatcher watcher;
    watcher.follow(m_path);
    QSignalSpy changed(&watcher, &PipelineSourceWatcher::changed);
    write(m_path, "on: pull\n"); // the same size: only the contents differ
    QVERIFY(changed.wait(WaitMs));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), m_path);
    // The watch goes on: a second save is seen too.
    write(m_path, "on: [push, pull_request]\n");
    QVERIFY(changed.wait(WaitMs));
}

void TestPipelineSourceWatcher::renamedOverSave()
{
    PipelineSourceWatcher watcher;
    watcher.follow(m_path);
    QSignalSpy changed(&watcher, &PipelineSourceWatcher::changed);
    QSignalSpy removed(&watcher, &PipelineSourceWatcher::removed);
    for (const QByteArray &contents : {QByteArray("on: one\n"), QByteArray("on: two\n")}) {
        const QString temporary = m_dir->filePath(u".ci.yml.swp"_s);
        write(temporary, contents);
        QCOMPARE(std::rename(QFile::encodeName(temporary).constData(),
                             QFile::encodeName(m_path).constData()),
                 0);
        QVERIFY(changed.wait(WaitMs));
    }
    QCOMPARE(changed.size(), 2);
    QCOMPARE(removed.size(), 0);
}

void TestPipelineSourceWatcher::otherFilesOfTheFolder()
{
    PipelineSourceWatcher watcher;
    watcher.follow(m_path);
    QSignalSpy changed(&watcher, &PipelineSourceWatcher::changed);
    QSignalSpy removed(&watcher, &PipelineSourceWatcher::removed);
    write(m_dir->filePath(u"other.yml"_s), "x: 1\n");
    // A folder change is settled and checked; nothing of ci.yml changed, so nothing is said.
    // Then ci.yml changes: exactly one signal, for it.
    QTest::qWait(PipelineSourceWatcher::SettleMs * 4);
    write(m_path, "on: pull_request\n");
    QVERIFY(changed.wait(WaitMs));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(removed.size(), 0);
}

void TestPipelineSourceWatcher::removed()
{
    PipelineSourceWatcher watcher;
    watcher.follow(m_path);
    QSignalSpy changed(&watcher, &PipelineSourceWatcher::changed);
    QSignalSpy removed(&watcher, &PipelineSourceWatcher::removed);
    QVERIFY(QFile::remove(m_path));
    QVERIFY(removed.wait(WaitMs));
    QCOMPARE(changed.size(), 0);
    // It comes back (an editor that deletes, then writes): followed again.
    write(m_path, "on: push\njobs: {}\n");
    QVERIFY(changed.wait(WaitMs));
}

void TestPipelineSourceWatcher::followNothing()
{
    PipelineSourceWatcher watcher;
    watcher.follow(m_path);
    watcher.follow({});
    QVERIFY(watcher.path().isEmpty());
    QSignalSpy changed(&watcher, &PipelineSourceWatcher::changed);
    write(m_path, "on: pull_request\n");
    QTest::qWait(PipelineSourceWatcher::SettleMs * 4);
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(TestPipelineSourceWatcher)
#include "tst_pipelinesourcewatcher.moc"
