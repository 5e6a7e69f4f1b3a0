#include "pipeline/quickaddpopup.h"

#include "pipeline/nodecatalog.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

static constexpr int KindIdRole = Qt::UserRole + 1;

QuickAddPopup::QuickAddPopup(const NodeCatalog *catalog, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_catalog(catalog)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_search->setPlaceholderText(tr("Add a stage…"));
    m_search->installEventFilter(this);
    for (const NodeKind &kind : m_catalog->kinds()) {
        auto *item = new QListWidgetItem(u"%1 — %2"_s.arg(kind.name, kind.category), m_list);
        item->setData(KindIdRole, kind.id);
        item->setToolTip(kind.description);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(320, 360);

    connect(m_search, &QLineEdit::textChanged, this, &QuickAddPopup::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickAddPopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickAddPopup::choose);
}

void QuickAddPopup::popup(const QPoint &globalPos)
{
    m_chosen = false;
    m_search->clear();
    applyFilter({});
    move(globalPos);
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

void QuickAddPopup::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const NodeKind *kind = m_catalog->kind(item->data(KindIdRole).toString());
        const bool match
            = needle.isEmpty() || item->text().contains(needle, Qt::CaseInsensitive)
              || (kind
                  && std::any_of(
                      kind->tools.begin(), kind->tools.end(), [&needle](const QString &tool) {
                          return tool.contains(needle, Qt::CaseInsensitive);
                      }));
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

QStringList QuickAddPopup::visibleKindIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (!m_list->item(i)->isHidden())
            ids << m_list->item(i)->data(KindIdRole).toString();
    return ids;
}

void QuickAddPopup::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    const QString kindId = item->data(KindIdRole).toString();
    m_chosen = true;
    hide();
    emit kindChosen(kindId);
}

bool QuickAddPopup::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the list while typing continues in the search field.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            int row = m_list->currentRow();
            const int step = key == Qt::Key_Down ? 1 : -1;
            for (row += step; row >= 0 && row < m_list->count(); row += step) {
                if (!m_list->item(row)->isHidden()) {
                    m_list->setCurrentRow(row);
                    break;
                }
            }
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickAddPopup::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (!m_chosen)
        emit dismissed();
}
