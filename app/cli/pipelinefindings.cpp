#include "cli/pipelinefindings.h"

#include <QDir>

using namespace Qt::StringLiterals;

PipelineFindingText::PipelineFindingText(const QString &path, const QList<PipelineNode> &nodes)
    : m_path(QDir::toNativeSeparators(path))
{
    for (const PipelineNode &node : nodes)
        m_nodes.insert(node.id, &node);
}

QString PipelineFindingText::line(const PipelineFinding &finding) const
{
    const PipelineNode *node = m_nodes.value(finding.nodeId);
    const int sourceLine = node ? node->source.line : 0;
    const QString place = sourceLine > 0 ? u"%1:%2"_s.arg(m_path).arg(sourceLine) : m_path;
    return place + u": "_s + describeFinding(finding, node ? node->name : QString());
}

QJsonObject PipelineFindingText::json(const PipelineFinding &finding) const
{
    QJsonObject object{
        {u"severity"_s,
         finding.severity == PipelineFinding::Severity::Error ? u"error"_s : u"warning"_s},
        {u"code"_s, finding.code},
        {u"message"_s, finding.message},
        {u"topic"_s, finding.topicId},
    };
    if (const PipelineNode *node = m_nodes.value(finding.nodeId)) {
        object.insert(u"node"_s, node->name);
        if (node->source.line > 0)
            object.insert(u"sourceLine"_s, node->source.line);
    }
    return object;
}
