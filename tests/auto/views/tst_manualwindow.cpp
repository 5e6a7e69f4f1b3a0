// Help > User Manual: every page of docs/ shows, every link between pages and to a heading leads
// where it says, every picture loads, and the keys work (Back, Forward, Find).
#include "help/manualwindow.h"
#include "support/manualpages.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QStatusBar>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

// Every link of the shown page, as written.
QStringList links(const QTextDocument &document)
{
    QStringList found;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty()
                && !found.contains(format.anchorHref()))
                found << format.anchorHref();
        }
    return found;
}

QStringList anchorNames(const QTextDocument &document)
{
    QStringList names;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            names += it.fragment().charFormat().anchorNames();
    return names;
}

QStringList images(const QTextDocument &document)
{
    QStringList found;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isImageFormat())
                found << it.fragment().charFormat().toImageFormat().name();
    return found;
}

} // namespace

class TestManualWindow : public QObject
{
    Q_OBJECT

private slots:
    void everyPageIsInTheContents();
    void linksLeadWhereTheySay_data();
    void linksLeadWhereTheySay();
    void backAndForward();
    void findInPage();
};

// The manual is docs/*.md (the files themselves are the specification), the index first.
void TestManualWindow::everyPageIsInTheContents()
{
    const QDir docs(QStringLiteral(MLOPS_SOURCE_DIR "/docs"));
    QStringList expected = docs.entryList({u"*.md"_s}, QDir::Files, QDir::Name);
    QStringList pages = ManualWindow::pages();
    QCOMPARE(pages.first(), u"README.md"_s);
    pages.sort();
    QCOMPARE(pages, expected);
    ManualWindow window;
    QCOMPARE(window.currentPage(), u"README.md"_s);
    QVERIFY(!window.showPage(u"no-such-page.md"_s));
    QVERIFY(!window.showPage(u"../README.md"_s));
    QCOMPARE(window.currentPage(), u"README.md"_s);
}

void TestManualWindow::linksLeadWhereTheySay_data()
{
    QTest::addColumn<QString>("page");
    for (const QString &page : ManualWindow::pages())
        QTest::newRow(qPrintable(page)) << page;
}

// Each link of the page, followed as a click would: to a page (and its heading), to a picture,
// or out of the manual (said in the status bar). Web links are only checked to be https.
void TestManualWindow::linksLeadWhereTheySay()
{
    QFETCH(QString, page);
    ManualWindow window;
    QVERIFY(window.showPage(page));
    const QTextDocument *document = window.browser()->document();
    for (const QString &image : images(*document)) // resolved as the document resolves it
        QVERIFY2(!window.browser()
                      ->loadResource(QTextDocument::ImageResource,
                                     document->baseUrl().resolved(QUrl(image)))
                      .isNull(),
                 qPrintable(image));
    for (const QString &href : links(*window.browser()->document())) {
        const QUrl url(href);
        if (!url.scheme().isEmpty()) {
            QVERIFY2(url.scheme() == u"https"_s || url.scheme() == u"mailto"_s, qPrintable(href));
            continue;
        }
        window.showPage(page);
        window.statusBar()->clearMessage();
        emit window.browser()->anchorClicked(url);
        const QString file = url.path().isEmpty() ? page : url.path();
        const bool inManual = QFileInfo::exists(QStringLiteral(MLOPS_SOURCE_DIR "/docs/") + file)
                              && !file.contains(u'/');
        if (!inManual) {
            QVERIFY2(window.statusBar()->currentMessage().contains(u"not part of the manual"_s),
                     qPrintable(href));
        } else if (file.endsWith(u".md"_s)) {
            QCOMPARE(window.currentPage(), file);
            if (url.hasFragment())
                QVERIFY2(anchorNames(*window.browser()->document()).contains(url.fragment()),
                         qPrintable(page + u": "_s + href));
        } else {
            QCOMPARE(images(*window.browser()->document()), QStringList{file});
        }
    }
}

void TestManualWindow::backAndForward()
{
    ManualWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList pages = ManualWindow::pages();
    QVERIFY(pages.size() >= 3);
    QVERIFY(window.showPage(pages.at(1)));
    QVERIFY(window.showPage(pages.at(2)));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window.currentPage(), pages.at(1));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window.currentPage(), pages.at(0));
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.currentPage(), pages.at(1));
    QVERIFY(window.showPage(pages.at(0))); // a new page drops what was ahead
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.currentPage(), pages.at(0));
}

void TestManualWindow::findInPage()
{
    ManualWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.showPage(u"pipeline-canvas.md"_s));
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto *find = window.findChild<QLineEdit *>();
    QVERIFY(find && find->isVisible());
    QTest::keyClicks(find, u"Ctrl+Shift+L"_s);
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(window.browser()->textCursor().selectedText(), u"Ctrl+Shift+L"_s);
    find->setText(u"no such words in the manual"_s);
    QTest::keyClick(find, Qt::Key_Return);
    QVERIFY(window.statusBar()->currentMessage().startsWith(u"Not found"_s));
    QTest::keyClick(find, Qt::Key_Escape);
    QVERIFY(!find->isVisible());
    QVERIFY(window.isVisible());
}

QTEST_MAIN(TestManualWindow)
#include "tst_manualwindow.moc"
