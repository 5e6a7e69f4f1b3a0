#include "pipeline/pipelinefile.h"

#include "pipeline/nodecatalog.h"
#include "support/closestmatches.h"
#include "support/jsoncursor.h"
#include "support/jsonreading.h"
#include "support/jsonsyntax.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace PipelineFile {

namespace {

struct PipelineFileText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineFileText)
};

using Type = JsonCursor::Type;

// Where a value sits ("nodes[3].properties.tool"), spelt out only when something is wrong, so
// reading 5,000 nodes builds no path strings.
struct Path
{
    const Path *parent = nullptr;
    QLatin1StringView key;
    qsizetype index = -1;

    Path member(QLatin1StringView name) const { return {this, name, -1}; }
    Path element(qsizetype i) const { return {this, {}, i}; }
    QString toString() const
    {
        const QString base = parent ? parent->toString() : QString();
        if (index >= 0)
            return JsonReading::element(base, index);
        return JsonReading::member(base, key);
    }
};

struct Failure
{
    QString message;
    qsizetype offset = -1; // where in the text; -1 for the whole document
};

[[noreturn]] void fail(const Path &path, const QString &message, qsizetype offset)
{
    throw Failure{path.toString() + u": "_s + message, offset};
}

// Nodes as read, with an id -> position index so edges are checked without a scan per edge.
struct Nodes
{
    QList<PipelineNode> list;
    QHash<QString, qsizetype> index;
};

// Reads the checked text of a pipeline file into nodes, edges and annotations. Each reader takes
// the cursor at the value it reads and leaves it after that value.
class Reader
{
public:
    Reader(QByteArrayView json, const NodeCatalog &catalog)
        : m_json(json)
        , m_catalog(catalog)
        , m_cursor(json, 0)
    {}

    void seek(qsizetype offset) { m_cursor = JsonCursor(m_json, offset); }
    JsonCursor &cursor() { return m_cursor; }

    [[noreturn]] void failType(const Path &path, const QString &expected)
    {
        fail(path,
             PipelineFileText::tr("expected %1, found %2")
                 .arg(expected, JsonCursor::typeName(m_cursor.type())),
             m_cursor.offset());
    }
    [[noreturn]] static void failMissing(const Path &path, const QString &expected, qsizetype at)
    {
        fail(path, PipelineFileText::tr("expected %1, found missing").arg(expected), at);
    }

    QString string(const Path &path)
    {
        if (m_cursor.type() != Type::String)
            failType(path, PipelineFileText::tr("a string"));
        return m_cursor.string();
    }

    double number(const Path &path)
    {
        if (m_cursor.type() != Type::Number)
            failType(path, PipelineFileText::tr("a finite number"));
        return m_cursor.number();
    }

    void enter(const Path &path, Type type)
    {
        if (m_cursor.type() != type)
            failType(path,
                     type == Type::Object ? PipelineFileText::tr("an object")
                                          : PipelineFileText::tr("an array"));
        m_cursor.enter();
    }

    QStringList stringList(const Path &path)
    {
        enter(path, Type::Array);
        QStringList list;
        for (qsizetype i = 0; m_cursor.nextElement(); ++i)
            list << string(path.element(i));
        return list;
    }

    static void checkId(const QString &id, const Path &path, qsizetype objectAt, bool seen)
    {
        if (!seen)
            failMissing(path.member("id"_L1), PipelineFileText::tr("a string"), objectAt);
        if (id.isEmpty())
            fail(path.member("id"_L1), PipelineFileText::tr("an id cannot be empty"), objectAt);
    }

