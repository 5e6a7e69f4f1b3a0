// Presentation mode's question slide (key Q), its order and reveal, and the speaker notes'
// reading: split from tst_presentation, with the same fixture.
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

class TestPresentationQuiz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void questionOrderWalksTheTopics();
    void questionSlideShowsTheAnswerOnTheNextKey();
    void questionKeysLeaveTheSectionWhereItWas();
    void sectionWithoutQuestions();
    void questionSlideFitsTheScreen_data();
    void questionSlideFitsTheScreen();
    void hugeQuestionStaysOnTheSlide();
    void speakerNotesListResources();

private:
    std::unique_ptr<PresentationWindow> showPresentation();
    const QList<Section> &sections() const { return m_model->curriculum().sections; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
};

namespace {

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

SelfCheckQuestion questionWith(const QString &id)
{
    return {id, u"Which one?"_s, {u"This"_s, u"That"_s}, 1, u"Because."_s};
}

QStringList questionIds(const QList<PresentationQuiz::Entry> &entries)
{
    QStringList ids;
    for (const PresentationQuiz::Entry &entry : entries)
        ids << entry.question->id;
    return ids;
}

// The hint fades on a timer: slides are compared without it, so a slow machine cannot fail them.
QImage withoutHint(PresentationWindow &window)
{
    QImage image = window.grab().toImage();
    const double ratio = image.devicePixelRatio();
    image.setDevicePixelRatio(1);
    const QRectF hint = window.slide().hintBox.adjusted(-2, -2, 2, 2); // antialiasing
    QPainter(&image).fillRect(QRectF(hint.topLeft() * ratio, hint.size() * ratio), Qt::black);
    return image;
}

} // namespace

void TestPresentationQuiz::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPresentationQuiz::init()
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

