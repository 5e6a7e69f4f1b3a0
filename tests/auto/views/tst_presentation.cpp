#include "curriculum/curriculumloader.h"
#include "presentation/presentationwindow.h"
#include "presentation/slidelayout.h"
#include "presentation/speakernoteswindow.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestPresentation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void usesTheProjectorTheme();
    void stepsThroughSections();
    void revealsTopicsOneByOne();
    void hidingProgressHidesStatusColours();
    void laserFollowsTheMouse();
    void escapeFinishesWhereThePresenterWas();
    void startsAtASectionOrTopic();
    void hintFadesAway();
    void speakerNotesFollowTheSlides();
    void presentGoesFullScreen();
    void wholeTextCheck();
    void slideFitsTheScreen_data();
    void slideFitsTheScreen();
    void oneSectionCurriculum();
    void sectionWithoutTopics();

private:
    std::unique_ptr<PresentationWindow> showPresentation();
    const QList<Section> &sections() const { return m_model->curriculum().sections; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
};

namespace {

// The colour at a point in widget coordinates of a grab(), whose pixels are device pixels.
QColor colorAt(const QImage &image, QPoint point)
{
    return image.pixelColor((QPointF(point) * image.devicePixelRatio()).toPoint());
}

int countPixels(const QImage &image, const QColor &color)
{
    int count = 0;
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == wanted;
    return count;
}

Section sectionWith(const QString &id, int number, int topics)
{
    Section section{id, number, u"Section %1"_s.arg(number), u"An objective"_s, {}, {}};
    for (int i = 0; i < topics; ++i)
        section.topics << Topic{u"%1-topic-%2"_s.arg(id).arg(i),
                                u"Topic %1"_s.arg(i),
                                u"Goals of topic %1"_s.arg(i),
                                u"Activities of topic %1"_s.arg(i),
                                {u"Tool"_s},
                                1,
                                {},
                                {}};
    return section;
}

} // namespace

void TestPresentation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPresentation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"progress.db"_s)));
    m_model = std::make_unique<CurriculumModel>();
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    QVERIFY(loaded.ok);
    m_model->setCurriculum(loaded.curriculum);
    m_model->setStore(m_store.get());
}

void TestPresentation::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<PresentationWindow> TestPresentation::showPresentation()
{
    auto window = std::make_unique<PresentationWindow>(m_model.get());
    window->resize(1280, 720);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestPresentation::usesTheProjectorTheme()
{
    PresentationWindow window(m_model.get());
    QCOMPARE(window.theme().id, u"projector"_s);
    window.setTheme(StudioTheme::byIdOrDefault(u"dark"_s));
    QCOMPARE(window.theme().id, u"dark"_s);
}

void TestPresentation::stepsThroughSections()
{
    auto window = showPresentation();
    QVERIFY(window);
    QSignalSpy changed(window.get(), &PresentationWindow::currentSectionChanged);
    QCOMPARE(window->sectionCount(), 9);
    QCOMPARE(window->currentSection(), 0);
    QCOMPARE(window->counterText(), u"Section 1 / 9"_s);

    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->counterText(), u"Section 2 / 9"_s);
    QCOMPARE(window->currentSectionId(), sections().at(1).id);
    QTest::keyClick(window.get(), Qt::Key_Space);
    QCOMPARE(window->currentSection(), 2);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->currentSection(), 1);
    QTest::keyClick(window.get(), Qt::Key_End);
    QCOMPARE(window->counterText(), u"Section 9 / 9"_s);
    QTest::keyClick(window.get(), Qt::Key_Right); // stays on the last slide
    QCOMPARE(window->currentSection(), 8);
    QTest::keyClick(window.get(), Qt::Key_Home);
    QCOMPARE(window->currentSection(), 0);
    QTest::keyClick(window.get(), Qt::Key_Left); // and on the first
    QCOMPARE(window->currentSection(), 0);
    QTest::keyClick(window.get(), Qt::Key_PageDown);
    QTest::keyClick(window.get(), Qt::Key_PageDown);
    QTest::keyClick(window.get(), Qt::Key_Backspace);
    QCOMPARE(window->currentSection(), 1);
    QTest::keyClick(window.get(), Qt::Key_PageUp);
    QCOMPARE(window->currentSection(), 0);

    const QList<int> expected = {1, 2, 1, 8, 0, 1, 2, 1, 0};
    QCOMPARE(changed.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(changed.at(i).at(0).toInt(), expected.at(i));
}

