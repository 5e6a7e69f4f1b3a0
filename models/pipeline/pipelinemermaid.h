#pragma once

#include <QString>

class PipelineGraph;

// The pipeline as Mermaid flowchart text, for READMEs and docs that render Mermaid (GitHub,
// GitLab, MkDocs). Left to right; each stage shows its name and kind; edges carry the artifact
// type; group frames become subgraphs holding the stages inside them. User text never breaks
// the syntax: node ids are generated, labels are quoted with entities for quotes and brackets.
namespace PipelineMermaid {
QString write(const PipelineGraph &graph);
QString escapeLabel(const QString &text);
} // namespace PipelineMermaid