void TestPresentationQuiz::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<PresentationWindow> TestPresentationQuiz::showPresentation()
{
    auto window = std::make_unique<PresentationWindow>(m_model.get());
    window->resize(1280, 720);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestPresentationQuiz::questionOrderWalksTheTopics()
{
    Section section = sectionWith(u"s"_s, 1, 3);
    section.topics[0].questions = {questionWith(u"a/1"_s), questionWith(u"a/2"_s)};
    section.topics[1].questions = {questionWith(u"b/1"_s)};
    section.topics[2].questions
        = {questionWith(u"c/1"_s), questionWith(u"c/2"_s), questionWith(u"c/3"_s)};
    // The first question of every topic, then the second of every topic that has one, …
    const QStringList order = {u"a/1"_s, u"b/1"_s, u"c/1"_s, u"a/2"_s, u"c/2"_s, u"c/3"_s};
    QCOMPARE(questionIds(PresentationQuiz::sectionQuestions(section)), order);

    Section other = sectionWith(u"t"_s, 2, 1);
    other.topics[0].questions = {questionWith(u"t/1"_s), questionWith(u"t/2"_s)};
    PresentationQuiz quiz;
    QCOMPARE(quiz.stage(), PresentationQuiz::Stage::Off);
    QStringList asked;
    for (int i = 0; i < 8; ++i) {
        QVERIFY(quiz.ask(section));
        asked << quiz.question().id;
        if (i == 1) { // another section keeps its own turn
            QVERIFY(quiz.ask(other));
            QCOMPARE(quiz.question().id, u"t/1"_s);
            QCOMPARE(quiz.topicTitle(), other.topics.at(0).title);
        }
    }
    QCOMPARE(asked, order + order.mid(0, 2)); // after the last question, the first again
    QCOMPARE(quiz.questionNumber(), 2);
    QCOMPARE(quiz.questionTotal(), 6);
    QCOMPARE(quiz.topicTitle(), section.topics.at(1).title);
    QVERIFY(quiz.ask(other));
    QCOMPARE(quiz.question().id, u"t/2"_s);

    QCOMPARE(quiz.stage(), PresentationQuiz::Stage::Asking);
    quiz.showAnswer();
    QCOMPARE(quiz.stage(), PresentationQuiz::Stage::Answered);
    quiz.close();
    QVERIFY(!quiz.isOn());
    quiz.showAnswer(); // no question, no answer
    QVERIFY(!quiz.isOn());

    const Section none = sectionWith(u"u"_s, 3, 2);
    QVERIFY(!quiz.ask(none));
    QVERIFY(!quiz.isOn());
    quiz.reset();
    QVERIFY(quiz.ask(section));
    QCOMPARE(quiz.question().id, u"a/1"_s);
}

void TestPresentationQuiz::questionSlideShowsTheAnswerOnTheNextKey()
{
    auto window = showPresentation();
    QVERIFY(window);
    QVERIFY(window->hintText().contains(u"Q question"_s));
    const QColor right = window->theme().statusColor(TopicStatus::Done);
    const QImage sectionSlide = withoutHint(*window);
    const QList<Topic> &topics = sections().at(0).topics;
    QVERIFY(topics.size() >= 2 && !topics.at(0).questions.isEmpty());

    QTest::keyClick(window.get(), Qt::Key_Q);
    QVERIFY(window->isQuestionShown());
    QVERIFY(!window->isAnswerShown());
    const SelfCheckQuestion &question = topics.at(0).questions.at(0);
    QCOMPARE(window->questionId(), question.id);
    const SlideLayout asked = window->slide();
    QVERIFY(asked.cards.isEmpty());
    QVERIFY(asked.objective.lines.join(u' ').contains(topics.at(0).title));
    QVERIFY(asked.prompt.showsWhole(question.prompt));
    QCOMPARE(asked.choices.size(), question.choices.size());
    for (qsizetype i = 0; i < asked.choices.size(); ++i) {
        const SlideChoice &choice = asked.choices.at(i);
        QVERIFY(choice.text.showsWhole(question.choices.at(i)));
        QVERIFY(!choice.right);
        QVERIFY(!choice.text.font.bold()); // bold would give the answer away
    }
    QVERIFY(asked.explanation.lines.isEmpty());
    const QImage askedImage = window->grab().toImage();
    QCOMPARE(countPixels(askedImage, right), 0);

    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(window->isAnswerShown());
    QCOMPARE(window->questionId(), question.id);
    const SlideLayout answered = window->slide();
    QCOMPARE(answered.choices.size(), asked.choices.size());
    for (qsizetype i = 0; i < answered.choices.size(); ++i) {
        const SlideChoice &choice = answered.choices.at(i);
        QCOMPARE(choice.right, i == question.answer);
        QCOMPARE(choice.text.font.bold(), i == question.answer);
        QCOMPARE(choice.rect, asked.choices.at(i).rect); // showing the answer moves nothing
    }
    QVERIFY(answered.explanation.showsWhole(question.explanation));
    QVERIFY(answered.explanation.baselines.value(0).y() > answered.choices.last().rect.bottom());
    // The check mark and the right choice's border draw in the "done" colour.
    const QImage answeredImage = window->grab().toImage();
    QVERIFY(countPixels(answeredImage, right) > 50);

    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(!window->isQuestionShown());
    QCOMPARE(window->currentSection(), 0);
    QCOMPARE(withoutHint(*window), sectionSlide);

    // Q again: the next question, from the next topic; Enter and Q step on as Space does.
    QTest::keyClick(window.get(), Qt::Key_Q);
    QCOMPARE(window->questionId(), topics.at(1).questions.at(0).id);
    QTest::keyClick(window.get(), Qt::Key_Return);
    QVERIFY(window->isAnswerShown());
    QTest::keyClick(window.get(), Qt::Key_Q);
    QVERIFY(!window->isQuestionShown());
    QTest::keyClick(window.get(), Qt::Key_Q);
    QVERIFY(window->isQuestionShown());
    QTest::keyClick(window.get(), Qt::Key_Right);
    QVERIFY(window->isAnswerShown());
    QTest::keyClick(window.get(), Qt::Key_Enter);
    QVERIFY(!window->isQuestionShown());
    QCOMPARE(window->currentSection(), 0);
}

void TestPresentationQuiz::questionKeysLeaveTheSectionWhereItWas()
{
    auto window = showPresentation();
    QVERIFY(window);
    QSignalSpy finished(window.get(), &PresentationWindow::finished);
    QSignalSpy changed(window.get(), &PresentationWindow::currentSectionChanged);
    QTest::keyClick(window.get(), Qt::Key_R);
    QTest::keyClick(window.get(), Qt::Key_Space);
    QCOMPARE(window->revealedTopicCount(), 1);
    const QImage partly = withoutHint(*window);

    // Esc leaves the question slide, not the presentation.
    QTest::keyClick(window.get(), Qt::Key_Q);
    QVERIFY(window->isQuestionShown());
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QVERIFY(!window->isQuestionShown());
    QVERIFY(window->isVisible());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(window->revealedTopicCount(), 1);
    QCOMPARE(withoutHint(*window), partly);

    // So does Esc once the answer is shown, and the back keys.
    QTest::keyClick(window.get(), Qt::Key_Q);
    QTest::keyClick(window.get(), Qt::Key_Space);
    QVERIFY(window->isAnswerShown());
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QVERIFY(!window->isQuestionShown());
    QTest::keyClick(window.get(), Qt::Key_Q);
    QTest::keyClick(window.get(), Qt::Key_Left);
    QVERIFY(!window->isQuestionShown());
    QCOMPARE(window->currentSection(), 0);
    QCOMPARE(window->revealedTopicCount(), 1);
    QCOMPARE(changed.size(), 0);

    // The laser works over a question; End leaves it for the last section.
    QTest::keyClick(window.get(), Qt::Key_Q);
    QTest::keyClick(window.get(), Qt::Key_L);
    QVERIFY(window->isLaserOn());
    QVERIFY(window->isQuestionShown());
    QTest::keyClick(window.get(), Qt::Key_L);
    QTest::keyClick(window.get(), Qt::Key_End);
    QVERIFY(!window->isQuestionShown());
    QCOMPARE(window->currentSection(), window->sectionCount() - 1);
    QVERIFY(window->slide().prompt.lines.isEmpty());

    QTest::keyClick(window.get(), Qt::Key_Escape);
    QCOMPARE(finished.size(), 1);
}

void TestPresentationQuiz::sectionWithoutQuestions()
{
    Curriculum curriculum;
    curriculum.title = u"Quiet"_s;
    curriculum.sections << sectionWith(u"none"_s, 1, 2) << sectionWith(u"some"_s, 2, 1);
    curriculum.sections[1].topics[0].questions = {questionWith(u"some-topic-0/q"_s)};
    m_model->setCurriculum(curriculum);
    auto window = showPresentation();
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isHintVisible(), 10000);
    const QImage before = window->grab().toImage();

    QTest::keyClick(window.get(), Qt::Key_Q);
    QVERIFY(!window->isQuestionShown());
    QVERIFY(window->isHintVisible());
    QCOMPARE(window->hintText(), u"No questions in this section"_s);
    QCOMPARE(window->slide().cards.size(), 2); // the slide itself is unchanged
    QTRY_VERIFY_WITH_TIMEOUT(!window->isHintVisible(), 10000);
    QCOMPARE(window->grab().toImage(), before);

    QTest::keyClick(window.get(), Qt::Key_Right);
    QTest::keyClick(window.get(), Qt::Key_Q);
    QCOMPARE(window->questionId(), u"some-topic-0/q"_s);
}

