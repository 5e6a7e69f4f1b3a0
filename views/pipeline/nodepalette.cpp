#include "pipeline/nodepalette.h"

#include "pipeline/nodecatalog.h"

#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int PaletteKindIdRole = Qt::UserRole + 1;

// A tree that starts a drag with the kind id of the dragged stage.
class PaletteTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.first()->data(0, PaletteKindIdRole).isNull())
            return nullptr;
        auto *data = new QMimeData;
        data->setData(NodePalette::mimeType(),
                      items.first()->data(0, PaletteKindIdRole).toString().toUtf8());
        return data;
    }
    QStringList mimeTypes() const override { return {NodePalette::mimeType()}; }
};

bool kindMatches(const NodeKind &kind, const QString &text)
{
    if (text.isEmpty())
        return true;
    const auto contains = [&text](const QString &s) {
        return s.contains(text, Qt::CaseInsensitive);
    };
    return contains(kind.name) || contains(kind.id) || contains(kind.description)
           || contains(kind.category)
           || std::any_of(kind.tools.begin(), kind.tools.end(), contains);
}

} // namespace

NodePalette::NodePalette(const NodeCatalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_search(new QLineEdit(this))
    , m_list(new PaletteTree(this))
{
    m_search->setPlaceholderText(tr("Search stages and tools…"));
    m_search->setClearButtonEnabled(true);
    m_list->setHeaderHidden(true);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->setRootIsDecorated(false);
    m_list->setIndentation(8);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);

    populate();
    connect(m_search, &QLineEdit::textChanged, this, &NodePalette::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList ids = visibleKindIds();
        if (!ids.isEmpty())
            emit kindActivated(ids.first());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariant id = item->data(0, PaletteKindIdRole);
        if (!id.isNull())
            emit kindActivated(id.toString());
    });
}

void NodePalette::populate()
{
    QHash<QString, QTreeWidgetItem *> categories;
    for (const NodeKind &kind : m_catalog->kinds()) {
        QTreeWidgetItem *&category = categories[kind.category];
        if (!category) {
            category = new QTreeWidgetItem(m_list, {kind.category});
            category->setFlags(Qt::ItemIsEnabled);
            QFont bold = category->font(0);
            bold.setBold(true);
            category->setFont(0, bold);
            category->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(category, {kind.name});
        item->setData(0, PaletteKindIdRole, kind.id);
        item->setToolTip(0, kind.description);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_list->expandAll();
}

void NodePalette::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int c = 0; c < m_list->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_list->topLevelItem(c);
        int shown = 0;
        for (int k = 0; k < category->childCount(); ++k) {
            QTreeWidgetItem *item = category->child(k);
            const NodeKind *kind = m_catalog->kind(item->data(0, PaletteKindIdRole).toString());
            const bool match = kind && kindMatches(*kind, needle);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        category->setHidden(shown == 0);
    }
}

QStringList NodePalette::visibleKindIds() const
{
    QStringList ids;
    for (int c = 0; c < m_list->topLevelItemCount(); ++c) {
        const QTreeWidgetItem *category = m_list->topLevelItem(c);
        for (int k = 0; k < category->childCount(); ++k)
            if (!category->child(k)->isHidden())
                ids << category->child(k)->data(0, PaletteKindIdRole).toString();
    }
    return ids;
}
