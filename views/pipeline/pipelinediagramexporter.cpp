#include "pipeline/pipelinediagramexporter.h"

#include "export/scenebands.h"
#include "export/scenefilewriter.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinemermaid.h"
#include "pipeline/pipelinescene.h"
#include "support/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QGraphicsItem>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Format = PipelineDiagramOptions::Format;

QString title()
{
    return QCoreApplication::translate("PipelineDiagramExporter", "MLOps pipeline");
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
    if (options.transparent)
        m_scene->setBackgroundBrush(Qt::NoBrush);
    // Cached items and effects reach SVG and PDF as bitmaps: the export draws only vectors.
    for (QGraphicsItem *item : m_scene->items()) {
        item->setCacheMode(QGraphicsItem::NoCache);
        item->setGraphicsEffect(nullptr);
    }
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
    const double scale = m_options.format == Format::Png ? m_options.scale : 1.0;
    return SceneBands::imageSize(sourceRect(), scale);
}

bool PipelineDiagramExporter::exportTo(const QString &path, const Progress &progress)
{
    m_path = path;
    m_progress = progress;
    m_error.clear();
    m_cancelled = false;
    const QString problem = m_options.validate();
    if (!problem.isEmpty())
        return fail(problem);
    if (isEmpty())
        return fail(m_options.selectionOnly() ? u"nothing to draw: the selection is empty"_s
                                              : u"nothing to draw: the pipeline is empty"_s);
    const QString pathProblem = AtomicFile::checkOutputPath(path);
    if (!pathProblem.isEmpty()) {
        m_error = pathProblem;
        return false;
    }
    QString fileError;
    if (AtomicFile::writeAtomically(
            path, [this](QIODevice *device) { return write(device); }, &fileError))
        return true;
    return fileError.isEmpty() ? false : fail(fileError);
}

bool PipelineDiagramExporter::write(QIODevice *device)
{
    QString error;
    switch (m_options.format) {
    case Format::Png:
        return writePng(device);
    case Format::Svg:
        if (!SceneFileWriter::writeSvg(
                m_scene.get(),
                sourceRect(),
                title(),
                QCoreApplication::translate("PipelineDiagramExporter",
                                            "Pipeline exported by MLOps Roadmap Studio"),
                device,
                &error))
            return fail(error);
        return true;
    case Format::Pdf:
        if (!SceneFileWriter::writePdf(m_scene.get(), sourceRect(), title(), device, &error))
            return fail(error);
        return true;
    case Format::Mermaid:
        if (device->write(PipelineMermaid::write(*m_graph).toUtf8()) < 0)
            return fail(device->errorString());
        return true;
    }
    return fail(u"unknown format"_s);
}

bool PipelineDiagramExporter::writePng(QIODevice *device)
{
    SceneFileWriter::Image image;
    image.source = sourceRect();
    image.scale = m_options.scale;
    image.fill = m_options.transparent ? QColor(Qt::transparent) : m_scene->theme().background;
    const auto report = [this](int done, int total) {
        if (!m_progress || m_progress(done, total))
            return true;
        m_cancelled = true;
        return false;
    };
    QString error;
    if (SceneFileWriter::writePng(m_scene.get(), image, device, report, &error))
        return true;
    if (m_cancelled) {
        m_error = u"%1: the export was cancelled"_s.arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    return fail(error);
}

bool PipelineDiagramExporter::fail(const QString &problem)
{
    m_error = u"%1: %2"_s.arg(QDir::toNativeSeparators(m_path), problem);
    return false;
}
