#include "progress/topicfilterproxymodel.h"

#include "curriculum/topicsearch.h"
#include "progress/curriculummodel.h"

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void TopicFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

void TopicFilterProxyModel::setStatusFilter(const QSet<TopicStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    invalidateFilter();
}

bool TopicFilterProxyModel::topicMatchesText(const QModelIndex &topic) const
{
    const auto *model = qobject_cast<const CurriculumModel *>(sourceModel());
    if (m_searchText.isEmpty() || !model)
        return true;
    const QString topicId = topic.data(CurriculumModel::IdRole).toString();
    const Curriculum &curriculum = model->curriculum();
    const Topic *found = curriculum.findTopic(topicId);
    const Section *section = curriculum.sectionOfTopic(topicId);
    return found && section && topicMatchesSearch(*found, *section, m_searchText);
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!sourceParent.isValid()) // a section: shown when a topic is (recursive filtering)
        return !isFiltering();
    if (!m_statuses.isEmpty()) {
        const auto status = TopicStatus(index.data(CurriculumModel::StatusRole).toInt());
        if (!m_statuses.contains(status))
            return false;
    }
    return topicMatchesText(index);
}
