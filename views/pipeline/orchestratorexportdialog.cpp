#include "pipeline/orchestratorexportdialog.h"

#include "common/applicationsettings.h"
#include "export/exportprompts.h"
#include "pipeline/pipelinegraph.h"
#include "support/atomicfile.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString fileFilter(ExportTarget target)
{
    switch (target) {
    case ExportTarget::Argo:
        return OrchestratorExportDialog::tr("Argo workflows (*.yaml *.yml)");
    case ExportTarget::Airflow:
        return OrchestratorExportDialog::tr("Airflow DAG files (*.py)");
    case ExportTarget::GitHubActions:
        return OrchestratorExportDialog::tr("GitHub Actions workflows (*.yml *.yaml)");
    case ExportTarget::GitLabCi:
        return OrchestratorExportDialog::tr("GitLab CI/CD pipelines (*.yml *.yaml)");
    case ExportTarget::Dvc:
        break;
    }
    return OrchestratorExportDialog::tr("DVC pipelines (*.yaml)");
}

QPlainTextEdit *filePreview(const QByteArray &contents, QWidget *parent)
{
    auto *text = new QPlainTextEdit(QString::fromUtf8(contents), parent);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return text;
}

} // namespace

OrchestratorExportDialog::OrchestratorExportDialog(const PipelineGraph *graph,
                                                   const QString &title,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_graph(graph)
    , m_title(title)
    , m_target(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_files(new QTabWidget(this))
    , m_findings(new QListWidget(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_save(new QPushButton(tr("&Save…"), this))
{
    setWindowTitle(tr("Export Pipeline to an Orchestrator"));
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets())
        m_target->addItem(target.name, int(target.target));
    m_summary->setWordWrap(true);
    m_findings->setWordWrap(true);
    m_pages->addWidget(m_files);
    m_pages->addWidget(m_findings);

    auto *form = new QFormLayout;
    form->addRow(tr("&Run on:"), m_target);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    resize(820, 640);

    connect(
        m_target, &QComboBox::currentIndexChanged, this, &OrchestratorExportDialog::updatePreview);
    connect(m_copy, &QPushButton::clicked, this, &OrchestratorExportDialog::copyShownFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrchestratorExportDialog::onSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QString saved = applicationSettings().value(u"orchestratorExport/target"_s).toString();
    setTarget(OrchestratorExport::targetFromId(saved).value_or(ExportTarget::Argo));
    updatePreview();
}

ExportTarget OrchestratorExportDialog::target() const
{
    return ExportTarget(m_target->currentData().toInt());
}

void OrchestratorExportDialog::setTarget(ExportTarget target)
{
    m_target->setCurrentIndex(std::max(0, m_target->findData(int(target))));
}

void OrchestratorExportDialog::updatePreview()
{
    m_result = OrchestratorExport::exportPipeline(*m_graph, m_title, target());
    while (m_files->count() > 0) {
        QWidget *page = m_files->widget(0);
        m_files->removeTab(0);
        delete page;
    }
    m_findings->clear();
    if (!m_result.ok()) {
        for (const PipelineFinding &finding : m_result.problems) {
            const PipelineNode *node = m_graph->node(finding.nodeId);
            m_findings->addItem(describeFinding(finding, node ? node->name : QString()));
        }
        const qsizetype errors = m_result.problems.size();
        m_summary->setText(
            tr("The pipeline has %n error(s): fix them to export.", nullptr, int(errors)));
        m_pages->setCurrentWidget(m_findings);
    } else {
        for (const ExportedFile &file : m_result.files)
            m_files->addTab(filePreview(file.contents, m_files), file.fileName);
        QString how
            = m_result.files.size() == 1
                  ? tr("Save writes %1.").arg(m_result.files.first().fileName)
                  : tr("Save writes %1, and %2 beside it.")
                        .arg(m_result.files.first().fileName, m_result.files.at(1).fileName);
        // What the export leaves out, after the files: the user sees it before saving.
        if (!m_result.notCarried.isEmpty()) {
            m_files->addTab(filePreview(m_result.notCarried.join(u'\n').toUtf8(), m_files),
                            tr("Not carried"));
            how += u' ' + tr("Some of what the pipeline has is not carried: see the last tab.");
        }
        m_summary->setText(how);
        m_pages->setCurrentWidget(m_files);
    }
    m_copy->setEnabled(m_result.ok());
    m_save->setEnabled(m_result.ok());
}

void OrchestratorExportDialog::copyShownFile()
{
    const int shown = m_files->currentIndex();
    if (m_result.ok() && shown >= 0 && shown < m_result.files.size())
        QApplication::clipboard()->setText(QString::fromUtf8(m_result.files.at(shown).contents));
}

QString OrchestratorExportDialog::suggestedPath() const
{
    const QString folder = applicationSettings().value(u"orchestratorExport/folder"_s).toString();
    const QString name = m_result.ok() ? m_result.files.first().fileName : QString();
    return ExportPrompts::suggestedPath(folder, QStandardPaths::DocumentsLocation, name);
}

void OrchestratorExportDialog::onSave()
{
    if (!m_result.ok())
        return;
    const QString path
        = ExportPrompts::askSavePath(this,
                                     tr("Export Pipeline"),
                                     suggestedPath(),
                                     fileFilter(target()),
                                     QFileInfo(m_result.files.first().fileName).suffix());
    if (!path.isEmpty() && saveTo(path))
        accept();
}

bool OrchestratorExportDialog::saveTo(const QString &path)
{
    QStringList paths;
    QString error = AtomicFile::checkFileSet(path, m_result.files, &paths);
    if (error.isEmpty() && AtomicFile::writeFileSet(paths, m_result.files, &error)) {
        QSettings settings = applicationSettings();
        settings.setValue(u"orchestratorExport/folder"_s, QFileInfo(path).absolutePath());
        settings.setValue(u"orchestratorExport/target"_s, OrchestratorExport::info(target()).id);
        return true;
    }
    QMessageBox::warning(this, tr("Export failed"), error);
    return false;
}
