#pragma once

#include "curriculum/topicstatus.h"

#include <QStyledItemDelegate>

// A status is told by a symbol as well as by its word, so it reads in grayscale print and for
// colour-blind people: ✔ done, ◐ learning, ⊘ skipped, ○ pending (the map's icons' shapes, as
// characters DejaVu Sans has). The list, the topic drawer and the PDF handout use them.
QString statusSymbol(TopicStatus status);
QString statusLabel(TopicStatus status); // symbol and translated name

// Draws a CurriculumModel status column with the status symbols.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
