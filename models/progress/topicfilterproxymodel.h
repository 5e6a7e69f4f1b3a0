#pragma once

#include "curriculum/topicstatus.h"

#include <QSet>
#include <QSortFilterProxyModel>

// Filters a CurriculumModel by text (title, goals, activities, tags, id, or the section's
// title) and by status. Sections stay visible while any of their topics does.
class TopicFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TopicFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // An empty set shows every status.
    void setStatusFilter(const QSet<TopicStatus> &statuses);
    bool isFiltering() const { return !m_searchText.isEmpty() || !m_statuses.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool topicMatchesText(const QModelIndex &topic) const;

    QString m_searchText;
    QSet<TopicStatus> m_statuses;
};
