#pragma once

#include "pipeline/pipelinefile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class NodeCatalog;

// Opens the pipelines people already run as a pipeline of the canvas (README "Opening other
// pipelines"): GitHub Actions workflows, GitLab CI files, Argo Workflows, DVC pipelines, Tekton
// Pipelines and compiled Kubeflow pipelines. The format comes from the content (and the usual
// file names), never from the extension alone. Import never drops anything silently: what it
// could not represent becomes a warning with its line.
namespace PipelineImport {

enum class Format { GitHubActions, GitLabCi, Argo, Dvc, Tekton, Kubeflow };

QStringList formatIds();           // "github-actions", "gitlab-ci", …
QString formatId(Format format);   // as in a node's source
QString formatName(Format format); // "GitHub Actions"
std::optional<Format> formatFromId(const QString &id);

// Far above any real pipeline file (the largest in use are a few hundred kB); a bigger file is
// a mistake, refused before it is parsed.
inline constexpr qint64 MaxFileBytes = qint64(8) * 1024 * 1024;

struct Note
{
    int line = 0; // 1-based; 0 when it concerns the whole file
    QString message;
};

struct Result
{
    bool ok = false;
    bool imported = false; // false: a .mlpipe file, read as it is (openFile())
    Format format = Format::GitHubActions;
    PipelineFile::ReadResult pipeline; // nodes laid out, edges, group frames, source
    QList<Note> warnings;              // what could not be represented, in line order
    int errorLine = 0;
    QString errorMessage; // without the file name; see describeError()
};

// Where the imported nodes and frames are put: by the auto-layout, as opening a file does, or
// nowhere (every position the default) for a caller that places them itself; the benchmark
// times reading and laying out apart, as their targets are apart.
enum class Placement { AutoLayout, Unplaced };

// Reads `data` (the content of `fileName`, used for detection and the source path). `format`
// forces the format; without it the content decides.
Result importData(const QByteArray &data,
                  const QString &fileName,
                  const NodeCatalog &catalog,
                  std::optional<Format> format = std::nullopt,
                  Placement placement = Placement::AutoLayout);
// Reads a file: a directory, a pipe or device, a file over MaxFileBytes is an error before
// anything is read.
Result importFile(const QString &path,
                  const NodeCatalog &catalog,
                  std::optional<Format> format = std::nullopt);

// A pipeline file of either kind: a .mlpipe file is read as it is (PipelineFile::load), any other
// is imported. With `format`, the file is imported as that format.
Result openFile(const QString &path,
                const NodeCatalog &catalog,
                std::optional<Format> format = std::nullopt);

// "path:line: message" (or "path: message"), as the command line and the window report it.
QString describeError(const QString &path, const Result &result);
QString describeWarning(const QString &path, const Note &note);

// Whether `data` is one of the formats above rather than a .mlpipe file: a cheap look at the
// start, for File ▸ Open to pick the reader. Import itself still decides by the content.
bool looksForeign(const QByteArray &data);

} // namespace PipelineImport
