#include "progress/studysessiontablemodel.h"

#include "progress/curriculummodel.h"

#include <QLocale>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

StudySessionTableModel::StudySessionTableModel(CurriculumModel *curriculum, QObject *parent)
    : QAbstractTableModel(parent)
    , m_curriculum(curriculum)
{}

void StudySessionTableModel::setSessions(const ProgressHistory &history,
                                         const QDate &from,
                                         const QString &sectionId)
{
    QSet<int> topics; // history topic indexes of the section
    if (!sectionId.isEmpty()) {
        if (const Section *section = m_curriculum->curriculum().findSection(sectionId)) {
            for (const Topic &topic : section->topics) {
                const qsizetype index = history.topicIds.indexOf(topic.id);
                if (index >= 0)
                    topics.insert(int(index));
            }
        }
    }
    const qint64 fromMs = from.isValid() ? from.startOfDay().toMSecsSinceEpoch()
                                         : std::numeric_limits<qint64>::min();
    QList<int> rows;
    for (qsizetype i = history.sessions.size() - 1; i >= 0; --i) {
        const ProgressHistory::Session &session = history.sessions.at(i);
        if (session.startMs < fromMs)
            break; // by start time: the rest are older
        if (sectionId.isEmpty() || topics.contains(session.topic))
            rows << int(i);
    }
    // Nothing to show differently: keep the view's selection.
    const bool same = rows.size() == m_rows.size()
                      && std::equal(rows.begin(), rows.end(), m_rows.begin(), [&](int a, int b) {
                             const auto &x = history.sessions.at(a);
                             const auto &y = m_sessions.at(b);
                             return x.id == y.id && x.startMs == y.startMs && x.minutes == y.minutes
                                    && history.topicIds.at(x.topic) == m_topicIds.at(y.topic);
                         });
    if (same)
        return;
    beginResetModel();
    m_topicIds = history.topicIds;
    m_sessions = history.sessions;
    m_rows = rows;
    endResetModel();
}

StudySession StudySessionTableModel::sessionAt(int row) const
{
    const ProgressHistory::Session &session = m_sessions.at(m_rows.at(row));
    return {session.id,
            m_topicIds.at(session.topic),
            QDateTime::fromMSecsSinceEpoch(session.startMs, Qt::UTC),
            session.minutes};
}

QString StudySessionTableModel::topicTitle(const QString &topicId) const
{
    const Topic *topic = m_curriculum->curriculum().findTopic(topicId);
    return topic ? topic->title : topicId;
}

int StudySessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StudySessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudySessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StudySession session = sessionAt(index.row());
    switch (role) {
    case SessionIdRole:
        return session.id;
    case TopicIdRole:
        return session.topicId;
    case StartRole:
        return session.start;
    case MinutesRole:
        return session.minutes;
    case Qt::TextAlignmentRole:
        return index.column() == MinutesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                               : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StartColumn:
        return QLocale().toString(session.start.toLocalTime(), u"ddd yyyy-MM-dd  HH:mm"_s);
    case TopicColumn:
        return topicTitle(session.topicId);
    case MinutesColumn:
        return session.minutes;
    }
    return {};
}

QVariant
StudySessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartColumn:
        return tr("Started");
    case TopicColumn:
        return tr("Topic");
    case MinutesColumn:
        return tr("Minutes");
    }
    return {};
}
