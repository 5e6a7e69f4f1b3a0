#pragma once

#include <QFrame>

class NodeCatalog;
class QLineEdit;
class QListWidget;

// The searchable "add a stage" menu that opens at the cursor (double-click on empty canvas, or
// Tab): type to filter, arrows to choose, Enter to add, Esc to close.
class QuickAddPopup : public QFrame
{
    Q_OBJECT

public:
    explicit QuickAddPopup(const NodeCatalog *catalog, QWidget *parent = nullptr);

    void popup(const QPoint &globalPos);
    QLineEdit *searchField() const { return m_search; }
    QStringList visibleKindIds() const;

signals:
    void kindChosen(const QString &kindId);
    void dismissed(); // closed without a choice (Esc, a click elsewhere)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyFilter(const QString &text);
    void choose();

    const NodeCatalog *m_catalog;
    QLineEdit *m_search;
    QListWidget *m_list;
    bool m_chosen = false;
};
