#include "pipeline/import/importers.h"
#include "pipeline/import/stagemarkers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <map>
#include <set>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// DVC pipelines (dvc.yaml): a node per stage, with `foreach` and `matrix` stages expanded to the
// stages DVC generates. DVC has no explicit ordering: a stage runs after the stage that writes a
// path it depends on, so the edges come from matching `deps` against `outs`, `metrics` and `plots`.
// https://dvc.org/doc/user-guide/project-structure/dvcyaml-files
namespace {

struct DvcText
{
    Q_DECLARE_TR_FUNCTIONS(DvcImport)
};

// foreach and matrix stages past this many in a file are not generated: a 100-value matrix of
// three variables would otherwise put a million nodes on the canvas.
constexpr qint64 MaxGeneratedStages = 10000;

// One generated stage's `${key}` and `${item}` (DVC's iteration pair). A matrix stage's item is
// its variables' values, kept as a list: building a YAML map of them would merge the whole
// document's memory into each one.
struct Iteration
{
    QString key;
    YAML::Node item;
    QList<std::pair<QString, YAML::Node>> variables;
};

// A path a stage reads or writes, relative to the dvc.yaml file's folder.
struct StagePath
{
    QString path;
    int line = 0;
};

struct Stage
{
    QString id;
    QList<StagePath> deps;
    QList<StagePath> outputs; // outs, metrics and plots: all written by the stage
};

bool isTrue(const QString &text)
{
    return text == u"true"_s || text == u"True"_s || text == u"TRUE"_s;
}

bool isFalse(const QString &text)
{
    return text == u"false"_s || text == u"False"_s || text == u"FALSE"_s;
}

// A scalar as DVC writes it into a stage name or a command (its `to_str`): YAML 1.2 booleans as
// `true`/`false`, plain numbers as Python prints them (`007` → 7, `3.10` → 3.1), text as it is.
QString toStr(const YAML::Node &node)
{
    QString text = scalar(node);
    if (node.Tag() != "?") // quoted or tagged: a string, kept as written
        return text;
    if (isTrue(text))
        return u"true"_s;
    if (isFalse(text))
        return u"false"_s;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression decimal(u"^([-+]?[0-9]+)\\.([0-9]*?)0*$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        return ok ? QString::number(value) : text;
    }
    if (const QRegularExpressionMatch m = decimal.match(text); m.hasMatch()) {
        const QString whole = QString::number(m.captured(1).toLongLong());
        const QString fraction = m.captured(2).isEmpty() ? u"0"_s : m.captured(2);
        return whole + u'.' + fraction;
    }
    return text;
}

bool isComposite(const YAML::Node &node)
{
    return isMap(node) || isList(node);
}

// `${item}`, `${key}`, `${item.a.b}`, `${item.a[0]}` replaced by the iteration's values; every
// other expression (vars, params files) is left as written, which still lets two stages that
// name the same `${files.dir}/x` path meet.
QString substitute(const QString &text, const Iteration *iteration)
{
    if (!iteration || !text.contains(u"${"_s))
        return text;
    static const QRegularExpression expression(
        u"\\$\\{\\s*(item|key)((?:\\.[^.\\[\\]}\\s]+|\\[[0-9]+\\])*)\\s*\\}"_s);
    static const QRegularExpression segment(u"\\.([^.\\[\\]]+)|\\[([0-9]+)\\]"_s);
    QString result;
    qsizetype at = 0;
    for (auto it = expression.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QString replacement = match.captured(0);
        if (match.captured(1) == u"key"_s) {
            if (match.captured(2).isEmpty() && !iteration->key.isNull())
                replacement = iteration->key;
        } else {
            YAML::Node value = iteration->item;
            bool first = true;
            for (auto parts = segment.globalMatch(match.captured(2)); parts.hasNext();) {
                const QRegularExpressionMatch part = parts.next();
                const QString name = part.captured(1);
                if (std::exchange(first, false) && !iteration->variables.isEmpty()) {
                    const auto variable
                        = std::find_if(iteration->variables.cbegin(),
                                       iteration->variables.cend(),
                                       [&](const auto &v) { return v.first == name; });
                    value.reset(variable == iteration->variables.cend() ? YAML::Node()
                                                                        : variable->second);
                    continue;
                }
                bool isIndex = false;
                const int index = (name.isEmpty() ? part.captured(2) : name).toInt(&isIndex);
                // reset(), not operator=: that would overwrite the node `value` refers to; and
                // const access, which never adds to the document.
                const YAML::Node &current = value;
                if (isList(value) && isIndex && index >= 0 && std::size_t(index) < value.size())
                    value.reset(current[std::size_t(index)]);
                else if (isMap(value) && !name.isEmpty())
                    value.reset(member(value, name.toStdString().c_str()));
                else
                    value.reset(YAML::Node(YAML::NodeType::Undefined));
            }
            if (value.IsDefined() && value.IsScalar())
                replacement = toStr(value);
        }
        result += text.mid(at, match.capturedStart() - at) + replacement;
        at = match.capturedEnd();
    }
    return result + text.mid(at);
}

// A path of a stage, relative to the file's folder: DVC takes paths relative to `wdir`.
QString fromFileFolder(const QString &wdir, const QString &path)
{
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(wdir.isEmpty() ? path : wdir + u'/' + path);
}

// The entries of `deps`, `outs`, `metrics`, `plots`: a path, or a one-key map from the path to
// its flags (`- model.pt: {cache: false}`). Each as a detail line and as a path.
void readPaths(const QString &field,
               const YAML::Node &list,
               const QString &wdir,
               const Iteration *iteration,
               ImportedJob &job,
               QList<StagePath> &paths,
               ImportedPipeline &out)
{
    if (!isList(list)) {
        out.warn(lineOf(list),
                 DvcText::tr("stage '%1': '%2' is not a list of paths").arg(job.id, field));
        job.details.append({field, substitute(brief(list), iteration)});
        return;
    }
    QStringList lines;
    for (const YAML::Node &entry : list) {
        QString path, flags;
        if (entry.IsScalar()) {
            path = scalar(entry);
        } else if (isMap(entry) && entry.size() == 1 && entry.begin()->first.IsScalar()) {
            path = scalar(entry.begin()->first);
            if (!entry.begin()->second.IsNull())
                flags = brief(entry.begin()->second, 200);
        } else {
            out.warn(lineOf(entry),
                     DvcText::tr("stage '%1': an entry of '%2' that is neither a path nor a path "
                                 "with its options: kept as text")
                         .arg(job.id, field));
            lines << substitute(brief(entry, 200), iteration);
            continue;
        }
        path = substitute(path, iteration);
        lines << (flags.isEmpty() ? path : u"%1 %2"_s.arg(path, substitute(flags, iteration)));
        if (!path.trimmed().isEmpty())
            paths.append({fromFileFolder(wdir, path), lineOf(entry)});
    }
    job.details.append({field, lines.join(u'\n')});
}

// `params`: keys of params.yaml, or a file with its keys (or null: all of it).
QString paramsText(const YAML::Node &params, const Iteration *iteration)
{
    if (!isList(params))
        return substitute(brief(params), iteration);
    QStringList lines;
    for (const YAML::Node &entry : params) {
        if (isMap(entry) && entry.size() == 1 && entry.begin()->first.IsScalar()) {
            const YAML::Node keys = entry.begin()->second;
            lines << scalar(entry.begin()->first) + u": "_s
                         + (keys.IsNull()  ? DvcText::tr("(all)")
                            : isList(keys) ? scalarOrList(keys).join(u", "_s)
                                           : brief(keys, 200));
        } else {
            lines << (entry.IsScalar() ? scalar(entry) : brief(entry, 200));
        }
    }
    return substitute(lines.join(u'\n'), iteration);
}

void readCommand(const YAML::Node &cmd, const Iteration *iteration, ImportedJob &job)
{
    QStringList commands;
    if (cmd.IsDefined() && cmd.IsScalar())
        commands << substitute(scalar(cmd), iteration);
    else if (isList(cmd))
        for (const YAML::Node &line : cmd)
            commands << substitute(line.IsScalar() ? scalar(line) : brief(line), iteration);
    if (commands.isEmpty())
        return;
    job.kindHints << commands;
    // DVC runs a list's commands one after the other until one fails: `sh -e` does the same.
    job.command = commands.size() == 1 ? QStringList{u"sh"_s, u"-c"_s, commands.first()}
                                       : QStringList{u"sh"_s, u"-ec"_s, commands.join(u'\n')};
}

// The stage name and kind an export of the app writes in `meta` (StageMarkers); DVC interpolates
// meta as the rest of the stage, so "\${" is a literal "${".
void readMarkers(const YAML::Node &meta, const Iteration *iteration, ImportedJob &job)
{
    const auto marker = [&](QStringView key) {
        const YAML::Node value = member(meta, key.toUtf8().constData());
        return value.IsScalar() ? StageMarkers::dvcLiteral(substitute(scalar(value), iteration))
                                : QString();
    };
    job.name = marker(StageMarkers::MetaName);
    job.kind = marker(StageMarkers::MetaKind).trimmed();
}

// One stage as DVC runs it: `body` is the stage, or the `do` of a foreach (with its iteration).
void readStage(const QString &id,
               int line,
               const YAML::Node &body,
               const Iteration *iteration,
               const QString &group,
               ImportedPipeline &out,
               QList<Stage> &stages)
{
    ImportedJob job;
    job.id = id;
    job.line = line;
    job.group = group;
    Stage stage{id, {}, {}};
    const QString wdir = substitute(scalar(member(body, "wdir")), iteration);
    if (!member(body, "cmd").IsDefined())
        out.warn(line, DvcText::tr("stage '%1' has no 'cmd': DVC requires one").arg(id));
    for (const auto &entry : body) {
        const std::string field = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node &value = entry.second;
        const QString name = QString::fromStdString(field);
        if (field == "cmd") {
            readCommand(value, iteration, job);
        } else if (field == "deps") {
            readPaths(name, value, wdir, iteration, job, stage.deps, out);
        } else if (field == "outs" || field == "metrics" || field == "plots") {
            readPaths(name, value, wdir, iteration, job, stage.outputs, out);
        } else if (field == "params") {
            job.details.append({name, paramsText(value, iteration)});
        } else if (field == "frozen") {
            if (isTrue(scalar(value)))
                job.badges << DvcText::tr("frozen");
            job.details.append({name, scalar(value)});
        } else if (field == "matrix" || field == "foreach") {
            continue; // expanded into this stage's name
        } else if (field == "meta" && isMap(value)) {
            readMarkers(value, iteration, job);
            job.details.append({name, substitute(brief(value), iteration)});
        } else {
            // wdir, desc, always_changed, meta, vars and keys DVC may add later.
            job.details.append({name, substitute(brief(value), iteration)});
        }
    }
    if (const QString desc = scalar(member(body, "desc")); !desc.isEmpty())
        job.kindHints << desc;
    out.jobs.append(job);
    stages.append(stage);
}

struct Expansion
{
    ImportedPipeline &out;
    QList<Stage> &stages;
    qint64 generated = 0;

