#include "pipeline/pipelinedocument.h"

#include "pipeline/import/pipelineimport.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinerecoverysidecar.h"
#include "pipeline/pipelinetemplates.h"
#include "support/processprobe.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Tells this process's recovery files from those of an earlier process that had the same pid
// (pids repeat, in containers above all).
QString sessionId()
{
    static const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return id;
}

QString sidecarPathOf(const QString &recoveryFile)
{
    const QFileInfo info(recoveryFile);
    return info.dir().filePath(info.completeBaseName() + u".json"_s);
}

bool writeSidecar(const QString &path, const PipelineRecoverySidecar &sidecar, QString *error)
{
    return PipelineFile::save(path, sidecar.toJson(), error);
}

} // namespace

PipelineDocument::PipelineDocument(const NodeCatalog *catalog,
                                   const QString &recoveryDir,
                                   QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_graph(new PipelineGraph(catalog, this))
    , m_undoStack(new QUndoStack(this))
    , m_recoveryDir(recoveryDir)
    , m_recoveryId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        emit modifiedChanged(!clean);
    });
}

PipelineDocument::~PipelineDocument()
{
    // Unsaved changes stay recoverable unless the window said to drop them (removeRecovery).
    if (!isModified())
        removeRecovery();
}

QString PipelineDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    const PipelineSource &source = m_graph->source();
    // An import not saved yet: the title says where it came from.
    if (!source.isEmpty() && !source.path.isEmpty()) {
        const auto format = PipelineImport::formatFromId(source.format);
        return tr("%1 (imported from %2)")
            .arg(QFileInfo(source.path).fileName(),
                 format ? PipelineImport::formatName(*format) : source.format);
    }
    return tr("Untitled");
}

bool PipelineDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void PipelineDocument::setFilePath(const QString &filePath)
{
    const QString path = filePath.isEmpty() ? QString() : QFileInfo(filePath).absoluteFilePath();
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(m_filePath);
}

void PipelineDocument::replaceContents(const PipelineFile::ReadResult &contents,
                                       const QString &filePath)
{
    removeRecovery();     // of the contents being replaced: the window asked about them first
    m_undoStack->clear(); // its commands refer to the old graph; clean again
    m_graph->reset(contents.nodes, contents.edges, contents.annotations, contents.source);
    setFilePath(filePath);
}

void PipelineDocument::newEmpty()
{
    replaceContents({}, {});
    emit loaded();
}

bool PipelineDocument::newFromTemplate(const QString &templateIdOrName, QString *error)
{
    const PipelineTemplate *pipelineTemplate = PipelineTemplates::find(templateIdOrName);
    if (!pipelineTemplate) {
        *error = tr("No template “%1” (expected one of: %2)")
                     .arg(templateIdOrName, PipelineTemplates::ids().join(u", "_s));
        return false;
    }
    const PipelineFile::ReadResult result = PipelineTemplates::load(*pipelineTemplate, *m_catalog);
    if (!result.ok) {
        *error = result.errorMessage;
        return false;
    }
    replaceContents(result, {});
    emit loaded();
    return true;
}

bool PipelineDocument::load(const QString &path, QString *error)
{
    const PipelineImport::Result result = PipelineImport::openFile(path, *m_catalog);
    if (!result.ok) {
        *error = result.errorMessage;
        return false;
    }
    m_importWarnings.clear();
    if (result.imported) {
        takeImport(result, path);
    } else {
        replaceContents(result.pipeline, path);
    }
    emit loaded();
    return true;
}

// Another engine's file: a new pipeline, unsaved (closing asks) and untitled, so Save asks
// where to write the .mlpipe and the source is never written over.
void PipelineDocument::takeImport(const PipelineImport::Result &result, const QString &sourcePath)
{
    replaceContents(result.pipeline, {});
    m_undoStack->resetClean(); // never saved: closing asks, as for any new pipeline with content
    m_importWarnings.clear();
    for (const PipelineImport::Note &note : result.warnings)
        m_importWarnings << PipelineImport::describeWarning(QFileInfo(sourcePath).fileName(), note);
    emit filePathChanged(m_filePath); // the title names the source now
}

QString PipelineDocument::importSourcePath() const
{
    return m_filePath.isEmpty() ? m_graph->source().path : QString();
}

bool PipelineDocument::hasEditsSinceLoad() const
{
    return m_undoStack->index() != 0; // loading clears the stack
}

