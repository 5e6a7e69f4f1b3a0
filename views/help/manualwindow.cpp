#include "help/manualwindow.h"

#include "manual/manualdocument.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString Root = u":/manual/"_s;
const QString Contents = u"README.md"_s;
constexpr int MaxImageWidth = 720; // wider pictures are scaled down to fit the page

QByteArray readPage(const QString &page)
{
    QFile file(Root + page);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isPage(const QString &name)
{
    return name.endsWith(u".md"_s) && !name.contains(u'/') && QFile::exists(Root + name);
}

// A picture wider than the page gets a width (QTextBrowser draws pictures at their own size).
QString fitPictures(const QString &html)
{
    static const QRegularExpression image(u"<img src=\"([^\"]+)\"([^>]*)>"_s);
    QString fitted;
    qsizetype done = 0;
    QRegularExpressionMatchIterator images = image.globalMatch(html);
    while (images.hasNext()) {
        const QRegularExpressionMatch match = images.next();
        fitted += QStringView(html).mid(done, match.capturedEnd(1) + 1 - done);
        const int width = QImageReader(Root + match.captured(1)).size().width();
        if (!match.captured(2).contains(u"width="_s) && width > MaxImageWidth)
            fitted += u" width=\"%1\""_s.arg(MaxImageWidth);
        done = match.capturedEnd(1) + 1;
    }
    fitted += QStringView(html).mid(done);
    return fitted;
}

// "page.md#anchor" as its page and its anchor (empty without a '#').
std::pair<QString, QString> splitTarget(const QString &target)
{
    const qsizetype hash = target.indexOf(u'#');
    return {hash < 0 ? target : target.left(hash), hash < 0 ? QString() : target.mid(hash + 1)};
}

} // namespace

QStringList ManualWindow::pages()
{
    QStringList ordered{Contents};
    static const QRegularExpression link(u"\\]\\(([a-z0-9-]+\\.md)(#[^)]*)?\\)"_s);
    QRegularExpressionMatchIterator links = link.globalMatch(QString::fromUtf8(readPage(Contents)));
    while (links.hasNext()) {
        const QString page = links.next().captured(1);
        if (isPage(page) && !ordered.contains(page))
            ordered << page;
    }
    const QStringList all = QDir(Root).entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    for (const QString &page : all)
        if (!ordered.contains(page))
            ordered << page;
    return ordered;
}

ManualWindow::ManualWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_browser(new QTextBrowser(this))
    , m_contents(new QListWidget(this))
    , m_find(new QLineEdit(this))
{
    setWindowTitle(tr("MLOps Roadmap Studio User Manual"));
    m_browser->setOpenLinks(false);
    m_browser->document()->setDefaultStyleSheet(
        u"table { border-collapse: collapse; } th, td { border: 1px solid palette(mid); "
        "padding: 4px; } pre { background-color: palette(alternate-base); } "
        "code { font-family: monospace; }"_s);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &ManualWindow::follow);
    connect(m_browser, &QTextBrowser::highlighted, this, [this](const QUrl &url) {
        statusBar()->showMessage(url.toString());
    });

    for (const QString &page : pages()) {
        auto *item = new QListWidgetItem(ManualDocument::render(readPage(page)).title, m_contents);
        item->setData(Qt::UserRole, page);
    }
    connect(m_contents, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        showPage(item->data(Qt::UserRole).toString());
    });
    connect(m_contents, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(Qt::UserRole).toString() != m_page)
            showPage(item->data(Qt::UserRole).toString());
    });

    m_find->setPlaceholderText(tr("Find in this page"));
    m_find->setClearButtonEnabled(true);
    m_find->hide();
    m_find->installEventFilter(this);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findText(false); });

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    layout->addWidget(m_find);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_contents);
    splitter->addWidget(page);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 780});
    setCentralWidget(splitter);
    auto *toolBar = addToolBar(tr("Navigation"));
    toolBar->setMovable(false);
    createActions(toolBar);
    resize(1100, 800);
    showPage(Contents);
}

