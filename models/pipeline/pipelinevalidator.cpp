#include "pipeline/pipelinevalidator.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineflow.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/validationcontext.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct PipelineValidator
{
    Q_DECLARE_TR_FUNCTIONS(PipelineValidator)
};

using Severity = PipelineFinding::Severity;

void checkNames(ValidationContext &context)
{
    QHash<QString, int> counts;
    for (const PipelineNode &node : context.nodes)
        ++counts[node.name.trimmed()];
    for (qsizetype n = 0; n < context.nodes.size(); ++n) {
        const QString name = context.nodes.at(n).name.trimmed();
        if (name.isEmpty()) {
            context.add(n,
                        Severity::Error,
                        u"empty-name"_s,
                        u"data-pipelines"_s,
                        PipelineValidator::tr(
                            "A stage needs a name: exports turn it into a task or job name."));
        } else if (counts.value(name) > 1) {
            context.add(n,
                        Severity::Error,
                        u"duplicate-name"_s,
                        u"data-pipelines"_s,
                        PipelineValidator::tr(
                            "%n stage(s) are called '%1': names must be unique, since exports "
                            "turn them into task and job names (as Airflow task ids).",
                            nullptr,
                            counts.value(name))
                            .arg(name));
        }
    }
}

void checkInputs(ValidationContext &context)
{
    for (qsizetype n = 0; n < context.nodes.size(); ++n) {
        const NodeKind *kind = context.kinds.at(n);
        // An imported job gets its inputs from outside the diagram (a checkout, a bucket): its
        // kind's inputs describe the stage, they are not wiring the source left out.
        if (!kind || !context.nodes.at(n).source.isEmpty())
            continue;
        const QString topic = kind->topics.value(0, u"ai-ml-lifecycle"_s);
        for (const PortSpec &port : kind->inputs) {
            if (port.required && !context.isConnected(n, port.name)) {
                context.add(n,
                            Severity::Error,
                            u"missing-input"_s,
                            topic,
                            PipelineValidator::tr(
                                "The required input '%1' (%2) is not connected: this stage has "
                                "nothing to work on.")
                                .arg(port.name, ArtifactTypes::toString(port.type)));
            }
        }
        const bool anyConnected
            = std::any_of(kind->requiresOneOf.cbegin(),
                          kind->requiresOneOf.cend(),
                          [&](const QString &port) { return context.isConnected(n, port); });
        if (!kind->requiresOneOf.isEmpty() && !anyConnected) {
            context.add(
                n,
                Severity::Error,
                u"missing-input"_s,
                topic,
                PipelineValidator::tr(
                    "Connect one of the inputs %1: a %2 stage needs something to run.")
                    .arg(u"'"_s + kind->requiresOneOf.join(u"', '"_s) + u"'"_s, kind->name));
        }
    }
}

void checkCycles(ValidationContext &context, const PipelineFlow &flow)
{
    for (const QList<qsizetype> &cycle : flow.cycles()) {
        QStringList names;
        for (const qsizetype n : cycle.first(std::min<qsizetype>(cycle.size(), 5)))
            names << u"'"_s + context.nodes.at(n).name + u"'"_s;
        if (cycle.size() > 5)
            names << u"…"_s;
        context.add(cycle.first(),
                    Severity::Error,
                    u"cycle"_s,
                    u"data-pipelines"_s,
                    PipelineValidator::tr(
                        "%1 form a loop: a pipeline runs as a DAG (as in Airflow) and this one "
                        "would never finish. The one loop allowed is a feedback edge through a "
                        "Retrain trigger.")
                        .arg(names.join(u", "_s)));
    }
}

} // namespace

QList<PipelineFinding> validatePipeline(const QList<PipelineNode> &nodes,
                                        const QList<PipelineEdge> &edges,
                                        const NodeCatalog &catalog)
{
    ValidationContext context(nodes, edges, catalog);
    checkNames(context);
    checkInputs(context);
    const PipelineFlow flow(nodes.size(), context.arcs);
    checkCycles(context, flow);
    checkLifecycle(context, flow.upstream(context.roles), flow.downstream(context.roles));
    checkHygiene(context);
    return context.sortedFindings();
}

QList<PipelineFinding> validatePipeline(const PipelineGraph &graph)
{
    if (!graph.catalog())
        return {};
    return validatePipeline(graph.nodes(), graph.edges(), *graph.catalog());
}

QString describeFinding(const PipelineFinding &finding, const QString &nodeName)
{
    const QString severity = finding.severity == Severity::Error ? u"error"_s : u"warning"_s;
    const QString node
        = finding.nodeId.isEmpty() ? QString() : PipelineValidator::tr("node '%1': ").arg(nodeName);
    return u"%1: %2%3 [%4]"_s.arg(severity, node, finding.message, finding.topicId);
}