    // Parameters, details: [{"key": …, "value": …}], keys unique and not empty. `what` names an
    // item in messages ("parameter").
    KeyValueList keyValues(const Path &path, const QString &what)
    {
        KeyValueList parameters;
        QSet<QString> keys;
        enter(path, Type::Array);
        for (qsizetype i = 0; m_cursor.nextElement(); ++i) {
            const Path itemPath = path.element(i);
            const qsizetype at = m_cursor.offset();
            enter(itemPath, Type::Object);
            std::optional<QString> key, value;
            QByteArrayView name;
            while (m_cursor.nextMember(&name)) {
                if (name == "key")
                    key = string(itemPath.member("key"_L1));
                else if (name == "value")
                    value = string(itemPath.member("value"_L1));
                else
                    m_cursor.skip();
            }
            if (!key)
                failMissing(itemPath.member("key"_L1), PipelineFileText::tr("a string"), at);
            if (!value)
                failMissing(itemPath.member("value"_L1), PipelineFileText::tr("a string"), at);
            if (key->isEmpty() || keys.contains(*key))
                fail(itemPath.member("key"_L1),
                     key->isEmpty() ? PipelineFileText::tr("a %1 needs a key").arg(what)
                                    : PipelineFileText::tr("duplicate %1 '%2'").arg(what, *key),
                     at);
            keys.insert(*key);
            parameters.append({*key, *value});
        }
        return parameters;
    }

