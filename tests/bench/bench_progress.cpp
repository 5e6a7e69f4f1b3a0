// Prints how fast the Progress dashboard computes and redraws with five years of made-up
// history: 100,000 status events and 20,000 study sessions (tests/support/syntheticprogress.h)
// and 200,000 self-check answers over the built-in questions. Targets from the dashboard issue:
// every aggregate the dashboard draws ≤ 50 ms in all, a dashboard refresh ≤ 100 ms, a status
// change to redrawn charts ≤ 100 ms; from the self-check issue: the due count with scheduling
// one answer ≤ 20 ms, opening a review session ≤ 50 ms.
//
// With MLOPS_BENCH_SCREENSHOTS=DIR it writes the README's screenshots to DIR instead: the main
// window on the Progress tab with about ten months of believable history, light and dark, and
// the whole dashboard.
#include "bench/benchfigures.h"
#include "curriculum/curriculumloader.h"
#include "mainwindow.h"
#include "progress/curriculummodel.h"
#include "progress/progresshistory.h"
#include "progress/progressstats.h"
#include "progress/progressstore.h"
#include "progress/progressworkspace.h"
#include "progress/studytimer.h"
#include "roadmap/roadmapactions.h"
#include "roadmap/roadmapworkspace.h"
#include "selfcheck/reviewsummaries.h"
#include "selfcheck/reviewsummarymodel.h"
#include "selfcheck/selfcheckplan.h"
#include "selfcheck/selfcheckscheduling.h"
#include "session/studiosession.h"
#include "support/studiotranslations.h"
#include "support/syntheticprogress.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 15;
constexpr int Years = 5;
constexpr int Events = 100'000;
constexpr int Sessions = 20'000;
constexpr int Answers = 200'000;

void fill(ProgressStore &store, const SyntheticProgress::History &history)
{
    if (!store.appendHistory(history.events, history.sessions))
        qFatal("%s", qPrintable(store.errorString()));
}

void printOnce(QTextStream &out, const QString &what, const QString &input, double ms)
{
    out << u"| %1 | %2 | %3 ms | — | once: when the tab first shows, or after another process "
           "wrote |\n"_s.arg(what, input)
               .arg(ms, 0, 'f', 2);
    out.flush();
}

// The dashboard keeps the history in memory: the aggregates are computed from it, and only the
// first showing reads all of it from the store.
void benchAggregates(QTextStream &out, const Curriculum &curriculum, ProgressStore &store)
{
    const QString input = u"%1 events, %2 sessions"_s.arg(Events).arg(Sessions);
    StatsOptions options;
    options.asOf = QDate::currentDate();
    options.targetDate = options.asOf.addMonths(6);
    ProgressHistory history;
    const double read = BenchFigures::medianMs(Runs, [&] { history = store.history(); });
    for (int range : {90, int(StatsOptions::AllHistory)}) {
        options.rangeDays = range;
        const double compute = BenchFigures::medianMs(
            Runs, [&] { ProgressStats::compute(curriculum, history, options); });
        BenchFigures::printRow(out,
                               u"Every aggregate the dashboard draws (%1)"_s.arg(
                                   range == 90 ? u"90 days"_s : u"all time"_s),
                               input,
                               compute,
                               50);
    }
    printOnce(out, u"Reading the whole history from the store"_s, input, read);
    ProgressHistory upToDate = store.history();
    const double incremental = BenchFigures::medianMs(Runs, [&] { store.readNewEvents(upToDate); });
    BenchFigures::printRow(
        out, u"Reading the status events since the last read"_s, input, incremental, 50);
    const double sessions = BenchFigures::medianMs(Runs, [&] { store.readSessions(upToDate); });
    BenchFigures::printRow(
        out, u"Reading the sessions again (after an edit)"_s, input, sessions, 50);
}

// Answers evenly spread over the years up to `end`, each question in turn (so each is answered
// about every day and a half), six in seven right.
QList<ReviewAnswer> syntheticAnswers(const Curriculum &curriculum, const QDateTime &end)
{
    QList<std::pair<const Topic *, const SelfCheckQuestion *>> questions;
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            for (const SelfCheckQuestion &question : topic.questions)
                questions.append({&topic, &question});
        }
    }
    if (questions.isEmpty())
        qFatal("the built-in curriculum has no self-check questions");
    const QDateTime start = end.addYears(-Years);
    const qint64 span = start.msecsTo(end);
    QList<ReviewAnswer> answers;
    answers.reserve(Answers);
    for (int i = 0; i < Answers; ++i) {
        const auto &[topic, question] = questions.at(i % questions.size());
        ReviewAnswer answer;
        answer.questionId = question->id;
        answer.topicId = topic->id;
        answer.correct = i % 7 != 0;
        answer.choice = answer.correct ? question->answer
                                       : (question->answer + 1) % int(question->choices.size());
        answer.at = start.addMSecs(span / Answers * i);
        answers << answer;
    }
    return answers;
}

