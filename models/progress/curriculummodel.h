#pragma once

#include "curriculum/curriculum.h"
#include "curriculum/topicstatus.h"
#include "progress/progressstore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

// The curriculum as a two-level tree (sections -> topics) with each topic's status from the
// progress store. Column 0 is the title, column 1 the status (or a section's progress).
// Setting StatusRole on a topic writes through the store; the model updates from the store's
// signals, so a change made elsewhere (another view, the command line) shows here too.
class CurriculumModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, StatusColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,          // ItemKind
        NumberRole,        // section number
        ObjectiveRole,     // section objective
        PrerequisitesRole, // QStringList of section ids
        GoalsRole,
        ActivitiesRole,
        TagsRole, // QStringList
        HoursRole,
        StatusRole,        // topic: TopicStatus as int
        StatusNameRole,    // topic: "pending", "learning", "done", "skipped"
        FinishedCountRole, // section: done + skipped
        TopicCountRole,    // section: number of topics
    };
    Q_ENUM(Role)
    enum class ItemKind { Section, Topic };
    Q_ENUM(ItemKind)

    explicit CurriculumModel(QObject *parent = nullptr);

    void setCurriculum(const Curriculum &curriculum);
    const Curriculum &curriculum() const { return m_curriculum; }
    void setStore(ProgressStore *store);
    ProgressStore *store() const { return m_store; }

    QModelIndex indexOfTopic(const QString &topicId, int column = TitleColumn) const;
    QModelIndex indexOfSection(const QString &sectionId, int column = TitleColumn) const;
    TopicStatus topicStatus(const QString &topicId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reloadStatuses();
    void onStatusChanged(const QString &topicId, TopicStatus status);
    QVariant sectionData(const Section &section, int column, int role) const;
    QVariant topicData(const Topic &topic, int column, int role) const;
    int finishedCount(const Section &section) const;

    Curriculum m_curriculum;
    QPointer<ProgressStore> m_store;
    QHash<QString, TopicStatus> m_statuses;
};
