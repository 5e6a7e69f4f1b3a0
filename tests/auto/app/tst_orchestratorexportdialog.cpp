#include "mainwindow.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/orchestratorexportdialog.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinetemplates.h"
#include "session/studiosession.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestOrchestratorExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void previewShowsEachTargetsFiles();
    void copyPutsTheShownFileOnTheClipboard();
    void saveWritesEveryFileAndRemembersTheTarget();
    void invalidPipelineShowsItsErrors();
    void pipelineMenuOpensItWithAShortcutOfItsOwn();

private:
    QString shownText(const OrchestratorExportDialog &dialog, int tab = 0) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PipelineGraph> m_graph;
};

void TestOrchestratorExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"mlops-studio-test"_s);
}

void TestOrchestratorExportDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->filePath(u"config"_s));
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    const PipelineFile::ReadResult read = PipelineTemplates::load(
        *PipelineTemplates::find(u"end-to-end"_s), NodeCatalog::builtIn());
    QVERIFY(read.ok);
    m_graph->reset(read.nodes, read.edges, read.annotations);
}

QString TestOrchestratorExportDialog::shownText(const OrchestratorExportDialog &dialog,
                                                int tab) const
{
    const auto *text = qobject_cast<QPlainTextEdit *>(dialog.preview()->widget(tab));
    return text ? text->toPlainText() : QString();
}

void TestOrchestratorExportDialog::previewShowsEachTargetsFiles()
{
    OrchestratorExportDialog dialog(m_graph.get(), u"churn"_s);
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets()) {
        dialog.setTarget(target.target);
        const OrchestratorExport::Result expected
            = OrchestratorExport::exportPipeline(*m_graph, u"churn"_s, target.target);
        QCOMPARE(dialog.preview()->count(), expected.files.size());
        for (int i = 0; i < dialog.preview()->count(); ++i) {
            QCOMPARE(dialog.preview()->tabText(i), expected.files.at(i).fileName);
            QCOMPARE(shownText(dialog, i), QString::fromUtf8(expected.files.at(i).contents));
            const auto *text = qobject_cast<QPlainTextEdit *>(dialog.preview()->widget(i));
            QVERIFY(text->isReadOnly());
            // Monospaced, so YAML's columns line up. Measured rather than QFontInfo::fixedPitch(),
            // which fontconfig's "dual" spacing (Noto Sans Mono) reports as false.
            const QFontMetricsF metrics(text->font());
            QCOMPARE(metrics.horizontalAdvance(u"iiii"_s), metrics.horizontalAdvance(u"MMMM"_s));
        }
        QVERIFY(dialog.copyButton()->isEnabled() && dialog.saveButton()->isEnabled());
    }
    dialog.setTarget(ExportTarget::Dvc);
    QCOMPARE(dialog.preview()->tabText(1), u"params.yaml"_s);
}

void TestOrchestratorExportDialog::copyPutsTheShownFileOnTheClipboard()
{
    OrchestratorExportDialog dialog(m_graph.get(), u"churn"_s);
    dialog.setTarget(ExportTarget::Dvc);
    dialog.preview()->setCurrentIndex(1);
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), shownText(dialog, 1));
    QVERIFY(QApplication::clipboard()->text().contains(u"n_estimators: \"300\""_s));
}

void TestOrchestratorExportDialog::saveWritesEveryFileAndRemembersTheTarget()
{
    {
        OrchestratorExportDialog dialog(m_graph.get(), u"churn"_s);
        dialog.setTarget(ExportTarget::Dvc);
        QVERIFY(dialog.saveTo(m_dir->filePath(u"dvc.yaml"_s)));
        for (int i = 0; i < 2; ++i) {
            QFile file(m_dir->filePath(dialog.result().files.at(i).fileName));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), dialog.result().files.at(i).contents);
        }
    }
    OrchestratorExportDialog again(m_graph.get(), u"churn"_s);
    QCOMPARE(again.target(), ExportTarget::Dvc);
    QCOMPARE(again.suggestedPath(), m_dir->filePath(u"dvc.yaml"_s));
}

void TestOrchestratorExportDialog::invalidPipelineShowsItsErrors()
{
    PipelineNode train = m_graph->nodes().at(4);
    QCOMPARE(train.kind, u"train"_s);
    train.image = u"Python:{{latest}}"_s;
    QVERIFY(m_graph->updateNode(train));
    OrchestratorExportDialog dialog(m_graph.get(), u"churn"_s);
    QCOMPARE(dialog.preview()->count(), 0);
    QVERIFY(dialog.findings()->isVisibleTo(&dialog));
    QCOMPARE(dialog.findings()->count(), 1);
    QVERIFY(dialog.findings()->item(0)->text().startsWith(u"error: node 'Train churn model': "_s));
    QVERIFY(!dialog.copyButton()->isEnabled());
    QVERIFY(!dialog.saveButton()->isEnabled());
}

void TestOrchestratorExportDialog::pipelineMenuOpensItWithAShortcutOfItsOwn()
{
    StudioSession session;
    QVERIFY2(session.start(m_dir->filePath(u"data"_s), {}), qPrintable(session.errorString()));
    MainWindow window(&session);
    window.pipeline(); // the workspace and its actions come after the first frame; here at once
    const QList<QAction *> actions = window.findChildren<QAction *>();
    const QKeySequence key(Qt::CTRL | Qt::SHIFT | Qt::Key_X);
    QAction *exportTo = nullptr;
    int usingKey = 0; // other workspaces reuse some keys on purpose, but not this one
    for (QAction *action : actions) {
        if (action->text().remove(u'&') == u"Export to…"_s)
            exportTo = action;
        usingKey += int(action->shortcuts().contains(key));
    }
    QCOMPARE(usingKey, 1);
    QVERIFY(exportTo);
    QCOMPARE(exportTo->shortcut(), key);
    bool inPipelineMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->text().remove(u'&') == u"Pipeline"_s && menu->menu())
            inPipelineMenu = menu->menu()->actions().contains(exportTo);
    QVERIFY(inPipelineMenu);
}

QTEST_MAIN(TestOrchestratorExportDialog)
#include "tst_orchestratorexportdialog.moc"
