#include "pipeline/findingspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int NodeIdRole = Qt::UserRole + 1;
constexpr int TopicIdRole = Qt::UserRole + 2;

} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Stage"), tr("Finding")});
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit findingActivated(item->data(0, NodeIdRole).toString());
    });
    connect(m_list, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_list->itemAt(pos);
        if (!item)
            return;
        QMenu menu(this);
        menu.addAction(tr("Select the Stage"), this, [this, item] {
            emit findingActivated(item->data(0, NodeIdRole).toString());
        });
        const QString topicId = item->data(0, TopicIdRole).toString();
        if (!topicId.isEmpty())
            menu.addAction(tr("Open Topic “%1” in the Roadmap").arg(topicId),
                           this,
                           [this, topicId] { emit topicRequested(topicId); });
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    setFindings({}, {});
}

void FindingsPanel::setFindings(const QList<PipelineFinding> &findings,
                                const QHash<QString, QString> &nodeNames)
{
    m_list->clear();
    m_errors = 0;
    m_warnings = 0;
    m_stages = int(nodeNames.size());
    for (const PipelineFinding &finding : findings) {
        const bool error = finding.severity == PipelineFinding::Severity::Error;
        (error ? m_errors : m_warnings)++;
        // A symbol as well as the word: severity must not depend on colour alone.
        // A finding about no stage is about the pipeline (or the file it was imported from).
        const QString about = finding.nodeId.isEmpty()
                                  ? tr("Pipeline")
                                  : nodeNames.value(finding.nodeId, finding.nodeId);
        const QString stage = u"%1 %2"_s.arg(error ? u"✖"_s : u"⚠"_s, about);
        // The topic to read comes with the finding: the checks are there to teach.
        const QString text = finding.topicId.isEmpty()
                                 ? finding.message
                                 : tr("%1\nLearn more: %2").arg(finding.message, finding.topicId);
        auto *item = new QTreeWidgetItem(m_list, {stage, text});
        item->setData(0, NodeIdRole, finding.nodeId);
        item->setData(0, TopicIdRole, finding.topicId);
        item->setToolTip(1, finding.message);
        item->setToolTip(0,
                         error ? tr("Error: the pipeline cannot run like this")
                               : tr("Warning: a practice worth knowing"));
    }
    m_summary->setText(summaryText());
}

QString FindingsPanel::summaryText() const
{
    if (m_stages == 0 && m_errors == 0 && m_warnings == 0)
        return tr("No stages yet: the checks run as you add them.");
    if (m_errors == 0 && m_warnings == 0)
        return tr("✔ No findings: the pipeline follows every check.");
    return tr("%n error(s)", nullptr, m_errors) + u", "_s
           + tr("%n warning(s)", nullptr, m_warnings);
}
