// The README and the manual (docs/*.md) hold together: every relative link names a file that
// exists, every #anchor names a heading of the page it points to, every image is there. What is
// expected comes from the pages themselves and the files beside them.
#include "support/manualpages.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A heading's anchor as GitHub makes it (html-pipeline's TocFilter, which github.com uses:
// https://github.com/gjtorikian/html-pipeline/blob/v2.14.3/lib/html/pipeline/toc_filter.rb):
// the heading's text, lower-cased; every character that is not a letter, mark, digit,
// connector (`_`), hyphen or space dropped; each space turned into '-'. A repeated anchor gets
// "-1", "-2" … in order ("Section links", https://docs.github.com/en/get-started/
// writing-on-github/getting-started-with-writing-and-formatting-on-github/
// basic-writing-and-formatting-syntax#section-links).
QString slug(const QString &headingText)
{
    static const QRegularExpression punctuation(u"[^\\w\\- ]"_s,
                                                QRegularExpression::UseUnicodePropertiesOption);
    QString id = headingText.toLower();
    id.remove(punctuation);
    id.replace(u' ', u'-');
    return id;
}

// The text a heading shows: Markdown's inline marks gone (`code` keeps its text, a link its
// label).
QString headingText(const QString &markdown)
{
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    QString text = markdown;
    text.replace(link, u"\\1"_s);
    text.remove(u'`');
    text.remove(u'*');
    return text.trimmed();
}

// Every anchor of a page, repeats numbered as GitHub numbers them.
QSet<QString> anchors(const QString &pageText)
{
    static const QRegularExpression heading(u"^#{1,6}\\s+(.*?)\\s*#*\\s*$"_s);
    QSet<QString> found;
    QHash<QString, int> seen;
    for (const ManualPages::Line &line : ManualPages::proseLines(pageText)) {
        const QRegularExpressionMatch match = heading.match(line.text);
        if (!match.hasMatch())
            continue;
        const QString id = slug(headingText(match.captured(1)));
        const int repeats = seen.value(id);
        seen[id] = repeats + 1;
        found << (repeats == 0 ? id : u"%1-%2"_s.arg(id).arg(repeats));
    }
    return found;
}

struct Link
{
    int line = 0;
    bool image = false;
    QString target;
};

// The Markdown links and images of a page's prose; inline code is text, not links.
QList<Link> links(const QString &pageText)
{
    static const QRegularExpression code(u"`[^`]*`"_s);
    static const QRegularExpression link(u"(!?)\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)"_s);
    QList<Link> found;
    for (const ManualPages::Line &line : ManualPages::proseLines(pageText)) {
        // A link's label may be code ([`curriculum/tools.json`](…)): blank the code, keep the
        // brackets.
        QString text = line.text;
        text.replace(code, u"c"_s);
        QRegularExpressionMatchIterator it = link.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            found << Link{line.number, !match.captured(1).isEmpty(), match.captured(2)};
        }
    }
    return found;
}

bool isExternal(const QString &target)
{
    return target.startsWith(u"https://"_s) || target.startsWith(u"http://"_s)
           || target.startsWith(u"mailto:"_s);
}

} // namespace

class TestDocumentation : public QObject
{
    Q_OBJECT

private slots:
    void slugsAreGitHubs_data();
    void slugsAreGitHubs();
    void repeatedHeadingsAreNumbered();
    void pagesExist();
    void linksResolve_data();
    void linksResolve();
    void imagesExist_data();
    void imagesExist();
};