    bool full(int line, const QString &stage)
    {
        if (generated < MaxGeneratedStages)
            return false;
        out.warn(line,
                 DvcText::tr("stage '%1': more than %2 generated stages in the file; the rest "
                             "are not shown")
                     .arg(stage)
                     .arg(MaxGeneratedStages));
        return true;
    }
};

// foreach over a list or a dictionary: `name@value`, `name@index` (when any item is a list or a
// dictionary) or `name@key`, as DVC's ForeachDefinition names them.
void expandForeach(const QString &name, int line, const YAML::Node &body, Expansion &expansion)
{
    const YAML::Node foreach = member(body, "foreach");
    const YAML::Node stage = member(body, "do");
    ImportedPipeline &out = expansion.out;
    if (!isMap(stage)) {
        out.warn(line, DvcText::tr("stage '%1': 'foreach' without a 'do' stage").arg(name));
        readStage(name, line, body, nullptr, {}, out, expansion.stages);
        return;
    }
    if (!isComposite(foreach)) {
        out.warn(lineOf(foreach),
                 DvcText::tr("stage '%1': foreach over '%2', which comes from a params file: "
                             "shown as one stage")
                     .arg(name, scalar(foreach)));
        readStage(name, line, stage, nullptr, {}, out, expansion.stages);
        return;
    }
    if (foreach.size() == 0) {
        out.warn(lineOf(foreach),
                 DvcText::tr("stage '%1': foreach over nothing generates no stage").arg(name));
        return;
    }
    out.groups.append({name, name, {}});
    const bool byIndex
        = isList(foreach) && std::any_of(foreach.begin(), foreach.end(), [](const YAML::Node &n) {
              return isComposite(n);
          });
    qsizetype index = 0;
    for (auto it = foreach.begin(); it != foreach.end(); ++it, ++index) {
        if (expansion.full(line, name))
            return;
        ++expansion.generated;
        const YAML::Node value = isMap(foreach) ? it->second : *it;
        const Iteration iteration{isMap(foreach) ? toStr(it->first) : QString(), value, {}};
        const QString suffix = isMap(foreach) ? iteration.key
                               : byIndex      ? QString::number(index)
                                              : toStr(value);
        readStage(name + u'@' + suffix, line, stage, &iteration, name, out, expansion.stages);
    }
}

// matrix: every combination of the variables' values, first variable outermost, named
// `name@v1-v2` with each scalar value, or `<variable><index>` for a list or dictionary value, as
// DVC's MatrixDefinition names them (https://github.com/iterative/dvc/pull/9725).
void expandMatrix(const QString &name, int line, const YAML::Node &body, Expansion &expansion)
{
    const YAML::Node matrix = member(body, "matrix");
    ImportedPipeline &out = expansion.out;
    if (!isMap(matrix)) {
        out.warn(lineOf(matrix),
                 DvcText::tr("stage '%1': matrix '%2' comes from a params file: shown as one "
                             "stage")
                     .arg(name, brief(matrix, 80)));
        readStage(name, line, body, nullptr, {}, out, expansion.stages);
        return;
    }
    QList<std::pair<QString, YAML::Node>> variables;
    qint64 combinations = 1;
    for (const auto &entry : matrix) {
        if (!isList(entry.second)) {
            out.warn(lineOf(entry.second),
                     DvcText::tr("stage '%1': matrix variable '%2' is not a list of values (it "
                                 "comes from a params file): shown as one stage")
                         .arg(name, scalar(entry.first)));
            readStage(name, line, body, nullptr, {}, out, expansion.stages);
            return;
        }
        variables.append({scalar(entry.first), entry.second});
        combinations = std::min(combinations * qint64(entry.second.size()), MaxGeneratedStages + 1);
    }
    if (variables.isEmpty() || combinations == 0) {
        out.warn(lineOf(matrix),
                 DvcText::tr("stage '%1': a matrix without values generates no stage").arg(name));
        return;
    }
    out.groups.append({name, name, {}});
    std::vector<std::size_t> at(variables.size(), 0); // an odometer, last variable fastest
    for (bool done = false; !done;) {
        if (expansion.full(line, name))
            return;
        ++expansion.generated;
        Iteration iteration;
        QStringList fragments;
        for (qsizetype v = 0; v < variables.size(); ++v) {
            const YAML::Node &values = variables.at(v).second;
            const YAML::Node value = values[at[v]];
            iteration.variables.append({variables.at(v).first, value});
            fragments << (isComposite(value) ? variables.at(v).first + QString::number(at[v])
                                             : toStr(value));
        }
        iteration.key = fragments.join(u'-');
        readStage(name + u'@' + iteration.key, line, body, &iteration, name, out, expansion.stages);
        done = true;
        for (qsizetype v = variables.size() - 1; v >= 0; --v) {
            if (++at[v] < variables.at(v).second.size()) {
                done = false;
                break;
            }
            at[v] = 0;
        }
    }
}

bool isInside(const QString &path, const QString &folder)
{
    return path.size() > folder.size() && path.startsWith(folder) && path.at(folder.size()) == u'/';
}

// An edge from the stage that writes a path to each stage that depends on it, on the path itself,
// on a folder inside an output folder, or on a folder holding an output.
void connect(const QList<Stage> &stages, ImportedPipeline &out)
{
    std::map<QString, qsizetype> writer; // sorted: the outputs under a folder are a range
    for (qsizetype s = 0; s < stages.size(); ++s) {
        for (const StagePath &output : stages.at(s).outputs) {
            const auto [at, added] = writer.emplace(output.path, s);
            if (!added && at->second != s)
                out.warn(output.line,
                         DvcText::tr("'%1' is an output of both '%2' and '%3': DVC refuses that")
                             .arg(output.path, stages.at(at->second).id, stages.at(s).id));
        }
    }
    std::set<std::pair<qsizetype, qsizetype>> seen;
    const auto link = [&](qsizetype from, qsizetype to, int line) {
        if (from == to) {
            out.warn(line,
                     DvcText::tr("stage '%1' depends on its own output").arg(stages.at(to).id));
            return;
        }
        if (seen.insert({from, to}).second)
            out.dependencies.append({stages.at(from).id, stages.at(to).id, line, {}});
    };
    for (qsizetype s = 0; s < stages.size(); ++s) {
        for (const StagePath &dep : stages.at(s).deps) {
            // The dependency itself, or a folder holding it, is an output.
            for (QString path = dep.path; !path.isEmpty() && path != u"."_s && path != u"/"_s;) {
                if (const auto at = writer.find(path); at != writer.end())
                    link(at->second, s, dep.line);
                const qsizetype slash = path.lastIndexOf(u'/');
                path = slash > 0 ? path.left(slash) : QString();
            }
            // Outputs inside the dependency's folder.
            const QString folder = dep.path == u"."_s ? QString() : dep.path + u'/';
            for (auto at = writer.lower_bound(folder);
                 at != writer.end() && at->first.startsWith(folder);
                 ++at)
                if (folder.isEmpty() || isInside(at->first, dep.path))
                    link(at->second, s, dep.line);
        }
    }
}

int recognise(const YAML::Node &document)
{
    const YAML::Node stages = member(document, "stages");
    if (!isMap(stages))
        return 0;
    for (const auto &entry : stages) {
        const YAML::Node &stage = entry.second;
        if (member(stage, "cmd").IsDefined() || member(stage, "foreach").IsDefined()
            || member(stage, "matrix").IsDefined())
            return 2;
    }
    return 0;
}

bool isUsualName(const QString &path)
{
    return QFileInfo(path).fileName() == u"dvc.yaml"_s;
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    for (const auto &entry : document) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key != "stages") // vars, params, metrics, plots, artifacts
            out.details.append({QString::fromStdString(key), brief(entry.second)});
    }
    QList<Stage> stages;
    Expansion expansion{out, stages};
    for (const auto &entry : member(document, "stages")) {
        const int line = lineOf(entry.first);
        if (!entry.first.IsScalar()) {
            out.warn(line, DvcText::tr("a stage whose name is not text: skipped"));
            continue;
        }
        const QString name = scalar(entry.first);
        const YAML::Node &body = entry.second;
        if (!isMap(body)) {
            out.warn(line,
                     DvcText::tr("stage '%1' is not a mapping: kept as an empty stage").arg(name));
            ImportedJob job;
            job.id = name;
            job.line = line;
            out.jobs.append(job);
            continue;
        }
        if (member(body, "foreach").IsDefined())
            expandForeach(name, line, body, expansion);
        else if (member(body, "matrix").IsDefined())
            expandMatrix(name, line, body, expansion);
        else
            readStage(name, line, body, nullptr, {}, out, stages);
    }
    connect(stages, out);
}

} // namespace

const PipelineImporter &Importers::dvc()
{
    static const PipelineImporter importer{
        PipelineImport::Format::Dvc, "dvc", "DVC", recognise, isUsualName, read};
    return importer;
}
