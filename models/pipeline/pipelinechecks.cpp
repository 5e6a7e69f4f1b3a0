#include "pipeline/nodecatalog.h"
#include "pipeline/validationcontext.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

struct PipelineChecks
{
    Q_DECLARE_TR_FUNCTIONS(PipelineChecks)
};

using Severity = PipelineFinding::Severity;
constexpr quint32 Training = Role::Train | Role::Tune;

// One teaching warning: when it applies to a stage, given the roles before and after it.
struct LifecycleRule
{
    quint32 role; // the stages it looks at
    const char16_t *code;
    const char16_t *topic;
    const char *message; // QT_TRANSLATE_NOOP: translated when a finding uses it
    bool (*applies)(quint32 upstream, quint32 downstream, const ValidationContext &, qsizetype);
};

const LifecycleRule LifecycleRules[] = {
    {Role::Deploy,
     u"deploy-without-monitoring",
     u"monitoring-and-logging",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "Deploying without monitoring: nobody will notice when the model drifts or the endpoint "
         "fails. Add a Monitor stage after it."),
     [](quint32 up, quint32 down, const ValidationContext &, qsizetype) {
         return up != 0 && !(down & Role::Monitor);
     }},
    {Role::Deploy,
     u"deploy-without-registry",
     u"version-control-for-ml",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "Deploying a model that did not come from a registry: nobody can tell which version is "
         "live or roll back to the last good one. Register it first (e.g. the MLflow Model "
         "Registry)."),
     [](quint32 up, quint32, const ValidationContext &, qsizetype) {
         return up != 0 && !(up & Role::Register);
     }},
    {Role::Deploy,
     u"deploy-without-ci-gate",
     u"ci-cd-pipelines-for-ml",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "No CI/CD gate before deployment: an untested model can reach production. Put a CI/CD "
         "gate (tests, metric thresholds, approval) before it."),
     [](quint32 up, quint32, const ValidationContext &, qsizetype) {
         return up != 0 && !(up & Role::CiGate);
     }},
    {Role::Deploy,
     u"kubernetes-without-image",
     u"containerization-and-orchestration",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "Deploying to Kubernetes without a container image: Kubernetes runs containers. Package "
         "the model into an image (a Package image stage) and deploy that."),
     [](quint32 up, quint32, const ValidationContext &context, qsizetype n) {
         const QString tool = context.nodes.at(n).tool;
         return !(up & Role::Package)
                && (tool.contains(u"Kubernetes"_s, Qt::CaseInsensitive)
                    || tool.contains(u"KServe"_s, Qt::CaseInsensitive));
     }},
    {Training,
     u"unvalidated-training-data",
     u"testing-in-ml-pipelines",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "Training on data that was never validated: a broken export or a schema change silently "
         "becomes a broken model. Add a Validate data stage (e.g. Great Expectations) before it."),
     [](quint32 up, quint32, const ValidationContext &, qsizetype) {
         return up != 0 && !(up & Role::ValidateData);
     }},
    {Role::Register,
     u"no-evaluation-before-registry",
     u"testing-in-ml-pipelines",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "A model reaches the registry without evaluation: a worse model can become the next "
         "version. Add an Evaluate stage between training and the registry."),
     [](quint32 up, quint32, const ValidationContext &, qsizetype) {
         return (up & Training) && !(up & Role::Evaluate);
     }},
    {Role::Monitor,
     u"monitor-triggers-nothing",
     u"model-retraining-and-automation",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "Monitoring that triggers nothing: drift is measured but nobody acts on it. Connect its "
         "signal to an Alert or a Retrain trigger."),
     [](quint32, quint32 down, const ValidationContext &, qsizetype) {
         return !(down & (Role::Alert | Role::RetrainTrigger));
     }},
    {Role::FeatureStore,
     u"training-serving-skew",
     u"feature-stores",
     QT_TRANSLATE_NOOP(
         "PipelineChecks",
         "This feature store feeds training but not serving: the deployed model computes its "
         "features another way, and the difference (training/serving skew) quietly costs "
         "accuracy. Connect it to the Deploy stage too."),
     [](quint32, quint32 down, const ValidationContext &context, qsizetype n) {
         return (down & Training) && (down & Role::Deploy)
                && !(context.successorRoles.at(n) & Role::Deploy);
     }},
};

