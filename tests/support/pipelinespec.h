#pragma once

#include "pipeline/pipelinegraph.h"

#include <QStringList>

// A pipeline written in one line for test rows:
//   "ingest:I transform:T train:R@PyTorch | I.data>T.data T.features>R.data"
// Nodes are kind:id[:name][@tool] (the name defaults to the id), with a leading '+' for a node
// imported from a file (its source: format "github-actions", the id); edges are
// from.port>to.port, or from>to for an ordering edge (no ports).
struct PipelineSpec
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;

    static PipelineSpec parse(const QString &spec)
    {
        using namespace Qt::StringLiterals;
        PipelineSpec result;
        const QString nodePart = spec.section(u'|', 0, 0);
        const QString edgePart = spec.section(u'|', 1);
        for (const QString &token : nodePart.split(u' ', Qt::SkipEmptyParts)) {
            PipelineNode node;
            const bool imported = token.startsWith(u'+');
            const QString description = token.section(u'@', 0, 0).mid(imported ? 1 : 0);
            node.tool = token.section(u'@', 1);
            node.kind = description.section(u':', 0, 0);
            node.id = description.section(u':', 1, 1);
            node.name = description.count(u':') >= 2 ? description.section(u':', 2) : node.id;
            node.pos = QPointF(result.nodes.size() * 260, 0);
            if (imported)
                node.source = {u"github-actions"_s, node.id, int(result.nodes.size()) + 1};
            result.nodes << node;
        }
        for (const QString &token : edgePart.split(u' ', Qt::SkipEmptyParts)) {
            const QString from = token.section(u'>', 0, 0);
            const QString to = token.section(u'>', 1, 1);
            result.edges.append(PipelineEdge{{from.section(u'.', 0, 0), from.section(u'.', 1)},
                                             {to.section(u'.', 0, 0), to.section(u'.', 1)}});
        }
        return result;
    }
};
