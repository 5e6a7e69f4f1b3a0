#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A DAG task's `depends` in Argo Workflows
// (https://argo-workflows.readthedocs.io/en/latest/enhanced-depends-logic/): operands `task` or
// `task.Result`, the operators `!`, `&&` and `||` (binding in that order) and parentheses. The
// importer draws an edge from each task it names, labelled with the results it waits for.
namespace ArgoDepends {

// One operand: `task` or `task.Result`, under an odd number of `!` or not.
struct Operand
{
    QString task;
    QString result; // empty: the bare name
    bool negated = false;
};

struct Parsed
{
    QList<Operand> operands; // in the order written
    QString error;           // why the text is not an expression; empty when it is

    bool ok() const { return error.isEmpty(); }
};

Parsed parse(const QString &text);

// The task names of a text that is not an expression: its words, less the results after a dot.
QStringList namesIn(const QString &text);

// The label of the edge from `task`: the results of it the expression waits for ("Failed",
// "Succeeded || Failed", "not Failed"); empty when it only waits for the task to be done the way
// `dependencies` does, which a bare name means.
QString conditionFor(const QString &task, const QList<Operand> &operands);

} // namespace ArgoDepends