    void properties(const Path &path, PipelineNode &node)
    {
        enter(path, Type::Object);
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "tool")
                node.tool = string(path.member("tool"_L1));
            else if (name == "image")
                node.image = string(path.member("image"_L1));
            else if (name == "command")
                node.command = stringList(path.member("command"_L1));
            else if (name == "parameters")
                node.parameters
                    = keyValues(path.member("parameters"_L1), PipelineFileText::tr("parameter"));
            else if (name == "notes")
                node.notes = string(path.member("notes"_L1));
            else
                m_cursor.skip();
        }
    }

    NodeSource nodeSource(const Path &path)
    {
        const qsizetype at = m_cursor.offset();
        enter(path, Type::Object);
        NodeSource source;
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "format") {
                source.format = string(path.member("format"_L1));
            } else if (name == "id") {
                source.id = string(path.member("id"_L1));
            } else if (name == "line") {
                const double line = number(path.member("line"_L1));
                if (line < 0 || line > std::numeric_limits<int>::max() || line != std::floor(line))
                    fail(
                        path.member("line"_L1), PipelineFileText::tr("expected a line number"), at);
                source.line = int(line);
            } else {
                m_cursor.skip();
            }
        }
        if (source.format.isEmpty())
            fail(path.member("format"_L1),
                 PipelineFileText::tr("a node's source names its format"),
                 at);
        return source;
    }

    PipelineSource pipelineSource(const Path &path)
    {
        const qsizetype at = m_cursor.offset();
        enter(path, Type::Object);
        PipelineSource source;
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "format")
                source.format = string(path.member("format"_L1));
            else if (name == "path")
                source.path = string(path.member("path"_L1));
            else if (name == "details")
                source.details
                    = keyValues(path.member("details"_L1), PipelineFileText::tr("detail"));
            else
                m_cursor.skip();
        }
        if (source.format.isEmpty())
            fail(path.member("format"_L1),
                 PipelineFileText::tr("a pipeline's source names its format"),
                 at);
        return source;
    }

    QString kind(const Path &path)
    {
        const qsizetype at = m_cursor.offset();
        const QString id = string(path);
        if (const NodeKind *kind = m_catalog.kind(id))
            return kind->id;
        const QStringList matches = closestMatches(id, m_catalog.kindIds(), 1);
        fail(path,
             matches.isEmpty() ? PipelineFileText::tr("unknown kind '%1' (expected one of: %2)")
                                     .arg(id, m_catalog.kindIds().join(u", "_s))
                               : PipelineFileText::tr("unknown kind '%1'; did you mean '%2'?")
                                     .arg(id, matches.first()),
             at);
    }

    PipelineNode node(const Path &path)
    {
        const qsizetype at = m_cursor.offset();
        enter(path, Type::Object);
        PipelineNode node;
        bool hasId = false, hasKind = false, hasName = false;
        double x = 0, y = 0;
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "id") {
                node.id = string(path.member("id"_L1));
                hasId = true;
            } else if (name == "kind") {
                node.kind = kind(path.member("kind"_L1));
                hasKind = true;
            } else if (name == "name") {
                node.name = string(path.member("name"_L1));
                hasName = true;
            } else if (name == "x") {
                x = number(path.member("x"_L1));
            } else if (name == "y") {
                y = number(path.member("y"_L1));
            } else if (name == "properties") {
                properties(path.member("properties"_L1), node);
            } else if (name == "source") {
                node.source = nodeSource(path.member("source"_L1));
            } else if (name == "details") {
                node.details = keyValues(path.member("details"_L1), PipelineFileText::tr("detail"));
            } else if (name == "badges") {
                node.badges = stringList(path.member("badges"_L1));
            } else {
                m_cursor.skip();
            }
        }
        checkId(node.id, path, at, hasId);
        if (!hasKind)
            failMissing(path.member("kind"_L1), PipelineFileText::tr("a string"), at);
        if (!hasName)
            failMissing(path.member("name"_L1), PipelineFileText::tr("a string"), at);
        node.pos = QPointF(x, y);
        return node;
    }

    Nodes nodes(const Path &path)
    {
        Nodes nodes;
        enter(path, Type::Array);
        for (qsizetype i = 0; m_cursor.nextElement(); ++i) {
            const Path nodePath = path.element(i);
            const qsizetype at = m_cursor.offset();
            PipelineNode node = this->node(nodePath);
            if (nodes.index.contains(node.id))
                fail(nodePath.member("id"_L1),
                     PipelineFileText::tr("duplicate node id '%1'").arg(node.id),
                     at);
            nodes.index.insert(node.id, nodes.list.size());
            nodes.list.append(std::move(node));
        }
        return nodes;
    }

    PortRef portRef(const Path &path, bool isOutput, const Nodes &nodes)
    {
        const qsizetype at = m_cursor.offset();
        enter(path, Type::Object);
        PortRef ref;
        bool hasNode = false, hasPort = false;
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "node") {
                ref.node = string(path.member("node"_L1));
                hasNode = true;
            } else if (name == "port") {
                ref.port = string(path.member("port"_L1));
                hasPort = true;
            } else {
                m_cursor.skip();
            }
        }
        if (!hasNode)
            failMissing(path.member("node"_L1), PipelineFileText::tr("a string"), at);
        const qsizetype index = nodes.index.value(ref.node, -1);
        if (index < 0)
            fail(path.member("node"_L1),
                 PipelineFileText::tr("no node has the id '%1'").arg(ref.node),
                 at);
        const PipelineNode &node = nodes.list.at(index);
        ref.node = node.id; // share the node's string: one copy per node, not one per edge
        if (!hasPort)       // an ordering edge's end; edges() checks the other end has none either
            return ref;
        const NodeKind *kind = m_catalog.kind(node.kind);
        const auto *port = isOutput ? kind->output(ref.port) : kind->input(ref.port);
        if (!port) {
            fail(path.member("port"_L1),
                 (isOutput ? PipelineFileText::tr("'%1' (%2) has no output '%3'")
                           : PipelineFileText::tr("'%1' (%2) has no input '%3'"))
                     .arg(node.name, node.kind, ref.port),
                 at);
        }
        ref.port = port->name; // the catalog's copy, as for the node id
        ref.node = node.id;
        return ref;
    }

    QList<PipelineEdge> edges(const Path &path, const Nodes &nodes)
    {
        QList<PipelineEdge> edges;
        QSet<PipelineEdge> seen;
        enter(path, Type::Array);
        for (qsizetype i = 0; m_cursor.nextElement(); ++i) {
            const Path edgePath = path.element(i);
            const qsizetype at = m_cursor.offset();
            enter(edgePath, Type::Object);
            std::optional<PortRef> from, to;
            QString condition;
            QByteArrayView name;
            while (m_cursor.nextMember(&name)) {
                if (name == "from")
                    from = portRef(edgePath.member("from"_L1), true, nodes);
                else if (name == "to")
                    to = portRef(edgePath.member("to"_L1), false, nodes);
                else if (name == "condition")
                    condition = string(edgePath.member("condition"_L1));
                else
                    m_cursor.skip();
            }
            if (!from)
                failMissing(edgePath.member("from"_L1), PipelineFileText::tr("an object"), at);
            if (!to)
                failMissing(edgePath.member("to"_L1), PipelineFileText::tr("an object"), at);
            const PipelineEdge edge{*from, *to, condition};
            if (from->port.isEmpty() != to->port.isEmpty())
                fail(edgePath,
                     PipelineFileText::tr(
                         "an edge names a port at both ends, or (an ordering edge) at neither"),
                     at);
            if (seen.contains(edge))
                fail(edgePath, PipelineFileText::tr("the same edge again"), at);
            seen.insert(edge);
            edges.append(edge);
        }
        return edges;
    }

    PipelineAnnotation annotation(const Path &path)
    {
        const qsizetype at = m_cursor.offset();
        enter(path, Type::Object);
        PipelineAnnotation annotation;
        bool hasId = false;
        double x = 0, y = 0, width = 200, height = 100;
        QByteArrayView name;
        while (m_cursor.nextMember(&name)) {
            if (name == "id") {
                annotation.id = string(path.member("id"_L1));
                hasId = true;
            } else if (name == "kind") {
                const qsizetype kindAt = m_cursor.offset();
                const QString kind = string(path.member("kind"_L1));
                if (kind == u"group"_s)
                    annotation.kind = PipelineAnnotation::Kind::Group;
                else if (kind == u"text"_s)
                    annotation.kind = PipelineAnnotation::Kind::Text;
                else
                    fail(path.member("kind"_L1),
                         PipelineFileText::tr("expected \"text\" or \"group\", found '%1'")
                             .arg(kind),
                         kindAt);
            } else if (name == "x") {
                x = number(path.member("x"_L1));
            } else if (name == "y") {
                y = number(path.member("y"_L1));
            } else if (name == "width") {
                width = number(path.member("width"_L1));
            } else if (name == "height") {
                height = number(path.member("height"_L1));
            } else if (name == "text") {
                annotation.text = string(path.member("text"_L1));
            } else {
                m_cursor.skip();
            }
        }
        checkId(annotation.id, path, at, hasId);
        if (width < 0 || height < 0)
            fail(path, PipelineFileText::tr("width and height cannot be negative"), at);
        annotation.rect = QRectF(x, y, width, height);
        return annotation;
    }

    QList<PipelineAnnotation> annotations(const Path &path)
    {
        QList<PipelineAnnotation> annotations;
        QSet<QString> ids;
        enter(path, Type::Array);
        for (qsizetype i = 0; m_cursor.nextElement(); ++i) {
            const Path itemPath = path.element(i);
            const qsizetype at = m_cursor.offset();
            PipelineAnnotation annotation = this->annotation(itemPath);
            if (ids.contains(annotation.id))
                fail(itemPath.member("id"_L1),
                     PipelineFileText::tr("duplicate annotation id '%1'").arg(annotation.id),
                     at);
            ids.insert(annotation.id);
            annotations.append(std::move(annotation));
        }
        return annotations;
    }

