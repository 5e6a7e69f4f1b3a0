#include "cli/pipelineinput.h"

#include "cli/clicontext.h"
#include "pipeline/nodecatalog.h"

#include <QCoreApplication>
#include <QDir>

namespace {
struct PipelineInputText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineInput)
};
} // namespace

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

QString pipelineFileHelp()
{
    QStringList names;
    for (const QString &id : PipelineImport::formatIds())
        names << PipelineImport::formatName(*PipelineImport::formatFromId(id));
    return PipelineInputText::tr("A pipeline: a .mlpipe file, or a file of %1 (told apart by "
                                 "its content).")
        .arg(names.join(u", "));
}