bool PipelineDocument::reloadImport(QString *error)
{
    const QString path = importSourcePath();
    if (path.isEmpty()) {
        *error = tr("This pipeline was not imported from another engine's file");
        return false;
    }
    const PipelineImport::Result result = PipelineImport::importFile(
        path, *m_catalog, PipelineImport::formatFromId(m_graph->source().format));
    if (!result.ok) {
        *error = PipelineImport::describeError(QDir::toNativeSeparators(path), result);
        return false;
    }
    emit aboutToReload();
    takeImport(result, path);
    emit reloaded();
    return true;
}

bool PipelineDocument::save(QString *error)
{
    if (m_filePath.isEmpty()) {
        *error = tr("The pipeline has no file yet: choose one with Save As");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool PipelineDocument::saveAs(const QString &path, QString *error)
{
    if (!PipelineFile::save(path, *m_graph, error))
        return false;
    setFilePath(path);
    m_undoStack->setClean();
    removeRecovery();
    return true;
}

QString PipelineDocument::recoveryFilePath() const
{
    return QDir(m_recoveryDir).filePath(m_recoveryId + u'.' + PipelineFile::Suffix.toString());
}

bool PipelineDocument::writeRecovery(QString *error)
{
    if (!isModified()) {
        removeRecovery(); // one left from before an undo back to the saved state is stale
        return true;
    }
    if (!QDir().mkpath(m_recoveryDir)) {
        *error = tr("%1: cannot create the recovery folder").arg(m_recoveryDir);
        return false;
    }
    // The pipeline first: a sidecar marks a recovery complete.
    const PipelineRecoverySidecar sidecar{
        m_filePath, ProcessProbe::currentPid(), sessionId(), QDateTime::currentMSecsSinceEpoch()};
    return PipelineFile::save(recoveryFilePath(), *m_graph, error)
           && writeSidecar(sidecarPathOf(recoveryFilePath()), sidecar, error);
}

void PipelineDocument::removeRecovery()
{
    QFile::remove(sidecarPathOf(recoveryFilePath()));
    QFile::remove(recoveryFilePath());
}

QList<PipelineDocument::Recovery> PipelineDocument::pendingRecoveries(const QString &recoveryDir)
{
    QList<Recovery> recoveries;
    const QDir dir(recoveryDir);
    const QStringList sidecars = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : sidecars) {
        const std::optional<PipelineRecoverySidecar> sidecar
            = PipelineRecoverySidecar::read(dir.filePath(name));
        const QString recoveryFile = dir.filePath(QFileInfo(name).completeBaseName() + u'.'
                                                  + PipelineFile::Suffix.toString());
        if (!sidecar || !QFileInfo::exists(recoveryFile))
            continue;
        const bool ours
            = sidecar->pid == ProcessProbe::currentPid() && sidecar->session == sessionId();
        if (ours
            || (sidecar->pid != ProcessProbe::currentPid()
                && ProcessProbe::isRunning(sidecar->pid)))
            continue;
        recoveries.append({recoveryFile, sidecar->originalPath, sidecar->savedAtMs});
    }
    // Newest first; the name breaks ties so the order never depends on the file system.
    std::stable_sort(recoveries.begin(), recoveries.end(), [](const auto &a, const auto &b) {
        return a.savedAtMs > b.savedAtMs;
    });
    return recoveries;
}

bool PipelineDocument::restore(const Recovery &recovery, QString *error)
{
    const PipelineFile::ReadResult result = PipelineFile::load(recovery.recoveryFile, *m_catalog);
    if (!result.ok) {
        *error = result.errorMessage;
        return false;
    }
    replaceContents(result, recovery.originalPath);
    // Nothing to undo, yet unsaved; the recovery becomes this document's own, claimed at once
    // with this process's pid so another instance does not offer it too.
    m_undoStack->resetClean();
    m_recoveryId = QFileInfo(recovery.recoveryFile).completeBaseName();
    m_recoveryDir = QFileInfo(recovery.recoveryFile).absolutePath();
    QString ignored; // on failure the old files stay, still a valid recovery
    writeRecovery(&ignored);
    emit loaded();
    return true;
}

void PipelineDocument::discard(const Recovery &recovery)
{
    QFile::remove(sidecarPathOf(recovery.recoveryFile));
    QFile::remove(recovery.recoveryFile);
}