private:
    QByteArrayView m_json;
    const NodeCatalog &m_catalog;
    JsonCursor m_cursor;
};

// Where the root object's member `key` starts (its last occurrence, as in QJsonObject), or -1.
qsizetype rootMember(const QList<JsonSyntax::RootMember> &members, QByteArrayView key)
{
    for (qsizetype i = members.size() - 1; i >= 0; --i) {
        if (members.at(i).rawKey == key)
            return members.at(i).valueOffset;
    }
    return -1;
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        *error = PipelineFileText::tr("no such file");
    else if (info.isDir())
        *error = PipelineFileText::tr("is a directory, expected a pipeline file (.%1)").arg(Suffix);
    else if (!info.isFile()) // a pipe or a device: reading could block or never end
        *error = PipelineFileText::tr("not a regular file, expected a pipeline file (.%1)")
                     .arg(Suffix);
    else if (info.size() > MaxFileBytes)
        *error = PipelineFileText::tr("too large (over %1 MB) for a pipeline file")
                     .arg(MaxFileBytes / 1000000);
    if (!error->isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = PipelineFileText::tr("cannot read: %1").arg(file.errorString());
        return false;
    }
    // One byte past the limit catches a file that grew since it was measured.
    *data = file.read(MaxFileBytes + 1);
    if (data->size() > MaxFileBytes)
        *error = PipelineFileText::tr("too large (over %1 MB) for a pipeline file")
                     .arg(MaxFileBytes / 1000000);
    return error->isEmpty();
}

} // namespace

