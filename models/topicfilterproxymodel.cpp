#include "topicfilterproxymodel.h"

#include "curriculummodel.h"

#include <algorithm>

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
    if (m_searchText.isEmpty())
        return true;
    const auto contains = [this](const QString &text) {
        return text.contains(m_searchText, Qt::CaseInsensitive);
    };
    using Role = CurriculumModel::Role;
    if (contains(topic.data(Qt::DisplayRole).toString())
        || contains(topic.data(Role::IdRole).toString())
        || contains(topic.data(Role::GoalsRole).toString())
        || contains(topic.data(Role::ActivitiesRole).toString())
        || contains(topic.parent().data(Qt::DisplayRole).toString())) {
        return true;
    }
    const QStringList tags = topic.data(Role::TagsRole).toStringList();
    return std::any_of(tags.begin(), tags.end(), contains);
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
