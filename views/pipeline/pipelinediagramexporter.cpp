#include "pipeline/pipelinediagramexporter.h"

#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinemermaid.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelineundocommands.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Format = PipelineDiagramOptions::Format;

QString title()
{
    return PipelineDiagramExporter::tr("MLOps pipeline");
}

// The part of `graph` the export shows, as a graph of its own.
std::unique_ptr<PipelineGraph> shownGraph(const PipelineGraph &graph,
                                          const PipelineDiagramOptions &options)
{
    auto shown = std::make_unique<PipelineGraph>(graph.catalog());
    if (!options.selectionOnly()) {
        shown->reset(graph.nodes(), graph.edges(), graph.annotations());
        return shown;
    }
    const QSet<QString> nodeIds(options.nodeIds.cbegin(), options.nodeIds.cend());
    const QSet<QString> annotationIds(options.annotationIds.cbegin(), options.annotationIds.cend());
    QList<PipelineNode> nodes;
    for (const PipelineNode &node : graph.nodes()) {
        if (nodeIds.contains(node.id))
            nodes << node;
    }
    QList<PipelineEdge> edges;
    for (const PipelineEdge &edge : graph.edges()) {
        if (nodeIds.contains(edge.from.node) && nodeIds.contains(edge.to.node))
            edges << edge;
    }
    QList<PipelineAnnotation> annotations;
    for (const PipelineAnnotation &annotation : graph.annotations()) {
        if (annotationIds.contains(annotation.id))
            annotations << annotation;
    }
    shown->reset(nodes, edges, annotations);
    return shown;
}

} // namespace

PipelineDiagramExporter::PipelineDiagramExporter(const PipelineGraph &graph,
                                                 const PipelineDiagramOptions &options)
    : m_options(options)
    , m_graph(shownGraph(graph, options))
    , m_scene(std::make_unique<PipelineScene>(m_graph.get()))
{
    m_scene->setTheme(StudioTheme::byIdOrDefault(options.themeId));
    m_scene->setShowTopicProgress(false); // personal progress stays out of docs and slides
    if (options.arrangement) // sizes from the scene: the export's theme may wrap names otherwise
        AutoLayoutCommand(m_graph.get(),
                          PipelineArrangement::positions(*m_scene, *options.arrangement))
            .redo();
    prepareScene(m_scene.get(), options.transparent);
}

PipelineDiagramExporter::~PipelineDiagramExporter()
{
    m_scene.reset(); // before the graph it mirrors
}

bool PipelineDiagramExporter::isEmpty() const
{
    return m_graph->isEmpty();
}

QRectF PipelineDiagramExporter::sourceRect() const
{
    if (isEmpty())
        return {};
    const double border = m_options.border;
    return m_scene->contentRect().adjusted(-border, -border, border, border);
}

QSize PipelineDiagramExporter::outputSize() const
{
    return m_options.outputSize(sourceRect());
}

QString PipelineDiagramExporter::problem() const
{
    if (QString problem = m_options.validate(); !problem.isEmpty())
        return problem;
    if (isEmpty())
        return m_options.selectionOnly() ? tr("nothing to draw: the selection is empty")
                                         : tr("nothing to draw: the pipeline is empty");
    return {};
}

bool PipelineDiagramExporter::write(QIODevice *device)
{
    switch (m_options.format) {
    case Format::Png:
        return writePng(
            m_scene.get(), m_options.pngImage(sourceRect(), m_scene->theme().background), device);
    case Format::Svg:
        return writeSvg(m_scene.get(),
                        sourceRect(),
                        title(),
                        tr("Pipeline exported by MLOps Roadmap Studio"),
                        device);
    case Format::Pdf:
        return writePdf(m_scene.get(), sourceRect(), title(), device);
    case Format::Mermaid:
        if (device->write(PipelineMermaid::write(*m_graph).toUtf8()) < 0)
            return fail(device->errorString());
        return true;
    case Format::PdfHandout:
        break;
    }
    return fail(tr("unknown format"));
}
