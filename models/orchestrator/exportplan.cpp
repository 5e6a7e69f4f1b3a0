#include "orchestrator/exportplan.h"

#include "pipeline/import/stagemarkers.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineautolayout.h"
#include "pipeline/pipelinegraph.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <functional>
#include <queue>

using namespace Qt::StringLiterals;

namespace {

// The texts of the problems that refuse an export; the exported files' comments stay English.
struct ExportPlanText
{
    Q_DECLARE_TR_FUNCTIONS(ExportPlanText)
};

using Severity = PipelineFinding::Severity;

// Kahn's algorithm over the edges that are not feedback edges; among the steps that are ready,
// the one first in the graph goes first.
QList<qsizetype> topologicalOrder(const PipelineGraph &graph)
{
    const qsizetype n = graph.nodes().size();
    QList<QList<qsizetype>> successors(n);
    QList<int> indegree(n, 0);
    for (const PipelineEdge &edge : graph.edges()) {
        if (PipelineAutoLayout::isFeedbackEdge(graph, edge))
            continue;
        const qsizetype from = graph.indexOfNode(edge.from.node);
        const qsizetype to = graph.indexOfNode(edge.to.node);
        successors[from] << to;
        ++indegree[to];
    }
    std::priority_queue<qsizetype, std::vector<qsizetype>, std::greater<>> ready;
    for (qsizetype i = 0; i < n; ++i)
        if (indegree.at(i) == 0)
            ready.push(i);
    QList<qsizetype> order;
    order.reserve(n);
    while (!ready.empty()) {
        const qsizetype node = ready.top();
        ready.pop();
        order << node;
        for (const qsizetype next : std::as_const(successors[node]))
            if (--indegree[next] == 0)
                ready.push(next);
    }
    return order; // validation has ruled out other cycles, so every node is in it
}

PipelineFinding exportProblem(const QString &nodeId, const QString &code, const QString &message)
{
    return {Severity::Error, nodeId, message, u"containerization-and-orchestration"_s, code};
}

QList<PipelineFinding> problemsOf(const PipelineGraph &graph)
{
    QList<PipelineFinding> problems;
    if (graph.nodes().isEmpty()) {
        problems << exportProblem(
            {},
            u"empty-pipeline"_s,
            ExportPlanText::tr("The pipeline has no stages: there is nothing to export."));
        return problems;
    }
    for (const PipelineFinding &finding : validatePipeline(graph))
        if (finding.severity == Severity::Error)
            problems << finding;
    for (const PipelineNode &node : graph.nodes()) {
        const NodeKind *kind = graph.catalog()->kind(node.kind);
        if (!kind)
            continue; // validation reported it
        if (node.image.isEmpty() && kind->image.isEmpty())
            problems << exportProblem(
                node.id,
                u"no-image"_s,
                ExportPlanText::tr("This stage has no container image to run, and its "
                                   "kind has no default: set one."));
        if (node.command.isEmpty() && kind->command.isEmpty())
            problems << exportProblem(
                node.id,
                u"no-command"_s,
                ExportPlanText::tr("This stage has no command to run, and its kind has no "
                                   "default: set one."));
    }
    return problems;
}

QStringList portNames(const QList<PortSpec> &ports, const QStringList &used)
{
    QStringList names;
    for (const PortSpec &port : ports)
        if (used.contains(port.name))
            names << port.name;
    return names;
}

// The edges at one stage as its step sees them. A feedback edge is no dependency: it only
// restarts the pipeline.
struct StepEdges
{
    QHash<QString, PortRef> feeds; // input port -> what feeds it
    QStringList used;              // output ports with an edge
    QStringList restarts;          // nodes a feedback edge out of this one starts again
    QStringList after;             // nodes an ordering edge says this one runs after
};

StepEdges edgesAt(const PipelineGraph &graph, const QString &nodeId)
{
    StepEdges edges;
    for (const PipelineEdge &edge : graph.edgesOf(nodeId)) {
        if (PipelineAutoLayout::isFeedbackEdge(graph, edge)) {
            if (edge.from.node == nodeId)
                edges.restarts << edge.to.node;
        } else if (edge.isOrdering()) {
            if (edge.to.node == nodeId)
                edges.after << edge.from.node;
        } else if (edge.to.node == nodeId) {
            edges.feeds.insert(edge.to.port, edge.from);
        } else {
            edges.used << edge.from.port;
        }
    }
    return edges;
}

// The stage's own fields, with its kind's image and command where it has none.
void describeStep(ExportStep &step,
                  const PipelineNode &node,
                  const NodeKind &kind,
                  const QString &id)
{
    step.nodeId = node.id;
    step.id = id;
    step.name = node.name;
    step.kind = node.kind;
    step.tool = node.tool;
    step.image = node.image.isEmpty() ? kind.image : node.image;
    step.command = node.command.isEmpty() ? kind.command : node.command;
    step.notes = node.notes;
}

QStringList parameterKeyIds(const PipelineNode &node, const ExportNaming &naming)
{
    QStringList keys;
    for (const auto &[key, value] : node.parameters)
        keys << key;
    return ExportNames::uniqueNames(keys, naming.parameters, u"param"_s);
}

// The variables a step finds its inputs, outputs and parameters in: unique together, and none
// of the names the generated scripts use themselves.
QStringList
envNamesOf(const QStringList &inputPorts, const QStringList &outputPorts, const QStringList &keyIds)
{
    QStringList names;
    for (const QString &port : inputPorts)
        names << u"MLOPS_INPUT_"_s + port;
    for (const QString &port : outputPorts)
        names << u"MLOPS_OUTPUT_"_s + port;
    for (const QString &key : keyIds)
        names << u"MLOPS_PARAM_"_s + key;
    return ExportNames::uniqueNames(names,
                                    ExportNames::Style::UpperSnake,
                                    u"MLOPS"_s,
                                    {u"MLOPS_LBRACE"_s,
                                     StageMarkers::NameVariable.toString(),
                                     StageMarkers::KindVariable.toString(),
                                     u"MLOPS_STEP_NOTES"_s});
}

// Step `s`'s inputs (each with the producer's output that feeds it: producers come earlier in
// the order, so theirs are filled in), outputs, parameters (without their pipeline-wide ids
// yet) and upstream steps.
void addArtifactsAndParameters(ExportPlan &plan,
                               qsizetype s,
                               const PipelineNode &node,
                               const NodeKind &kind,
                               const StepEdges &edges,
                               const QHash<QString, qsizetype> &stepOf,
                               const ExportNaming &naming)
{
    using ExportNames::uniqueNames;
    const QStringList inputPorts = portNames(kind.inputs, edges.feeds.keys());
    const QStringList outputPorts = portNames(kind.outputs, edges.used);
    const QStringList inputIds = uniqueNames(inputPorts, naming.steps, u"input"_s);
    const QStringList outputIds = uniqueNames(outputPorts, naming.steps, u"output"_s);
    const QStringList keyIds = parameterKeyIds(node, naming);
    const QStringList envNames = envNamesOf(inputPorts, outputPorts, keyIds);
    qsizetype env = 0;

    ExportStep &step = plan.steps[s];
    for (qsizetype i = 0; i < inputPorts.size(); ++i) {
        const PortRef from = edges.feeds.value(inputPorts.at(i));
        const ExportStep &producer = plan.steps.at(stepOf.value(from.node));
        const auto output
            = std::find_if(producer.outputs.cbegin(),
                           producer.outputs.cend(),
                           [&](const ExportOutput &o) { return o.port == from.port; });
        step.inputs.append({inputPorts.at(i),
                            inputIds.at(i),
                            envNames.at(env++),
                            stepOf.value(from.node),
                            output->portId});
    }
    for (qsizetype i = 0; i < outputPorts.size(); ++i)
        step.outputs.append({outputPorts.at(i), outputIds.at(i), envNames.at(env++)});
    for (qsizetype i = 0; i < node.parameters.size(); ++i) {
        const auto &[key, value] = node.parameters.at(i);
        step.parameters.append({key, value, keyIds.at(i), QString(), envNames.at(env++)});
    }
    for (const PortRef &from : edges.feeds)
        step.upstream << stepOf.value(from.node);
    for (const QString &nodeId : edges.after)
        step.upstream << stepOf.value(nodeId);
    std::sort(step.upstream.begin(), step.upstream.end());
    step.upstream.erase(std::unique(step.upstream.begin(), step.upstream.end()),
                        step.upstream.end());
}

// Each parameter's pipeline-wide id: its step's id and its key, unique over the plan.
void nameParameters(ExportPlan &plan, const ExportNaming &naming)
{
    QStringList names; // "<step id> <key>"
    for (const ExportStep &step : std::as_const(plan.steps))
        for (const ExportParameter &parameter : step.parameters)
            names << step.id + u' ' + parameter.keyId;
    const QStringList ids
        = ExportNames::uniqueNames(names, naming.parameters, u"param"_s, naming.reservedParameters);
    qsizetype p = 0;
    for (ExportStep &step : plan.steps)
        for (ExportParameter &parameter : step.parameters)
            parameter.id = ids.at(p++);
}

} // namespace

