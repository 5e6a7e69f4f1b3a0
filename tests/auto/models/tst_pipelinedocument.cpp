#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelineundocommands.h"
#include "support/processprobe.h"
#include "support/recoverysidecar.h"
#include "support/require.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Snapshot
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;
    QList<PipelineAnnotation> annotations;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const PipelineGraph &graph)
{
    return {graph.nodes(), graph.edges(), graph.annotations()};
}

void nudge(PipelineDocument &document, const QString &nodeId)
{
    ItemPositions to;
    to.nodes.insert(nodeId, document.graph()->node(nodeId)->pos + QPointF(10, 0));
    document.undoStack()->push(new MoveItemsCommand(document.graph(), to));
}

// The pid of a process that has ended (and been reaped): nothing runs under it now.
qint64 deadPid()
{
    QProcess process;
    process.start(u"sh"_s, {u"-c"_s, u"exit 0"_s});
    if (!process.waitForStarted())
        return -1;
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

} // namespace

class TestPipelineDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void newEmpty();
    void newFromTemplate();
    void unknownTemplateChangesNothing();
    void saveAsAndLoad();
    void saveNeedsAPath();
    void loadImportsAWorkflow();
    void reloadImportFollowsTheSource();
    void failedLoadChangesNothing_data();
    void failedLoadChangesNothing();
    void modifiedTracking();
    void recoveryWrittenOnlyWhenModified();
    void recoveryRemovedAfterSave();
    void pendingRecoveries();
    void restore();
    void failedRestoreChangesNothing();
    void discard();
    void closing();

private:
    std::unique_ptr<PipelineDocument> makeDocument();
    // A document left by a "crashed" process: template, a change, recovery written, its
    // sidecar then made to name a process that has ended.
    PipelineDocument::Recovery crashedRecovery(const QString &originalPath);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_recoveryDir;
};

void TestPipelineDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(deadPid() > 0);
}

void TestPipelineDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_recoveryDir = m_dir->filePath(u"data/recovery"_s);
}

void TestPipelineDocument::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<PipelineDocument> TestPipelineDocument::makeDocument()
{
    return std::make_unique<PipelineDocument>(&NodeCatalog::builtIn(), m_recoveryDir);
}

PipelineDocument::Recovery TestPipelineDocument::crashedRecovery(const QString &originalPath)
{
    auto document = makeDocument();
    QString error;
    if (!document->newFromTemplate(u"ci-cd"_s, &error))
        return {};
    if (!originalPath.isEmpty() && !document->saveAs(originalPath, &error))
        return {};
    nudge(*document, document->graph()->nodes().constFirst().id);
    if (!document->writeRecovery(&error))
        return {};
    const QString file = document->recoveryFilePath();
    editSidecar(file, {{u"pid"_s, deadPid()}});
    document.reset(); // still modified: the recovery stays, as after a crash
    return {file, originalPath.isEmpty() ? QString() : QFileInfo(originalPath).absoluteFilePath()};
}

void TestPipelineDocument::newEmpty()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    nudge(*document, u"train"_s);
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    document->newEmpty();
    QCOMPARE(loaded.count(), 1);
    QVERIFY(document->graph()->isEmpty());
    QVERIFY(document->filePath().isEmpty());
    QCOMPARE(document->displayName(), u"Untitled"_s);
    QVERIFY(!document->isModified());
    QCOMPARE(document->undoStack()->count(), 0);
}

void TestPipelineDocument::newFromTemplate()
{
    auto document = makeDocument();
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    QString error;
    QVERIFY2(document->newFromTemplate(u"End-to-end MLOps pipeline"_s, &error), qPrintable(error));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(document->graph()->nodes().size(), 13);
    QCOMPARE(document->graph()->annotations().size(), 4);
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(!document->isModified());
}

void TestPipelineDocument::unknownTemplateChangesNothing()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"batch-scoring"_s, &error));
    nudge(*document, document->graph()->nodes().constFirst().id);
    const Snapshot before = snapshot(*document->graph());
    QVERIFY(!document->newFromTemplate(u"no-such-template"_s, &error));
    QVERIFY2(error.contains(u"end-to-end"_s), qPrintable(error));
    QCOMPARE(snapshot(*document->graph()), before);
    QCOMPARE(document->undoStack()->count(), 1);
}

