#include "pipeline/pipelinemermaid.h"

#include "pipeline/nodecatalog.h"
#include "pipeline/pipelinegraph.h"

#include <QHash>
#include <QRectF>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace PipelineMermaid {

namespace {

// A stage's place on the canvas is enough to tell which group frame holds it.
constexpr double NodeProbe = 10;

QString edgeLabel(const PipelineGraph &graph, const PipelineEdge &edge)
{
    const PipelineNode *from = graph.node(edge.from.node);
    const NodeKind *kind = from ? graph.catalog()->kind(from->kind) : nullptr;
    const PortSpec *port = kind ? kind->output(edge.from.port) : nullptr;
    return port ? ArtifactTypes::toString(port->type) : edge.from.port;
}

QString nodeLine(const PipelineGraph &graph, const PipelineNode &node, const QString &id)
{
    const NodeKind *kind = graph.catalog()->kind(node.kind);
    QString label = escapeLabel(node.name);
    if (kind)
        label += u"<br/><small>"_s + escapeLabel(kind->name) + u"</small>"_s;
    return u"%1[\"%2\"]"_s.arg(id, label);
}

} // namespace

QString escapeLabel(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            escaped += u"#quot;"_s;
            break;
        case u'<':
            escaped += u"#lt;"_s;
            break;
        case u'>':
            escaped += u"#gt;"_s;
            break;
        case u'#':
            escaped += u"#35;"_s;
            break;
        case u'[':
            escaped += u"#91;"_s;
            break;
        case u']':
            escaped += u"#93;"_s;
            break;
        case u'\n':
        case u'\r':
        case u'\t':
            escaped += u' ';
            break;
        default:
            escaped += c;
        }
    }
    return escaped.simplified();
}

QString write(const PipelineGraph &graph)
{
    QHash<QString, QString> ids; // node id -> m1, m2 … (never user text)
    for (const PipelineNode &node : graph.nodes())
        ids.insert(node.id, u"m%1"_s.arg(ids.size() + 1));

    QString text = u"flowchart LR\n"_s;
    QHash<QString, bool> placed;
    int groupNumber = 0;
    for (const PipelineAnnotation &group : graph.annotations()) {
        if (group.kind != PipelineAnnotation::Kind::Group)
            continue;
        QString members;
        for (const PipelineNode &node : graph.nodes()) {
            const QRectF probe(node.pos, QSizeF(NodeProbe, NodeProbe));
            if (!placed.value(node.id) && group.rect.contains(probe)) {
                members += u"    "_s + nodeLine(graph, node, ids.value(node.id)) + u'\n';
                placed.insert(node.id, true);
            }
        }
        if (members.isEmpty())
            continue;
        text += u"  subgraph g%1[\"%2\"]\n"_s.arg(++groupNumber).arg(escapeLabel(group.text));
        text += members;
        text += u"  end\n"_s;
    }
    for (const PipelineNode &node : graph.nodes()) {
        if (!placed.value(node.id))
            text += u"  "_s + nodeLine(graph, node, ids.value(node.id)) + u'\n';
    }
    // The graph keeps edges in no particular order; the text must be the same every time.
    QHash<QString, qsizetype> order;
    for (qsizetype i = 0; i < graph.nodes().size(); ++i)
        order.insert(graph.nodes().at(i).id, i);
    QList<PipelineEdge> edges = graph.edges();
    std::sort(edges.begin(), edges.end(), [&order](const PipelineEdge &a, const PipelineEdge &b) {
        return std::tuple(order.value(a.from.node), a.from.port, order.value(a.to.node), a.to.port)
               < std::tuple(
                   order.value(b.from.node), b.from.port, order.value(b.to.node), b.to.port);
    });
    for (const PipelineEdge &edge : std::as_const(edges)) {
        const QString from = ids.value(edge.from.node), to = ids.value(edge.to.node);
        if (!edge.isOrdering()) // a data edge, labelled with what it carries
            text += u"  %1 -- \"%2\" --> %3\n"_s.arg(from, escapeLabel(edgeLabel(graph, edge)), to);
        else if (edge.condition.isEmpty()) // "runs after", dotted as on the canvas
            text += u"  %1 -.-> %2\n"_s.arg(from, to);
        else
            text += u"  %1 -. \"%2\" .-> %3\n"_s.arg(from, escapeLabel(edge.condition), to);
    }
    return text;
}

} // namespace PipelineMermaid