QString ExportPlan::artifactPath(qsizetype step, const QString &portId) const
{
    return u"artifacts/%1/%2"_s.arg(steps.at(step).id, portId);
}

QStringList ExportPlan::feedbackNotes() const
{
    QStringList notes;
    for (const auto &[from, to] : feedback)
        notes << u"%1 starts the pipeline again at %2: a feedback edge, so not a dependency."_s.arg(
            steps.at(from).id, steps.at(to).id);
    return notes;
}

QString ExportPlan::variablesNote()
{
    return u"Each step finds its inputs, outputs and parameters in MLOPS_INPUT_*, MLOPS_OUTPUT_* "
           "and MLOPS_PARAM_* variables."_s;
}

QList<std::pair<const ExportStep *, const ExportParameter *>> ExportPlan::parameters() const
{
    QList<std::pair<const ExportStep *, const ExportParameter *>> all;
    for (const ExportStep &step : steps)
        for (const ExportParameter &parameter : step.parameters)
            all.append({&step, &parameter});
    return all;
}

ExportPlan
ExportPlan::build(const PipelineGraph &graph, const QString &title, const ExportNaming &naming)
{
    ExportPlan plan;
    plan.title = title;
    plan.id = ExportNames::sanitize(title, naming.steps, u"pipeline"_s);
    plan.problems = problemsOf(graph);
    if (!plan.ok())
        return plan;

    const QList<qsizetype> order = topologicalOrder(graph);
    QHash<QString, qsizetype> stepOf; // node id -> index in steps
    QStringList names;
    for (const qsizetype n : order) {
        stepOf.insert(graph.nodes().at(n).id, plan.steps.size());
        names << graph.nodes().at(n).name;
        plan.steps.append(ExportStep());
    }
    const QStringList ids
        = ExportNames::uniqueNames(names, naming.steps, u"step"_s, naming.reservedSteps);
    for (qsizetype s = 0; s < plan.steps.size(); ++s) {
        const PipelineNode &node = graph.nodes().at(order.at(s));
        const NodeKind &kind = *graph.catalog()->kind(node.kind);
        describeStep(plan.steps[s], node, kind, ids.at(s));
        const StepEdges edges = edgesAt(graph, node.id);
        for (const QString &restarted : edges.restarts)
            plan.feedback.append({s, stepOf.value(restarted)});
        addArtifactsAndParameters(plan, s, node, kind, edges, stepOf, naming);
    }
    nameParameters(plan, naming);
    std::sort(plan.feedback.begin(), plan.feedback.end());
    return plan;
}