void TestPipelineDocument::saveAsAndLoad()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"continuous-training"_s, &error));
    nudge(*document, u"train"_s);
    QVERIFY(document->isModified());
    QSignalSpy pathChanged(document.get(), &PipelineDocument::filePathChanged);
    const QString path = m_dir->filePath(u"loop.mlpipe"_s);
    QVERIFY2(document->saveAs(path, &error), qPrintable(error));
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(document->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(document->displayName(), u"loop.mlpipe"_s);
    QVERIFY(!document->isModified());
    QCOMPARE(document->undoStack()->count(), 1); // saving keeps the history
    QVERIFY(QFile::exists(path));

    auto reopened = makeDocument();
    QSignalSpy loaded(reopened.get(), &PipelineDocument::loaded);
    QVERIFY2(reopened->load(path, &error), qPrintable(error));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(snapshot(*reopened->graph()), snapshot(*document->graph()));
    QCOMPARE(reopened->filePath(), document->filePath());
    QVERIFY(!reopened->isModified());

    // Save writes to the same path again.
    nudge(*reopened, u"train"_s);
    QVERIFY(reopened->save(&error));
    QVERIFY(!reopened->isModified());
    const PipelineFile::ReadResult onDisk = PipelineFile::load(path, NodeCatalog::builtIn());
    QCOMPARE(onDisk.nodes, reopened->graph()->nodes());
}

void TestPipelineDocument::saveNeedsAPath()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(!document->save(&error));
    QVERIFY(!error.isEmpty());
    // A failed save keeps the path and the modified state.
    QVERIFY(document->newFromTemplate(u"ci-cd"_s, &error));
    nudge(*document, document->graph()->nodes().constFirst().id);
    error.clear();
    QVERIFY(!document->saveAs(m_dir->path(), &error)); // a directory
    QVERIFY(error.contains(m_dir->path()));
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(document->isModified());
}

// Another engine's file opens as a new pipeline: untitled and unsaved (closing asks), its title
// naming the source, and saving never writes over the source.
void TestPipelineDocument::loadImportsAWorkflow()
{
    const QByteArray workflow = "on: push\njobs:\n  build: {runs-on: x, steps: [{run: make}]}\n"
                                "  test: {needs: build, runs-on: x, steps: [{run: make test}]}\n";
    const QString source = m_dir->filePath(u"ci.yml"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(workflow);
    file.close();
    auto document = makeDocument();
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    QString error;
    QVERIFY2(document->load(source, &error), qPrintable(error));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(document->graph()->nodes().size(), 2);
    QCOMPARE(document->graph()->edges().size(), 1);
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(document->isModified());
    QCOMPARE(document->displayName(), u"ci.yml (imported from GitHub Actions)"_s);
    QCOMPARE(document->graph()->source().path, source);
    QVERIFY(!document->save(&error)); // untitled: Save As asks where
    const QString saved = m_dir->filePath(u"ci.mlpipe"_s);
    QVERIFY2(document->saveAs(saved, &error), qPrintable(error));
    QVERIFY(!document->isModified());
    QCOMPARE(document->displayName(), u"ci.mlpipe"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), workflow);
    // The saved file keeps the source and opens as a pipeline of its own.
    auto reopened = makeDocument();
    QVERIFY2(reopened->load(saved, &error), qPrintable(error));
    QCOMPARE(reopened->filePath(), QFileInfo(saved).absoluteFilePath());
    QCOMPARE(reopened->graph()->source().format, u"github-actions"_s);
    QVERIFY(!reopened->isModified());
}