// The floor any due count pays: the same count in one SQL statement, on its own connection.
double plainSqlDueCount(const QString &path, qint64 endOfTodayMs)
{
    double ms = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"baseline"_s);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("the baseline could not open the database");
        QSqlQuery query(db);
        ms = BenchFigures::medianMs(Runs, [&] {
            query.prepare(u"SELECT COUNT(*) FROM review_cards WHERE due_ms < ?"_s);
            query.addBindValue(endOfTodayMs);
            if (!query.exec() || !query.next())
                qFatal("the baseline query failed");
        });
    }
    QSqlDatabase::removeDatabase(u"baseline"_s);
    return ms;
}

void benchSelfCheck(QTextStream &out, const Curriculum &curriculum, ProgressStore &store)
{
    const QString input
        = u"%1 answers to %2 questions"_s.arg(Answers).arg(curriculum.questionCount());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ReviewScheduling scheduler = SelfCheckScheduling::scheduler();
    ReviewAnswer next;
    const SelfCheckQuestion *question
        = curriculum.findQuestion(curriculum.sections.first().topics.first().questions.first().id);
    next.questionId = question->id;
    next.topicId = curriculum.sections.first().topics.first().id;
    next.correct = true;
    next.choice = question->answer;
    next.at = now;
    int due = 0;
    const double dueAndSchedule = BenchFigures::medianMs(Runs, [&] {
        const QHash<QString, ReviewCard> cards = store.reviewCards();
        due = SelfCheckPlan::dueCount(curriculum, cards, now);
        scheduler(cards.value(next.questionId), next);
    });
    BenchFigures::printRow(out,
                           u"Self-check: read the cards, count what is due, schedule one "
                           "answer"_s,
                           input,
                           dueAndSchedule,
                           20);
    const double baseline
        = plainSqlDueCount(store.filePath(), SelfCheckPlan::endOfLocalDay(now).toMSecsSinceEpoch());
    out << u"| Self-check: the due count in plain SQL | %1 | %2 ms | — | baseline |\n"_s.arg(input)
               .arg(baseline, 0, 'f', 2);

    QHash<QString, TopicStatus> statuses;
    const QHash<QString, TopicProgress> progress = store.allProgress();
    for (const TopicProgress &topic : progress)
        statuses.insert(topic.topicId, topic.status);
    qsizetype asked = 0;
    const double session = BenchFigures::medianMs(Runs, [&] {
        const QHash<QString, ReviewCard> cards = store.reviewCards();
        asked = SelfCheckPlan::dueQuestions(curriculum, cards, statuses, now).size();
    });
    BenchFigures::printRow(
        out,
        u"Self-check: open a review session (%1 due, %2 asked)"_s.arg(due).arg(asked),
        input,
        session,
        50);

    ReviewTimeline timeline;
    const double read = BenchFigures::medianMs(Runs, [&] { timeline = store.reviewTimeline(); });
    printOnce(out, u"Self-check: reading every answer from the store"_s, input, read);
    const QHash<QString, ReviewCard> cards = store.reviewCards();
    for (int range : {90, int(StatsOptions::AllHistory)}) {
        const double figures = BenchFigures::medianMs(Runs, [&] {
            ReviewSummaries::compute(curriculum, cards, timeline, now.date(), range);
        });
        BenchFigures::printRow(out,
                               u"Self-check figures of the dashboard (%1)"_s.arg(
                                   range == 90 ? u"90 days"_s : u"all time"_s),
                               input,
                               figures,
                               50);
    }
}

// The charts lay out in posted events (QGraphicsLayout): those run, then one synchronous paint
// of everything on screen.
void redraw(QWidget *dashboard)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    dashboard->repaint();
}

