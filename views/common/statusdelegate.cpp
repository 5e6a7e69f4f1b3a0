#include "common/statusdelegate.h"

#include "progress/curriculummodel.h"

using namespace Qt::StringLiterals;

QString statusSymbol(TopicStatus status)
{
    switch (status) {
    case TopicStatus::Done:
        return u"\u2714"_s;
    case TopicStatus::Learning:
        return u"\u25D0"_s;
    case TopicStatus::Skipped:
        return u"\u2298"_s;
    case TopicStatus::Pending:
        break;
    }
    return u"\u25CB"_s;
}

QString statusLabel(TopicStatus status)
{
    return statusSymbol(status) + u' ' + TopicStatuses::displayName(status);
}

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant status = index.data(CurriculumModel::StatusRole);
    if (index.column() == CurriculumModel::StatusColumn && status.isValid())
        option->text = statusLabel(TopicStatus(status.toInt()));
}
