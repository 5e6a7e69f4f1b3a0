#pragma once

#include <QRectF>
#include <QStyledItemDelegate>

class QAbstractItemView;

// Draws a finding whole in the findings list: its severity and stage on the first line, the
// message wrapped to the list's width, and the topic that explains it as a link. Rows grow
// with their text; the list lays them out again when its width changes.
class FindingDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // Item data the delegate draws (column 0).
    enum Role {
        StageRole = Qt::UserRole + 10, // "✖ Error: Train"
        MessageRole,                   // the finding's message
        TopicTitleRole,                // the topic's title; empty: no topic
    };

    explicit FindingDelegate(QAbstractItemView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // Where the topic link of the row at `rowRect` (viewport coordinates) is; empty without one.
    QRectF topicRect(const QModelIndex &index, const QRect &rowRect) const;

private:
    struct Layout
    {
        QRectF stage;
        QRectF message;
        QRectF topic;
        double height = 0;
    };
    Layout layout(const QModelIndex &index, const QRect &rowRect) const;
    QString topicText(const QModelIndex &index) const;

    QAbstractItemView *m_view;
};
