#include "pipeline/pipelinearrangement.h"

#include "pipeline/pipelineframes.h"
#include "pipeline/pipelinescene.h"

namespace PipelineArrangement {

PipelineAutoLayout::Options options(const PipelineScene &scene, Shape shape)
{
    const PipelineTheme &theme = scene.theme();
    PipelineAutoLayout::Options options;
    options.nodeSize = QSizeF(theme.nodeWidth, theme.nodeMinHeight * 1.25);
    options.layerGap = theme.gridSize * 4;
    options.rowGap = theme.gridSize * 2;
    if (shape == Shape::OneRow)
        options.targetAspect = 0; // no wrapping
    const PipelineScene *drawn = &scene;
    options.nodeSizeOf = [drawn](const PipelineNode &node) {
        const PipelineNodeItem *item = drawn->nodeItem(node.id);
        return item ? item->rect().size() : QSizeF();
    };
    return options;
}

ItemPositions positions(const PipelineScene &scene, Shape shape)
{
    return PipelineFrames::arrange(*scene.graph(), options(scene, shape));
}

} // namespace PipelineArrangement
