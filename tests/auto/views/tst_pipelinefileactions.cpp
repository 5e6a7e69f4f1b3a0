#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinefileactions.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineundocommands.h"
#include "support/recoverysidecar.h"
#include "support/require.h"

#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWidget>

using namespace Qt::StringLiterals;
using Answer = PipelineFileActions::Answer;

class TestPipelineFileActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cancelKeepsUnsavedChanges();
    void discardThenNew();
    void saveUntitledAsksForPath();
    void openUpdatesRecentFiles();
    void brokenFileIsReportedAndChangesNothing();
    void autosaveWritesRecoveryOnlyWhenModified();
    void crashRecoveryIsOffered();
    void recoveryCanBeDiscarded();
    void importFollowsItsSource();
    void editedImportAsksBeforeReload();

private:
    void makeModified();
    void leaveCrashedRecovery(const QString &templateId, const QString &extraStage);
    QString recoveryDir() const { return m_dir->filePath(u"recovery"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<PipelineDocument> m_document;
    std::unique_ptr<PipelineFileActions> m_actions;
    QList<Answer> m_saveAnswers;
    QString m_savePath;
    QString m_openPath;
    QStringList m_errors;
    QList<bool> m_recoverAnswers;
    int m_saveQuestions = 0;
    QList<bool> m_reloadAnswers;
    int m_reloadQuestions = 0;
};

namespace {

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
}

QByteArray workflowOf(int jobs)
{
    QByteArray yaml = "on: push\njobs:\n";
    for (int i = 0; i < jobs; ++i)
        yaml += "  job" + QByteArray::number(i) + ": {runs-on: x, steps: [{run: make}]}\n";
    return yaml;
}

// inotify on a loaded machine; a signal ends the wait at once.
constexpr int WatchWaitMs = 10000;

} // namespace

void TestPipelineFileActions::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->filePath(u"config"_s));
    m_window = std::make_unique<QWidget>();
    m_document = std::make_unique<PipelineDocument>(&NodeCatalog::builtIn(), recoveryDir());
    m_actions
        = std::make_unique<PipelineFileActions>(m_document.get(), recoveryDir(), m_window.get());
    m_saveAnswers.clear();
    m_errors.clear();
    m_recoverAnswers.clear();
    m_saveQuestions = 0;
    PipelineFileActions::Prompter prompter;
    prompter.askSaveChanges = [this](const QString &) {
        ++m_saveQuestions;
        return m_saveAnswers.isEmpty() ? Answer::Cancel : m_saveAnswers.takeFirst();
    };
    prompter.askOpenPath = [this](const QString &) {
        return m_openPath;
    };
    prompter.askSavePath = [this](const QString &) {
        return m_savePath;
    };
    prompter.askRecover = [this](const QString &) {
        return m_recoverAnswers.isEmpty() ? false : m_recoverAnswers.takeFirst();
    };
    prompter.showError = [this](const QString &, const QString &message) {
        m_errors << message;
    };
    m_reloadAnswers.clear();
    m_reloadQuestions = 0;
    prompter.askReloadSource = [this](const QString &) {
        ++m_reloadQuestions;
        return m_reloadAnswers.isEmpty() ? false : m_reloadAnswers.takeFirst();
    };
    m_actions->setPrompter(prompter);
}

void TestPipelineFileActions::cleanup()
{
    m_actions.reset();
    m_document.reset();
    m_window.reset();
    m_dir.reset();
}

void TestPipelineFileActions::makeModified()
{
    PipelineGraph *graph = m_document->graph();
    PipelineNode node;
    node.id = graph->newNodeId();
    node.kind = u"ingest"_s;
    node.name = graph->uniqueNodeName(u"Ingest"_s);
    m_document->undoStack()->push(new AddItemsCommand(graph, {node}, {}, {}));
    QVERIFY(m_document->isModified());
}

