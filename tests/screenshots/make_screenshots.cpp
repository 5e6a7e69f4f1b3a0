// Draws the README's and the manual's screenshots of the Roadmap, the Pipeline canvas, the
// templates' gallery, an imported workflow and presentation mode from the real main window,
// offscreen, with believable progress (support/syntheticprogress.h, seeded). scripts/screenshots
// runs it, and bench_progress for the Progress dashboard's.
//
// make_screenshots FOLDER [WORKFLOW.yml]: writes FOLDER/screenshot-*.png; with a GitHub Actions
// workflow, also screenshot-import.png of it opened on the canvas.
#include "curriculum/curriculumloader.h"
#include "mainwindow.h"
#include "pipeline/pipelinescene.h"
#include "pipeline/pipelinetemplates.h"
#include "pipeline/pipelineview.h"
#include "pipeline/pipelineworkspace.h"
#include "presentation/presentationwindow.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/roadmapactions.h"
#include "roadmap/roadmapworkspace.h"
#include "selfcheck/reviewdialog.h"
#include "selfcheck/selfcheckscheduling.h"
#include "session/studiosession.h"
#include "support/studiotranslations.h"
#include "support/syntheticprogress.h"

#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QSize WindowSize(1440, 900);

void save(QWidget &widget, const QString &folder, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = QDir(folder).filePath(name);
    if (!widget.grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    std::fprintf(stderr, "wrote %s\n", qPrintable(path));
}

void fillProgress(const QString &dataDir, const Curriculum &curriculum)
{
    ProgressStore store;
    if (!store.open(QDir(dataDir).filePath(u"progress.db"_s)))
        qFatal("%s", qPrintable(store.errorString()));
    const SyntheticProgress::History history
        = SyntheticProgress::realistic(curriculum, QDate::currentDate());
    if (!store.appendHistory(history.events, history.sessions))
        qFatal("%s", qPrintable(store.errorString()));
    store.setNotes(u"feature-stores"_s,
                   u"## Feast\n- offline store: **parquet**\n- online store: redis\n"_s);
    // Self-check answers over the last weeks: most right, some wrong, so mastery shows.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<ReviewAnswer> answers;
    int n = 0;
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            if (section.number > 4)
                break;
            for (const SelfCheckQuestion &question : topic.questions) {
                const bool right = (++n % 4) != 0;
                const int choice = right ? question.answer
                                         : (question.answer + 1) % int(question.choices.size());
                answers.append(
                    {0, question.id, topic.id, choice, right, now.addDays(-(n % 9) - 1)});
            }
        }
    }
    std::stable_sort(
        answers.begin(), answers.end(), [](const auto &a, const auto &b) { return a.at < b.at; });
    if (!store.appendAnswers(answers, SelfCheckScheduling::scheduler()))
        qFatal("%s", qPrintable(store.errorString()));
}

// A review in progress: a wrong answer with the right one, the explanation and the reading.
void reviewShot(StudioSession &session, const QString &folder)
{
    const Curriculum &curriculum = session.curriculumModel()->curriculum();
    const Topic *topic = curriculum.findTopic(u"feature-stores"_s);
    QStringList ids;
    for (const SelfCheckQuestion &question : topic->questions)
        ids << question.id;
    ReviewDialog dialog(
        curriculum, session.store(), ids, u"Check Yourself: %1"_s.arg(topic->title));
    dialog.resize(720, 560);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        qFatal("the review did not show");
    const SelfCheckQuestion &first = topic->questions.first();
    QTest::keyClick(&dialog, Qt::Key(Qt::Key_1 + (first.answer + 1) % int(first.choices.size())));
    save(dialog, folder, u"screenshot-review.png"_s);
    dialog.close();
}

// The roadmap with a topic's drawer open, in each theme.
void roadmapShots(MainWindow &window, const QString &folder)
{
    window.workspaces()->setCurrentIndex(MainWindow::Roadmap);
    window.roadmap()->selectId(u"feature-stores"_s);
    window.roadmap()->openDrawer();
    for (const QString &theme : {u"light"_s, u"dark"_s, u"projector"_s}) {
        window.roadmapActions()->setThemeId(theme);
        save(window,
             folder,
             theme == u"light"_s ? u"screenshot-roadmap.png"_s
                                 : u"screenshot-roadmap-%1.png"_s.arg(theme));
    }
    window.roadmapActions()->setThemeId(u"light"_s);
}

