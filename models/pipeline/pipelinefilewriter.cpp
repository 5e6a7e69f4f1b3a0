#include "pipeline/pipelinefile.h"

#include "support/atomicfile.h"
#include "support/jsonwriter.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace PipelineFile {

namespace {

// The context of the file's texts, as in pipelinefile.cpp.
struct PipelineFileWriterText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineFileText)
};

using Layout = JsonWriter::Layout;

void writeKeyValues(JsonWriter &json, const KeyValueList &list)
{
    json.beginArray(list.isEmpty() ? Layout::Inline : Layout::Block);
    for (const auto &[key, value] : list) {
        json.beginObject(Layout::Inline);
        json.key(u"key"_s);
        json.value(key);
        json.key(u"value"_s);
        json.value(value);
        json.endObject();
    }
    json.endArray();
}

void writeProperties(JsonWriter &json, const PipelineNode &node)
{
    json.beginObject();
    json.key(u"tool"_s);
    json.value(node.tool);
    json.key(u"image"_s);
    json.value(node.image);
    json.key(u"command"_s);
    json.stringArray(node.command);
    json.key(u"parameters"_s);
    writeKeyValues(json, node.parameters);
    json.key(u"notes"_s);
    json.value(node.notes);
    json.endObject();
}

void writeNode(JsonWriter &json, const PipelineNode &node)
{
    json.beginObject();
    json.key(u"id"_s);
    json.value(node.id);
    json.key(u"kind"_s);
    json.value(node.kind);
    json.key(u"name"_s);
    json.value(node.name);
    json.key(u"x"_s);
    json.value(node.pos.x());
    json.key(u"y"_s);
    json.value(node.pos.y());
    json.key(u"properties"_s);
    writeProperties(json, node);
    // Only imported nodes have these: a drawn pipeline's file stays as it was.
    if (!node.source.isEmpty()) {
        json.key(u"source"_s);
        json.beginObject(Layout::Inline);
        json.key(u"format"_s);
        json.value(node.source.format);
        json.key(u"id"_s);
        json.value(node.source.id);
        json.key(u"line"_s);
        json.value(double(node.source.line));
        json.endObject();
    }
    if (!node.details.isEmpty()) {
        json.key(u"details"_s);
        writeKeyValues(json, node.details);
    }
    if (!node.badges.isEmpty()) {
        json.key(u"badges"_s);
        json.stringArray(node.badges);
    }
    json.endObject();
}

void writePort(JsonWriter &json, const QString &key, const PortRef &ref)
{
    json.key(key);
    json.beginObject(Layout::Inline);
    json.key(u"node"_s);
    json.value(ref.node);
    if (!ref.port.isEmpty()) { // an ordering edge's ends name no port
        json.key(u"port"_s);
        json.value(ref.port);
    }
    json.endObject();
}

void writeEdge(JsonWriter &json, const PipelineEdge &edge)
{
    json.beginObject(Layout::Inline);
    writePort(json, u"from"_s, edge.from);
    writePort(json, u"to"_s, edge.to);
    if (!edge.condition.isEmpty()) {
        json.key(u"condition"_s);
        json.value(edge.condition);
    }
    json.endObject();
}

void writeAnnotation(JsonWriter &json, const PipelineAnnotation &annotation)
{
    json.beginObject();
    json.key(u"id"_s);
    json.value(annotation.id);
    json.key(u"kind"_s);
    json.value(annotation.kind == PipelineAnnotation::Kind::Group ? u"group"_s : u"text"_s);
    const std::pair<QString, double> geometry[] = {{u"x"_s, annotation.rect.x()},
                                                   {u"y"_s, annotation.rect.y()},
                                                   {u"width"_s, annotation.rect.width()},
                                                   {u"height"_s, annotation.rect.height()}};
    for (const auto &[key, number] : geometry) {
        json.key(key);
        json.value(number);
    }
    json.key(u"text"_s);
    json.value(annotation.text);
    json.endObject();
}

} // namespace

QByteArray write(const QList<PipelineNode> &nodes,
                 const QList<PipelineEdge> &edges,
                 const QList<PipelineAnnotation> &annotations,
                 const PipelineSource &source)
{
    JsonWriter json;
    json.beginObject();
    json.key(u"format"_s);
    json.value(FormatName.toString());
    json.key(u"version"_s);
    json.value(double(FormatVersion));
    json.key(u"nodes"_s);
    json.beginArray();
    for (const PipelineNode &node : nodes)
        writeNode(json, node);
    json.endArray();
    json.key(u"edges"_s);
    json.beginArray();
    for (const PipelineEdge &edge : edges)
        writeEdge(json, edge);
    json.endArray();
    json.key(u"annotations"_s);
    json.beginArray();
    for (const PipelineAnnotation &annotation : annotations)
        writeAnnotation(json, annotation);
    json.endArray();
    if (!source.isEmpty()) {
        json.key(u"source"_s);
        json.beginObject();
        json.key(u"format"_s);
        json.value(source.format);
        json.key(u"path"_s);
        json.value(source.path);
        json.key(u"details"_s);
        writeKeyValues(json, source.details);
        json.endObject();
    }
    json.endObject();
    return json.toUtf8();
}

QByteArray write(const PipelineGraph &graph)
{
    return write(graph.nodes(), graph.edges(), graph.annotations(), graph.source());
}

bool save(const QString &path, const QByteArray &data, QString *error)
{
    const auto failed = [&](const QString &message) {
        if (error)
            *error = u"%1: %2"_s.arg(path, message);
        return false;
    };
    if (QFileInfo(path).isDir())
        return failed(PipelineFileWriterText::tr("is a directory, expected a file name"));
    QString writeError;
    const bool written = AtomicFile::writeBytes(path, data, &writeError);
    return written || failed(PipelineFileWriterText::tr("cannot write: %1").arg(writeError));
}

bool save(const QString &path, const PipelineGraph &graph, QString *error)
{
    return save(path, write(graph), error);
}

} // namespace PipelineFile
