// The Progress dashboard's self-check figures offscreen: the "Due today" tile, the answers with
// their retention, the reviews due in the next 30 days, the line shown before any answer, live
// updates and the themes. Berlin time, "today" fixed; the expected schedule is worked out from
// the FSRS-4.5 formulas and default parameters (github.com/open-spaced-repetition/fsrs4anki/
// wiki/The-Algorithm), not from the code under test.
#include "curriculum/curriculumloader.h"
#include "progress/curriculummodel.h"
#include "progress/progresscharts.h"
#include "progress/progressstore.h"
#include "progress/progresstiles.h"
#include "progress/progressworkspace.h"
#include "progress/studytimer.h"
#include "selfcheck/reviewsummarymodel.h"
#include "selfcheck/selfcheckscheduling.h"
#include "support/localzone.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDate Today(2024, 4, 10);   // a Wednesday
const int BuiltInQuestions = 182; // 26 topics, 7 questions each

QDateTime local(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), Qt::LocalTime).toUTC();
}

} // namespace

class TestProgressReviews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void noAnswerShowsALineInsteadOfCharts();
    void answersReachTileAndCharts();
    void aBatchOrAnotherProcessRereadsTheStore();
    void longRangesDrawAWeekABar();
    void themesColourTheSelfCheckCharts();

private:
    bool answer(const QString &questionId, bool correct, const QDateTime &at);
    QList<qreal> values(QBarSet *set) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
    std::unique_ptr<StudyTimer> m_timer;
    std::unique_ptr<ProgressWorkspace> m_workspace;
};

void TestProgressReviews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(berlinTimeWorks(), "the Europe/Berlin zone is missing (Debian package tzdata)");
}

void TestProgressReviews::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->filePath(u"config"_s));
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"progress.db"_s)));
    m_model = std::make_unique<CurriculumModel>();
    m_model->setCurriculum(CurriculumLoader::loadBuiltIn().curriculum);
    m_model->setStore(m_store.get());
    m_timer = std::make_unique<StudyTimer>(m_store.get());
    m_workspace
        = std::make_unique<ProgressWorkspace>(m_model.get(), m_timer.get(), [] { return Today; });
    m_workspace->resize(1300, 2000);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    QTRY_VERIFY(!m_workspace->reviewModel()->isStale());
}