ReadResult read(const QByteArray &json, const NodeCatalog &catalog)
{
    ReadResult result;
    // Also for data that never was a file (the clipboard), before any parsing.
    if (json.size() > MaxFileBytes) {
        result.errorMessage = PipelineFileText::tr("too large (over %1 MB) for a pipeline file")
                                  .arg(MaxFileBytes / 1000000);
        return result;
    }
    const JsonSyntax::Result syntax = JsonSyntax::check(json);
    if (!syntax.ok || !syntax.rootIsObject) {
        result.errorLine = JsonSyntax::lineAt(json, syntax.errorOffset);
        result.errorMessage
            = syntax.ok ? PipelineFileText::tr("not a pipeline file: expected a JSON object")
                        : PipelineFileText::tr("invalid JSON: %1").arg(syntax.errorMessage);
        return result;
    }
    Reader reader(json, catalog);
    const Path root;
    try {
        // "format" and "version" first, wherever they are, so another kind of file is named
        // as such rather than by its first odd member; QJsonObject holds them for the
        // shared check.
        QJsonObject head;
        for (const QByteArrayView key : {QByteArrayView("format"), QByteArrayView("version")}) {
            const qsizetype at = rootMember(syntax.rootMembers, key);
            if (at >= 0) {
                reader.seek(at);
                head.insert(QString::fromLatin1(key), reader.cursor().scalar());
            }
        }
        JsonReading::checkFormat(
            head, FormatName.toString(), FormatVersion, PipelineFileText::tr("a pipeline file"));

        const qsizetype nodesAt = rootMember(syntax.rootMembers, "nodes");
        if (nodesAt < 0)
            Reader::failMissing(root.member("nodes"_L1), PipelineFileText::tr("an array"), 0);
        reader.seek(nodesAt);
        Nodes nodes = reader.nodes(root.member("nodes"_L1));
        if (const qsizetype at = rootMember(syntax.rootMembers, "edges"); at >= 0) {
            reader.seek(at);
            result.edges = reader.edges(root.member("edges"_L1), nodes);
        }
        if (const qsizetype at = rootMember(syntax.rootMembers, "annotations"); at >= 0) {
            reader.seek(at);
            result.annotations = reader.annotations(root.member("annotations"_L1));
        }
        if (const qsizetype at = rootMember(syntax.rootMembers, "source"); at >= 0) {
            reader.seek(at);
            result.source = reader.pipelineSource(root.member("source"_L1));
        }
        result.nodes = std::move(nodes.list);
    } catch (const JsonReading::Error &error) {
        result.errorMessage = error.message;
        return result;
    } catch (const Failure &failure) {
        result.errorMessage = failure.message;
        result.errorLine = failure.offset > 0 ? JsonSyntax::lineAt(json, failure.offset) : 0;
        return result;
    }
    result.ok = true;
    return result;
}

ReadResult load(const QString &path, const NodeCatalog &catalog)
{
    QByteArray data;
    QString error;
    ReadResult result;
    if (!readFile(path, &data, &error)) {
        result.errorMessage = u"%1: %2"_s.arg(path, error);
        return result;
    }
    result = read(data, catalog);
    if (!result.ok) {
        result.errorMessage
            = result.errorLine > 0
                  ? u"%1:%2: %3"_s.arg(path).arg(result.errorLine).arg(result.errorMessage)
                  : u"%1: %2"_s.arg(path, result.errorMessage);
    }
    return result;
}

} // namespace PipelineFile
