#pragma once

#include "progress/progresshistory.h"
#include "progress/progressstore.h"

#include <QAbstractTableModel>
#include <QDate>

class CurriculumModel;

// The logged study sessions the dashboard lists, newest first: those from the start of the
// range on, and of one section's topics when a section is chosen. It reads no SQL: it shows
// the sessions of the history the dashboard's figures were computed from (ProgressStatsModel),
// so it is as current as the charts.
class StudySessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StartColumn, TopicColumn, MinutesColumn, ColumnCount };
    enum Role { SessionIdRole = Qt::UserRole + 1, TopicIdRole, StartRole, MinutesRole };

    explicit StudySessionTableModel(CurriculumModel *curriculum, QObject *parent = nullptr);

    // `from` is a local day (invalid: all); an empty section id means every topic.
    void setSessions(const ProgressHistory &history, const QDate &from, const QString &sectionId);
    StudySession sessionAt(int row) const;
    QString topicTitle(const QString &topicId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    CurriculumModel *m_curriculum;
    QStringList m_topicIds;
    QList<ProgressHistory::Session> m_sessions; // the history's, shared
    QList<int> m_rows;                          // indexes into m_sessions, newest first
};