void TestDocumentation::slugsAreGitHubs_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("anchor");
    // The rule above, worked by hand.
    QTest::newRow("words") << u"Where your data lives"_s << u"where-your-data-lives"_s;
    QTest::newRow("code and parentheses") << u"Curriculum (`.json`)"_s << u"curriculum-json"_s;
    QTest::newRow("comma") << u"Global options, times and exit codes"_s
                           << u"global-options-times-and-exit-codes"_s;
    QTest::newRow("slash and digits")
        << u"\"Read it and Weep\": semi-AutoBiographical tale/fantasy over 3.5 Generations!"_s
        << u"read-it-and-weep-semi-autobiographical-talefantasy-over-35-generations"_s;
    QTest::newRow("link label") << u"See [the manual](docs/README.md)"_s << u"see-the-manual"_s;
    QTest::newRow("arrow") << u"Export → PNG"_s << u"export--png"_s;
}

void TestDocumentation::slugsAreGitHubs()
{
    QFETCH(QString, heading);
    QFETCH(QString, anchor);
    QCOMPARE(slug(headingText(heading)), anchor);
}

void TestDocumentation::pagesExist()
{
    const QStringList pages = ManualPages::paths();
    // The front door and the index of the manual it links to, at least.
    QVERIFY(pages.contains(QStringLiteral(MLOPS_SOURCE_DIR "/README.md")));
    QVERIFY(pages.contains(QStringLiteral(MLOPS_SOURCE_DIR "/docs/README.md")));
}

void TestDocumentation::repeatedHeadingsAreNumbered()
{
    // A line in a code block is no heading.
    const QSet<QString> found = anchors(u"# Usage\n## Usage\n```\n# Usage\n```\n### Usage\n"_s);
    QCOMPARE(found, (QSet<QString>{u"usage"_s, u"usage-1"_s, u"usage-2"_s}));
}

void TestDocumentation::linksResolve_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("target");
    int count = 0;
    for (const QString &page : ManualPages::paths()) {
        for (const Link &link : links(ManualPages::read(page))) {
            if (link.image || isExternal(link.target))
                continue;
            QTest::addRow("%s:%d %s",
                          qPrintable(ManualPages::shortPath(page)),
                          link.line,
                          qPrintable(link.target))
                << page << link.line << link.target;
            ++count;
        }
    }
    // The README links every page of the manual: far more than this.
    QVERIFY(count >= 20);
}

void TestDocumentation::linksResolve()
{
    QFETCH(QString, page);
    QFETCH(QString, target);
    const qsizetype hash = target.indexOf(u'#');
    const QString path = hash < 0 ? target : target.left(hash);
    const QString anchor = hash < 0 ? QString() : target.mid(hash + 1);
    const QString file = path.isEmpty() ? page : QFileInfo(page).dir().filePath(path);
    QVERIFY2(QFileInfo::exists(file), qPrintable(u"no such file: "_s + path));
    if (anchor.isEmpty())
        return;
    QVERIFY2(file.endsWith(u".md"_s), "an #anchor into a file that is not a Markdown page");
    const QSet<QString> found = anchors(ManualPages::read(file));
    QVERIFY2(found.contains(anchor),
             qPrintable(u"no heading of %1 has the anchor #%2"_s.arg(ManualPages::shortPath(file),
                                                                     anchor)));
}

void TestDocumentation::imagesExist_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("target");
    int count = 0;
    for (const QString &page : ManualPages::paths()) {
        for (const Link &link : links(ManualPages::read(page))) {
            if (!link.image)
                continue;
            QTest::addRow("%s:%d %s",
                          qPrintable(ManualPages::shortPath(page)),
                          link.line,
                          qPrintable(link.target))
                << page << link.target;
            ++count;
        }
    }
    // A screenshot a workspace in the README alone.
    QVERIFY(count >= 3);
}

void TestDocumentation::imagesExist()
{
    QFETCH(QString, page);
    QFETCH(QString, target);
    QVERIFY2(!isExternal(target), "images are files of the repository, so they work offline");
    const QFileInfo image(QFileInfo(page).dir().filePath(target));
    QVERIFY2(image.isFile(), qPrintable(u"no such image: "_s + target));
    QVERIFY2(image.size() > 0, qPrintable(u"empty image: "_s + target));
}

QTEST_GUILESS_MAIN(TestDocumentation)
#include "tst_documentation.moc"
