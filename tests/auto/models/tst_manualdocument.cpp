// The manual's pages as the app renders them (Help > User Manual): md4c's HTML with GitHub's
// anchor on every heading, so the pages' links work in the app as on the project's page.
#include "manual/manualdocument.h"
#include "support/manualpages.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestManualDocument : public QObject
{
    Q_OBJECT

private slots:
    void slugsAreGitHubs_data();
    void slugsAreGitHubs();
    void headingsGetAnchors();
    void gitHubMarkdownRenders();
    void everyAnchorLinkOfTheManualIsThere();
};

void TestManualDocument::slugsAreGitHubs_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("anchor");
    // GitHub's rule (html-pipeline's TocFilter, "Section links" in GitHub's Markdown guide:
    // https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-
    // formatting-on-github/basic-writing-and-formatting-syntax#section-links), worked by hand.
    QTest::newRow("words") << u"Where your data lives"_s << u"where-your-data-lives"_s;
    QTest::newRow("parentheses and dot") << u"Curriculum (.json)"_s << u"curriculum-json"_s;
    QTest::newRow("GitHub's own example")
        << u"\"Read it and Weep\": semi-AutoBiographical tale/fantasy over 3.5 Generations!"_s
        << u"read-it-and-weep-semi-autobiographical-talefantasy-over-35-generations"_s;
    QTest::newRow("arrow") << u"Export → PNG"_s << u"export--png"_s;
    QTest::newRow("underscore and digits") << u"fuzz_import 2"_s << u"fuzz_import-2"_s;
    QTest::newRow("letters of other scripts") << u"Über Straße"_s << u"über-straße"_s;
}

void TestManualDocument::slugsAreGitHubs()
{
    QFETCH(QString, heading);
    QFETCH(QString, anchor);
    QCOMPARE(ManualDocument::slug(heading), anchor);
}

// Each heading's anchor comes from the text it shows (inline code and links as their text); a
// repeated one is numbered -1, -2 in order; the title is the first heading.
void TestManualDocument::headingsGetAnchors()
{
    const ManualDocument::Page page = ManualDocument::render(
        "# The `pipeline` canvas\n\nText.\n\n## Usage\n\n### Usage\n\n## See [the manual](x.md)\n"
        "\n## Usage\n");
    QCOMPARE(page.title, u"The pipeline canvas"_s);
    QCOMPARE(page.anchors,
             QStringList({u"the-pipeline-canvas"_s,
                          u"usage"_s,
                          u"usage-1"_s,
                          u"see-the-manual"_s,
                          u"usage-2"_s}));
    for (const QString &anchor : page.anchors) // each at the start of its heading
        QVERIFY2(page.html.contains(QRegularExpression(u"<h[1-6]><a name=\"%1\">"_s.arg(anchor))),
                 qPrintable(anchor));
}

// GitHub's dialect (https://github.github.com/gfm/): tables, strikethrough, autolinks; code is
// escaped; the pictures and links keep their relative addresses.
void TestManualDocument::gitHubMarkdownRenders()
{
    const ManualDocument::Page page = ManualDocument::render(
        "| Do | How |\n| --- | --- |\n| Arrange | Ctrl+L |\n\n~~old~~ https://example.org\n\n"
        "```\n<script>alert(1)</script>\n```\n\n![shot](screenshot-roadmap.png) "
        "[canvas](pipeline-canvas.md#diagram-export)\n");
    QVERIFY(page.html.contains(u"<table>"_s));
    QVERIFY(page.html.contains(u"<td>Ctrl+L</td>"_s));
    QVERIFY(page.html.contains(u"<del>old</del>"_s));
    QVERIFY(page.html.contains(u"<a href=\"https://example.org\">"_s));
    QVERIFY(page.html.contains(u"&lt;script&gt;"_s));
    QVERIFY(!page.html.contains(u"<script>"_s));
    QVERIFY(page.html.contains(u"<img src=\"screenshot-roadmap.png\""_s));
    QVERIFY(page.html.contains(u"<a href=\"pipeline-canvas.md#diagram-export\">"_s));
    QVERIFY(page.title.isEmpty());
}

// Every `page.md#anchor` link of the README and the manual names an anchor the app gives that
// page (tst_documentation checks the same links against GitHub's rule, written apart).
void TestManualDocument::everyAnchorLinkOfTheManualIsThere()
{
    static const QRegularExpression link(u"\\]\\(([A-Za-z0-9_./-]*\\.md)?#([^)\\s]+)\\)"_s);
    int checked = 0;
    for (const QString &path : ManualPages::paths()) {
        const QString text = ManualPages::read(path);
        QRegularExpressionMatchIterator links = link.globalMatch(text);
        while (links.hasNext()) {
            const QRegularExpressionMatch match = links.next();
            const QString target = match.captured(1).isEmpty()
                                       ? path
                                       : QFileInfo(path).dir().filePath(match.captured(1));
            QFile file(target);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(target));
            const QStringList anchors = ManualDocument::render(file.readAll()).anchors;
            QVERIFY2(anchors.contains(match.captured(2)),
                     qPrintable(ManualPages::shortPath(path) + u": "_s + match.captured(0)));
            ++checked;
        }
    }
    QVERIFY(checked > 0);
}

QTEST_GUILESS_MAIN(TestManualDocument)
#include "tst_manualdocument.moc"
