#include "pipeline/pipelineclipboard.h"

#include "pipeline/pipelinefile.h"

#include <QCoreApplication>
#include <QHash>
#include <QMimeData>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PipelineClipboard {

namespace {

struct PipelineClipboardText
{
    Q_DECLARE_TR_FUNCTIONS(PipelineClipboardText)
};

// Ids "<prefix><k>" used neither by the graph nor by earlier picks.
class IdPicker
{
public:
    IdPicker(QString prefix, qsizetype start)
        : m_prefix(std::move(prefix))
        , m_next(start)
    {}
    template<typename Taken> QString next(Taken taken)
    {
        for (;; ++m_next) {
            QString id = m_prefix + QString::number(m_next);
            if (!taken(id)) {
                ++m_next;
                return id;
            }
        }
    }

private:
    QString m_prefix;
    qsizetype m_next;
};

// A pasted name is kept if free, else numbered on from its base: "Train" and "Train 2" pasted
// beside themselves become "Train 3" and "Train 4", "Model 7" becomes "Model 8"; a counter
// per base keeps this linear.
class NamePicker
{
public:
    explicit NamePicker(const PipelineGraph &graph)
        : m_graph(graph)
    {}
    QString pick(const QString &name)
    {
        QString unique = name;
        if (isTaken(name)) {
            static const QRegularExpression numbered(u"^(.*\\S) (\\d+)$"_s);
            const QRegularExpressionMatch match = numbered.match(name);
            const QString base = match.hasMatch() ? match.captured(1) : name;
            const int start = match.hasMatch() ? match.captured(2).toInt() + 1 : 2;
            int &k = m_next[base];
            for (k = std::max(k, start); isTaken(unique = u"%1 %2"_s.arg(base).arg(k)); ++k) {
            }
        }
        m_picked.insert(unique);
        return unique;
    }

private:
    bool isTaken(const QString &name) const
    {
        return m_picked.contains(name) || m_graph.uniqueNodeName(name) != name;
    }

    const PipelineGraph &m_graph;
    QSet<QString> m_picked;
    QHash<QString, int> m_next;
};

PastePlan failed(const QString &message)
{
    PastePlan plan;
    plan.errorMessage = message;
    return plan;
}

} // namespace

QByteArray
copy(const PipelineGraph &graph, const QStringList &nodeIds, const QStringList &annotationIds)
{
    const QList<PipelineNode> nodes = graph.nodesInOrder(nodeIds);
    const QList<PipelineAnnotation> annotations = graph.annotationsInOrder(annotationIds);
    QSet<QString> selected;
    for (const PipelineNode &node : nodes)
        selected.insert(node.id);
    QList<PipelineEdge> edges;
    for (const PipelineNode &node : nodes) {
        // Each internal edge once: from the side of its source node.
        const QList<PipelineEdge> touching = graph.edgesOf(node.id);
        for (const PipelineEdge &edge : touching) {
            if (edge.from.node == node.id && selected.contains(edge.to.node))
                edges << edge;
        }
    }
    return PipelineFile::write(nodes, edges, annotations);
}

QMimeData *
mimeData(const PipelineGraph &graph, const QStringList &nodeIds, const QStringList &annotationIds)
{
    const QByteArray fragment = copy(graph, nodeIds, annotationIds);
    auto *data = new QMimeData;
    data->setData(MimeType.toString(), fragment);
    data->setText(QString::fromUtf8(fragment));
    return data;
}

bool canPaste(const QMimeData *mimeData)
{
    return mimeData && (mimeData->hasFormat(MimeType.toString()) || mimeData->hasText());
}

PastePlan planPaste(const QByteArray &fragment, const PipelineGraph &graph, QPointF offset)
{
    if (!graph.catalog())
        return failed(PipelineClipboardText::tr("the pipeline has no node catalog"));
    const PipelineFile::ReadResult read = PipelineFile::read(fragment, *graph.catalog());
    if (!read.ok)
        return failed(read.errorMessage);
    if (read.nodes.isEmpty() && read.annotations.isEmpty())
        return failed(PipelineClipboardText::tr("there is nothing to paste"));

    PastePlan plan;
    plan.ok = true;
    QHash<QString, QString> newIds; // fragment node id -> pasted node id
    IdPicker nodeIds(u"n"_s, graph.nodes().size() + 1);
    NamePicker names(graph);
    for (PipelineNode node : read.nodes) {
        const QString id = nodeIds.next([&](const QString &id) { return graph.node(id); });
        newIds.insert(node.id, id);
        node.id = id;
        node.name = names.pick(node.name);
        node.pos += offset;
        plan.nodes << node;
    }
    for (PipelineEdge edge : read.edges) {
        edge.from.node = newIds.value(edge.from.node);
        edge.to.node = newIds.value(edge.to.node);
        plan.edges << edge;
    }
    IdPicker annotationIds(u"a"_s, graph.annotations().size() + 1);
    for (PipelineAnnotation annotation : read.annotations) {
        annotation.id = annotationIds.next([&](const QString &id) { return graph.annotation(id); });
        annotation.rect.translate(offset);
        plan.annotations << annotation;
    }
    return plan;
}

PastePlan planPaste(const QMimeData *mimeData, const PipelineGraph &graph, QPointF offset)
{
    if (mimeData && mimeData->hasFormat(MimeType.toString()))
        return planPaste(mimeData->data(MimeType.toString()), graph, offset);
    if (mimeData && mimeData->hasText())
        return planPaste(mimeData->text().toUtf8(), graph, offset);
    return failed(PipelineClipboardText::tr("the clipboard holds no pipeline"));
}

PastePlan planDuplicate(const PipelineGraph &graph,
                        const QStringList &nodeIds,
                        const QStringList &annotationIds)
{
    return planPaste(copy(graph, nodeIds, annotationIds), graph, DuplicateOffset);
}

} // namespace PipelineClipboard
