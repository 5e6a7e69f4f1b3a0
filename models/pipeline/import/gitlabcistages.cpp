#include "pipeline/import/gitlabcistages.h"

#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;
using namespace YamlSource;
using GitLabCiStages::JobPlan;

namespace {

struct GitLabStagesText
{
    Q_DECLARE_TR_FUNCTIONS(GitLabCiImport)
};

// Without `stages:` GitLab has build, test and deploy; .pre and .post are always there, first
// and last; a job that names no stage is in test (https://docs.gitlab.com/ci/yaml/#stages).
constexpr const char *DefaultStages[] = {"build", "test", "deploy"};
constexpr QLatin1StringView DefaultStage("test");

// Past this many edges from the stage order, the import says how many it drew.
constexpr qsizetype ManyStageEdges = 1000;

// A need's name as a job of this file: `job: [a, b]` and `job 1/3` name one instance of a
// parallel job (https://docs.gitlab.com/ci/jobs/job_control/#parallel), drawn as the whole job.
QString jobNamed(const QString &name, const QHash<QString, qsizetype> &jobs)
{
    if (jobs.contains(name))
        return name;
    static const QRegularExpression instance(u"^(.+?)(?:: \\[.*\\]| \\d+/\\d+)$"_s);
    const QRegularExpressionMatch match = instance.match(name);
    if (match.hasMatch() && jobs.contains(match.captured(1)))
        return match.captured(1);
    return name;
}

// `needs:` entries as edges (https://docs.gitlab.com/ci/yaml/#needs). What another pipeline or
// project runs is no job here: a badge, no edge.
void addNeeds(const JobPlan &plan,
              ImportedJob &job,
              const QHash<QString, qsizetype> &jobs,
              bool hasIncludes,
              ImportedPipeline &out)
{
    if (!plan.needs.IsSequence() && !plan.needs.IsScalar()) {
        out.warn(lineOf(plan.needs),
                 GitLabStagesText::tr("job '%1': 'needs' should be a list of jobs").arg(plan.id));
        return;
    }
    // `needs: build` is not what GitLab documents, but its meaning is plain.
    std::vector<YAML::Node> needs;
    if (plan.needs.IsScalar())
        needs.push_back(plan.needs);
    for (const YAML::Node &need : plan.needs)
        needs.push_back(need);
    for (const YAML::Node &need : needs) {
        const int line = lineOf(need);
        const QString name = isMap(need) ? scalar(member(need, "job")) : scalar(need);
        const QString project = scalar(member(need, "project"));
        if (member(need, "pipeline").IsDefined() || !project.isEmpty()) {
            job.badges << (project.isEmpty() ? GitLabStagesText::tr("needs another pipeline")
                                             : GitLabStagesText::tr("needs %1").arg(project));
            continue;
        }
        if (name.isEmpty()) {
            out.warn(line,
                     GitLabStagesText::tr("job '%1': a 'needs' entry that names no job: ignored")
                         .arg(plan.id));
            continue;
        }
        const QString target = jobNamed(name, jobs);
        if (!jobs.contains(target)) {
            // GitLab refuses a missing job unless `optional: true`; a job of an included file
            // would not be missing there, so with includes it is a warning too.
            const bool optional = scalar(member(need, "optional")) == u"true"_s;
            if (optional || hasIncludes) {
                out.warn(line,
                         (optional
                              ? GitLabStagesText::tr("job '%1' needs '%2' (optional), which is "
                                                     "not a job of this file: no edge")
                              : GitLabStagesText::tr("job '%1' needs '%2', which is not a job of "
                                                     "this file (an included file may define "
                                                     "it): no edge"))
                             .arg(plan.id, name));
                continue;
            }
        }
        out.dependencies.append({target, plan.id, line, plan.condition});
    }
}

} // namespace

// The stages in GitLab's order: .pre, those of `stages:` (or the default ones), .post.
QStringList GitLabCiStages::readStages(const YAML::Node &stages, ImportedPipeline &out)
{
    QStringList order{u".pre"_s};
    QStringList listed;
    for (const char *stage : DefaultStages)
        listed << QString::fromLatin1(stage);
    if (stages.IsDefined() && !stages.IsNull()) {
        listed = scalarOrList(stages);
        if (!isList(stages))
            out.warn(lineOf(stages),
                     GitLabStagesText::tr("'stages' should be a list of stage names"));
    }
    for (const QString &stage : std::as_const(listed))
        if (!order.contains(stage) && stage != u".post"_s)
            order << stage;
    order << u".post"_s;
    return order;
}

// Places each job in its stage, and gives a job without `needs` every job of the stage before
// its own that has jobs: GitLab runs a stage when the previous one is done
// (https://docs.gitlab.com/ci/yaml/#stages).
void GitLabCiStages::placeInStages(const QList<JobPlan> &plans,
                                   QStringList stages,
                                   bool hasIncludes,
                                   ImportedPipeline &out)
{
    QHash<QString, qsizetype> jobIndex;
    for (qsizetype j = 0; j < out.jobs.size(); ++j)
        jobIndex.insert(out.jobs.at(j).id, j);
    QHash<QString, QList<qsizetype>> members;
    for (qsizetype j = 0; j < plans.size(); ++j) {
        const JobPlan &plan = plans.at(j);
        const QString stage = plan.stage.isEmpty() ? QString(DefaultStage) : plan.stage;
        if (!stages.contains(stage)) {
            out.warn(
                plan.stageLine > 0 ? plan.stageLine : out.jobs.at(j).line,
                GitLabStagesText::tr("job '%1': stage '%2' is not one of the pipeline's stages "
                                     "(GitLab would refuse it; an included file may declare "
                                     "it): shown after them")
                    .arg(plan.id, stage));
            stages.insert(stages.size() - 1, stage); // before .post
        }
        out.jobs[j].group = stage;
        members[stage] << j;
    }
    QList<qsizetype> previous;
    qsizetype stageEdges = 0;
    for (const QString &stage : std::as_const(stages)) {
        const QList<qsizetype> jobs = members.value(stage);
        if (jobs.isEmpty())
            continue;
        out.groups.append({stage, stage, {}});
        for (const qsizetype j : jobs) {
            const JobPlan &plan = plans.at(j);
            if (plan.needs.IsDefined() && !plan.needs.IsNull()) {
                addNeeds(plan, out.jobs[j], jobIndex, hasIncludes, out);
                continue;
            }
            const int line = plan.stageLine > 0 ? plan.stageLine : out.jobs.at(j).line;
            for (const qsizetype p : std::as_const(previous))
                out.dependencies.append({plans.at(p).id, plan.id, line, plan.condition});
            stageEdges += previous.size();
        }
        previous = jobs;
    }
    if (stageEdges > ManyStageEdges)
        out.warn(0,
                 GitLabStagesText::tr(
                     "GitLab's stage order gives %n edge(s): each job without "
                     "'needs' waits for every job of the stage before its own",
                     nullptr,
                     int(std::min<qsizetype>(stageEdges, std::numeric_limits<int>::max()))));
}
