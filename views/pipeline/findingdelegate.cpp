#include "pipeline/findingdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace {

constexpr double Padding = 6; // around a finding, and between its parts
constexpr int Flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont linkFont(QFont font)
{
    font.setUnderline(true);
    return font;
}

// The height `text` takes wrapped to `width` in `font`.
double wrappedHeight(const QFont &font, const QString &text, double width)
{
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Flags, text).height();
}

} // namespace

FindingDelegate::FindingDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{}

QString FindingDelegate::topicText(const QModelIndex &index) const
{
    const QString title = index.data(TopicTitleRole).toString();
    return title.isEmpty() ? QString() : tr("Learn more: %1").arg(title);
}

FindingDelegate::Layout FindingDelegate::layout(const QModelIndex &index,
                                                const QRect &rowRect) const
{
    const QFont font = m_view->font();
    const double width = std::max(1.0, rowRect.width() - 2 * Padding);
    Layout layout;
    double y = rowRect.top() + Padding;
    const auto place = [&](const QFont &partFont, const QString &text) {
        const double height = wrappedHeight(partFont, text, width);
        const QRectF rect(rowRect.left() + Padding, y, width, height);
        y += height + Padding / 2;
        return rect;
    };
    layout.stage = place(boldFont(font), index.data(StageRole).toString());
    layout.message = place(font, index.data(MessageRole).toString());
    if (const QString topic = topicText(index); !topic.isEmpty()) {
        // The link is as wide as its text, so a click beside it is a click on the row.
        const QFontMetricsF metrics(linkFont(font));
        layout.topic = place(linkFont(font), topic);
        layout.topic.setWidth(std::min(width, metrics.horizontalAdvance(topic) + 1));
    }
    layout.height = y - Padding / 2 + Padding - rowRect.top();
    return layout;
}

QSize FindingDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // The list's own width, not the hint's: rows wrap to what the panel shows.
    const QRect row(0, 0, m_view->viewport()->width(), 0);
    return QSize(row.width(), int(std::ceil(layout(index, row).height)));
}

void FindingDelegate::paint(QPainter *painter,
                            const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const Layout parts = layout(index, option.rect);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setPen(text);
    painter->setFont(boldFont(m_view->font()));
    painter->drawText(parts.stage, Flags, index.data(StageRole).toString());
    painter->setFont(m_view->font());
    painter->drawText(parts.message, Flags, index.data(MessageRole).toString());
    if (!parts.topic.isEmpty()) {
        painter->setPen(selected ? text : option.palette.color(group, QPalette::Link));
        painter->setFont(linkFont(m_view->font()));
        painter->drawText(parts.topic, Flags, topicText(index));
    }
    painter->restore();
}

QRectF FindingDelegate::topicRect(const QModelIndex &index, const QRect &rowRect) const
{
    return layout(index, rowRect).topic;
}
