#include "pipeline/import/pipelineimport.h"

#include "pipeline/import/importers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <array>

using namespace Qt::StringLiterals;

namespace PipelineImport {

namespace {

struct PipelineImportText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineImport)
};

struct FormatNames
{
    Format format;
    const char *id;
    const char *name;
};

constexpr std::array<FormatNames, 6> Names{{
    {Format::GitHubActions, "github-actions", "GitHub Actions"},
    {Format::GitLabCi, "gitlab-ci", "GitLab CI"},
    {Format::Argo, "argo", "Argo Workflows"},
    {Format::Dvc, "dvc", "DVC"},
    {Format::Tekton, "tekton", "Tekton"},
    {Format::Kubeflow, "kubeflow", "Kubeflow Pipelines"},
}};

// The readers this build has, in the order detection tries them.
QList<const PipelineImporter *> importers()
{
    return {
        &Importers::gitHubActions(),
        &Importers::gitLabCi(),
        &Importers::argo(),
        &Importers::dvc(),
        &Importers::tekton(),
        &Importers::kubeflow(),
    };
}

const PipelineImporter *importerFor(Format format)
{
    for (const PipelineImporter *importer : importers())
        if (importer->format == format)
            return importer;
    return nullptr;
}

QString knownFormats()
{
    QStringList names;
    for (const PipelineImporter *importer : importers())
        names << QString::fromLatin1(importer->name);
    return names.join(u", "_s);
}

// What a YAML document that is no pipeline looks like, for the error ("a Kubernetes
// Deployment").
QString describeOther(const YAML::Node &document)
{
    const QString kind = YamlSource::scalar(YamlSource::member(document, "kind"));
    const QString api = YamlSource::scalar(YamlSource::member(document, "apiVersion"));
    if (!kind.isEmpty())
        return PipelineImportText::tr("; it is a %1 (%2)")
            .arg(kind, api.isEmpty() ? u"no apiVersion"_s : api);
    return {};
}

struct Choice
{
    const PipelineImporter *importer = nullptr;
    std::size_t document = 0; // its index in the file's documents
};

Choice choose(const std::vector<YAML::Node> &documents,
              const QString &fileName,
              std::optional<Format> forced)
{
    Choice best;
    int bestScore = 0;
    for (qsizetype d = 0; d < qsizetype(documents.size()); ++d) {
        for (const PipelineImporter *importer : importers()) {
            if (forced && importer->format != *forced)
                continue;
            int score = importer->recognise(documents.at(d)) * 2;
            if (score > 0 && importer->isUsualName(fileName))
                ++score; // the usual name breaks a tie between formats, never decides alone
            if (score > bestScore) { // a tie keeps the earlier document
                bestScore = score;
                best = {importer, std::size_t(d)};
            }
        }
    }
    // The surest document of the file, not the first: a Tekton PipelineRun that only names its
    // Pipeline (1) may come before that Pipeline (2) in the same file.
    return best;
}

Result fail(int line, const QString &message)
{
    Result result;
    result.errorLine = line;
    result.errorMessage = message;
    return result;
}

} // namespace

QStringList formatIds()
{
    QStringList ids;
    for (const PipelineImporter *importer : importers())
        ids << QString::fromLatin1(importer->id);
    return ids;
}

QString formatId(Format format)
{
    for (const FormatNames &names : Names)
        if (names.format == format)
            return QString::fromLatin1(names.id);
    return {};
}

QString formatName(Format format)
{
    for (const FormatNames &names : Names)
        if (names.format == format)
            return QString::fromLatin1(names.name);
    return {};
}

std::optional<Format> formatFromId(const QString &id)
{
    for (const PipelineImporter *importer : importers())
        if (id == QLatin1StringView(importer->id))
            return importer->format;
    return std::nullopt;
}

