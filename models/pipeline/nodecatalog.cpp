#include "pipeline/nodecatalog.h"

#include "curriculum/curriculum.h"
#include "support/jsonreading.h"

#include <QFile>
#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace ArtifactTypes {

namespace {

struct Entry
{
    ArtifactType type;
    QStringView name;
};

constexpr std::array<Entry, 7> Entries{{{ArtifactType::Dataset, u"Dataset"},
                                        {ArtifactType::Features, u"Features"},
                                        {ArtifactType::Model, u"Model"},
                                        {ArtifactType::Metrics, u"Metrics"},
                                        {ArtifactType::Image, u"Image"},
                                        {ArtifactType::Endpoint, u"Endpoint"},
                                        {ArtifactType::Signal, u"Signal"}}};

} // namespace

QString toString(ArtifactType type)
{
    for (const Entry &entry : Entries)
        if (entry.type == type)
            return entry.name.toString();
    return {};
}

std::optional<ArtifactType> fromString(const QString &name)
{
    for (const Entry &entry : Entries)
        if (entry.name == name)
            return entry.type;
    return std::nullopt;
}

QStringList names()
{
    QStringList list;
    for (const Entry &entry : Entries)
        list << entry.name.toString();
    return list;
}

} // namespace ArtifactTypes

namespace {

using namespace JsonReading;

const PortSpec *findPort(const QList<PortSpec> &ports, const QString &portName)
{
    for (const PortSpec &port : ports)
        if (port.name == portName)
            return &port;
    return nullptr;
}

PortSpec readPort(const QJsonObject &object, const QString &path, bool isInput)
{
    PortSpec port;
    port.name = string(object, path, u"name"_s, true);
    if (port.name.isEmpty())
        failAt(member(path, u"name"_s), u"a port needs a name"_s);
    const QString type = string(object, path, u"type"_s, true);
    const std::optional<ArtifactType> artifact = ArtifactTypes::fromString(type);
    if (!artifact) {
        failAt(member(path, u"type"_s),
               u"unknown artifact type '%1' (expected one of: %2)"_s.arg(
                   type, ArtifactTypes::names().join(u", "_s)));
    }
    port.type = *artifact;
    // Outputs are never "required": only an input can be left waiting for data.
    port.required = isInput && boolean(object, path, u"required"_s, true);
    port.description = string(object, path, u"description"_s, false);
    return port;
}

QList<PortSpec> readPorts(const QJsonObject &object, const QString &path, const QString &key)
{
    const bool isInput = key == u"inputs"_s;
    const QJsonArray array = JsonReading::array(object, path, key, false);
    QList<PortSpec> ports;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString portPath = element(member(path, key), i);
        const PortSpec port
            = readPort(JsonReading::object(array.at(i), portPath), portPath, isInput);
        if (findPort(ports, port.name)) {
            failAt(member(portPath, u"name"_s),
                   u"duplicate %1 '%2'"_s.arg(isInput ? u"input"_s : u"output"_s, port.name));
        }
        ports << port;
    }
    return ports;
}

NodeKind readKind(const QJsonObject &object, const QString &path)
{
    NodeKind kind;
    kind.id = string(object, path, u"id"_s, true);
    if (!CurriculumIds::isValidId(kind.id))
        failAt(member(path, u"id"_s),
               u"'%1' is not an id (lowercase a-z, 0-9, '-')"_s.arg(kind.id));
    kind.name = string(object, path, u"name"_s, true);
    kind.description = string(object, path, u"description"_s, false);
    kind.category = string(object, path, u"category"_s, false);
    kind.inputs = readPorts(object, path, u"inputs"_s);
    kind.outputs = readPorts(object, path, u"outputs"_s);
    kind.tools = stringList(object, path, u"tools"_s);
    kind.image = string(object, path, u"image"_s, false);
    kind.command = stringList(object, path, u"command"_s);
    kind.topics = stringList(object, path, u"topics"_s);
    kind.requiresOneOf = stringList(object, path, u"requiresOneOf"_s);
    kind.feedback = boolean(object, path, u"feedback"_s, false);
    for (qsizetype i = 0; i < kind.requiresOneOf.size(); ++i) {
        if (!kind.input(kind.requiresOneOf.at(i)))
            failAt(element(member(path, u"requiresOneOf"_s), i),
                   u"'%1' is not an input of this kind"_s.arg(kind.requiresOneOf.at(i)));
    }
    return kind;
}

NodeCatalog loadBuiltIn()
{
    QFile file(u":/curriculum/pipeline-catalog.json"_s);
    QString error = u"cannot open the resource"_s;
    std::optional<NodeCatalog> catalog;
    if (file.open(QIODevice::ReadOnly))
        catalog = NodeCatalog::fromJson(file.readAll(), &error);
    // The built-in catalog is compiled in and tested: failing here is a broken build.
    if (!catalog)
        qFatal("built-in pipeline-catalog.json: %s", qPrintable(error));
    return *catalog;
}

} // namespace

const PortSpec *NodeKind::input(const QString &portName) const
{
    return findPort(inputs, portName);
}

const PortSpec *NodeKind::output(const QString &portName) const
{
    return findPort(outputs, portName);
}

const NodeCatalog &NodeCatalog::builtIn()
{
    static const NodeCatalog catalog = loadBuiltIn();
    return catalog;
}

std::optional<NodeCatalog> NodeCatalog::fromJson(const QByteArray &json, QString *error)
{
    const Parsed parsed = parseObject(json, u"a node catalog"_s);
    if (!parsed.ok) {
        if (error)
            *error = parsed.errorLine > 0
                         ? u"line %1: %2"_s.arg(parsed.errorLine).arg(parsed.errorMessage)
                         : parsed.errorMessage;
        return std::nullopt;
    }
    try {
        checkFormat(parsed.root, FormatName.toString(), FormatVersion, u"a node catalog"_s);
        const QJsonArray kinds = array(parsed.root, {}, u"kinds"_s, true);
        if (kinds.isEmpty())
            failAt(u"kinds"_s, u"a catalog needs at least one kind"_s);
        NodeCatalog catalog;
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            const QString path = element(u"kinds"_s, i);
            NodeKind kind = readKind(object(kinds.at(i), path), path);
            if (catalog.m_index.contains(kind.id))
                failAt(member(path, u"id"_s), u"duplicate kind id '%1'"_s.arg(kind.id));
            catalog.m_index.insert(kind.id, catalog.m_kinds.size());
            catalog.m_kinds << std::move(kind);
        }
        return catalog;
    } catch (const JsonReading::Error &failure) {
        if (error)
            *error = failure.message;
        return std::nullopt;
    }
}

const NodeKind *NodeCatalog::kind(const QString &kindId) const
{
    const auto it = m_index.constFind(kindId);
    return it == m_index.cend() ? nullptr : &m_kinds.at(*it);
}

QStringList NodeCatalog::kindIds() const
{
    QStringList ids;
    for (const NodeKind &kind : m_kinds)
        ids << kind.id;
    return ids;
}
