#include "pipelinefile.h"

#include "closestmatches.h"
#include "jsonreading.h"
#include "nodecatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace PipelineFile {

namespace {

using namespace JsonReading;

QString requiredId(const QJsonObject &object, const QString &path)
{
    const QString id = string(object, path, u"id"_s, true);
    if (id.isEmpty())
        failAt(member(path, u"id"_s), u"an id cannot be empty"_s);
    return id;
}

const NodeKind &readKind(const QJsonObject &object, const QString &path, const NodeCatalog &catalog)
{
    const QString id = string(object, path, u"kind"_s, true);
    if (const NodeKind *kind = catalog.kind(id))
        return *kind;
    const QStringList matches = closestMatches(id, catalog.kindIds(), 1);
    failAt(member(path, u"kind"_s),
           matches.isEmpty() ? u"unknown kind '%1' (expected one of: %2)"_s.arg(
               id, catalog.kindIds().join(u", "_s))
                             : u"unknown kind '%1'; did you mean '%2'?"_s.arg(id, matches.first()));
}

QList<std::pair<QString, QString>> readParameters(const QJsonObject &object, const QString &path)
{
    const QJsonArray array = JsonReading::array(object, path, u"parameters"_s, false);
    QList<std::pair<QString, QString>> parameters;
    QSet<QString> keys;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = element(member(path, u"parameters"_s), i);
        const QJsonObject item = JsonReading::object(array.at(i), itemPath);
        const QString key = string(item, itemPath, u"key"_s, true);
        if (key.isEmpty() || keys.contains(key))
            failAt(member(itemPath, u"key"_s),
                   key.isEmpty() ? u"a parameter needs a key"_s
                                 : u"duplicate parameter '%1'"_s.arg(key));
        keys.insert(key);
        parameters.append({key, string(item, itemPath, u"value"_s, true)});
    }
    return parameters;
}

void readProperties(const QJsonObject &object, const QString &path, PipelineNode &node)
{
    if (!object.contains(u"properties"_s))
        return;
    const QString propertiesPath = member(path, u"properties"_s);
    const QJsonObject properties
        = JsonReading::object(object.value(u"properties"_s), propertiesPath);
    node.tool = string(properties, propertiesPath, u"tool"_s, false);
    node.image = string(properties, propertiesPath, u"image"_s, false);
    node.command = stringList(properties, propertiesPath, u"command"_s);
    node.parameters = readParameters(properties, propertiesPath);
    node.notes = string(properties, propertiesPath, u"notes"_s, false);
}

PipelineNode readNode(const QJsonObject &object, const QString &path, const NodeCatalog &catalog)
{
    PipelineNode node;
    node.id = requiredId(object, path);
    node.kind = readKind(object, path, catalog).id;
    node.name = string(object, path, u"name"_s, true);
    node.pos = QPointF(number(object, path, u"x"_s, false), number(object, path, u"y"_s, false));
    readProperties(object, path, node);
    return node;
}

// Reading keeps an id -> node index so edges are checked without a scan per edge.
struct Nodes
{
    QList<PipelineNode> list;
    QHash<QString, qsizetype> index;
};

Nodes readNodes(const QJsonObject &root, const NodeCatalog &catalog)
{
    const QJsonArray array = JsonReading::array(root, {}, u"nodes"_s, true);
    Nodes nodes;
    nodes.list.reserve(array.size());
    nodes.index.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = element(u"nodes"_s, i);
        PipelineNode node = readNode(object(array.at(i), path), path, catalog);
        if (nodes.index.contains(node.id))
            failAt(member(path, u"id"_s), u"duplicate node id '%1'"_s.arg(node.id));
        nodes.index.insert(node.id, nodes.list.size());
        nodes.list.append(std::move(node));
    }
    return nodes;
}

PortRef readPortRef(const QJsonObject &edge,
                    const QString &edgePath,
                    bool isOutput,
                    const Nodes &nodes,
                    const NodeCatalog &catalog)
{
    const QString key = isOutput ? u"from"_s : u"to"_s;
    const QString path = member(edgePath, key);
    const QJsonObject object = JsonReading::object(edge.value(key), path);
    const PortRef ref{string(object, path, u"node"_s, true), string(object, path, u"port"_s, true)};
    const qsizetype index = nodes.index.value(ref.node, -1);
    if (index < 0)
        failAt(member(path, u"node"_s), u"no node has the id '%1'"_s.arg(ref.node));
    const PipelineNode &node = nodes.list.at(index);
    const NodeKind *kind = catalog.kind(node.kind);
    if (!(isOutput ? kind->output(ref.port) : kind->input(ref.port))) {
        failAt(member(path, u"port"_s),
               u"'%1' (%2) has no %3 '%4'"_s.arg(
                   node.name, node.kind, isOutput ? u"output"_s : u"input"_s, ref.port));
    }
    return ref;
}

