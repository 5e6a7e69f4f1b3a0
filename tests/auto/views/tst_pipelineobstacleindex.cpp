// What edges route round (issue 15) is looked up in an index, not by a scan of every stage for
// each edge: the index must answer what the scan answers, after stages and frames moved, came,
// went or changed size. The expected answers are the scan itself (the definition the edge router
// used before the index): every stage's rectangle at its place, and every group frame's title
// band, that meets the area.
#include "pipeline/nodecatalog.h"
#include "pipeline/pipelineannotationitem.h"
#include "pipeline/pipelinegraph.h"
#include "pipeline/pipelinenodeitem.h"
#include "pipeline/pipelineobstacleindex.h"
#include "pipeline/pipelinescene.h"
#include "support/pipelinecanvas.h"
#include "support/require.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using Obstacle = PipelineObstacleIndex::Obstacle;

// An obstacle as text, so a difference shows in the failure message.
QString describe(const Obstacle &obstacle)
{
    return u"%1 %2 (%3, %4 %5×%6)"_s.arg(obstacle.titleBand ? u"band"_s : u"stage"_s)
        .arg(quintptr(obstacle.item), 0, 16)
        .arg(obstacle.rect.x())
        .arg(obstacle.rect.y())
        .arg(obstacle.rect.width())
        .arg(obstacle.rect.height());
}

QStringList described(const std::vector<Obstacle> &obstacles)
{
    QStringList texts;
    for (const Obstacle &obstacle : obstacles)
        texts << describe(obstacle);
    texts.sort();
    return texts;
}

// The full scan over the scene's items.
std::vector<Obstacle> scanned(const PipelineScene &scene, const QRectF &area)
{
    std::vector<Obstacle> found;
    for (const PipelineNodeItem *node : scene.nodeItems()) {
        const QRectF stage = node->rect().translated(node->pos());
        if (stage.intersects(area))
            found.push_back({stage, node, false});
    }
    for (const PipelineAnnotationItem *frame : scene.annotationItems()) {
        if (frame->annotation().kind != PipelineAnnotation::Kind::Group)
            continue;
        const QRectF band(frame->pos(),
                          QSizeF(frame->annotation().rect.width(), scene.theme().groupTitleHeight));
        if (band.intersects(area))
            found.push_back({band, frame, true});
    }
    return found;
}

// Areas all over the content and round it: small, stage-sized, wide bands, all of it.
QList<QRectF> areasOver(const QRectF &content)
{
    QList<QRectF> areas{content, content.adjusted(-500, -500, 500, 500), QRectF(-1e6, -1e6, 1, 1)};
    const QRectF around = content.adjusted(-300, -300, 300, 300);
    for (double x = around.left(); x < around.right(); x += 97)
        for (double y = around.top(); y < around.bottom(); y += 83)
            areas << QRectF(x, y, 40, 30) << QRectF(x, y, 260, 140) << QRectF(x, y, 1200, 2);
    return areas;
}

} // namespace

class TestPipelineObstacleIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void indexAnswersAsAScan();
    void sceneAnswersAsAScanAfterChanges();

private:
    void compareWithScan(); // over areasOver(the content); call through REQUIRE_OK
    std::unique_ptr<PipelineGraph> m_graph;
    std::unique_ptr<PipelineScene> m_scene;
};

void TestPipelineObstacleIndex::init()
{
    m_graph = std::make_unique<PipelineGraph>(&NodeCatalog::builtIn());
    m_scene = std::make_unique<PipelineScene>(m_graph.get());
}

void TestPipelineObstacleIndex::cleanup()
{
    m_scene.reset();
    m_graph.reset();
}

