#include "progress/curriculummodel.h"

#include "progress/progressstore.h"

#include <QSet>

using namespace Qt::StringLiterals;

// Topic indexes carry their section's row + 1 as internal id; section indexes carry 0.
static constexpr quintptr SectionMarker = 0;

CurriculumModel::CurriculumModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CurriculumModel::setCurriculum(const Curriculum &curriculum)
{
    beginResetModel();
    m_curriculum = curriculum;
    endResetModel();
}

void CurriculumModel::setStore(ProgressStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &ProgressStore::statusChanged, this, &CurriculumModel::onStatusChanged);
        connect(m_store, &ProgressStore::progressReset, this, &CurriculumModel::reloadStatuses);
    }
    reloadStatuses();
}

void CurriculumModel::reloadStatuses()
{
    QHash<QString, TopicStatus> statuses;
    if (m_store) {
        const QHash<QString, TopicProgress> all = m_store->allProgress();
        for (const TopicProgress &progress : all)
            statuses.insert(progress.topicId, progress.status);
    }
    // Report only what changed, so views keep their selection and expansion when another
    // process (the command line) has written to the store.
    QSet<QString> changed;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        if (m_statuses.value(it.key(), TopicStatus::Pending) != it.value())
            changed.insert(it.key());
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
        if (!statuses.contains(it.key()) && it.value() != TopicStatus::Pending)
            changed.insert(it.key());
    for (const QString &topicId : std::as_const(changed))
        onStatusChanged(topicId, statuses.value(topicId, TopicStatus::Pending));
    m_statuses = statuses;
}

void CurriculumModel::onStatusChanged(const QString &topicId, TopicStatus status)
{
    m_statuses.insert(topicId, status);
    const QModelIndex topic = indexOfTopic(topicId);
    if (!topic.isValid())
        return; // progress for a topic this curriculum does not have: kept, not shown
    emit dataChanged(topic, topic.siblingAtColumn(StatusColumn));
    const QModelIndex section = topic.parent();
    emit dataChanged(section, section.siblingAtColumn(StatusColumn));
}

TopicStatus CurriculumModel::topicStatus(const QString &topicId) const
{
    return m_statuses.value(topicId, TopicStatus::Pending);
}

QModelIndex CurriculumModel::indexOfTopic(const QString &topicId, int column) const
{
    for (int s = 0; s < m_curriculum.sections.size(); ++s) {
        const QList<Topic> &topics = m_curriculum.sections.at(s).topics;
        for (int t = 0; t < topics.size(); ++t) {
            if (topics.at(t).id == topicId)
                return createIndex(t, column, quintptr(s) + 1);
        }
    }
    return {};
}

QModelIndex CurriculumModel::indexOfSection(const QString &sectionId, int column) const
{
    for (int s = 0; s < m_curriculum.sections.size(); ++s) {
        if (m_curriculum.sections.at(s).id == sectionId)
            return createIndex(s, column, SectionMarker);
    }
    return {};
}

QModelIndex CurriculumModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, SectionMarker);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CurriculumModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == SectionMarker)
        return {};
    return createIndex(int(child.internalId() - 1), 0, SectionMarker);
}

int CurriculumModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_curriculum.sections.size());
    if (parent.internalId() != SectionMarker || parent.column() != 0)
        return 0;
    return int(m_curriculum.sections.at(parent.row()).topics.size());
}

int CurriculumModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int CurriculumModel::finishedCount(const Section &section) const
{
    int finished = 0;
    for (const Topic &topic : section.topics)
        finished += TopicStatuses::isFinished(topicStatus(topic.id)) ? 1 : 0;
    return finished;
}

QVariant CurriculumModel::sectionData(const Section &section, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == StatusColumn)
            return tr("%1 of %2").arg(finishedCount(section)).arg(section.topics.size());
        return tr("%1. %2").arg(section.number).arg(section.title);
    case Qt::ToolTipRole:
        return section.objective;
    case IdRole:
        return section.id;
    case KindRole:
        return QVariant::fromValue(ItemKind::Section);
    case NumberRole:
        return section.number;
    case ObjectiveRole:
        return section.objective;
    case PrerequisitesRole:
        return section.prerequisites;
    case HoursRole: {
        double hours = 0;
        for (const Topic &topic : section.topics)
            hours += topic.hours;
        return hours;
    }
    case FinishedCountRole:
        return finishedCount(section);
    case TopicCountRole:
        return int(section.topics.size());
    default:
        return {};
    }
}

QVariant CurriculumModel::topicData(const Topic &topic, int column, int role) const
{
    const TopicStatus status = topicStatus(topic.id);
    switch (role) {
    case Qt::DisplayRole:
        return column == StatusColumn ? TopicStatuses::displayName(status) : topic.title;
    case Qt::ToolTipRole:
        return topic.goals;
    case IdRole:
        return topic.id;
    case KindRole:
        return QVariant::fromValue(ItemKind::Topic);
    case GoalsRole:
        return topic.goals;
    case ActivitiesRole:
        return topic.activities;
    case TagsRole:
        return topic.tags;
    case HoursRole:
        return topic.hours;
    case StatusRole:
        return int(status);
    case StatusNameRole:
        return TopicStatuses::toString(status);
    default:
        return {};
    }
}

QVariant CurriculumModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == SectionMarker)
        return sectionData(m_curriculum.sections.at(index.row()), index.column(), role);
    const Section &section = m_curriculum.sections.at(int(index.internalId() - 1));
    return topicData(section.topics.at(index.row()), index.column(), role);
}

bool CurriculumModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != StatusRole || !m_store || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.internalId() == SectionMarker) {
        return false;
    }
    const int raw = value.toInt();
    if (raw < int(TopicStatus::Pending) || raw > int(TopicStatus::Skipped))
        return false;
    // The store's statusChanged signal updates this model and every other view.
    return m_store->setStatus(data(index, IdRole).toString(), TopicStatus(raw));
}

Qt::ItemFlags CurriculumModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() == SectionMarker || index.column() != 0)
        return flags;
    return flags | Qt::ItemNeverHasChildren;
}

QVariant CurriculumModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TitleColumn ? tr("Topic") : tr("Status");
}

QHash<int, QByteArray> CurriculumModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(NumberRole, "number");
    names.insert(ObjectiveRole, "objective");
    names.insert(PrerequisitesRole, "prerequisites");
    names.insert(GoalsRole, "goals");
    names.insert(ActivitiesRole, "activities");
    names.insert(TagsRole, "tags");
    names.insert(HoursRole, "hours");
    names.insert(StatusRole, "status");
    names.insert(StatusNameRole, "statusName");
    names.insert(FinishedCountRole, "finishedCount");
    names.insert(TopicCountRole, "topicCount");
    return names;
}