// The end-to-end template with its training stage selected.
void pipelineShot(MainWindow &window, const QString &folder)
{
    if (!window.openPipeline(
            QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/templates/end-to-end.mlpipe")))
        qFatal("cannot open the end-to-end template");
    window.pipeline()->scene()->selectIds({u"train"_s});
    window.pipeline()->validateNow();
    save(window, folder, u"screenshot-pipeline.png"_s);
}

void importShot(MainWindow &window, const QString &folder, const QString &workflow)
{
    window.resize(1600, 1000);
    if (!window.openPipeline(workflow))
        qFatal("cannot open %s", qPrintable(workflow));
    window.pipeline()->validateNow();
    save(window, folder, u"screenshot-import.png"_s);
    window.resize(WindowSize);
}

// Every built-in template as Fit Pipeline (Ctrl+0) shows it on a 16:9 canvas, in each theme: the
// manual's template gallery (docs/pipeline-canvas.md), template-<id>-<theme>.png.
void templateShots(MainWindow &window, const QString &folder)
{
    window.resize(1600, 1000);
    window.workspaces()->setCurrentIndex(MainWindow::Pipeline);
    PipelineView *view = window.pipeline()->view();
    const QSizePolicy policy = view->sizePolicy(); // setFixedSize() makes it Fixed
    view->setFixedSize(1280, 720);
    for (const PipelineTemplate &pipelineTemplate : PipelineTemplates::all()) {
        const QString file = QStringLiteral(MLOPS_SOURCE_DIR "/curriculum/templates/%1.mlpipe")
                                 .arg(pipelineTemplate.id);
        if (!window.openPipeline(file))
            qFatal("cannot open %s", qPrintable(file));
        window.pipeline()->validateNow();
        for (const QString &theme : {u"light"_s, u"dark"_s, u"projector"_s}) {
            window.roadmapActions()->setThemeId(theme);
            QCoreApplication::processEvents();
            view->showContent();
            save(*view, folder, u"template-%1-%2.png"_s.arg(pipelineTemplate.id, theme));
        }
    }
    window.roadmapActions()->setThemeId(u"light"_s);
    view->setMinimumSize(0, 0);
    view->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    view->setSizePolicy(policy);
    window.resize(WindowSize);
}

// Presentation mode at section 8, the laser pointer on.
void presentationShot(MainWindow &window, const QString &folder)
{
    window.workspaces()->setCurrentIndex(MainWindow::Roadmap);
    window.roadmap()->selectId(u"soft-skills-and-collaboration"_s);
    QTest::keyClick(&window, Qt::Key_F5);
    auto *deck = window.findChild<PresentationWindow *>();
    if (!deck || !QTest::qWaitForWindowExposed(deck))
        qFatal("presentation mode did not open");
    deck->resize(WindowSize);
    QTest::keyClick(deck, Qt::Key_L);
    // The pointer over the slide, as a presenter's mouse would put it (offscreen has no cursor).
    const QPointF pointer(WindowSize.width() * 0.62, WindowSize.height() * 0.3);
    QMouseEvent move(QEvent::MouseMove,
                     pointer,
                     deck->mapToGlobal(pointer),
                     Qt::NoButton,
                     Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(deck, &move);
    save(*deck, folder, u"screenshot-presentation.png"_s);
    deck->close();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (!StudioTranslations::install())
        qFatal("the compiled-in translation could not be loaded");
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty() || arguments.size() > 2) {
        std::fputs("usage: make_screenshots FOLDER [WORKFLOW.yml]\n", stderr);
        return 2;
    }
    const QString folder = arguments.at(0);
    // Nothing of the user's: settings and data live in a folder of this run.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    const QString dataDir = dir.filePath(u"data"_s);
    QDir().mkpath(dataDir);

    fillProgress(dataDir, CurriculumLoader::loadBuiltIn().curriculum);
    StudioSession session;
    if (!session.start(dataDir, {}))
        qFatal("%s", qPrintable(session.errorString()));
    MainWindow window(&session);
    window.resize(WindowSize);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window did not show");

    roadmapShots(window, folder);
    presentationShot(window, folder);
    pipelineShot(window, folder);
    if (arguments.size() == 2) // before the templates, whose fixed-size view would leave a band
        importShot(window, folder, arguments.at(1));
    templateShots(window, folder);
    reviewShot(session, folder);
    return 0;
}