// Rectangles of every sort a hostile file can give, the empty and the inverted, the far away
// and the not-a-number included, each looked up in random areas.
void TestPipelineObstacleIndex::indexAnswersAsAScan()
{
    QRandomGenerator random(15); // fixed: the same rectangles every run
    const auto coordinate = [&random] {
        return random.bounded(4000.0) - 1000;
    };
    std::vector<Obstacle> obstacles;
    obstacles.reserve(405);
    for (int i = 0; i < 400; ++i)
        obstacles.push_back(
            {QRectF(coordinate(), coordinate(), random.bounded(300.0), random.bounded(200.0)),
             nullptr,
             i % 7 == 0});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    obstacles.push_back({QRectF(100, 100, 0, 50), nullptr, false});    // no width
    obstacles.push_back({QRectF(500, 500, -80, -60), nullptr, false}); // inverted
    obstacles.push_back({QRectF(1e12, -1e12, 10, 10), nullptr, false});
    obstacles.push_back({QRectF(nan, 0, 10, 10), nullptr, false});
    obstacles.push_back({QRectF(-5000, 200, 20000, 30), nullptr, true}); // a wide frame band
    PipelineObstacleIndex index;
    index.reset(obstacles);
    for (int k = 0; k < 2000; ++k) {
        const QRectF area(coordinate(), coordinate(), random.bounded(900.0), random.bounded(900.0));
        std::vector<Obstacle> expected;
        for (const Obstacle &obstacle : obstacles)
            if (obstacle.rect.intersects(area))
                expected.push_back(obstacle);
        QCOMPARE(described(index.meeting(area)), described(expected));
    }
    QCOMPARE(described(index.meeting(QRectF(-1e13, -1e13, 2e13, 2e13))).size(),
             qsizetype(std::count_if(obstacles.cbegin(), obstacles.cend(), [](const Obstacle &o) {
                 return o.rect.intersects(QRectF(-1e13, -1e13, 2e13, 2e13));
             })));
    index.reset({});
    QVERIFY(index.meeting(QRectF(0, 0, 100, 100)).empty());
}

void TestPipelineObstacleIndex::compareWithScan()
{
    for (const QRectF &area : areasOver(m_scene->contentRect()))
        QCOMPARE(described(m_scene->obstaclesMeeting(area)), described(scanned(*m_scene, area)));
}

// The end-to-end template (stages, group frames and notes), then each change the canvas sees.
void TestPipelineObstacleIndex::sceneAnswersAsAScanAfterChanges()
{
    REQUIRE_OK(PipelineCanvas::loadTemplate(*m_graph));
    QVERIFY(m_scene->nodeItemCount() > 3);
    REQUIRE_OK(compareWithScan());

    const QString moved = m_graph->nodes().at(1).id;
    QVERIFY(m_graph->moveNode(moved, m_graph->nodes().at(1).pos + QPointF(700, 350)));
    REQUIRE_OK(compareWithScan());

    QVERIFY(m_graph->addNode(PipelineCanvas::makeNode(u"added"_s, u"train"_s, {-400, 900})));
    REQUIRE_OK(compareWithScan());

    QVERIFY(m_graph->removeNode(m_graph->nodes().at(0).id));
    REQUIRE_OK(compareWithScan());

    // A longer name wraps onto more lines: the stage grows taller where it stands.
    PipelineNode renamed = *m_graph->node(u"added"_s);
    renamed.name = u"a stage whose name is long enough to wrap onto several lines of the title"_s;
    const double before = m_scene->nodeItem(u"added"_s)->rect().height();
    QVERIFY(m_graph->updateNode(renamed));
    QVERIFY(m_scene->nodeItem(u"added"_s)->rect().height() > before);
    REQUIRE_OK(compareWithScan());

    // A stage dragged: the gesture moves the item before the graph hears of it.
    m_scene->nodeItem(u"added"_s)->setPos(QPointF(1500, -700));
    REQUIRE_OK(compareWithScan());

    PipelineAnnotation frame;
    frame.id = u"frame"_s;
    frame.kind = PipelineAnnotation::Kind::Group;
    frame.rect = QRectF(-200, -300, 900, 500);
    frame.text = u"Training"_s;
    QVERIFY(m_graph->addAnnotation(frame));
    REQUIRE_OK(compareWithScan());
    frame.rect = QRectF(100, 600, 1400, 300); // moved and widened
    QVERIFY(m_graph->updateAnnotation(frame));
    REQUIRE_OK(compareWithScan());
    QVERIFY(m_graph->removeAnnotation(frame.id));
    REQUIRE_OK(compareWithScan());

    m_graph->clear();
    QVERIFY(m_scene->obstaclesMeeting(QRectF(-1e6, -1e6, 2e6, 2e6)).empty());
}

QTEST_MAIN(TestPipelineObstacleIndex)
#include "tst_pipelineobstacleindex.moc"