// The screens of tst_presentation's slideFitsTheScreen.
void TestPresentationQuiz::questionSlideFitsTheScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("themeId");
    QTest::newRow("4:3 projector") << QSize(1024, 768) << u"projector"_s;
    QTest::newRow("full HD") << QSize(1920, 1080) << u"projector"_s;
    QTest::newRow("HD ready") << QSize(1280, 720) << u"light"_s;
    QTest::newRow("4K") << QSize(3840, 2160) << u"dark"_s;
    QTest::newRow("small offscreen") << QSize(800, 600) << u"projector"_s;
}

void TestPresentationQuiz::questionSlideFitsTheScreen()
{
    QFETCH(QSize, size);
    QFETCH(QString, themeId);
    const StudioTheme theme = StudioTheme::byIdOrDefault(themeId);
    const QRectF screen(QPointF(), size);
    for (const Section &section : sections()) {
        for (const Topic &topic : section.topics) {
            for (const SelfCheckQuestion &question : topic.questions) {
                SlideContent content;
                content.section = &section;
                content.question = &question;
                content.answerShown = true;
                content.questionHeading = u"Question 21 of 21 · "_s + topic.title;
                content.counter = u"Section 9 / 9"_s;
                content.footer = m_model->curriculum().title;
                const SlideLayout slide = layoutSlide(content, size, theme);
                const double footerTop
                    = slide.counter.baselines.value(0).y() - slide.counter.font.pixelSize();
                QVERIFY2(slide.prompt.showsWhole(question.prompt), qPrintable(question.id));
                QVERIFY(slide.prompt.baselines.value(0).y() > slide.objective.bottom);
                QCOMPARE(slide.choices.size(), question.choices.size());
                for (qsizetype i = 0; i < slide.choices.size(); ++i) {
                    const SlideChoice &choice = slide.choices.at(i);
                    QVERIFY2(choice.text.showsWhole(question.choices.at(i)),
                             qPrintable(question.id));
                    QVERIFY(screen.contains(choice.rect));
                    QVERIFY(choice.rect.contains(choice.marker));
                    QVERIFY(choice.text.bottom <= choice.rect.bottom());
                }
                QVERIFY2(slide.explanation.showsWhole(question.explanation),
                         qPrintable(question.id));
                QVERIFY2(slide.explanation.bottom < footerTop, qPrintable(question.id));
                // Readable from the back of the room: the prompt as large as the topic cards'
                // titles, the choices not smaller than their goals (the theme's text sizes).
                QVERIFY2(slide.prompt.font.pixelSize() * 40 >= size.height(),
                         qPrintable(question.id));
                const int cardText = int(std::lround(theme.slide.cardTextSize * slide.scale));
                QVERIFY2(slide.choices.first().text.font.pixelSize() >= cardText,
                         qPrintable(question.id));
            }
        }
    }
}

