#pragma once

#include "pipeline/import/importedpipeline.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

// Where the jobs of a GitLab CI file go and what they wait for: the stages in GitLab's order
// (.pre, those of `stages:` or the default ones, .post), each a column framed as a group, and
// the edges, from a job's `needs` or else from the stage order: GitLab runs a stage when the
// previous one is done (https://docs.gitlab.com/ci/yaml/#stages, #needs).
namespace GitLabCiStages {

// What a job reads before it is placed: its `needs`, its stage and its `when`. Built once and
// appended, never assigned: yaml-cpp's Node::operator= (which may throw, and writes into the
// document instead of rebinding) is never run on `needs`, which is set with reset().
// NOLINTNEXTLINE(bugprone-exception-escape): the implicit operator= is never used
struct JobPlan
{
    QString id;
    QString stage;
    int stageLine = 0;
    YAML::Node needs; // defined: the job says which jobs it waits for
    QString condition;
};

// The stages in GitLab's order: .pre, those of `stages` (or the default ones), .post.
QStringList readStages(const YAML::Node &stages, ImportedPipeline &out);

// Sets each job's group to its stage, adds a group a stage that has jobs, in `stages` order
// (a stage no `stages` entry declares is said and placed before .post), and the edges: `needs`
// where a job has them, else every job of the stage before its own that has jobs. `plans` are
// the jobs of `out`, in the same order.
void placeInStages(const QList<JobPlan> &plans,
                   QStringList stages,
                   bool hasIncludes,
                   ImportedPipeline &out);

} // namespace GitLabCiStages
