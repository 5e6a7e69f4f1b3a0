#pragma once

#include "pipeline/import/pipelineimport.h"
#include "pipeline/pipelinegraph.h"

#include <QList>
#include <QString>
#include <QStringList>

// What an importer reads from a file, before it becomes a canvas pipeline: the jobs, the
// dependencies between them, the groups they sit in and what the file had besides. The
// importers (one per format) fill it in; finishImport() picks kinds and names, lays it out and
// checks the dependencies, the same way for every format.
struct ImportedJob
{
    QString id;   // unique in the pipeline, as written in the source ("train", "build@0")
    QString name; // shown; defaults to the id
    int line = 0;
    QString image;
    QStringList command;   // argv, or the lines of a script
    QStringList kindHints; // text that tells what it does: uses, tools, templates
    QString kind;          // a catalog kind when the format says it; else chosen from hints
    KeyValueList details;  // shown read-only in the property panel
    KeyValueList parameters;
    QStringList badges;
    QString group; // the id of the ImportedGroup it sits in, or empty
};

struct ImportedDependency
{
    QString from; // job ids: `to` runs after `from`
    QString to;
    int line = 0;      // where the dependency is written
    QString condition; // shown on the edge ("Failed", "on_failure")
};

struct ImportedGroup
{
    QString id;
    QString title;
    QString parent; // a group it is nested in, or empty
};

struct ImportedPipeline
{
    PipelineImport::Format format = PipelineImport::Format::GitHubActions;
    QList<ImportedJob> jobs;
    QList<ImportedDependency> dependencies;
    QList<ImportedGroup> groups; // in display order (GitLab's stage order)
    KeyValueList details;        // the pipeline's own: triggers, variables, includes
    QList<PipelineImport::Note> warnings;
    // Each top-level group is a column, in the groups' order (GitLab's stages), instead of the
    // columns the dependencies give.
    bool groupColumns = false;

    void warn(int line, const QString &message) { warnings.append({line, message}); }
};

// A structural problem of the source (a dependency on a job that does not exist): the import
// fails with it.
struct ImportError
{
    int line = 0;
    QString message;
};

// Turns what an importer read into the canvas pipeline: kinds (from the data rules of
// curriculum/import-kinds.json), unique names, ordering edges, group frames and, with `layOut`,
// the auto-layout placing the nodes and sizing the frames round their members. Throws
// ImportError for a dependency naming a missing job.
PipelineFile::ReadResult finishImport(ImportedPipeline &imported,
                                      const QString &sourcePath,
                                      const NodeCatalog &catalog,
                                      bool layOut = true);
