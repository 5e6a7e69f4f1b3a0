// The orchestrator exports (OrchestratorExport::exportPipeline) of whatever pipeline a file holds:
// names, commands, images and notes are the user's text and must stay text. Every YAML file an
// export writes parses (yaml-cpp), whatever that text is.
#include "fuzzsupport.h"

#include "orchestrator/orchestratorexport.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const PipelineFile::ReadResult read
        = PipelineFile::read(FuzzSupport::bytes(data, size), NodeCatalog::builtIn());
    if (!read.ok)
        return 0;
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset(read.nodes, read.edges, read.annotations);
    for (const OrchestratorExport::TargetInfo &target : OrchestratorExport::targets()) {
        const OrchestratorExport::Result result
            = OrchestratorExport::exportPipeline(graph, u"fuzz"_s, target.target);
        if (!result.ok())
            continue;
        FUZZ_REQUIRE(!result.files.isEmpty(), target.id + u": nothing exported"_s);
        for (const ExportedFile &file : result.files) {
            FUZZ_REQUIRE(!file.contents.isEmpty(), file.fileName + u" is empty"_s);
            if (!file.fileName.endsWith(u".yaml"_s) && !file.fileName.endsWith(u".yml"_s))
                continue;
            try {
                YAML::Load(file.contents.toStdString());
            } catch (const YAML::Exception &error) {
                FUZZ_REQUIRE(false,
                             u"%1 (%2) is not YAML: %3"_s.arg(
                                 file.fileName, target.id, QString::fromStdString(error.what())));
            }
        }
    }
    return 0;
}
