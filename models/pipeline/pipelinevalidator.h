#pragma once

#include <QList>
#include <QString>

class NodeCatalog;
class PipelineGraph;
struct PipelineEdge;
struct PipelineNode;

// One problem found in a pipeline. Errors make it unrunnable (a cycle, a type mismatch, a
// required input left open, two stages with one name); warnings teach a practice the
// coursework covers, say why it matters, and name the topic that explains it.
struct PipelineFinding
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Warning;
    QString nodeId;  // the stage it is about
    QString message; // says what is wrong, why it matters and what to do
    QString topicId; // a curriculum topic id
    QString code;    // stable, for tests and filters: "cycle", "deploy-without-monitoring" …

    bool operator==(const PipelineFinding &) const = default;
};

// Errors first, then in node order, then by code. Linear in nodes + edges (SCCs and bit sets,
// not a search per node), so it can run on every edit of a 5,000-stage pipeline.
QList<PipelineFinding> validatePipeline(const PipelineGraph &graph);
// One line: "error: node 'Train': message [topic-id]" (without the node part when it is about
// no stage), as `pipeline validate` prints it after the file name.
QString describeFinding(const PipelineFinding &finding, const QString &nodeName);
QList<PipelineFinding> validatePipeline(const QList<PipelineNode> &nodes,
                                        const QList<PipelineEdge> &edges,
                                        const NodeCatalog &catalog);
