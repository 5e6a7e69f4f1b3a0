#pragma once

#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelineundocommands.h"

class PipelineScene;

// Auto-arrange as the canvas and the diagram exports do it: the theme's spacing and every stage's
// size as the scene draws it (names wrap, so heights differ), in one of two shapes.
namespace PipelineArrangement {

enum class Shape {
    Rows,   // long chains wrap into rows, so the drawing fits a 16:9 window (the default)
    OneRow, // every layer beside the last: one row however long (a wide poster, a timeline)
};

PipelineAutoLayout::Options options(const PipelineScene &scene, Shape shape = Shape::Rows);

// Where every stage, frame and note of the scene's graph goes (PipelineFrames::arrange).
ItemPositions positions(const PipelineScene &scene, Shape shape);

} // namespace PipelineArrangement
