#include "roadmapworkspace.h"

#include "curriculummodel.h"
#include "statusdelegate.h"
#include "topicfilterproxymodel.h"
#include "topicpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RoadmapWorkspace::RoadmapWorkspace(CurriculumModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new TopicFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_tree(new QTreeView(this))
    , m_panel(new TopicPanel(model, this))
    , m_overall(new QProgressBar(this))
    , m_emptyResult(new QLabel(tr("No topic matches the search."), this))
{
    m_filter->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Search topics, goals, tools… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_statusFilter->addItem(tr("All statuses"));
    for (TopicStatus status :
         {TopicStatus::Pending, TopicStatus::Learning, TopicStatus::Done, TopicStatus::Skipped})
        m_statusFilter->addItem(statusLabel(status), int(status));
    m_statusFilter->setToolTip(tr("Show only topics with this status"));

    m_tree->setModel(m_filter);
    m_tree->setItemDelegateForColumn(CurriculumModel::StatusColumn, new StatusDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CurriculumModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CurriculumModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandAll();
    m_emptyResult->setAlignment(Qt::AlignCenter);
    m_emptyResult->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_statusFilter);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addWidget(m_emptyResult);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"roadmapSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_overall->setTextVisible(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_overall);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &TopicFilterProxyModel::setSearchText);
    connect(m_statusFilter,
            &QComboBox::currentIndexChanged,
            this,
            &RoadmapWorkspace::onStatusFilterChanged);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] {
        m_tree->expandAll();
        m_emptyResult->setVisible(m_filter->rowCount() == 0);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_tree, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &RoadmapWorkspace::onCurrentChanged);
    connect(m_panel, &TopicPanel::previousRequested, this, [this] { moveToTopic(-1); });
    connect(m_panel, &TopicPanel::nextRequested, this, [this] { moveToTopic(+1); });
    connect(
        m_model, &QAbstractItemModel::dataChanged, this, &RoadmapWorkspace::updateOverallProgress);
    connect(
        m_model, &QAbstractItemModel::modelReset, this, &RoadmapWorkspace::updateOverallProgress);
    updateOverallProgress();
}

void RoadmapWorkspace::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RoadmapWorkspace::onStatusFilterChanged(int comboIndex)
{
    const QVariant status = m_statusFilter->itemData(comboIndex);
    m_filter->setStatusFilter(status.isValid() ? QSet<TopicStatus>{TopicStatus(status.toInt())}
                                               : QSet<TopicStatus>{});
}

void RoadmapWorkspace::onCurrentChanged(const QModelIndex &current)
{
    m_panel->showIndex(m_filter->mapToSource(current));
}

void RoadmapWorkspace::updateOverallProgress()
{
    int finished = 0;
    int total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex section = m_model->index(row, 0);
        finished += section.data(CurriculumModel::FinishedCountRole).toInt();
        total += section.data(CurriculumModel::TopicCountRole).toInt();
    }
    m_overall->setRange(0, std::max(total, 1));
    m_overall->setValue(finished);
    m_overall->setFormat(tr("%1 of %2 topics finished (%p%)").arg(finished).arg(total));
    m_emptyResult->setVisible(m_filter->rowCount() == 0);
}

void RoadmapWorkspace::selectProxyIndex(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
}

bool RoadmapWorkspace::selectId(const QString &id)
{
    QModelIndex source = m_model->indexOfTopic(id);
    if (!source.isValid())
        source = m_model->indexOfSection(id);
    if (!source.isValid())
        return false;
    QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid()) { // hidden by the filter: clear it rather than select nothing
        m_search->clear();
        m_statusFilter->setCurrentIndex(0);
        proxy = m_filter->mapFromSource(source);
    }
    selectProxyIndex(proxy);
    return true;
}

void RoadmapWorkspace::selectFirstTopic()
{
    const QModelIndex firstSection = m_filter->index(0, 0);
    selectProxyIndex(m_filter->index(0, 0, firstSection));
}

QString RoadmapWorkspace::selectedId() const
{
    return m_tree->currentIndex().data(CurriculumModel::IdRole).toString();
}

void RoadmapWorkspace::moveToTopic(int step)
{
    QList<QModelIndex> topics;
    for (int s = 0; s < m_filter->rowCount(); ++s) {
        const QModelIndex section = m_filter->index(s, 0);
        for (int t = 0; t < m_filter->rowCount(section); ++t)
            topics << m_filter->index(t, 0, section);
    }
    if (topics.isEmpty())
        return;
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    qsizetype position = topics.indexOf(current);
    if (position < 0) {
        // On a section: "next" is its first topic, "previous" the topic before it.
        qsizetype first = 0;
        while (first < topics.size() && topics.at(first).parent() != current)
            ++first;
        position = step > 0 ? first - 1 : first;
    }
    const qsizetype target = std::clamp<qsizetype>(position + step, 0, topics.size() - 1);
    selectProxyIndex(topics.at(target));
}
