#include "cli/pipelineinput.h"

#include "cli/clicontext.h"
#include "pipeline/nodecatalog.h"

#include <QDir>

std::optional<PipelineImport::Result> readPipelineArgument(
    CliContext &context, const QString &path, std::optional<PipelineImport::Format> format)
{
    PipelineImport::Result result = PipelineImport::openFile(path, NodeCatalog::builtIn(), format);
    if (!result.ok) {
        context.fail(result.errorMessage);
        return std::nullopt;
    }
    const QString shown = QDir::toNativeSeparators(path);
    for (const PipelineImport::Note &note : std::as_const(result.warnings))
        context.diagnostic(PipelineImport::describeWarning(shown, note));
    return result;
}
