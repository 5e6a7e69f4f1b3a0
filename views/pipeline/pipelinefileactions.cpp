#include "pipeline/pipelinefileactions.h"

#include "common/applicationsettings.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinetemplates.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

QString fileFilter()
{
    return PipelineFileActions::tr("MLOps pipelines (*.%1);;All files (*)")
        .arg(PipelineFile::Suffix.toString());
}

// Open also takes the pipelines of other engines (GitHub Actions workflows …): YAML or JSON.
QString openFilter()
{
    return PipelineFileActions::tr("Pipelines (*.%1 *.yml *.yaml *.json);;MLOps pipelines "
                                   "(*.%1);;Workflow and CI files (*.yml *.yaml *.json);;All "
                                   "files (*)")
        .arg(PipelineFile::Suffix.toString());
}

// The dialogs a person sees; tests replace them through setPrompter().
PipelineFileActions::Prompter dialogPrompter(QWidget *window)
{
    PipelineFileActions::Prompter prompter;
    prompter.askSaveChanges = [window](const QString &name) {
        const auto answer = QMessageBox::warning(
            window,
            PipelineFileActions::tr("Unsaved pipeline"),
            PipelineFileActions::tr("Save the changes to “%1” before they are lost?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
            QMessageBox::Save);
        return answer == QMessageBox::Save      ? PipelineFileActions::Answer::Save
               : answer == QMessageBox::Discard ? PipelineFileActions::Answer::Discard
                                                : PipelineFileActions::Answer::Cancel;
    };
    prompter.askReloadSource = [window](const QString &name) {
        return QMessageBox::question(
                   window,
                   PipelineFileActions::tr("Source changed"),
                   PipelineFileActions::tr(
                       "“%1” changed on disk. Reload it and lose the changes made to the "
                       "diagram since it was opened?")
                       .arg(name),
                   QMessageBox::Yes | QMessageBox::No,
                   QMessageBox::No)
               == QMessageBox::Yes;
    };
    prompter.askOpenPath = [window](const QString &startDir) {
        return QFileDialog::getOpenFileName(
            window, PipelineFileActions::tr("Open Pipeline"), startDir, openFilter());
    };
    prompter.askSavePath = [window](const QString &suggested) {
        QString path = QFileDialog::getSaveFileName(
            window, PipelineFileActions::tr("Save Pipeline As"), suggested, fileFilter());
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += u'.' + PipelineFile::Suffix.toString();
        return path;
    };
    prompter.askRecover = [window](const QString &description) {
        return QMessageBox::question(window,
                                     PipelineFileActions::tr("Recover unsaved pipeline"),
                                     description,
                                     QMessageBox::Yes | QMessageBox::Discard,
                                     QMessageBox::Yes)
               == QMessageBox::Yes;
    };
    prompter.showError = [window](const QString &title, const QString &message) {
        QMessageBox::critical(window, title, message);
    };
    return prompter;
}

QString documentsDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

PipelineFileActions::PipelineFileActions(PipelineDocument *document,
                                         const QString &recoveryDir,
                                         QWidget *window,
                                         QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_recoveryDir(recoveryDir)
    , m_window(window)
    , m_prompter(dialogPrompter(window))
    , m_new(new QAction(tr("&New Pipeline"), this))
    , m_open(new QAction(tr("&Open Pipeline…"), this))
    , m_save(new QAction(tr("&Save Pipeline"), this))
    , m_saveAs(new QAction(tr("Save Pipeline &As…"), this))
    , m_recentMenu(new QMenu(tr("Open &Recent Pipeline"), window))
    , m_templateMenu(new QMenu(tr("New Pipeline from &Template"), window))
    , m_sourceWatcher(new PipelineSourceWatcher(this))
{
    m_new->setShortcut(QKeySequence::New);
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_new, &QAction::triggered, this, &PipelineFileActions::newDocument);
    connect(m_open, &QAction::triggered, this, &PipelineFileActions::open);
    connect(m_save, &QAction::triggered, this, &PipelineFileActions::save);
    connect(m_saveAs, &QAction::triggered, this, &PipelineFileActions::saveAs);
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        QAction *action = m_templateMenu->addAction(pipelineTemplate.name);
        action->setToolTip(pipelineTemplate.description);
        connect(action, &QAction::triggered, this, [this, id = pipelineTemplate.id] {
            newFromTemplate(id);
        });
    }
    rebuildRecentMenu();
    m_autosave.setInterval(AutosaveIntervalMs);
    connect(&m_autosave, &QTimer::timeout, this, &PipelineFileActions::autosave);
    m_autosave.start();
    // An import not saved yet follows its source: a live preview beside the user's editor.
    connect(m_document, &PipelineDocument::filePathChanged, this, [this] { followImportSource(); });
    connect(m_document, &PipelineDocument::loaded, this, &PipelineFileActions::followImportSource);
    connect(m_sourceWatcher,
            &PipelineSourceWatcher::changed,
            this,
            &PipelineFileActions::onSourceChanged);
    connect(m_sourceWatcher,
            &PipelineSourceWatcher::removed,
            this,
            &PipelineFileActions::onSourceRemoved);
}

void PipelineFileActions::followImportSource()
{
    m_sourceWatcher->follow(m_document->importSourcePath());
}

