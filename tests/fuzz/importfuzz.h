#pragma once

// What every importer harness checks (fuzz_pipelineimport.cpp, which lets the content pick the
// reader, and fuzz_import_<format>.cpp, one a reader, which force it so the fuzzer spends its
// time inside that reader): a refusal has a message; what imports has unique ids and names,
// only ordering edges between its own nodes, and saves as .mlpipe and reads back the same.
#include "fuzzsupport.h"

#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"

#include <QSet>

#include <optional>

namespace ImportFuzz {

using namespace Qt::StringLiterals;

inline void checkImported(const PipelineImport::Result &result)
{
    const PipelineFile::ReadResult &pipeline = result.pipeline;
    QSet<QString> ids, names;
    for (const PipelineNode &node : pipeline.nodes) {
        FUZZ_REQUIRE(!ids.contains(node.id), u"a repeated node id"_s);
        FUZZ_REQUIRE(!names.contains(node.name), u"a repeated name: "_s + node.name);
        FUZZ_REQUIRE(node.source.format == PipelineImport::formatId(result.format),
                     u"a node whose source is another format"_s);
        ids.insert(node.id);
        names.insert(node.name);
    }
    for (const PipelineEdge &edge : pipeline.edges)
        FUZZ_REQUIRE(edge.isOrdering() && ids.contains(edge.from.node)
                         && ids.contains(edge.to.node),
                     u"an edge that is no ordering edge between two imported nodes"_s);
    for (const PipelineImport::Note &note : result.warnings)
        FUZZ_REQUIRE(!note.message.isEmpty() && note.line >= 0, u"a warning without a message"_s);
    // What was imported saves as a .mlpipe file and reads back the same, whatever the text.
    const QByteArray saved = PipelineFile::write(
        pipeline.nodes, pipeline.edges, pipeline.annotations, pipeline.source);
    const PipelineFile::ReadResult again = PipelineFile::read(saved, NodeCatalog::builtIn());
    FUZZ_REQUIRE(again.ok, again.errorMessage);
    FUZZ_REQUIRE(again.nodes == pipeline.nodes && again.edges == pipeline.edges
                     && again.source == pipeline.source,
                 u"saving an imported pipeline changes it"_s);
}

inline int
run(const std::uint8_t *data, std::size_t size, std::optional<PipelineImport::Format> format)
{
    const QByteArray bytes = FuzzSupport::bytes(data, size);
    const PipelineImport::Result result
        = PipelineImport::importData(bytes, u"fuzz.yml"_s, NodeCatalog::builtIn(), format);
    if (!result.ok) {
        FUZZ_REQUIRE(!result.errorMessage.isEmpty(), u"a refusal without a message"_s);
        FUZZ_REQUIRE(result.errorLine >= 0, result.errorMessage);
        return 0;
    }
    if (format)
        FUZZ_REQUIRE(result.format == *format, u"a forced format read as another"_s);
    checkImported(result);
    return 0;
}

} // namespace ImportFuzz