// What a session that autosaved and then died leaves: a recovery its process no longer owns.
void TestPipelineFileActions::leaveCrashedRecovery(const QString &templateId,
                                                   const QString &extraStage)
{
    PipelineDocument crashed(&NodeCatalog::builtIn(), recoveryDir());
    QString error;
    QVERIFY(crashed.newFromTemplate(templateId, &error));
    PipelineNode extra;
    extra.id = crashed.graph()->newNodeId();
    extra.kind = u"alert"_s;
    extra.name = extraStage;
    crashed.undoStack()->push(new AddItemsCommand(crashed.graph(), {extra}, {}, {}));
    QVERIFY(crashed.writeRecovery(&error));
    // Same pid as this test, but another session's: as after a crash and a reused pid.
    REQUIRE_OK(editSidecar(crashed.recoveryFilePath(), {{u"session"_s, u"an-earlier-session"_s}}));
}

void TestPipelineFileActions::cancelKeepsUnsavedChanges()
{
    REQUIRE_OK(makeModified());
    m_saveAnswers = {Answer::Cancel};
    QVERIFY(!m_actions->newDocument());
    QCOMPARE(m_saveQuestions, 1);
    QCOMPARE(m_document->graph()->nodes().size(), 1);
    QVERIFY(m_document->isModified());
}

void TestPipelineFileActions::discardThenNew()
{
    REQUIRE_OK(makeModified());
    m_saveAnswers = {Answer::Discard};
    QVERIFY(m_actions->newFromTemplate(u"end-to-end"_s));
    QVERIFY(m_document->graph()->nodes().size() > 5);
    // A clean document asks nothing.
    QVERIFY(m_actions->newDocument());
    QCOMPARE(m_saveQuestions, 1);
    QVERIFY(m_document->graph()->nodes().isEmpty());
}

void TestPipelineFileActions::saveUntitledAsksForPath()
{
    REQUIRE_OK(makeModified());
    m_savePath = m_dir->filePath(u"mine.mlpipe"_s);
    QVERIFY(m_actions->save());
    QVERIFY(QFile::exists(m_savePath));
    QCOMPARE(m_document->filePath(), m_savePath);
    QVERIFY(!m_document->isModified());
    // Saved: closing asks nothing.
    QVERIFY(m_actions->maybeSave());
    QCOMPARE(m_saveQuestions, 0);
    // A cancelled Save As dialog saves nothing.
    REQUIRE_OK(makeModified());
    m_savePath.clear();
    QVERIFY(!m_actions->saveAs());
    QVERIFY(m_document->isModified());
}

void TestPipelineFileActions::openUpdatesRecentFiles()
{
    QVERIFY(m_actions->newFromTemplate(u"ci-cd"_s));
    m_savePath = m_dir->filePath(u"ci.mlpipe"_s);
    QVERIFY(m_actions->saveAs());
    QVERIFY(m_actions->newDocument());
    m_openPath = m_savePath;
    QVERIFY(m_actions->open());
    QCOMPARE(m_document->filePath(), m_savePath);
    QCOMPARE(m_actions->recentFiles().first(), QFileInfo(m_savePath).absoluteFilePath());
    QCOMPARE(m_actions->recentFiles().size(), 1); // the same file once
    QVERIFY(m_actions->recentMenu()->isEnabled());
    QCOMPARE(m_actions->recentMenu()->actions().size(), 1);
}

void TestPipelineFileActions::brokenFileIsReportedAndChangesNothing()
{
    QVERIFY(m_actions->newFromTemplate(u"batch-scoring"_s));
    const qsizetype nodes = m_document->graph()->nodes().size();
    const QString broken = m_dir->filePath(u"broken.mlpipe"_s);
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"mlops-studio-pipeline\", \"version\": 1, \"nodes\": [");
    file.close();
    QVERIFY(!m_actions->openPath(broken));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(broken), qPrintable(m_errors.first()));
    QCOMPARE(m_document->graph()->nodes().size(), nodes);
    QVERIFY(m_actions->recentFiles().isEmpty());
}

void TestPipelineFileActions::autosaveWritesRecoveryOnlyWhenModified()
{
    QVERIFY(m_actions->autosave());
    QVERIFY(!QFile::exists(m_document->recoveryFilePath()));
    REQUIRE_OK(makeModified());
    QVERIFY(m_actions->autosave());
    QVERIFY(QFile::exists(m_document->recoveryFilePath()));
    QCOMPARE(PipelineFileActions::AutosaveIntervalMs, 120000);
}

