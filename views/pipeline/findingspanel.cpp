#include "pipeline/findingspanel.h"

#include "pipeline/findingdelegate.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
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
    , m_delegate(new FindingDelegate(m_list))
{
    m_list->setColumnCount(1);
    m_list->setHeaderHidden(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setRootIsDecorated(false);
    m_list->setIndentation(0);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->setAlternatingRowColors(true);
    m_list->setItemDelegate(m_delegate);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    m_summary->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit findingActivated(item->data(0, NodeIdRole).toString());
    });
    connect(m_list, &QTreeWidget::customContextMenuRequested, this, &FindingsPanel::showMenu);
    setFindings({}, {});
}

void FindingsPanel::showMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    QMenu menu(this);
    menu.addAction(tr("Select the Stage"), this, [this, item] {
        emit findingActivated(item->data(0, NodeIdRole).toString());
    });
    const QString topicId = item->data(0, TopicIdRole).toString();
    if (!topicId.isEmpty())
        menu.addAction(tr("Open Topic “%1” in the Roadmap")
                           .arg(item->data(0, FindingDelegate::TopicTitleRole).toString()),
                       this,
                       [this, item] { requestTopic(item); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void FindingsPanel::setFindings(const QList<PipelineFinding> &findings,
                                const QHash<QString, QString> &nodeNames,
                                const QHash<QString, QString> &topicTitles)
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
        const QString stage = (error ? tr("✖ Error: %1") : tr("⚠ Warning: %1")).arg(about);
        // The topic to read comes with the finding: the checks are there to teach.
        const QString topic = finding.topicId.isEmpty()
                                  ? QString()
                                  : topicTitles.value(finding.topicId, finding.topicId);
        auto *item = new QTreeWidgetItem(m_list);
        // The whole finding as plain text too, for screen readers, copying and searching.
        item->setText(0,
                      topic.isEmpty()
                          ? u"%1\n%2"_s.arg(stage, finding.message)
                          : tr("%1\n%2\nLearn more: %3").arg(stage, finding.message, topic));
        item->setData(0, FindingDelegate::StageRole, stage);
        item->setData(0, FindingDelegate::MessageRole, finding.message);
        item->setData(0, FindingDelegate::TopicTitleRole, topic);
        item->setData(0, NodeIdRole, finding.nodeId);
        item->setData(0, TopicIdRole, finding.topicId);
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

QRect FindingsPanel::topicLinkRect(QTreeWidgetItem *item) const
{
    const QModelIndex index = m_list->indexFromItem(item);
    return m_delegate->topicRect(index, m_list->visualRect(index)).toAlignedRect();
}

void FindingsPanel::requestTopic(QTreeWidgetItem *item)
{
    if (const QString topicId = item->data(0, TopicIdRole).toString(); !topicId.isEmpty())
        emit topicRequested(topicId);
}

bool FindingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize
        && m_list->viewport()->width() != m_laidOutWidth) {
        // Rows wrap to the width: a narrower panel makes them taller.
        m_laidOutWidth = m_list->viewport()->width();
        m_list->doItemsLayout();
    } else if (watched == m_list->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        QTreeWidgetItem *item = m_list->itemAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && item
            && topicLinkRect(item).contains(mouse->position().toPoint()))
            requestTopic(item);
    } else if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier) && m_list->currentItem()) {
            requestTopic(m_list->currentItem());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