void TestPresentationQuiz::hugeQuestionStaysOnTheSlide()
{
    const Section &section = sections().at(0);
    const QString words = u"a rather long word list "_s.repeated(400);
    const SelfCheckQuestion question{
        u"x/huge"_s, words, {words, words + u"!"_s, words + u"?"_s, words + u"."_s}, 2, words};
    for (const QSize size : {QSize(800, 600), QSize(1920, 1080)}) {
        SlideContent content;
        content.section = &section;
        content.question = &question;
        content.answerShown = true;
        content.questionHeading = words;
        content.counter = u"Section 1 / 9"_s;
        const SlideLayout slide = layoutSlide(content, size, StudioTheme::byIdOrDefault({}));
        const double footerTop
            = slide.counter.baselines.value(0).y() - slide.counter.font.pixelSize();
        QVERIFY(!slide.prompt.lines.isEmpty());
        QVERIFY(!slide.prompt.showsWhole(words)); // cut short, not spilling over the footer
        QCOMPARE(slide.choices.size(), 4);
        QVERIFY(slide.choices.at(2).right);
        QVERIFY(slide.explanation.bottom < footerTop);
        QVERIFY(QRectF(QPointF(), size).contains(slide.choices.last().rect));
    }
}

void TestPresentationQuiz::speakerNotesListResources()
{
    auto window = showPresentation();
    QVERIFY(window);
    window->setSpeakerNotesVisible(true);
    const QString notes = window->speakerNotes()->notesText();
    for (const Topic &topic : sections().at(0).topics) {
        QVERIFY(!topic.resources.isEmpty());
        for (const TopicResource &resource : topic.resources) {
            QVERIFY2(notes.contains(resource.title), qPrintable(resource.title));
            QVERIFY2(notes.contains(u"(%1)"_s.arg(resource.kind)), qPrintable(resource.kind));
            QVERIFY2(notes.contains(resource.url), qPrintable(resource.url));
        }
    }
}

QTEST_MAIN(TestPresentationQuiz)
#include "tst_presentationquiz.moc"
