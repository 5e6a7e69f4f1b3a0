#include "curriculum/curriculumloader.h"
#include "curriculum/markdownimporter.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "roadmap/prerequisiteedgeitem.h"
#include "roadmap/roadmapscene.h"
#include "roadmap/roadmapview.h"
#include "roadmap/roadmapworkspace.h"
#include "roadmap/sectionitem.h"
#include "roadmap/topiccarditem.h"
#include "roadmap/topicpanel.h"
#include "selfcheck/masterytracker.h"
#include "selfcheck/selfcheckscheduling.h"

#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;

class TestRoadmapScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void oneItemPerTopicSectionAndPrerequisite();
    void cardsSitInsideTheirSections();
    void storeChangesUpdateCards();
    void importedCurriculumRebuilds();
    void searchHighlightsAndDims_data();
    void searchHighlightsAndDims();
    void statusFilterFollowsChanges();
    void hidingProgress();
    void neighbourNavigation();
    void themesChangeSizes();
    void paintsAtEveryZoom_data();
    void paintsAtEveryZoom();
    void keyboardInTheWorkspace();
    void workspaceLaysOutTheMapAfterItsFirstFrame();
    void panesOpenAtTheirDefaultWidths();
    void clickOpensDrawer();
    void masteryOnCardsAndSections();
    void masteryFallsWhenQuestionsFallDue();
    void overallBarShowsMastery();
    void drawerNotesDoneWithoutAnswers();

private:
    // Records an answer to the `index`-th question of a topic at `at`, scheduled as the app does.
    void answer(const QString &topicId, int index, bool correct, const QDateTime &at);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
};

void TestRoadmapScene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRoadmapScene::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"progress.db"_s)));
    m_model = std::make_unique<CurriculumModel>();
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    QVERIFY(loaded.ok);
    m_model->setCurriculum(loaded.curriculum);
    m_model->setStore(m_store.get());
}

void TestRoadmapScene::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestRoadmapScene::oneItemPerTopicSectionAndPrerequisite()
{
    RoadmapScene scene(m_model.get());
    int cards = 0;
    int sections = 0;
    int edges = 0;
    for (QGraphicsItem *item : scene.items()) {
        cards += item->type() == TopicCardItem::Type ? 1 : 0;
        sections += item->type() == SectionItem::Type ? 1 : 0;
        edges += item->type() == PrerequisiteEdgeItem::Type ? 1 : 0;
    }
    QCOMPARE(cards, 26);
    QCOMPARE(sections, 9);
    int prerequisites = 0;
    for (const Section &section : m_model->curriculum().sections)
        prerequisites += int(section.prerequisites.size());
    QCOMPARE(edges, prerequisites);
    for (const QString &id : m_model->curriculum().topicIds())
        QVERIFY2(scene.topicItem(id), qPrintable(id));
}

void TestRoadmapScene::cardsSitInsideTheirSections()
{
    RoadmapScene scene(m_model.get());
    for (const Section &section : m_model->curriculum().sections) {
        const QRectF sectionRect = scene.sectionRect(section.id);
        QVERIFY(!sectionRect.isEmpty());
        for (const Topic &topic : section.topics)
            QVERIFY2(sectionRect.contains(scene.topicRect(topic.id)), qPrintable(topic.id));
    }
    QVERIFY(scene.sceneRect().contains(scene.layout().bounds));
}

void TestRoadmapScene::storeChangesUpdateCards()
{
    RoadmapScene scene(m_model.get());
    TopicCardItem *card = scene.topicItem(u"feature-stores"_s);
    QCOMPARE(card->status(), TopicStatus::Pending);
    QVERIFY(m_store->setStatus(u"feature-stores"_s, TopicStatus::Learning));
    QCOMPARE(card->status(), TopicStatus::Learning);
    QVERIFY(m_store->setStatus(u"feature-stores"_s, TopicStatus::Done));
    QCOMPARE(card->status(), TopicStatus::Done);

    // Another process writes; the store notices and the scene follows.
    ProgressStore other;
    QVERIFY(other.open(m_store->filePath()));
    QVERIFY(other.setStatus(u"security-in-mlops"_s, TopicStatus::Skipped));
    QVERIFY(m_store->checkExternalChanges());
    QCOMPARE(scene.topicItem(u"security-in-mlops"_s)->status(), TopicStatus::Skipped);
}