void PipelineFileActions::onSourceChanged(const QString &path)
{
    if (m_askingReload || path != QFileInfo(m_document->importSourcePath()).absoluteFilePath())
        return;
    const QString name = QFileInfo(path).fileName();
    if (m_document->hasEditsSinceLoad()) {
        m_askingReload = true;
        const bool reload = m_prompter.askReloadSource && m_prompter.askReloadSource(name);
        m_askingReload = false;
        if (!reload) { // the user's edits win; stop asking on every save of the editor
            m_sourceWatcher->follow({});
            emit statusMessage(
                tr("%1 changed on disk; the diagram keeps your edits and no longer follows it")
                    .arg(name));
            return;
        }
    }
    QString error;
    if (!m_document->reloadImport(&error)) {
        // Half-typed YAML in the editor: keep the last good diagram until it reads again.
        emit statusMessage(tr("Kept the last diagram: %1").arg(error));
        return;
    }
    const QStringList warnings = m_document->importWarnings();
    emit statusMessage(
        warnings.isEmpty()
            ? tr("Reloaded %1").arg(name)
            : tr("Reloaded %1, %n thing(s) it could not show: %2", nullptr, int(warnings.size()))
                  .arg(name, warnings.first()));
}

void PipelineFileActions::onSourceRemoved(const QString &path)
{
    emit statusMessage(tr("%1 was removed or renamed; the diagram stays as it was")
                           .arg(QFileInfo(path).fileName()));
}

void PipelineFileActions::reportError(const QString &title, const QString &message)
{
    if (m_prompter.showError)
        m_prompter.showError(title, message);
    emit statusMessage(message);
}

bool PipelineFileActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_prompter.askSaveChanges(m_document->displayName())) {
    case Answer::Save:
        return save();
    case Answer::Discard:
        m_document->removeRecovery();
        return true;
    case Answer::Cancel:
        break;
    }
    return false;
}

bool PipelineFileActions::newDocument()
{
    if (!maybeSave())
        return false;
    m_document->newEmpty();
    return true;
}

bool PipelineFileActions::newFromTemplate(const QString &templateId)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->newFromTemplate(templateId, &error)) {
        reportError(tr("New pipeline"), error);
        return false;
    }
    emit statusMessage(tr("New pipeline from the template “%1”").arg(templateId));
    return true;
}

bool PipelineFileActions::open()
{
    if (!maybeSave())
        return false;
    const QString start = m_document->filePath().isEmpty()
                              ? documentsDir()
                              : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = m_prompter.askOpenPath(start);
    return !path.isEmpty() && openPath(path);
}

bool PipelineFileActions::openPath(const QString &path)
{
    QString error;
    if (!m_document->load(path, &error)) {
        reportError(tr("Open pipeline"), error);
        return false;
    }
    addRecentFile(path);
    if (m_document->filePath().isEmpty()) { // an import: say what Save will do
        const QStringList warnings = m_document->importWarnings();
        emit statusMessage(
            warnings.isEmpty()
                ? tr("Imported %1 as a new pipeline; Save writes it as a .mlpipe file")
                      .arg(QDir::toNativeSeparators(path))
                : tr("Imported %1 as a new pipeline, %n thing(s) it could not show: %2",
                     nullptr,
                     int(warnings.size()))
                      .arg(QDir::toNativeSeparators(path), warnings.first()));
        return true;
    }
    emit statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool PipelineFileActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        reportError(tr("Save pipeline"), error);
        return false;
    }
    addRecentFile(m_document->filePath());
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())));
    return true;
}

bool PipelineFileActions::saveAs()
{
    // An import is suggested under its source's name, in Documents: never over the source.
    const QString importedName = QFileInfo(m_document->graph()->source().path).completeBaseName();
    const QString stem = importedName.isEmpty() ? u"pipeline"_s : importedName;
    const QString suggested
        = m_document->filePath().isEmpty()
              ? QDir(documentsDir()).filePath(stem + u'.' + PipelineFile::Suffix.toString())
              : m_document->filePath();
    const QString path = m_prompter.askSavePath(suggested);
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        reportError(tr("Save pipeline"), error);
        return false;
    }
    addRecentFile(path);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool PipelineFileActions::autosave()
{
    QString error;
    if (m_document->writeRecovery(&error))
        return true;
    emit statusMessage(tr("Autosave failed: %1").arg(error));
    return false;
}

void PipelineFileActions::offerRecovery()
{
    const QList<PipelineDocument::Recovery> recoveries
        = PipelineDocument::pendingRecoveries(m_recoveryDir);
    for (const PipelineDocument::Recovery &recovery : recoveries) {
        const QString name = recovery.originalPath.isEmpty()
                                 ? tr("an untitled pipeline")
                                 : u"“%1”"_s.arg(QFileInfo(recovery.originalPath).fileName());
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(recovery.savedAtMs),
                                                QLocale::ShortFormat);
        const QString description
            = tr("MLOps Roadmap Studio did not close properly. Unsaved changes to %1 were kept "
                 "at %2. Recover them?")
                  .arg(name, when);
        if (!m_prompter.askRecover(description)) {
            PipelineDocument::discard(recovery);
            continue;
        }
        QString error;
        if (!m_document->restore(recovery, &error)) {
            reportError(tr("Recover pipeline"), error);
            continue;
        }
        // One document at a time: the others stay on disk for the next start.
        return;
    }
}

QStringList PipelineFileActions::recentFiles() const
{
    return applicationSettings().value(u"pipeline/recent"_s).toStringList();
}

void PipelineFileActions::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    applicationSettings().setValue(u"pipeline/recent"_s, recent);
    rebuildRecentMenu();
}

void PipelineFileActions::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &path = recent.at(i);
        QAction *action
            = m_recentMenu->addAction(u"&%1 %2"_s.arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openPath(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}