void TestProgressReviews::cleanup()
{
    m_workspace.reset();
    m_timer.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

bool TestProgressReviews::answer(const QString &questionId, bool correct, const QDateTime &at)
{
    const Topic *topic = nullptr;
    const SelfCheckQuestion *question = m_model->curriculum().findQuestion(questionId, &topic);
    if (!question)
        return false;
    ReviewAnswer given;
    given.questionId = questionId;
    given.topicId = topic->id;
    given.choice = correct ? question->answer : (question->answer + 1) % question->choices.size();
    given.correct = correct;
    given.at = at;
    return m_store->recordAnswer(given, SelfCheckScheduling::scheduler());
}

QList<qreal> TestProgressReviews::values(QBarSet *set) const
{
    QList<qreal> result;
    for (int i = 0; i < set->count(); ++i)
        result << set->at(i);
    return result;
}

void TestProgressReviews::noAnswerShowsALineInsteadOfCharts()
{
    QLabel *line = m_workspace->selfCheckEmptyLabel();
    QVERIFY(line->isVisible());
    QVERIFY(line->text().startsWith(u"No self-check answers yet."_s));
    QVERIFY(!m_workspace->chartView(ProgressCharts::Answers)->isVisible());
    QVERIFY(!m_workspace->chartView(ProgressCharts::DueForecast)->isVisible());
    const QList<ProgressTiles::Tile> tiles = m_workspace->tiles()->tiles();
    QCOMPARE(tiles.size(), 5);
    QCOMPARE(tiles.last().value, u"0"_s);
    QCOMPARE(tiles.last().caption, u"due today · 0 of %1 answered"_s.arg(BuiltInQuestions));
}

// Berlin, April (UTC+2). A first right answer is due after S0(Good) = w2 = 3.7145 days, rounded:
// 4. A wrong one comes back after 10 minutes (the relearning step). accuracy-drop-no-alert:
// wrong (S = w0 = 0.4872, D = w4 + 2 w5 = 7.6214), then right 12 hours later: R = (1 + 19/81 ×
// 0.5 / 0.4872)^-0.5 = 0.8978, S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) + 1) = 1.552:
// due in 2 days.
void TestProgressReviews::answersReachTileAndCharts()
{
    QVERIFY(answer(u"mlops-overview/why-models-decay"_s, true, local(4, 1, 10)));
    QVERIFY(answer(u"mlops-overview/accuracy-drop-no-alert"_s, false, local(4, 9, 20)));
    QVERIFY(answer(u"mlops-overview/accuracy-drop-no-alert"_s, true, local(4, 10, 8)));
    QVERIFY(answer(u"ai-ml-lifecycle/stage-order"_s, true, local(4, 10, 9)));
    QVERIFY(answer(u"mlops-overview/why-models-decay"_s, false, local(4, 10, 10)));
    QTRY_VERIFY(!m_workspace->selfCheckEmptyLabel()->isVisible());
    QVERIFY(!m_workspace->reviewModel()->isStale());
    QVERIFY(m_workspace->chartView(ProgressCharts::Answers)->isVisible());
    QVERIFY(m_workspace->chartView(ProgressCharts::DueForecast)->isVisible());

    // Due today: why-models-decay (10:10). Answered: 3 questions.
    const ProgressTiles::Tile due = m_workspace->tiles()->tiles().last();
    QCOMPARE(due.value, u"1"_s);
    QCOMPARE(due.caption, u"due today · 3 of %1 answered"_s.arg(BuiltInQuestions));

    // The last 90 days, a bar a day: Jan 12 to Apr 10.
    ProgressCharts *charts = m_workspace->charts();
    QVERIFY(!charts->answersByWeek());
    QList<qreal> expected(90, 0);
    const QDate first = Today.addDays(-89);
    expected[first.daysTo(QDate(2024, 4, 1))] = 1;
    expected[first.daysTo(QDate(2024, 4, 9))] = 1;
    expected[89] = 3;
    QCOMPARE(values(charts->answersSet()), expected);
    QCOMPARE(charts->answersSet()->label(), u"Answers per day"_s);
    // Only Apr 10 has reviews (answers to questions seen before): 1 right of 2.
    QCOMPARE(charts->retentionSeries()->points(), (QList<QPointF>{QPointF(89, 50)}));
    QVERIFY2(charts->retentionSeries()->name().startsWith(u"Retention 50% in the range"_s),
             qPrintable(charts->retentionSeries()->name()));

    // Due: today 1, in 2 days accuracy-drop-no-alert, in 4 days stage-order (Apr 14 09:00).
    QList<qreal> forecast(30, 0);
    forecast[0] = 1;
    forecast[2] = 1;
    forecast[4] = 1;
    QCOMPARE(values(charts->dueSet()), forecast);

    // The range selector limits the answers: the last 30 days still hold all of them.
    m_workspace->rangeBox()->setCurrentIndex(m_workspace->rangeBox()->findData(30));
    QTRY_COMPARE(charts->answersSet()->count(), 30);
    QCOMPARE(charts->answersSet()->at(29), 3.0);
}

// appendAnswers (a batch) and a change by another process reset the store: the dashboard reads
// the answers again instead of adding one.
void TestProgressReviews::aBatchOrAnotherProcessRereadsTheStore()
{
    const Topic *topic = nullptr;
    const QString id = u"ai-ml-lifecycle/stage-order"_s;
    const SelfCheckQuestion *question = m_model->curriculum().findQuestion(id, &topic);
    QVERIFY(question);
    QList<ReviewAnswer> batch;
    for (int day : {3, 4}) {
        ReviewAnswer given;
        given.questionId = id;
        given.topicId = topic->id;
        given.choice = question->answer;
        given.correct = true;
        given.at = local(4, day, 12);
        batch << given;
    }
    QVERIFY(m_store->appendAnswers(batch, SelfCheckScheduling::scheduler()));
    QTRY_VERIFY(!m_workspace->selfCheckEmptyLabel()->isVisible());
    QVERIFY(!m_workspace->reviewModel()->isStale());
    const ReviewSummary &summary = m_workspace->reviewModel()->summary();
    QCOMPARE(summary.answersTotal, 2);
    QCOMPARE(summary.answered, 1);
    QCOMPARE(summary.reviewsInRange, 1);
    QCOMPARE(summary.reviewsRightInRange, 1);
    QCOMPARE(m_workspace->charts()->retentionSeries()->points(),
             (QList<QPointF>{QPointF(Today.addDays(-89).daysTo(QDate(2024, 4, 4)), 100)}));
}

// A year is 365 days: a bar per Monday-to-Sunday week overlapping it (Apr 12, 2023 is a
// Wednesday, so the first week starts on Apr 10, 2023; Apr 8, 2024 starts the last).
void TestProgressReviews::longRangesDrawAWeekABar()
{
    QVERIFY(answer(u"mlops-overview/why-models-decay"_s, true, local(4, 1, 10)));
    QVERIFY(answer(u"mlops-overview/accuracy-drop-no-alert"_s, true, local(4, 8, 9)));
    QVERIFY(answer(u"ai-ml-lifecycle/stage-order"_s, false, local(4, 10, 9)));
    m_workspace->rangeBox()->setCurrentIndex(m_workspace->rangeBox()->findData(365));
    ProgressCharts *charts = m_workspace->charts();
    QTRY_VERIFY(charts->answersByWeek());
    QTRY_VERIFY(!m_workspace->reviewModel()->isStale());
    const int weeks = int(QDate(2023, 4, 10).daysTo(QDate(2024, 4, 8)) / 7 + 1);
    QCOMPARE(charts->answersSet()->count(), weeks);
    QCOMPARE(charts->answersSet()->label(), u"Answers per week"_s);
    QCOMPARE(charts->answersSet()->at(weeks - 1), 2.0); // Apr 8 and Apr 10
    QCOMPARE(charts->answersSet()->at(weeks - 2), 1.0); // Apr 1
    // No question was answered twice: no retention yet.
    QVERIFY(charts->retentionSeries()->points().isEmpty());
    QCOMPARE(charts->retentionSeries()->name(),
             u"Retention: no question answered again in the range"_s);
}

void TestProgressReviews::themesColourTheSelfCheckCharts()
{
    QVERIFY(answer(u"mlops-overview/why-models-decay"_s, true, local(4, 1, 10)));
    QTRY_VERIFY(m_workspace->chartView(ProgressCharts::Answers)->isVisible());
    for (const QString &id : StudioTheme::ids()) {
        const StudioTheme theme = StudioTheme::byIdOrDefault(id);
        m_workspace->setTheme(theme);
        ProgressCharts *charts = m_workspace->charts();
        QCOMPARE(charts->answersSet()->color(), theme.dashboard.studyBar);
        QCOMPARE(charts->retentionSeries()->pen().color(), theme.dashboard.finished);
        QCOMPARE(charts->dueSet()->color(), theme.dashboard.forecast);
        for (ProgressCharts::Chart which : {ProgressCharts::Answers, ProgressCharts::DueForecast})
            QCOMPARE(charts->chart(which)->backgroundBrush().color(), theme.dashboard.panel);
        QVERIFY(
            m_workspace->selfCheckEmptyLabel()->styleSheet().contains(theme.dashboard.text.name()));
    }
}

MLOPS_BERLIN_TEST_MAIN_WITH(QApplication, TestProgressReviews)
#include "tst_progressreviews.moc"