void TestPipelineDocument::reloadImportFollowsTheSource()
{
    const QString source = m_dir->filePath(u"ci.yml"_s);
    const auto write = [&source](const QByteArray &contents) {
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(contents);
    };
    write("on: push\njobs:\n  build: {runs-on: x, steps: [{run: make}]}\n");
    auto document = makeDocument();
    QString error;
    QVERIFY2(document->load(source, &error), qPrintable(error));
    QCOMPARE(document->importSourcePath(), source);
    QVERIFY(!document->hasEditsSinceLoad());
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    QSignalSpy about(document.get(), &PipelineDocument::aboutToReload);
    QSignalSpy reloaded(document.get(), &PipelineDocument::reloaded);

    write("on: push\njobs:\n  build: {runs-on: x, steps: [{run: make}]}\n"
          "  test: {needs: build, runs-on: x, steps: [{run: make test}]}\n");
    QVERIFY2(document->reloadImport(&error), qPrintable(error));
    QCOMPARE(document->graph()->nodes().size(), 2);
    QCOMPARE(document->graph()->edges().size(), 1);
    QCOMPARE(about.size(), 1);
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(loaded.size(), 0); // a reload is not a new document: views keep zoom and selection
    QVERIFY(document->filePath().isEmpty());
    QCOMPARE(document->displayName(), u"ci.yml (imported from GitHub Actions)"_s);
    QVERIFY(document->isModified()); // still never saved

    // Half-typed YAML: the last good diagram stays, and the error names the file and line.
    write("on: push\njobs:\n  build: [1, 2\n");
    QVERIFY(!document->reloadImport(&error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(source) + u':'), qPrintable(error));
    QCOMPARE(document->graph()->nodes().size(), 2);
    QCOMPARE(reloaded.size(), 1);

    // Once saved it is a pipeline of its own: the source no longer replaces it.
    QVERIFY2(document->saveAs(m_dir->filePath(u"ci.mlpipe"_s), &error), qPrintable(error));
    QVERIFY(document->importSourcePath().isEmpty());
    QVERIFY(!document->reloadImport(&error));
    QCOMPARE(document->graph()->nodes().size(), 2);
}

void TestPipelineDocument::failedLoadChangesNothing_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: no file at all
    QTest::newRow("missing file") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("{ nodes: ");
    QTest::newRow("unknown kind") << QByteArray(
        R"({"format": "mlops-studio-pipeline", "version": 1,
            "nodes": [{"id": "n1", "kind": "teleport", "name": "X"}]})");
}

void TestPipelineDocument::failedLoadChangesNothing()
{
    QFETCH(QByteArray, contents);
    const QString path = m_dir->filePath(u"bad.mlpipe"_s);
    if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    QVERIFY(document->saveAs(m_dir->filePath(u"good.mlpipe"_s), &error));
    nudge(*document, u"train"_s);
    const Snapshot before = snapshot(*document->graph());
    const QString pathBefore = document->filePath();
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    QSignalSpy pathChanged(document.get(), &PipelineDocument::filePathChanged);

    error.clear();
    QVERIFY(!document->load(path, &error));
    QVERIFY2(error.contains(u"bad.mlpipe"_s), qPrintable(error));
    QCOMPARE(snapshot(*document->graph()), before);
    QCOMPARE(document->filePath(), pathBefore);
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(document->isModified());
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(pathChanged.count(), 0);
}

void TestPipelineDocument::modifiedTracking()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    QSignalSpy modified(document.get(), &PipelineDocument::modifiedChanged);
    nudge(*document, u"train"_s);
    QVERIFY(document->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().first().toBool(), true);
    document->undoStack()->undo();
    QVERIFY(!document->isModified());
    QCOMPARE(modified.last().first().toBool(), false);
    document->undoStack()->redo();
    QVERIFY(document->saveAs(m_dir->filePath(u"p.mlpipe"_s), &error));
    QVERIFY(!document->isModified());
    QCOMPARE(modified.count(), 4);
    QCOMPARE(modified.last().first().toBool(), false);
    document->undoStack()->undo(); // before the save: modified again
    QVERIFY(document->isModified());
}