void TestRoadmapScene::importedCurriculumRebuilds()
{
    RoadmapScene scene(m_model.get());
    QSignalSpy rebuilt(&scene, &RoadmapScene::rebuilt);
    const MarkdownImporter::Result imported = MarkdownImporter::import(
        "# Kubernetes for ML\n\n"
        "## 1. Basics\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
        "| Pods | Learn pods | Run one |\n| Services | Learn services | Expose one |\n\n"
        "## 2. Serving\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
        "| KServe | Serve models | Deploy with KServe |\n");
    QVERIFY2(imported.ok, qPrintable(imported.errorMessage));
    m_model->setCurriculum(imported.curriculum);
    QCOMPARE(rebuilt.count(), 1);
    QStringList ids;
    for (QGraphicsItem *item : scene.items())
        if (auto *card = qgraphicsitem_cast<TopicCardItem *>(item))
            ids << card->topicId();
    ids.sort();
    QCOMPARE(ids, (QStringList{u"kserve"_s, u"pods"_s, u"services"_s}));
    QVERIFY(!scene.topicItem(u"feature-stores"_s));
    // Imported sections form a chain: Serving comes after Basics, to its right.
    QVERIFY(scene.sectionRect(u"serving"_s).left() > scene.sectionRect(u"basics"_s).right());
}

void TestRoadmapScene::searchHighlightsAndDims_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("tool tag") << u"kubernetes"_s
                              << QStringList{u"containerization-and-orchestration"_s,
                                             u"end-to-end-mlops-pipeline"_s};
    QTest::newRow("title words") << u"feature stores"_s << QStringList{u"feature-stores"_s};
    QTest::newRow("nothing") << u"quantum knitting"_s << QStringList{};
}

void TestRoadmapScene::searchHighlightsAndDims()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    RoadmapScene scene(m_model.get());
    scene.setSearch(text);
    QVERIFY(scene.isSearching());
    QCOMPARE(scene.matchingTopicIds(), expected);
    for (const QString &id : m_model->curriculum().topicIds()) {
        TopicCardItem *card = scene.topicItem(id);
        const bool match = expected.contains(id);
        QCOMPARE(card->isHighlighted(), match);
        QCOMPARE(card->opacity() < 1.0, !match);
    }
    scene.setSearch(QString());
    QVERIFY(!scene.isSearching());
    QCOMPARE(scene.topicItem(u"feature-stores"_s)->opacity(), 1.0);
    QVERIFY(!scene.topicItem(u"feature-stores"_s)->isHighlighted());
}

void TestRoadmapScene::statusFilterFollowsChanges()
{
    RoadmapScene scene(m_model.get());
    scene.setSearch(QString(), {TopicStatus::Done});
    QCOMPARE(scene.matchingTopicIds(), QStringList());
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Done));
    QCOMPARE(scene.matchingTopicIds(), QStringList{u"data-pipelines"_s});
    QVERIFY(scene.topicItem(u"data-pipelines"_s)->isHighlighted());
    QVERIFY(scene.topicItem(u"big-data-tools"_s)->opacity() < 1.0);
}

void TestRoadmapScene::hidingProgress()
{
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Done));
    RoadmapScene scene(m_model.get());
    scene.setSearch(QString(), {TopicStatus::Done});
    QVERIFY(scene.isSearching());
    scene.setShowProgress(false);
    // Without personal progress a status filter means nothing: nothing is dimmed.
    QVERIFY(!scene.isSearching());
    QCOMPARE(scene.topicItem(u"big-data-tools"_s)->opacity(), 1.0);

    // The audience view renders differently from the personal one.
    const QRectF source = scene.sectionRect(u"data-engineering-for-ai-ml"_s);
    QImage clean(source.size().toSize(), QImage::Format_ARGB32);
    QPainter cleanPainter(&clean);
    scene.render(&cleanPainter, QRectF(clean.rect()), source);
    cleanPainter.end();
    scene.setShowProgress(true);
    QImage personal(source.size().toSize(), QImage::Format_ARGB32);
    QPainter personalPainter(&personal);
    scene.render(&personalPainter, QRectF(personal.rect()), source);
    personalPainter.end();
    QVERIFY(clean != personal);
}

