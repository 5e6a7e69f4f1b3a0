#pragma once

#include "pipeline/import/importedpipeline.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>

// The Argo Workflows reader behind Importers::argo(): one class written in three files, the only
// ones that include this header:
// - argoimport.cpp reads the document: its kind, spec, arguments and list of templates, what is
//   drawn as the pipeline (the entrypoint, the templates no other calls, the exit handler), and
//   the helpers every part uses (ids, warnings, edges, the templates a key names);
// - argocalls.cpp draws a call of a template: a node, or a frame around a DAG's tasks or a steps
//   template's groups with their edges, with recursion, nesting and size kept in bounds;
// - argoleaves.cpp fills one node: what its task or step says about the call, and the body of
//   the leaf template it runs (container, script, resource, …), its inputs and retries.
namespace Argo {

inline std::string keyOf(const YAML::Node &key)
{
    return key.IsScalar() ? key.Scalar() : std::string();
}

// The node ids a call of a template starts with and ends with: one node's own id, or the entry
// and exit nodes of the DAG or steps drawn in its frame.
struct Ends
{
    QStringList entries;
    QStringList exits;
};

// A task of a DAG, a step of a steps template, the entrypoint or the exit handler: something that
// runs a template.
struct Call
{
    YAML::Node node; // the task or step; null for a template drawn without a call
    QString id;      // the node id, or the frame's id and its nodes' id prefix
    QString name;    // as written: the task or step name
    QString group;   // the frame it sits in
    int line = 0;
    // "task", "step", "template", "onExit" (Argo's words, as in the file); empty for the
    // entrypoint, whose DAG or steps are the pipeline itself.
    QString what;
};

class ArgoReader
{
public:
    explicit ArgoReader(ImportedPipeline &out)
        : m_out(out)
    {}

    void read(const YAML::Node &document);

private:
    // argoimport.cpp: the document, and what is drawn as the pipeline.
    void readSpec(const YAML::Node &spec, const QString &kind);
    void readTemplates(const YAML::Node &templates);
    void readArguments(const YAML::Node &arguments);
    Ends showEntrypoint(const QString &name);
    Ends showRoots(int line);
    void showExitHandler(const YAML::Node &onExit, const Ends &main);

    // argocalls.cpp: a call drawn as a node or as a frame with what it holds.
    Ends showCall(const Call &call);
    Ends expand(const Call &call, const QString &templateName, const YAML::Node &body);
    Ends readDag(const YAML::Node &dag, const QString &prefix, const QString &group);
    Ends readSteps(const YAML::Node &steps, const QString &prefix, const QString &group);
    void dependOnTasks(const YAML::Node &task,
                       const QString &id,
                       const QHash<QString, Ends> &tasks,
                       const Ends &ends,
                       const QString &prefix);

    // argoleaves.cpp: what one node holds.
    ImportedJob plainJob(const Call &call);
    void readCallKeys(const Call &call, ImportedJob &job);
    void readTemplate(const QString &name, const YAML::Node &body, ImportedJob &job);
    void describeTemplate(const QString &name, const YAML::Node &body);

    // argoimport.cpp: what every part uses.
    void checkHooks(const YAML::Node &value, const QString &key, const QString &owner);
    void useTemplate(const QString &name, int line, const QString &owner);
    QString uniqueId(const QString &base) const;
    void warn(int line, const QString &message);
    void depend(const QStringList &from, const QStringList &to, int line, const QString &condition);

    ImportedPipeline &m_out;
    QHash<QString, YAML::Node> m_templates;
    QList<std::pair<QString, int>> m_templateOrder; // names and lines, in file order
    QSet<QString> m_used;                           // templates drawn or named by a node
    QSet<QString> m_described;                      // templates whose own keys were kept
    QStringList m_stack; // the DAG and steps templates being expanded, outermost first
    int m_frames = 0;    // the frames the call being read sits in
    QSet<QString> m_ids; // node and frame ids so far
    QSet<std::pair<int, QString>> m_said; // a template drawn twice says its problems once
    bool m_budgetSaid = false;
    bool m_edgesSaid = false;
};

} // namespace Argo
