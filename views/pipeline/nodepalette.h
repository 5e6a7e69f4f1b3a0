#pragma once

#include <QWidget>

class NodeCatalog;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

// The stages a pipeline can hold, grouped by category, with a search field. Drag a stage onto
// the canvas, or double-click / press Enter to add it at the centre of the view.
class NodePalette : public QWidget
{
    Q_OBJECT

public:
    // The drag payload: the kind id as UTF-8.
    static QString mimeType() { return QStringLiteral("application/x-mlops-studio-node-kind"); }

    explicit NodePalette(const NodeCatalog *catalog, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *list() const { return m_list; }
    // Kind ids currently shown, in order (for tests and keyboard users).
    QStringList visibleKindIds() const;

signals:
    void kindActivated(const QString &kindId);

private:
    void populate();
    void applyFilter(const QString &text);

    const NodeCatalog *m_catalog;
    QLineEdit *m_search;
    QTreeWidget *m_list;
};