void TestPresentation::revealsTopicsOneByOne()
{
    auto window = showPresentation();
    QVERIFY(window);
    QCOMPARE(window->revealedTopicCount(), 3); // everything shown until revealing is on
    const QImage full = window->grab().toImage();
    QTest::keyClick(window.get(), Qt::Key_R);
    QVERIFY(window->isRevealing());
    QCOMPARE(window->revealedTopicCount(), 0);
    const QImage none = window->grab().toImage();
    QVERIFY(none != full);

    for (int shown = 1; shown <= 3; ++shown) {
        QTest::keyClick(window.get(), Qt::Key_Space);
        QCOMPARE(window->currentSection(), 0);
        QCOMPARE(window->revealedTopicCount(), shown);
    }
    QCOMPARE(window->grab().toImage(), full);
    QTest::keyClick(window.get(), Qt::Key_Space);
    QCOMPARE(window->currentSection(), 1);
    QCOMPARE(window->revealedTopicCount(), 0);

    // Back steps undo forward steps: into the previous section fully shown, then topic by topic.
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->currentSection(), 0);
    QCOMPARE(window->revealedTopicCount(), 3);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->revealedTopicCount(), 2);

    QTest::keyClick(window.get(), Qt::Key_R);
    QVERIFY(!window->isRevealing());
    QCOMPARE(window->revealedTopicCount(), 3);
}

void TestPresentation::hidingProgressHidesStatusColours()
{
    QVERIFY(m_store->setStatus(sections().at(0).topics.at(0).id, TopicStatus::Done));
    QVERIFY(m_store->setStatus(sections().at(0).topics.at(1).id, TopicStatus::Learning));
    auto window = showPresentation();
    QVERIFY(window);
    const StudioTheme &theme = window->theme();
    QVERIFY(window->isProgressVisible());
    const QImage shown = window->grab().toImage();
    QVERIFY(countPixels(shown, theme.statusColor(TopicStatus::Done)) > 100);
    QVERIFY(countPixels(shown, theme.statusColor(TopicStatus::Learning)) > 100);

    QTest::keyClick(window.get(), Qt::Key_P);
    QVERIFY(!window->isProgressVisible());
    const QImage hidden = window->grab().toImage();
    QVERIFY(hidden != shown);
    QCOMPARE(countPixels(hidden, theme.statusColor(TopicStatus::Done)), 0);
    QCOMPARE(countPixels(hidden, theme.statusColor(TopicStatus::Learning)), 0);

    QTest::keyClick(window.get(), Qt::Key_P);
    QVERIFY(window->isProgressVisible());
    QCOMPARE(window->grab().toImage(), shown);
}

void TestPresentation::laserFollowsTheMouse()
{
    auto window = showPresentation();
    QVERIFY(window);
    const QColor laser = window->theme().laser;
    QCOMPARE(countPixels(window->grab().toImage(), laser), 0);

    QTest::keyClick(window.get(), Qt::Key_L);
    QVERIFY(window->isLaserOn());
    QCOMPARE(window->cursor().shape(), Qt::BlankCursor);
    const QPoint first(200, 300);
    QTest::mouseMove(window.get(), first);
    QTRY_COMPARE(window->laserPosition(), QPointF(first));
    QImage image = window->grab().toImage();
    QCOMPARE(colorAt(image, first), laser);

    const QPoint second(900, 500);
    QTest::mouseMove(window.get(), second);
    QTRY_COMPARE(window->laserPosition(), QPointF(second));
    image = window->grab().toImage();
    QCOMPARE(colorAt(image, second), laser);
    QVERIFY(colorAt(image, first) != laser);

    QTest::keyClick(window.get(), Qt::Key_L);
    QVERIFY(!window->isLaserOn());
    QVERIFY(window->cursor().shape() != Qt::BlankCursor);
    QCOMPARE(countPixels(window->grab().toImage(), laser), 0);
}