void TestRoadmapScene::neighbourNavigation()
{
    RoadmapScene scene(m_model.get());
    // Down within a section goes to the next card.
    QCOMPARE(scene.neighbourTopic(u"introduction-to-ai-ml"_s, Qt::Key_Down), u"mlops-overview"_s);
    QCOMPARE(scene.neighbourTopic(u"mlops-overview"_s, Qt::Key_Up), u"introduction-to-ai-ml"_s);
    // Right from the first section reaches a card of a section placed to its right.
    const QString right = scene.neighbourTopic(u"mlops-overview"_s, Qt::Key_Right);
    QVERIFY(!right.isEmpty());
    QVERIFY(scene.topicRect(right).left() > scene.topicRect(u"mlops-overview"_s).right());
    // Nothing lies left of the first section.
    QCOMPARE(scene.neighbourTopic(u"mlops-overview"_s, Qt::Key_Left), QString());
    QCOMPARE(scene.neighbourTopic(u"no-such-topic"_s, Qt::Key_Down), QString());
}

void TestRoadmapScene::themesChangeSizes()
{
    RoadmapScene scene(m_model.get());
    const QSizeF light = scene.topicRect(u"feature-stores"_s).size();
    scene.setTheme(*StudioTheme::byId(u"projector"_s));
    const QSizeF projector = scene.topicRect(u"feature-stores"_s).size();
    QVERIFY(projector.width() > light.width());
    QVERIFY(projector.height() > light.height());
    QCOMPARE(scene.backgroundBrush().color(), StudioTheme::byId(u"projector"_s)->background);
    scene.setTheme(*StudioTheme::byId(u"dark"_s));
    QCOMPARE(scene.backgroundBrush().color(), StudioTheme::byId(u"dark"_s)->background);
}

void TestRoadmapScene::paintsAtEveryZoom_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("overview 5%") << 0.05;
    QTest::newRow("low detail 25%") << 0.25;
    QTest::newRow("100%") << 1.0;
    QTest::newRow("300%") << 3.0;
}

void TestRoadmapScene::paintsAtEveryZoom()
{
    QFETCH(double, scale);
    QVERIFY(m_store->setStatus(u"mlops-overview"_s, TopicStatus::Done));
    RoadmapScene scene(m_model.get());
    const QRectF source = scene.sectionRect(u"core-concepts-of-ai-ml-and-mlops"_s);
    const QSize size = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), source);
    painter.end();
    // Something of the section was drawn in its theme's colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += std::max(1, image.height() / 40))
        for (int x = 0; x < image.width(); x += std::max(1, image.width() / 40))
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 1);
}

void TestRoadmapScene::keyboardInTheWorkspace()
{
    RoadmapWorkspace workspace(m_model.get());
    workspace.resize(1200, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    RoadmapView *view = workspace.view();
    view->setFocus();
    QVERIFY(workspace.selectId(u"introduction-to-ai-ml"_s));

    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(workspace.selectedId(), u"mlops-overview"_s);
    QCOMPARE(workspace.scene()->currentTopic(), u"mlops-overview"_s);
    QTest::keyClick(view, Qt::Key_D);
    QCOMPARE(m_store->status(u"mlops-overview"_s), TopicStatus::Done);
    QTest::keyClick(view, Qt::Key_L);
    QCOMPARE(m_store->status(u"mlops-overview"_s), TopicStatus::Learning);
    QTest::keyClick(view, Qt::Key_S);
    QCOMPARE(m_store->status(u"mlops-overview"_s), TopicStatus::Skipped);
    QTest::keyClick(view, Qt::Key_R);
    QCOMPARE(m_store->status(u"mlops-overview"_s), TopicStatus::Pending);
    QCOMPARE(workspace.undoStack()->count(), 4);
    workspace.undoStack()->undo();
    QCOMPARE(m_store->status(u"mlops-overview"_s), TopicStatus::Skipped);

    QVERIFY(!workspace.isDrawerOpen());
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(workspace.isDrawerOpen());
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!workspace.isDrawerOpen());

    const double before = view->zoom();
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(workspace.selectedId() != u"mlops-overview"_s);
    view->zoomBy(2);
    QCOMPARE(view->zoom(), before * 2);
    view->fitAll();
    QVERIFY(view->mapToScene(view->viewport()->rect())
                .boundingRect()
                .contains(workspace.scene()->layout().bounds));
}