void TestPipelineDocument::recoveryWrittenOnlyWhenModified()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    QVERIFY(document->writeRecovery(&error));
    QVERIFY(!QFile::exists(document->recoveryFilePath()));
    QVERIFY(!QDir(m_recoveryDir).exists() || QDir(m_recoveryDir).isEmpty());

    nudge(*document, u"train"_s);
    QVERIFY2(document->writeRecovery(&error), qPrintable(error));
    QVERIFY(document->recoveryFilePath().startsWith(m_recoveryDir));
    QVERIFY(QFile::exists(document->recoveryFilePath()));
    QVERIFY(QFile::exists(sidecarOf(document->recoveryFilePath())));
    const PipelineFile::ReadResult copy
        = PipelineFile::load(document->recoveryFilePath(), NodeCatalog::builtIn());
    QVERIFY(copy.ok);
    QCOMPARE(copy.nodes, document->graph()->nodes());

    // Undone back to the saved state: the recovery is stale and goes.
    document->undoStack()->undo();
    QVERIFY(document->writeRecovery(&error));
    QVERIFY(!QFile::exists(document->recoveryFilePath()));
    QVERIFY(!QFile::exists(sidecarOf(document->recoveryFilePath())));
}

void TestPipelineDocument::recoveryRemovedAfterSave()
{
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    nudge(*document, u"train"_s);
    QVERIFY(document->writeRecovery(&error));
    QVERIFY(QFile::exists(document->recoveryFilePath()));
    QVERIFY(document->saveAs(m_dir->filePath(u"saved.mlpipe"_s), &error));
    QVERIFY(!QFile::exists(document->recoveryFilePath()));
    QVERIFY(QDir(m_recoveryDir).isEmpty());
}

