#pragma once

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinefile.h"
#include "pipeline/pipelinegraph.h"

#include <QTest>

// What the canvas tests (tst_pipelinescene, tst_pipelinegestures) build their graphs from. The
// loaders are helpers that fail with QVERIFY: call them through REQUIRE_OK (support/require.h).
namespace PipelineCanvas {

inline const QString TemplatePath
    = QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/templates/end-to-end.mlpipe");

inline PipelineNode makeNode(const QString &id, const QString &kind, const QPointF &pos)
{
    PipelineNode node;
    node.id = id;
    node.kind = kind;
    node.name = id.toUpper();
    node.pos = pos;
    return node;
}

// The end-to-end template: every kind of item, groups and notes among them.
inline void loadTemplate(PipelineGraph &graph)
{
    const PipelineFile::ReadResult file = PipelineFile::load(TemplatePath, NodeCatalog::builtIn());
    QVERIFY2(file.ok, qPrintable(file.errorMessage));
    graph.reset(file.nodes, file.edges, file.annotations);
}

// I(ingest) at (0,0), T(transform) at (300,0), R(train) at (600,0), on the grid.
inline void buildSmallGraph(PipelineGraph &graph)
{
    using namespace Qt::StringLiterals;
    QVERIFY(graph.addNode(makeNode(u"I"_s, u"ingest"_s, {0, 0})));
    QVERIFY(graph.addNode(makeNode(u"T"_s, u"transform"_s, {300, 0})));
    QVERIFY(graph.addNode(makeNode(u"R"_s, u"train"_s, {600, 0})));
}

} // namespace PipelineCanvas