QList<PipelineEdge>
readEdges(const QJsonObject &root, const Nodes &nodes, const NodeCatalog &catalog)
{
    const QJsonArray array = JsonReading::array(root, {}, u"edges"_s, false);
    QList<PipelineEdge> edges;
    edges.reserve(array.size());
    QSet<QString> seen;
    seen.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = element(u"edges"_s, i);
        const QJsonObject object = JsonReading::object(array.at(i), path);
        const PipelineEdge edge{readPortRef(object, path, true, nodes, catalog),
                                readPortRef(object, path, false, nodes, catalog)};
        const QChar separator(0x1f); // cannot be typed into an id or port name
        const QString key = edge.from.node + separator + edge.from.port + separator + edge.to.node
                            + separator + edge.to.port;
        if (seen.contains(key))
            failAt(path, u"the same edge again"_s);
        seen.insert(key);
        edges.append(edge);
    }
    return edges;
}

PipelineAnnotation readAnnotation(const QJsonObject &object, const QString &path)
{
    PipelineAnnotation annotation;
    annotation.id = requiredId(object, path);
    const QString kind = string(object, path, u"kind"_s, false);
    if (kind == u"group"_s)
        annotation.kind = PipelineAnnotation::Kind::Group;
    else if (!kind.isEmpty() && kind != u"text"_s)
        failAt(member(path, u"kind"_s), u"expected \"text\" or \"group\", found '%1'"_s.arg(kind));
    const double width = number(object, path, u"width"_s, false, 200);
    const double height = number(object, path, u"height"_s, false, 100);
    if (width < 0 || height < 0)
        failAt(path, u"width and height cannot be negative"_s);
    annotation.rect = QRectF(
        number(object, path, u"x"_s, false), number(object, path, u"y"_s, false), width, height);
    annotation.text = string(object, path, u"text"_s, false);
    return annotation;
}

QList<PipelineAnnotation> readAnnotations(const QJsonObject &root)
{
    const QJsonArray array = JsonReading::array(root, {}, u"annotations"_s, false);
    QList<PipelineAnnotation> annotations;
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = element(u"annotations"_s, i);
        PipelineAnnotation annotation = readAnnotation(object(array.at(i), path), path);
        if (ids.contains(annotation.id))
            failAt(member(path, u"id"_s), u"duplicate annotation id '%1'"_s.arg(annotation.id));
        ids.insert(annotation.id);
        annotations.append(std::move(annotation));
    }
    return annotations;
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        *error = u"no such file"_s;
    else if (info.isDir())
        *error = u"is a directory, expected a pipeline file (.%1)"_s.arg(Suffix);
    else if (info.size() > MaxFileBytes)
        *error = u"too large (over %1 MiB) for a pipeline file"_s.arg(MaxFileBytes >> 20);
    if (!error->isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read: %1"_s.arg(file.errorString());
        return false;
    }
    // One byte past the limit catches a file that grew since it was measured.
    *data = file.read(MaxFileBytes + 1);
    if (data->size() > MaxFileBytes)
        *error = u"too large (over %1 MiB) for a pipeline file"_s.arg(MaxFileBytes >> 20);
    return error->isEmpty();
}

} // namespace

ReadResult read(const QByteArray &json, const NodeCatalog &catalog)
{
    ReadResult result;
    const Parsed parsed = parseObject(json, u"a pipeline file"_s);
    if (!parsed.ok) {
        result.errorLine = parsed.errorLine;
        result.errorMessage = parsed.errorMessage;
        return result;
    }
    try {
        checkFormat(parsed.root, FormatName.toString(), FormatVersion, u"a pipeline file"_s);
        Nodes nodes = readNodes(parsed.root, catalog);
        result.edges = readEdges(parsed.root, nodes, catalog);
        result.annotations = readAnnotations(parsed.root);
        result.nodes = std::move(nodes.list);
    } catch (const JsonReading::Error &error) {
        result.errorMessage = error.message;
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
