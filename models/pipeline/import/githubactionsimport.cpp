#include "pipeline/import/importers.h"
#include "pipeline/import/stagemarkers.h"
#include "pipeline/import/yamlsource.h"

#include <QCoreApplication>

#include <set>

using namespace Qt::StringLiterals;
using namespace YamlSource;

// GitHub Actions workflows (.github/workflows/*.yml): a node per job, `needs` as edges. The job
// keys this reader gives a place of their own; every other key is kept as a detail.
// https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions
namespace {

struct GitHubActionsText
{
    Q_DECLARE_TR_FUNCTIONS(GitHubActionsImport)
};

// Matrix combinations past this many are not enumerated: the badge then says "matrix".
constexpr qint64 MaxEnumerated = 4096;

using Combination = std::vector<std::pair<std::string, std::string>>;

bool matches(const Combination &combination, const YAML::Node &partial)
{
    for (const auto &entry : partial) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const auto at = std::find_if(combination.cbegin(), combination.cend(), [&](const auto &c) {
            return c.first == key;
        });
        if (at == combination.cend() || !entry.second.IsScalar()
            || at->second != entry.second.Scalar())
            return false;
    }
    return true;
}

// The combinations a job's strategy.matrix runs, counted as GitHub does: the product of the
// lists, less those an `exclude` entry matches, plus each `include` entry that cannot extend
// any combination without overwriting one of its values. Nothing when it is an expression.
std::optional<qint64> matrixSize(const YAML::Node &matrix)
{
    if (!isMap(matrix))
        return std::nullopt;
    std::vector<Combination> combinations{{}};
    YAML::Node include, exclude;
    for (const auto &entry : matrix) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key == "include" || key == "exclude") {
            (key == "include" ? include : exclude) = entry.second;
            continue;
        }
        if (!entry.second.IsSequence())
            return std::nullopt; // "${{ fromJSON(needs.setup.outputs.matrix) }}"
        if (qint64(combinations.size()) * qint64(entry.second.size()) > MaxEnumerated)
            return std::nullopt;
        std::vector<Combination> next;
        for (const Combination &combination : combinations) {
            for (const YAML::Node &value : entry.second) {
                Combination extended = combination;
                extended.emplace_back(
                    key, value.IsScalar() ? value.Scalar() : brief(value).toStdString());
                next.push_back(std::move(extended));
            }
        }
        combinations = std::move(next);
    }
    const bool hasKeys = !combinations.front().empty();
    if (!hasKeys)
        combinations.clear();
    if (isList(exclude))
        std::erase_if(combinations, [&](const Combination &c) {
            return std::any_of(exclude.begin(), exclude.end(), [&](const YAML::Node &partial) {
                return isMap(partial) && matches(c, partial);
            });
        });
    qint64 added = 0;
    if (isList(include)) {
        for (const YAML::Node &entry : include) {
            // It extends a combination unless one of its keys is a matrix key with another value.
            const bool extends = std::any_of(
                combinations.cbegin(), combinations.cend(), [&](const Combination &c) {
                    for (const auto &pair : entry) {
                        const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : "";
                        for (const auto &[k, v] : c)
                            if (k == key && (!pair.second.IsScalar() || v != pair.second.Scalar()))
                                return false;
                    }
                    return true;
                });
            if (!extends || combinations.empty())
                ++added;
        }
    }
    return qint64(combinations.size()) + added;
}

QString stepLine(const YAML::Node &step)
{
    const QString name = scalar(member(step, "name"));
    const QString uses = scalar(member(step, "uses"));
    const QString run = scalar(member(step, "run")).trimmed();
    const QString firstRunLine = run.section(u'\n', 0, 0);
    QString line = name;
    if (!uses.isEmpty())
        line += line.isEmpty() ? uses : u" (%1)"_s.arg(uses);
    else if (!run.isEmpty())
        line += line.isEmpty() ? u"run: "_s + firstRunLine : u" (run: %1)"_s.arg(firstRunLine);
    return line.isEmpty() ? brief(step, 120) : line;
}

void readSteps(const YAML::Node &steps, ImportedJob &job)
{
    if (!isList(steps)) {
        job.details.append({u"steps"_s, brief(steps)});
        return;
    }
    QStringList lines, scripts;
    for (const YAML::Node &step : steps) {
        lines << u"- "_s + stepLine(step);
        const QString uses = scalar(member(step, "uses"));
        if (!uses.isEmpty())
            job.kindHints << uses;
        if (const QString run = scalar(member(step, "run")); !run.trimmed().isEmpty())
            scripts << run.trimmed();
        job.kindHints << scalar(member(step, "name"));
    }
    job.details.append({u"steps"_s, lines.join(u'\n')});
    // The shell lines as the stage's command, for exports to other engines: `sh -c` of them.
    if (!scripts.isEmpty())
        job.command = {u"sh"_s, u"-c"_s, scripts.join(u'\n')};
}