void TestRoadmapScene::workspaceLaysOutTheMapAfterItsFirstFrame()
{
    RoadmapWorkspace workspace(m_model.get());
    RoadmapScene *scene = workspace.scene();
    // What start-up sets before the window shows is kept for the map.
    workspace.setTheme(StudioTheme::byIdOrDefault(u"dark"_s));
    QVERIFY(workspace.selectId(u"feature-stores"_s));
    QVERIFY(!scene->isBuilt());
    QVERIFY(scene->items().isEmpty());
    QVERIFY(scene->contentRect().isEmpty());
    QCOMPARE(scene->backgroundBrush().color(), StudioTheme::byIdOrDefault(u"dark"_s).background);

    workspace.resize(1200, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QTRY_VERIFY(scene->isBuilt());
    const qsizetype topics = m_model->curriculum().topicIds().size();
    QCOMPARE(scene->layout().topics.size(), topics);
    QVERIFY(scene->topicItem(u"feature-stores"_s)->isCurrent());
    QCOMPARE(scene->currentTopic(), u"feature-stores"_s);
    // Fitted once built: the whole map is in view.
    RoadmapView *view = workspace.view();
    QVERIFY(
        view->mapToScene(view->viewport()->rect()).boundingRect().contains(scene->layout().bounds));

    // A keyboard move before the frame would build it at once.
    RoadmapWorkspace early(m_model.get());
    QVERIFY(early.selectId(u"introduction-to-ai-ml"_s));
    early.moveInDirection(Qt::Key_Down);
    QVERIFY(early.scene()->isBuilt());
    QCOMPARE(early.selectedId(), u"mlops-overview"_s);
}

void TestRoadmapScene::panesOpenAtTheirDefaultWidths()
{
    RoadmapWorkspace workspace(m_model.get());
    workspace.resize(1400, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QVERIFY(workspace.selectId(u"feature-stores"_s));
    workspace.openDrawer();
    QTRY_VERIFY(workspace.topicPanel()->isVisible());
    QTRY_COMPARE(workspace.topicPanel()->width(), 420);
    workspace.setOutlineVisible(true);
    QTRY_VERIFY(workspace.outline()->isVisible());
    QTRY_VERIFY(qAbs(workspace.outline()->parentWidget()->width() - 280) <= 30);
    QCOMPARE(workspace.outline()->currentIndex().data(CurriculumModel::IdRole).toString(),
             u"feature-stores"_s);

    // Widths saved before either pane was ever shown are the same defaults.
    RoadmapWorkspace fresh(m_model.get());
    const QByteArray state = fresh.saveSplitterState();
    RoadmapWorkspace restored(m_model.get());
    restored.restoreSplitterState(state);
    restored.resize(1400, 800);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    restored.openDrawer();
    QTRY_COMPARE(restored.topicPanel()->width(), 420);
}

void TestRoadmapScene::clickOpensDrawer()
{
    RoadmapWorkspace workspace(m_model.get());
    workspace.resize(1200, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QTRY_VERIFY(workspace.scene()->isBuilt()); // just after the first frame
    RoadmapView *view = workspace.view();
    const QPointF centre = workspace.scene()->topicRect(u"big-data-tools"_s).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(centre));
    QCOMPARE(workspace.selectedId(), u"big-data-tools"_s);
    QVERIFY(workspace.isDrawerOpen());
    QVERIFY(workspace.topicPanel()->isVisible());
}

namespace {

// A fixed moment, so the figures do not depend on when the test runs.
const QDateTime AnsweredAt(QDate(2024, 3, 4), QTime(9, 0), Qt::UTC);

int questionsOf(const Section &section)
{
    int count = 0;
    for (const Topic &topic : section.topics)
        count += int(topic.questions.size());
    return count;
}

} // namespace

void TestRoadmapScene::answer(const QString &topicId, int index, bool correct, const QDateTime &at)
{
    const Topic *topic = m_model->curriculum().findTopic(topicId);
    QVERIFY(topic && index < topic->questions.size());
    const SelfCheckQuestion &question = topic->questions.at(index);
    ReviewAnswer given;
    given.questionId = question.id;
    given.topicId = topicId;
    given.correct = correct;
    given.choice = correct ? question.answer : (question.answer + 1) % int(question.choices.size());
    given.at = at;
    QVERIFY2(m_store->recordAnswer(given, SelfCheckScheduling::scheduler()),
             qPrintable(m_store->errorString()));
}

void TestRoadmapScene::masteryOnCardsAndSections()
{
    // Remembered = last answer right and not yet due again (SelfCheckPlan::isRemembered).
    // FSRS-4.5's first "Good" sets stability w2 = 3.7145 days, the interval at 90 % retention
    // (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm): a right answer is
    // still remembered an hour later; a wrong one comes back after a 10-minute relearning step.
    const QString topicId = u"feature-stores"_s;
    const Topic *topic = m_model->curriculum().findTopic(topicId);
    const Section *section = m_model->curriculum().sectionOfTopic(topicId);
    QVERIFY(topic && section);
    const int topicTotal = int(topic->questions.size());
    const int sectionTotal = questionsOf(*section);
    QVERIFY(topicTotal >= 5);
    answer(topicId, 0, true, AnsweredAt);
    answer(topicId, 1, true, AnsweredAt);
    answer(topicId, 2, true, AnsweredAt);
    answer(topicId, 3, false, AnsweredAt);

    QDateTime now = AnsweredAt.addSecs(3600);
    RoadmapScene scene(m_model.get());
    scene.mastery()->setClock([&now] { return now; });
    TopicCardItem *card = scene.topicItem(topicId);
    QCOMPARE(card->mastery().remembered, 3);
    QCOMPARE(card->mastery().answered, 4);
    QCOMPARE(card->mastery().total, topicTotal);
    QCOMPARE(card->masteryText(), u"3/%1"_s.arg(topicTotal));
    QCOMPARE(card->toolTip(), u"3 of %1 self-check questions remembered"_s.arg(topicTotal));
    SectionItem *header = scene.sectionItem(section->id);
    QCOMPARE(header->mastery().remembered, 3);
    QCOMPARE(header->mastery().total, sectionTotal);
    QCOMPARE(header->masteryText(), u"3/%1"_s.arg(sectionTotal));
    // A topic with questions but no answers shows none remembered.
    const Topic &unanswered
        = section->topics.first().id != topicId ? section->topics.first() : section->topics.last();
    QCOMPARE(scene.topicItem(unanswered.id)->masteryText(),
             u"0/%1"_s.arg(unanswered.questions.size()));

    // An answer recorded while the map is open shows at once, on the card and in the header.
    answer(topicId, 3, true, now);
    QCOMPARE(card->masteryText(), u"4/%1"_s.arg(topicTotal));
    QCOMPARE(header->masteryText(), u"4/%1"_s.arg(sectionTotal));

    // Another process answers; the store notices and the map follows.
    ProgressStore other;
    QVERIFY(other.open(m_store->filePath()));
    ReviewAnswer elsewhere;
    elsewhere.questionId = topic->questions.at(4).id;
    elsewhere.topicId = topicId;
    elsewhere.choice = topic->questions.at(4).answer;
    elsewhere.correct = true;
    elsewhere.at = now;
    QVERIFY(other.recordAnswer(elsewhere, SelfCheckScheduling::scheduler()));
    QVERIFY(m_store->checkExternalChanges());
    QCOMPARE(card->masteryText(), u"5/%1"_s.arg(topicTotal));

    // Personal progress hidden: no mastery either.
    scene.setShowProgress(false);
    QCOMPARE(card->masteryText(), QString());
    QCOMPARE(header->masteryText(), QString());
    QCOMPARE(card->toolTip(), QString());
    scene.setShowProgress(true);
    QCOMPARE(card->masteryText(), u"5/%1"_s.arg(topicTotal));
}

void TestRoadmapScene::masteryFallsWhenQuestionsFallDue()
{
    const QString topicId = u"data-pipelines"_s;
    const Topic *topic = m_model->curriculum().findTopic(topicId);
    QVERIFY(topic);
    QDateTime now = AnsweredAt;
    RoadmapScene scene(m_model.get());
    scene.mastery()->setClock([&now] { return now; });
    // Nothing remembered: time alone changes nothing, so nothing to wake up for.
    QVERIFY(!scene.mastery()->nextChange().isValid());

    answer(topicId, 0, true, AnsweredAt);
    answer(topicId, 1, true, AnsweredAt.addDays(-2));
    TopicCardItem *card = scene.topicItem(topicId);
    QCOMPARE(card->masteryText(), u"2/%1"_s.arg(topic->questions.size()));
    // The tracker wakes when the first of them falls due, as the store scheduled it.
    const QDateTime firstDue = std::min(m_store->reviewCard(topic->questions.at(0).id)->due,
                                        m_store->reviewCard(topic->questions.at(1).id)->due);
    QCOMPARE(scene.mastery()->nextChange(), firstDue);

    // A month later (far beyond the first interval of about four days) both have fallen due.
    now = AnsweredAt.addDays(30);
    scene.mastery()->reevaluate();
    QCOMPARE(card->masteryText(), u"0/%1"_s.arg(topic->questions.size()));
    QVERIFY(!scene.mastery()->nextChange().isValid());
}

void TestRoadmapScene::overallBarShowsMastery()
{
    const int total = m_model->curriculum().questionCount();
    QVERIFY(total > 0);
    RoadmapWorkspace workspace(m_model.get());
    QDateTime now = AnsweredAt.addSecs(60);
    workspace.scene()->mastery()->setClock([&now] { return now; });
    auto *bar = workspace.findChild<QProgressBar *>();
    QVERIFY(bar);
    const int topics = int(m_model->curriculum().topicIds().size());
    QCOMPARE(bar->text(), u"0 of %1 topics finished (0%) · Mastery 0/%2"_s.arg(topics).arg(total));
    answer(u"feature-stores"_s, 0, true, AnsweredAt);
    answer(u"data-pipelines"_s, 0, true, AnsweredAt);
    QCOMPARE(bar->text(), u"0 of %1 topics finished (0%) · Mastery 2/%2"_s.arg(topics).arg(total));
    QCOMPARE(bar->toolTip(),
             u"Mastery: 2 of %1 self-check questions remembered — answered right and not due "
             "again yet"_s.arg(total));

    // A curriculum without questions has no mastery to show.
    const MarkdownImporter::Result imported = MarkdownImporter::import(
        "# Plain\n\n## 1. Basics\n\n| Topic | Goals | Activities |\n|---|---|---|\n"
        "| Pods | Learn pods | Run one |\n");
    QVERIFY2(imported.ok, qPrintable(imported.errorMessage));
    m_model->setCurriculum(imported.curriculum);
    QCOMPARE(bar->text(), u"0 of 1 topic finished (0%)"_s);
    workspace.ensureMap();
    QCOMPARE(workspace.scene()->topicItem(u"pods"_s)->masteryText(), QString());
    QCOMPARE(workspace.scene()->sectionItem(u"basics"_s)->masteryText(), QString());
}

void TestRoadmapScene::drawerNotesDoneWithoutAnswers()
{
    const QString topicId = u"feature-stores"_s;
    const int questions = int(m_model->curriculum().findTopic(topicId)->questions.size());
    TopicPanel panel(m_model.get());
    panel.showIndex(m_model->indexOfTopic(topicId));
    QLabel *note = panel.masteryNote();
    QVERIFY(note->isHidden()); // pending

    QVERIFY(m_store->setStatus(topicId, TopicStatus::Done));
    QVERIFY(!note->isHidden());
    QCOMPARE(note->text(),
             u"Marked done, but none of its %1 questions answered yet"_s.arg(questions));

    // Another topic, not done: no note; back to the done one: the note again.
    panel.showIndex(m_model->indexOfTopic(u"data-pipelines"_s));
    QVERIFY(note->isHidden());
    panel.showIndex(m_model->indexOfTopic(topicId));
    QVERIFY(!note->isHidden());

    // One answer, even a wrong one, and the note goes.
    answer(topicId, 2, false, AnsweredAt);
    QVERIFY(note->isHidden());
    QCOMPARE(note->text(), QString());

    // Done with an answered question stays without a note; learning never has one.
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Learning));
    panel.showIndex(m_model->indexOfTopic(u"data-pipelines"_s));
    QVERIFY(note->isHidden());
}

QTEST_MAIN(TestRoadmapScene)
#include "tst_roadmapscene.moc"