void TestPipelineDocument::pendingRecoveries()
{
    // This process's own live document is not pending.
    auto live = makeDocument();
    QString error;
    QVERIFY(live->newFromTemplate(u"end-to-end"_s, &error));
    nudge(*live, u"train"_s);
    QVERIFY(live->writeRecovery(&error));
    QVERIFY(PipelineDocument::pendingRecoveries(m_recoveryDir).isEmpty());

    const QString original = m_dir->filePath(u"ci.mlpipe"_s);
    const PipelineDocument::Recovery crashed = crashedRecovery(original);
    STOP_IF_FAILED();
    QVERIFY(!crashed.recoveryFile.isEmpty());
    QList<PipelineDocument::Recovery> pending = PipelineDocument::pendingRecoveries(m_recoveryDir);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().recoveryFile, crashed.recoveryFile);
    QCOMPARE(pending.first().originalPath, crashed.originalPath);
    QVERIFY(pending.first().savedAtMs > 0);

    // A process that still runs (pid 1 always does) keeps its recovery to itself.
    REQUIRE_OK(editSidecar(crashed.recoveryFile, {{u"pid"_s, 1}}));
    QVERIFY(PipelineDocument::pendingRecoveries(m_recoveryDir).isEmpty());
    // This pid, but written by an earlier process that had it: pending.
    REQUIRE_OK(editSidecar(crashed.recoveryFile,
                           {{u"pid"_s, ProcessProbe::currentPid()}, {u"session"_s, u"earlier"_s}}));
    QCOMPARE(PipelineDocument::pendingRecoveries(m_recoveryDir).size(), 1);

    // The live document's recovery appears once its sidecar names a dead process; newest first.
    REQUIRE_OK(editSidecar(live->recoveryFilePath(), {{u"pid"_s, deadPid()}, {u"savedAtMs"_s, 1}}));
    pending = PipelineDocument::pendingRecoveries(m_recoveryDir);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.first().recoveryFile, crashed.recoveryFile);
    QCOMPARE(pending.last().recoveryFile, live->recoveryFilePath());

    // Without its pipeline file, or with a sidecar that is not ours, nothing is offered.
    QFile::remove(crashed.recoveryFile);
    QFile junk(QDir(m_recoveryDir).filePath(u"junk.json"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("[1, 2]");
    junk.close();
    QFile::copy(live->recoveryFilePath(), QDir(m_recoveryDir).filePath(u"junk.mlpipe"_s));
    QCOMPARE(PipelineDocument::pendingRecoveries(m_recoveryDir).size(), 1);
    QVERIFY(PipelineDocument::pendingRecoveries(m_dir->filePath(u"nowhere"_s)).isEmpty());
    QVERIFY(!ProcessProbe::isRunning(0));
    QVERIFY(!ProcessProbe::isRunning(-1));
    QVERIFY(ProcessProbe::isRunning(ProcessProbe::currentPid()));
}

void TestPipelineDocument::restore()
{
    const QString original = m_dir->filePath(u"ci.mlpipe"_s);
    const PipelineDocument::Recovery crashed = crashedRecovery(original);
    STOP_IF_FAILED();
    QVERIFY(!crashed.recoveryFile.isEmpty());
    const PipelineFile::ReadResult saved = PipelineFile::load(original, NodeCatalog::builtIn());
    const PipelineFile::ReadResult unsaved
        = PipelineFile::load(crashed.recoveryFile, NodeCatalog::builtIn());
    QVERIFY(saved.nodes != unsaved.nodes); // the recovery holds the unsaved nudge

    auto document = makeDocument();
    QSignalSpy loaded(document.get(), &PipelineDocument::loaded);
    QString error;
    QVERIFY2(document->restore(crashed, &error), qPrintable(error));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(document->graph()->nodes(), unsaved.nodes);
    QCOMPARE(document->filePath(), crashed.originalPath);
    QVERIFY(document->isModified());
    QVERIFY(!document->undoStack()->canUndo());
    // Claimed by this process: no longer pending, and saving clears it.
    QCOMPARE(document->recoveryFilePath(), crashed.recoveryFile);
    QVERIFY(PipelineDocument::pendingRecoveries(m_recoveryDir).isEmpty());
    QVERIFY(document->save(&error));
    QVERIFY(!document->isModified());
    QVERIFY(!QFile::exists(crashed.recoveryFile));
    QCOMPARE(PipelineFile::load(original, NodeCatalog::builtIn()).nodes, unsaved.nodes);

    // An untitled recovery comes back untitled.
    const PipelineDocument::Recovery untitled = crashedRecovery({});
    STOP_IF_FAILED();
    QVERIFY(document->restore(untitled, &error));
    QVERIFY(document->filePath().isEmpty());
    QVERIFY(document->isModified());
}

void TestPipelineDocument::failedRestoreChangesNothing()
{
    const PipelineDocument::Recovery crashed = crashedRecovery({});
    STOP_IF_FAILED();
    QFile file(crashed.recoveryFile);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ broken");
    file.close();
    auto document = makeDocument();
    QString error;
    QVERIFY(document->newFromTemplate(u"end-to-end"_s, &error));
    const Snapshot before = snapshot(*document->graph());
    QVERIFY(!document->restore(crashed, &error));
    QVERIFY(error.contains(QFileInfo(crashed.recoveryFile).fileName()));
    QCOMPARE(snapshot(*document->graph()), before);
    QVERIFY(!document->isModified());
}

void TestPipelineDocument::discard()
{
    const PipelineDocument::Recovery crashed = crashedRecovery({});
    STOP_IF_FAILED();
    QCOMPARE(PipelineDocument::pendingRecoveries(m_recoveryDir).size(), 1);
    PipelineDocument::discard(crashed);
    QVERIFY(!QFile::exists(crashed.recoveryFile));
    QVERIFY(!QFile::exists(sidecarOf(crashed.recoveryFile)));
    QVERIFY(PipelineDocument::pendingRecoveries(m_recoveryDir).isEmpty());
}

void TestPipelineDocument::closing()
{
    QString error;
    auto modified = makeDocument();
    QVERIFY(modified->newFromTemplate(u"end-to-end"_s, &error));
    nudge(*modified, u"train"_s);
    QVERIFY(modified->writeRecovery(&error));
    const QString kept = modified->recoveryFilePath();
    modified.reset(); // unsaved changes survive the document (a crash looks the same)
    QVERIFY(QFile::exists(kept));

    auto clean = makeDocument();
    QVERIFY(clean->newFromTemplate(u"end-to-end"_s, &error));
    nudge(*clean, u"train"_s);
    QVERIFY(clean->writeRecovery(&error));
    const QString dropped = clean->recoveryFilePath();
    clean->undoStack()->undo();
    clean.reset(); // a clean close
    QVERIFY(!QFile::exists(dropped));
}

QTEST_GUILESS_MAIN(TestPipelineDocument)
#include "tst_pipelinedocument.moc"