void ManualWindow::createActions(QToolBar *toolBar)
{
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back = toolBar->addAction(
        style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this, [this] { goBy(-1); });
    m_back->setShortcut(QKeySequence::Back);
    m_forward = toolBar->addAction(
        style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this, [this] { goBy(1); });
    m_forward->setShortcut(QKeySequence::Forward);
    QAction *home = toolBar->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView),
                                       tr("&Contents"),
                                       this,
                                       [this] { showPage(Contents); });
    home->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    QAction *find = toolBar->addAction(tr("&Find"), this, [this] {
        m_find->show();
        m_find->setFocus();
        m_find->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *zoomIn
        = toolBar->addAction(tr("Zoom &In"), m_browser, [this] { m_browser->zoomIn(1); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut
        = toolBar->addAction(tr("Zoom &Out"), m_browser, [this] { m_browser->zoomOut(1); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    auto *close = new QAction(tr("Close"), this);
    close->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, [this] {
        if (!m_find->isVisible())
            return void(this->close());
        m_find->hide(); // Esc in the find bar closes the bar first
        m_browser->setFocus();
    });
    addAction(close);
}

bool ManualWindow::showPage(const QString &target)
{
    const auto [page, anchor] = splitTarget(target);
    if (!isPage(page))
        return false;
    m_history = m_history.mid(0, m_at + 1);
    m_history << target;
    m_at = m_history.size() - 1;
    display(page, anchor);
    return true;
}

void ManualWindow::display(const QString &page, const QString &anchor)
{
    if (page != m_page) {
        m_page = page;
        m_browser->document()->setBaseUrl(QUrl(u"qrc"_s + Root));
        m_browser->setHtml(pageHtml(page));
        for (int row = 0; row < m_contents->count(); ++row)
            if (m_contents->item(row)->data(Qt::UserRole).toString() == page)
                m_contents->setCurrentRow(row);
    }
    if (anchor.isEmpty())
        m_browser->verticalScrollBar()->setValue(0);
    else
        m_browser->scrollToAnchor(anchor);
    m_back->setEnabled(m_at > 0);
    m_forward->setEnabled(m_at + 1 < m_history.size());
}

QString ManualWindow::pageHtml(const QString &page) const
{
    return fitPictures(ManualDocument::render(readPage(page)).html);
}

void ManualWindow::goBy(int step)
{
    const qsizetype to = m_at + step;
    if (to < 0 || to >= m_history.size())
        return;
    m_at = to;
    const QString target = m_history.at(to);
    const auto [page, anchor] = splitTarget(target);
    display(page, anchor);
}

void ManualWindow::follow(const QUrl &url)
{
    if (!url.scheme().isEmpty() && url.scheme() != u"qrc"_s) {
        QDesktopServices::openUrl(url); // the web, mail
        return;
    }
    const QString path = url.path();
    if (path.isEmpty()) { // "#anchor" on this page
        showPage(m_page + u'#' + url.fragment());
        return;
    }
    const QString name = path.startsWith(Root.mid(1)) ? path.mid(Root.size() - 1) : path;
    if (isPage(name)) {
        showPage(url.hasFragment() ? name + u'#' + url.fragment() : name);
    } else if (!name.contains(u'/') && QFile::exists(Root + name)) { // a picture, alone
        m_browser->setHtml(u"<p><img src=\"%1\"></p>"_s.arg(name.toHtmlEscaped()));
        m_page.clear();
    } else {
        statusBar()->showMessage(
            tr("%1 is not part of the manual: it is in the project's source tree")
                .arg(QDir::cleanPath(u"docs/"_s + name)));
    }
}

bool ManualWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ShiftModifier)) {
            findText(true);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void ManualWindow::findText(bool backwards)
{
    const QTextDocument::FindFlags flags
        = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_find->text().isEmpty() || m_browser->find(m_find->text(), flags))
        return;
    QTextCursor wrap = m_browser->textCursor(); // from the other end of the page
    wrap.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_browser->setTextCursor(wrap);
    if (!m_browser->find(m_find->text(), flags))
        statusBar()->showMessage(tr("Not found: %1").arg(m_find->text()));
}
