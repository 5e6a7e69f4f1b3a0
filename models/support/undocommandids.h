#pragma once

// QUndoCommand::id() values, one enum for the whole application so merges never collide.
namespace UndoCommandId {
enum : int {
    // Roadmap
    SetTopicStatus = 1,
    // Progress
    LogStudySession = 50,
    EditStudySession,
    DeleteStudySession,
    // Pipeline canvas
    AddPipelineItems = 100,
    ConnectPorts,
    RemovePipelineItems,
    MovePipelineItems,
    AutoLayoutPipeline,
    EditPipelineNode,
    EditPipelineAnnotation,
    ChangePipelineNodeKind,
};
} // namespace UndoCommandId