void TestPipelineFileActions::crashRecoveryIsOffered()
{
    REQUIRE_OK(leaveCrashedRecovery(u"end-to-end"_s, u"Page the on-call"_s));
    QCOMPARE(PipelineDocument::pendingRecoveries(recoveryDir()).size(), 1);
    m_recoverAnswers = {true};
    m_actions->offerRecovery();
    QVERIFY(m_document->isModified());
    bool found = false;
    for (const PipelineNode &node : m_document->graph()->nodes())
        found = found || node.name == u"Page the on-call";
    QVERIFY(found);
}

void TestPipelineFileActions::recoveryCanBeDiscarded()
{
    REQUIRE_OK(leaveCrashedRecovery(u"ci-cd"_s, u"Alert"_s));
    m_recoverAnswers = {false};
    m_actions->offerRecovery();
    QVERIFY(m_document->graph()->nodes().isEmpty());
    QVERIFY(PipelineDocument::pendingRecoveries(recoveryDir()).isEmpty());
}

// An import not yet saved is a live preview of its file: saved in an editor, it reloads.
void TestPipelineFileActions::importFollowsItsSource()
{
    const QString source = m_dir->filePath(u"ci.yml"_s);
    writeFile(source, workflowOf(1));
    QVERIFY(m_actions->openPath(source));
    QCOMPARE(m_document->graph()->nodes().size(), 1);
    QSignalSpy reloaded(m_document.get(), &PipelineDocument::reloaded);
    QSignalSpy status(m_actions.get(), &PipelineFileActions::statusMessage);
    writeFile(source, workflowOf(3));
    QVERIFY(reloaded.wait(WatchWaitMs));
    QCOMPARE(m_document->graph()->nodes().size(), 3);
    QCOMPARE(m_reloadQuestions, 0); // nothing edited: nothing to ask
    QCOMPARE(status.last().first().toString(), u"Reloaded ci.yml"_s);
    // Broken while being typed: the diagram stays, the status says why.
    writeFile(source, "on: push\njobs: [\n");
    QVERIFY(status.wait(WatchWaitMs));
    QVERIFY2(status.last().first().toString().startsWith(u"Kept the last diagram: "_s),
             qPrintable(status.last().first().toString()));
    QCOMPARE(m_document->graph()->nodes().size(), 3);
    // Saved as a .mlpipe: a pipeline of its own, the source no longer replaces it.
    m_savePath = m_dir->filePath(u"ci.mlpipe"_s);
    QVERIFY(m_actions->saveAs());
    writeFile(source, workflowOf(5));
    QVERIFY(!reloaded.wait(PipelineSourceWatcher::SettleMs * 4));
    QCOMPARE(m_document->graph()->nodes().size(), 3);
}

void TestPipelineFileActions::editedImportAsksBeforeReload()
{
    const QString source = m_dir->filePath(u"ci.yml"_s);
    writeFile(source, workflowOf(1));
    QVERIFY(m_actions->openPath(source));
    REQUIRE_OK(makeModified());
    QSignalSpy reloaded(m_document.get(), &PipelineDocument::reloaded);
    QSignalSpy status(m_actions.get(), &PipelineFileActions::statusMessage);
    m_reloadAnswers = {true};
    writeFile(source, workflowOf(2));
    QVERIFY(reloaded.wait(WatchWaitMs));
    QCOMPARE(m_reloadQuestions, 1);
    QCOMPARE(m_document->graph()->nodes().size(), 2); // the edit is gone, as the user chose
    // Edited again, and this time the user keeps the edits: the source is no longer followed.
    REQUIRE_OK(makeModified());
    m_reloadAnswers = {false};
    writeFile(source, workflowOf(4));
    QVERIFY(status.wait(WatchWaitMs));
    QCOMPARE(m_reloadQuestions, 2);
    QCOMPARE(m_document->graph()->nodes().size(), 3);
    writeFile(source, workflowOf(6));
    QVERIFY(!reloaded.wait(PipelineSourceWatcher::SettleMs * 4));
    QCOMPARE(m_reloadQuestions, 2);
}

QTEST_MAIN(TestPipelineFileActions)
#include "tst_pipelinefileactions.moc"