// A right answer a minute after the last, committed; the self-check figures follow, the charts
// redraw.
void benchAnswerRedraw(QTextStream &out,
                       ProgressWorkspace &workspace,
                       StudioSession &session,
                       const QString &input)
{
    ProgressStore *store = session.store();
    QWidget *dashboard = workspace.dashboard();
    const Curriculum &curriculum = session.curriculumModel()->curriculum();
    const Topic &topic = curriculum.sections.first().topics.first();
    QDateTime at = QDateTime::currentDateTimeUtc();
    workspace.reviewModel()->refresh();
    const double answered = BenchFigures::medianMs(Runs, [&] {
        ReviewAnswer answer;
        answer.questionId = topic.questions.first().id;
        answer.topicId = topic.id;
        answer.choice = topic.questions.first().answer;
        answer.correct = true;
        at = at.addSecs(60);
        answer.at = at;
        if (!store->recordAnswer(answer, SelfCheckScheduling::scheduler()))
            qFatal("%s", qPrintable(store->errorString()));
        while (workspace.reviewModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Self-check answer to redrawn charts"_s, input, answered, 100);
}

void benchDashboard(QTextStream &out, const QString &dataDir)
{
    const QString input = u"%1 events, %2 sessions"_s.arg(Events).arg(Sessions);
    StudioSession session;
    if (!session.start(dataDir, {}))
        qFatal("%s", qPrintable(session.errorString()));
    ProgressWorkspace workspace(session.curriculumModel(), session.studyTimer());
    workspace.targetCheck()->setChecked(true);
    workspace.resize(1400, 2300); // tall enough that every chart is on screen
    workspace.show();
    if (!QTest::qWaitForWindowExposed(&workspace))
        qFatal("the dashboard did not show");
    QWidget *dashboard = workspace.dashboard();
    for (int range : {90, int(StatsOptions::AllHistory)}) {
        workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(range));
        const QString what = range == 90 ? u"90 days"_s : u"all time"_s;
        workspace.statsModel()->refresh();
        const double refresh = BenchFigures::medianMs(Runs, [&] {
            workspace.statsModel()->refresh();
            redraw(dashboard);
        });
        BenchFigures::printRow(out,
                               u"Dashboard refresh: aggregates, charts, tiles, calendar, "
                               "sessions, repaint (%1)"_s.arg(what),
                               input,
                               refresh,
                               100);
    }
    int flip = 0;
    const double rangeChange = BenchFigures::medianMs(Runs, [&] {
        // 90 days <-> all time: the session list reloads too (20,000 rows for all time).
        const int range = ++flip % 2 ? 90 : int(StatsOptions::AllHistory);
        workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(range));
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Range changed to redrawn dashboard"_s, input, rangeChange, 100);
    workspace.rangeBox()->setCurrentIndex(workspace.rangeBox()->findData(90));
    workspace.statsModel()->refresh();
    ProgressStore *store = session.store();
    const QStringList ids = session.curriculumModel()->curriculum().topicIds();
    int step = 0;
    const double change = BenchFigures::medianMs(Runs, [&] {
        // The store commits (synchronous=FULL), the coalescing timer fires, charts redraw.
        ++step;
        store->setStatus(ids.at(step % ids.size()),
                         step % 2 ? TopicStatus::Done : TopicStatus::Learning);
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Status change to redrawn charts"_s, input, change, 100);
    const double logged = BenchFigures::medianMs(Runs, [&] {
        store->logSession(ids.first(), 25, QDateTime::currentDateTimeUtc());
        while (workspace.statsModel()->isStale())
            QCoreApplication::processEvents();
        redraw(dashboard);
    });
    BenchFigures::printRow(out, u"Session logged to redrawn charts"_s, input, logged, 100);

    benchAnswerRedraw(out, workspace, session, input + u", %1 answers"_s.arg(Answers));
}

// A learner who answers a topic's questions when finishing it, then each question on the
// evening of the day it is due (again ten minutes later after a wrong answer), right five
// times in six: the self-check charts of the screenshots.
QList<ReviewAnswer> believableAnswers(const Curriculum &curriculum,
                                      const QList<StatusEvent> &events,
                                      const QDateTime &now)
{
    QRandomGenerator random(13);
    QList<ReviewAnswer> answers;
    for (const StatusEvent &event : events) {
        const Topic *topic = curriculum.findTopic(event.topicId);
        if (!topic || event.status != TopicStatus::Done)
            continue;
        for (const SelfCheckQuestion &question : topic->questions) {
            std::optional<ReviewCard> card;
            QDateTime at = event.at.addSecs(5 * 60);
            while (at < now) {
                ReviewAnswer answer;
                answer.questionId = question.id;
                answer.topicId = topic->id;
                answer.correct = random.bounded(6) != 0;
                answer.choice = answer.correct
                                    ? question.answer
                                    : (question.answer + 1) % int(question.choices.size());
                answer.at = at;
                answers << answer;
                card = SelfCheckScheduling::schedule(card, answer);
                at = answer.correct ? SyntheticProgress::localTime(
                         card->due.toLocalTime().date(), 20 * 60 + int(random.bounded(120)))
                                    : card->due;
            }
        }
    }
    return answers;
}

int screenshots(const QString &folder, const QString &dataDir)
{
    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    {
        ProgressStore store;
        if (!store.open(QDir(dataDir).filePath(u"progress.db"_s)))
            qFatal("%s", qPrintable(store.errorString()));
        const SyntheticProgress::History history
            = SyntheticProgress::realistic(curriculum, QDate::currentDate());
        fill(store, history);
        if (!store.appendAnswers(
                believableAnswers(curriculum, history.events, QDateTime::currentDateTimeUtc()),
                SelfCheckScheduling::scheduler()))
            qFatal("%s", qPrintable(store.errorString()));
    }
    StudioSession session;
    if (!session.start(dataDir, {}))
        qFatal("%s", qPrintable(session.errorString()));
    MainWindow window(&session);
    window.resize(1440, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window did not show");
    // The roadmap shows a topic being learned: the dashboard's timer offers it.
    for (const QString &id : curriculum.topicIds()) {
        if (session.curriculumModel()->topicStatus(id) == TopicStatus::Learning) {
            window.roadmap()->selectId(id);
            break;
        }
    }
    window.workspaces()->setCurrentIndex(MainWindow::Progress);
    ProgressWorkspace *progress = window.progress();
    progress->rangeBox()->setCurrentIndex(progress->rangeBox()->findData(365));
    progress->targetEdit()->setDate(QDate::currentDate().addMonths(5));
    progress->targetCheck()->setChecked(true);
    for (const QString &theme : {u"light"_s, u"dark"_s}) {
        window.roadmapActions()->setThemeId(theme);
        progress->statsModel()->refresh();
        progress->reviewModel()->refresh();
        QCoreApplication::sendPostedEvents(); // the charts lay out in posted events
        QCoreApplication::processEvents();
        const QString suffix = theme == u"light"_s ? QString() : u"-"_s + theme;
        window.grab().save(QDir(folder).filePath(u"screenshot-progress%1.png"_s.arg(suffix)));
        if (theme == u"light"_s) {
            progress->dashboard()->grab().save(
                QDir(folder).filePath(u"screenshot-progress-full.png"_s));
        }
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The English plural forms ("3 topics", not "3 topic(s)"), as main() installs them.
    if (!StudioTranslations::install())
        qFatal("the compiled-in translation could not be loaded");
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    const QString dataDir = dir.filePath(u"data"_s);
    if (!qEnvironmentVariableIsEmpty("MLOPS_BENCH_SCREENSHOTS"))
        return screenshots(qEnvironmentVariable("MLOPS_BENCH_SCREENSHOTS"), dataDir);

    const Curriculum curriculum = CurriculumLoader::loadBuiltIn().curriculum;
    {
        ProgressStore store;
        if (!store.open(QDir(dataDir).filePath(u"progress.db"_s)))
            qFatal("%s", qPrintable(store.errorString()));
        fill(store,
             SyntheticProgress::bulk(curriculum, QDate::currentDate(), Years, Events, Sessions));
        if (!store.appendAnswers(syntheticAnswers(curriculum, QDateTime::currentDateTimeUtc()),
                                 SelfCheckScheduling::scheduler()))
            qFatal("%s", qPrintable(store.errorString()));
        QTextStream out(stdout);
        out << "# Progress dashboard benchmark (" << Years << " years of history, median of "
            << Runs << " runs)\n\n";
        out << "Targets from issue 5 (the progress dashboard): every aggregate ≤ 50 ms, a "
               "dashboard "
               "refresh and a change to redrawn charts ≤ 100 ms. From issue 13 (self-check): the "
               "due count with scheduling one answer over 5 years of answers ≤ 20 ms, opening a "
               "review session ≤ 50 ms; the baseline row counts the same in one SQL "
               "statement.\n\n";
        out << "| What | Input | Time | Target | |\n|---|---|---|---|---|\n";
        benchAggregates(out, curriculum, store);
        benchSelfCheck(out, curriculum, store);
    }
    QTextStream out(stdout);
    benchDashboard(out, dataDir);
    return 0;
}