void readStrategy(const YAML::Node &strategy, ImportedJob &job)
{
    const YAML::Node matrix = member(strategy, "matrix");
    if (matrix.IsDefined()) {
        const std::optional<qint64> size = matrixSize(matrix);
        job.badges << (size ? GitHubActionsText::tr("matrix ×%1").arg(*size)
                            : GitHubActionsText::tr("matrix"));
    }
    job.details.append({u"strategy"_s, brief(strategy)});
}

void readContainer(const YAML::Node &container, ImportedJob &job)
{
    job.image = isMap(container) ? scalar(member(container, "image")) : scalar(container);
    if (isMap(container))
        job.details.append({u"container"_s, brief(container)});
}

// The job's variables are its parameters, but for the stage name and kind an export of the app
// writes there (StageMarkers): GitHub evaluates expressions in env values, so a literal is read
// as its text.
void readEnv(const YAML::Node &env, ImportedJob &job, QString &markedName)
{
    for (const auto &variable : env) {
        const QString key = scalar(variable.first);
        const QString value
            = variable.second.IsScalar() ? scalar(variable.second) : brief(variable.second);
        if (key == StageMarkers::NameVariable && variable.second.IsScalar())
            markedName = StageMarkers::gitHubLiterals(value);
        else if (key == StageMarkers::KindVariable && variable.second.IsScalar())
            job.kind = StageMarkers::gitHubLiterals(value).trimmed();
        else
            job.parameters.append({key, value});
    }
}

void readJob(const std::string &key,
             const YAML::Node &keyNode,
             const YAML::Node &body,
             ImportedPipeline &out)
{
    ImportedJob job;
    job.id = QString::fromStdString(key);
    job.line = lineOf(keyNode);
    QString markedName;
    if (!isMap(body)) {
        out.warn(
            job.line,
            GitHubActionsText::tr("job '%1' is not a mapping: kept as an empty job").arg(job.id));
        out.jobs.append(job);
        return;
    }
    for (const auto &entry : body) {
        const std::string field = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node &value = entry.second;
        const QString name = QString::fromStdString(field);
        if (field == "name") {
            job.name = StageMarkers::gitHubLiterals(scalar(value));
        } else if (field == "needs") {
            if (value.IsDefined() && !value.IsScalar() && !value.IsSequence())
                out.warn(
                    lineOf(value),
                    GitHubActionsText::tr("job '%1': 'needs' is neither a job nor a list of jobs")
                        .arg(job.id));
            for (const QString &need : scalarOrList(value))
                out.dependencies.append({need, job.id, lineOf(value), {}});
        } else if (field == "uses") { // a reusable workflow called as the whole job
            job.kindHints << scalar(value);
            job.details.append({u"calls"_s, scalar(value)});
            job.badges << GitHubActionsText::tr("workflow call");
        } else if (field == "steps") {
            readSteps(value, job);
        } else if (field == "strategy") {
            readStrategy(value, job);
        } else if (field == "container") {
            readContainer(value, job);
        } else if (field == "env" && isMap(value)) {
            readEnv(value, job, markedName);
        } else {
            job.details.append({name, brief(value)});
        }
    }
    if (job.name.isEmpty())
        job.name = markedName;
    out.jobs.append(job);
}

int recognise(const YAML::Node &document)
{
    const YAML::Node jobs = member(document, "jobs");
    if (!isMap(jobs) || jobs.size() == 0)
        return 0;
    int shaped = 0;
    for (const auto &entry : jobs) {
        const YAML::Node &job = entry.second;
        if (member(job, "runs-on").IsDefined() || member(job, "steps").IsDefined()
            || member(job, "uses").IsDefined())
            ++shaped;
    }
    const bool triggers
        = member(document, "on").IsDefined() || member(document, "true").IsDefined();
    return shaped > 0 && triggers ? 2 : shaped > 0 ? 1 : 0;
}

bool isUsualName(const QString &path)
{
    return path.contains(u".github/workflows/"_s);
}

void read(const YAML::Node &document, ImportedPipeline &out)
{
    for (const auto &entry : document) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        if (key == "jobs")
            continue;
        // YAML 1.1 readers turn `on:` into true; GitHub means the triggers.
        const QString name = key == "true" ? u"on"_s : QString::fromStdString(key);
        out.details.append({name, brief(entry.second)});
    }
    const YAML::Node jobs = member(document, "jobs");
    for (const auto &entry : jobs) {
        if (!entry.first.IsScalar()) {
            out.warn(lineOf(entry.first),
                     GitHubActionsText::tr("a job whose id is not text: skipped"));
            continue;
        }
        readJob(entry.first.Scalar(), entry.first, entry.second, out);
    }
}

} // namespace

const PipelineImporter &Importers::gitHubActions()
{
    static const PipelineImporter importer{PipelineImport::Format::GitHubActions,
                                           "github-actions",
                                           "GitHub Actions",
                                           recognise,
                                           isUsualName,
                                           read};
    return importer;
}