Result importData(const QByteArray &data,
                  const QString &fileName,
                  const NodeCatalog &catalog,
                  std::optional<Format> format,
                  Placement placement)
{
    if (data.size() > MaxFileBytes)
        return fail(0,
                    PipelineImportText::tr("too large (over %1 MiB) for a pipeline file")
                        .arg(MaxFileBytes >> 20));
    if (format && !importerFor(*format))
        return fail(
            0,
            PipelineImportText::tr("this version cannot read %1 files").arg(formatName(*format)));
    try {
        const std::vector<YAML::Node> documents = YamlSource::load(data);
        const Choice choice = choose(documents, fileName, format);
        if (!choice.importer) {
            const QString what = format ? formatName(*format) : knownFormats();
            return fail(
                YamlSource::lineOf(documents.front()),
                PipelineImportText::tr("not a pipeline file of a kind this app opens (%1)%2")
                    .arg(what, describeOther(documents.front())));
        }
        ImportedPipeline imported;
        imported.format = choice.importer->format;
        const YAML::Node &document = documents.at(choice.document);
        choice.importer->read(document, imported);
        const qsizetype others = qsizetype(documents.size()) - 1;
        if (others > 0)
            imported.warn(
                YamlSource::lineOf(document),
                PipelineImportText::tr("the file holds %n more YAML document(s); only this one is "
                                       "imported",
                                       nullptr,
                                       int(others)));
        Result result;
        result.imported = true;
        result.format = imported.format;
        result.pipeline
            = finishImport(imported, fileName, catalog, placement == Placement::AutoLayout);
        result.warnings = imported.warnings;
        result.ok = true;
        return result;
    } catch (const ImportError &error) {
        return fail(error.line, error.message);
    } catch (const YAML::Exception &error) {
        // A shape the reader did not expect reached yaml-cpp's conversions: still bad input.
        return fail(
            error.mark.is_null() ? 0 : error.mark.line + 1,
            PipelineImportText::tr("cannot be read: %1").arg(QString::fromStdString(error.msg)));
    }
}

Result importFile(const QString &path, const NodeCatalog &catalog, std::optional<Format> format)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(0, PipelineImportText::tr("no such file"));
    if (info.isDir())
        return fail(0, PipelineImportText::tr("is a directory, expected a pipeline file"));
    if (!info.isFile()) // a pipe or a device: reading could block or never end
        return fail(0, PipelineImportText::tr("not a regular file, expected a pipeline file"));
    if (info.size() > MaxFileBytes)
        return fail(0,
                    PipelineImportText::tr("too large (over %1 MiB) for a pipeline file")
                        .arg(MaxFileBytes >> 20));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(0, PipelineImportText::tr("cannot read: %1").arg(file.errorString()));
    // One byte past the limit catches a file that grew since it was measured.
    return importData(file.read(MaxFileBytes + 1), path, catalog, format);
}

Result openFile(const QString &path, const NodeCatalog &catalog, std::optional<Format> format)
{
    if (!format) {
        QFile file(path);
        // What cannot be opened is reported by importFile(), with the same checks.
        // Our own files by their name or their content; everything else is imported.
        const bool ours = path.endsWith(u".mlpipe"_s, Qt::CaseInsensitive);
        if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)
            && (ours || !looksForeign(file.read(4096)))) {
            Result result;
            result.pipeline = PipelineFile::load(path, catalog);
            result.ok = result.pipeline.ok;
            result.errorLine = result.pipeline.errorLine;
            // PipelineFile names the file itself; keep the message as it is.
            result.errorMessage = result.pipeline.errorMessage;
            return result;
        }
    }
    Result result = importFile(path, catalog, format);
    if (!result.ok)
        result.errorMessage = describeError(path, result);
    return result;
}

QString describeError(const QString &path, const Result &result)
{
    return result.errorLine > 0
               ? u"%1:%2: %3"_s.arg(path).arg(result.errorLine).arg(result.errorMessage)
               : u"%1: %2"_s.arg(path, result.errorMessage);
}

QString describeWarning(const QString &path, const Note &note)
{
    const QString where = note.line > 0 ? u"%1:%2"_s.arg(path).arg(note.line) : path;
    return PipelineImportText::tr("%1: warning: %2").arg(where, note.message);
}

bool looksForeign(const QByteArray &data)
{
    // A .mlpipe file is a JSON object whose "format" is ours; anything else goes to import.
    const QByteArray start = data.left(4096);
    return !(start.trimmed().startsWith('{') && start.contains("\"mlops-studio-pipeline\""));
}

} // namespace PipelineImport
