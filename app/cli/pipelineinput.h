#pragma once

#include "pipeline/import/pipelineimport.h"

#include <QString>

#include <optional>

class CliContext;

// The FILE argument of the pipeline commands (validate, render, export, import): a .mlpipe file,
// or a pipeline of another engine imported on the fly (PipelineImport::openFile). What the
// import could not represent goes to stderr as "FILE:LINE: warning: …"; a file that cannot be
// read is reported (exit 2) and nothing comes back.
std::optional<PipelineImport::Result>
readPipelineArgument(CliContext &context,
                     const QString &path,
                     std::optional<PipelineImport::Format> format = std::nullopt);

// The help of a FILE argument that takes either kind of pipeline file.
QString pipelineFileHelp();
