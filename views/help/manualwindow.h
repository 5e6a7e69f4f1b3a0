#pragma once

#include <QMainWindow>
#include <QStringList>
#include <QUrl>

class QLineEdit;
class QListWidget;
class QTextBrowser;
class QToolBar;

// Help > User Manual (F1): the manual's pages (docs/*.md, compiled in) rendered with md4c, read
// offline. Links between pages and to their headings work as on the project's page; web links
// open in the browser; a link out of the manual (into the source tree) says where that file is.
// Back and Forward (Alt+Left, Alt+Right), Contents (Alt+Home), Find (Ctrl+F, Enter for the next
// match, Shift+Enter for the one before), zoom (Ctrl++, Ctrl+-), close (Esc).
class ManualWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ManualWindow(QWidget *parent = nullptr);

    // The manual's pages ("README.md", "pipeline-canvas.md", …): the contents page first, then
    // in the order it lists them.
    static QStringList pages();

    // Shows `target`, a page with an optional "#anchor" ("pipeline-canvas.md#diagram-export"),
    // as a link in a page would; false (and nothing changes) when the manual has no such page.
    bool showPage(const QString &target);
    QString currentPage() const { return m_page; }
    QTextBrowser *browser() const { return m_browser; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(const QUrl &url);
    void display(const QString &page, const QString &anchor);
    void goBy(int step);
    void findText(bool backwards);
    void createActions(QToolBar *toolBar);
    QString pageHtml(const QString &page) const;

    QTextBrowser *m_browser;
    QListWidget *m_contents;
    QLineEdit *m_find;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QString m_page;
    QStringList m_history; // "page#anchor"
    qsizetype m_at = -1;
};
