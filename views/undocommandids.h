#pragma once

// QUndoCommand::id() values, one enum for the whole application so merges never collide.
namespace UndoCommandId {
enum : int {
    SetTopicStatus = 1,
};
} // namespace UndoCommandId