// The reference grammar of container engines: [registry[:port]/]name[:tag][@digest], the
// name lowercase. Anything else no engine pulls, and braces or '$' in it would reach the
// exported workflows' template engines.
bool isImageReference(const QString &image)
{
    static const QRegularExpression reference(
        u"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])"
        u"?)*"
        "(?::[0-9]+)?/)?"
        "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
        "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]+)?$"_s);
    return reference.match(image).hasMatch();
}

bool isTemplated(const QString &text)
{
    return text.contains(u'$') || text.contains(u"{{"_s);
}

bool isPinned(const QString &image)
{
    // A digest pins exactly; else the tag is what follows the last ':' after the last '/'
    // (a ':' before it belongs to a registry port).
    if (image.contains(u"@sha256:"_s))
        return true;
    const qsizetype colon = image.lastIndexOf(u':');
    return colon > image.lastIndexOf(u'/') && image.mid(colon + 1) != u"latest"_s;
}

} // namespace

void checkLifecycle(ValidationContext &context,
                    const QList<quint32> &upstream,
                    const QList<quint32> &downstream)
{
    for (qsizetype n = 0; n < context.nodes.size(); ++n) {
        for (const LifecycleRule &rule : LifecycleRules) {
            if ((context.roles.at(n) & rule.role)
                && rule.applies(upstream.at(n), downstream.at(n), context, n)) {
                context.add(n,
                            Severity::Warning,
                            QString::fromUtf16(rule.code),
                            QString::fromUtf16(rule.topic),
                            PipelineChecks::tr(rule.message));
            }
        }
    }
}

void checkHygiene(ValidationContext &context)
{
    for (qsizetype n = 0; n < context.nodes.size(); ++n) {
        const PipelineNode &node = context.nodes.at(n);
        const quint32 role = context.roles.at(n);
        const bool imported = !node.source.isEmpty();
        // An imported image may be an expression its engine fills in ("${{ matrix.image }}",
        // "$CI_REGISTRY_IMAGE:$TAG", "{{inputs.parameters.image}}"): not ours to judge.
        if (imported && isTemplated(node.image)) {
            // nothing to check
        } else if (!node.image.isEmpty() && !isImageReference(node.image)) {
            context.add(n,
                        Severity::Error,
                        u"invalid-image"_s,
                        u"containerization-and-orchestration"_s,
                        PipelineChecks::tr(
                            "'%1' is not a container image reference such as "
                            "registry.example.com/team/name:1.0 (a lowercase name, an optional tag "
                            "or digest): no engine could pull it.")
                            .arg(node.image));
        } else if (!node.image.isEmpty() && !isPinned(node.image)) {
            context.add(n,
                        Severity::Warning,
                        u"unpinned-image"_s,
                        u"containerization-and-orchestration"_s,
                        PipelineChecks::tr(
                            "The image '%1' has no pinned version: 'latest' moves, so the same "
                            "pipeline can run different code tomorrow. Pin a tag such as "
                            "python:3.11-slim, or a digest.")
                            .arg(node.image));
        }
        // Independent jobs are normal in a CI file; only a drawn stage left alone is a slip.
        if (context.nodes.size() > 1 && !imported && !context.hasEdges(n)) {
            context.add(n,
                        Severity::Warning,
                        u"disconnected-node"_s,
                        u"data-pipelines"_s,
                        PipelineChecks::tr(
                            "This stage is connected to nothing: nothing feeds it and nothing "
                            "uses what it makes."));
        } else if ((role & Training) && !context.isUsed(n, u"model"_s)) {
            context.add(n,
                        Severity::Warning,
                        u"unused-model"_s,
                        u"ai-ml-lifecycle"_s,
                        PipelineChecks::tr(
                            "The trained model goes nowhere: evaluate, register or deploy it, or "
                            "the training run is wasted."));
        } else if ((role & Role::RetrainTrigger) && !context.isUsed(n, u"trigger"_s)) {
            context.add(n,
                        Severity::Warning,
                        u"retrain-triggers-nothing"_s,
                        u"model-retraining-and-automation"_s,
                        PipelineChecks::tr(
                            "This retrain trigger starts nothing: connect its trigger to Ingest, "
                            "Train or Tune so the pipeline runs again."));
        }
    }
}