void TestPresentation::escapeFinishesWhereThePresenterWas()
{
    auto window = showPresentation();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &PresentationWindow::finished);
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), sections().at(2).id);
    QTRY_VERIFY(!window->isVisible());
}

void TestPresentation::startsAtASectionOrTopic()
{
    PresentationWindow window(m_model.get());
    QVERIFY(window.goToId(sections().at(4).id));
    QCOMPARE(window.currentSection(), 4);
    QCOMPARE(window.counterText(), u"Section 5 / 9"_s);
    QVERIFY(window.goToId(u"feature-stores"_s));
    QCOMPARE(window.currentSectionId(), u"advanced-mlops-practices"_s);
    QVERIFY(!window.goToId(u"no-such-id"_s));
    QCOMPARE(window.currentSection(), 6);
}

void TestPresentation::hintFadesAway()
{
    auto window = showPresentation();
    QVERIFY(window);
    QVERIFY(window->isHintVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isHintVisible(), 10000);
}

void TestPresentation::speakerNotesFollowTheSlides()
{
    auto window = showPresentation();
    QVERIFY(window);
    SpeakerNotesWindow *notes = window->speakerNotes();
    QVERIFY(!notes->isVisible()); // one screen: notes only on request
    QTest::keyClick(window.get(), Qt::Key_N);
    QVERIFY(QTest::qWaitForWindowExposed(notes));
    const Topic &first = sections().at(0).topics.at(0);
    QVERIFY(notes->notesText().contains(first.goals));
    QVERIFY(notes->notesText().contains(first.activities));
    QVERIFY(notes->nextText().contains(sections().at(1).title));

    QTest::keyClick(window.get(), Qt::Key_Right);
    QVERIFY(notes->notesText().contains(sections().at(1).topics.at(2).goals));
    QVERIFY(!notes->notesText().contains(first.goals));
    QVERIFY(notes->nextText().contains(sections().at(2).title));

    // The presenter may drive from the notes window.
    QTest::keyClick(notes, Qt::Key_Right);
    QCOMPARE(window->currentSection(), 2);
    QTest::keyClick(notes, Qt::Key_End);
    QVERIFY(!notes->nextText().contains(sections().at(7).title));

    QCOMPARE(notes->elapsedText(), u"00:00"_s);
    QTRY_COMPARE_WITH_TIMEOUT(notes->elapsedText(), u"00:01"_s, 5000);

    QTest::keyClick(window.get(), Qt::Key_N);
    QVERIFY(!notes->isVisible());
}

void TestPresentation::presentGoesFullScreen()
{
    PresentationWindow window(m_model.get());
    window.present(nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isFullScreen());
    QCOMPARE(window.screen(), QGuiApplication::primaryScreen());
    QCOMPARE(window.speakerNotes()->isVisible(), QGuiApplication::screens().size() > 1);
    QTRY_VERIFY(window.hasFocus());
    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(!window.speakerNotes()->isVisible());
}

void TestPresentation::slideFitsTheScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("themeId");
    QTest::newRow("4:3 projector") << QSize(1024, 768) << u"projector"_s;
    QTest::newRow("full HD") << QSize(1920, 1080) << u"projector"_s;
    QTest::newRow("HD ready") << QSize(1280, 720) << u"light"_s;
    QTest::newRow("4K") << QSize(3840, 2160) << u"dark"_s;
    QTest::newRow("small offscreen") << QSize(800, 600) << u"projector"_s;
}

void TestPresentation::wholeTextCheck()
{
    SlideText text;
    text.lines = {u"Scripting for AI/"_s, u"ML"_s};
    QVERIFY(text.showsWhole(u"Scripting for AI/ML"_s));
    text.lines = {u"Introductio"_s, u"n to AI/ML"_s};
    QVERIFY(!text.showsWhole(u"Introduction to AI/ML"_s));
    text.lines = {u"Introduction to"_s, u"AI/M…"_s};
    QVERIFY(!text.showsWhole(u"Introduction to AI/ML"_s));
    text.lines = {u"Introduction to"_s, u"AI/ML"_s};
    QVERIFY(text.showsWhole(u"Introduction to AI/ML"_s));
}

void TestPresentation::slideFitsTheScreen()
{
    QFETCH(QSize, size);
    QFETCH(QString, themeId);
    const StudioTheme theme = StudioTheme::byIdOrDefault(themeId);
    const QRectF screen(QPointF(), size);
    for (const Section &section : sections()) {
        SlideContent content;
        content.section = &section;
        content.counter = u"Section 9 / 9"_s;
        content.footer = m_model->curriculum().title;
        const SlideLayout slide = layoutSlide(content, size, theme);
        QCOMPARE(slide.cards.size(), section.topics.size());
        QVERIFY(slide.header.height() < size.height() / 4);
        QVERIFY2(slide.title.showsWhole(section.title), qPrintable(slide.title.lines.join(u'|')));
        const double footerTop
            = slide.counter.baselines.value(0).y() - slide.counter.font.pixelSize();
        for (qsizetype i = 0; i < slide.cards.size(); ++i) {
            const SlideCard &card = slide.cards.at(i);
            const Topic &topic = section.topics.at(i);
            QVERIFY(screen.contains(card.rect));
            QVERIFY2(card.rect.bottom() < footerTop, qPrintable(section.id));
            QVERIFY(card.rect.top() > slide.objective.bottom);
            QVERIFY2(card.title.showsWhole(topic.title), qPrintable(card.title.lines.join(u'|')));
            QVERIFY2(!card.goals.lines.isEmpty(), qPrintable(section.id));
            QVERIFY(card.goals.bottom <= card.rect.bottom());
            // Readable from the back of the room: at least 1/40 of the screen height.
            QVERIFY(card.title.font.pixelSize() * 40 >= size.height());
        }
    }
}

void TestPresentation::oneSectionCurriculum()
{
    Curriculum curriculum;
    curriculum.title = u"Tiny"_s;
    curriculum.sections << sectionWith(u"only"_s, 1, 1);
    m_model->setCurriculum(curriculum);
    auto window = showPresentation();
    QVERIFY(window);
    QCOMPARE(window->counterText(), u"Section 1 / 1"_s);
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_End);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->currentSection(), 0);
    QVERIFY(!window->grab().toImage().isNull());
}

void TestPresentation::sectionWithoutTopics()
{
    Curriculum curriculum;
    curriculum.title = u"Gaps"_s;
    curriculum.sections << sectionWith(u"empty"_s, 1, 0) << sectionWith(u"full"_s, 2, 2);
    m_model->setCurriculum(curriculum);
    auto window = showPresentation();
    QVERIFY(window);
    QCOMPARE(window->revealedTopicCount(), 0);
    const QImage empty = window->grab().toImage();
    QTest::keyClick(window.get(), Qt::Key_R);
    QTest::keyClick(window.get(), Qt::Key_Space); // nothing to reveal: on to the next section
    QCOMPARE(window->currentSection(), 1);
    QCOMPARE(window->revealedTopicCount(), 0);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(window->currentSection(), 0);
    QCOMPARE(window->grab().toImage(), empty);
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
