#include "curriculum/curriculum.h"
#include "roadmap/roadmaplayout.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Curriculum)
Q_DECLARE_METATYPE(RoadmapMetrics)

namespace {

QString sectionId(int number)
{
    return u"s%1"_s.arg(number);
}

// Sections s1…sN, section i with topicCounts[i-1] topics and the given prerequisites
// (1-based section numbers).
Curriculum makeCurriculum(const QList<int> &topicCounts, const QList<QList<int>> &prerequisites)
{
    Curriculum curriculum;
    curriculum.title = u"Plan"_s;
    for (int i = 0; i < topicCounts.size(); ++i) {
        Section section;
        section.number = i + 1;
        section.id = sectionId(i + 1);
        section.title = u"Section %1"_s.arg(i + 1);
        for (const int pre : prerequisites.value(i))
            section.prerequisites.append(sectionId(pre));
        for (int t = 0; t < topicCounts[i]; ++t) {
            Topic topic;
            topic.id = u"%1-t%2"_s.arg(section.id).arg(t + 1);
            topic.title = u"Topic"_s;
            section.topics.append(topic);
        }
        curriculum.sections.append(section);
    }
    return curriculum;
}

// Like the shipped coursework: nine sections with a diamond in the middle.
Curriculum shippedLike()
{
    return makeCurriculum({3, 3, 3, 3, 3, 3, 3, 3, 2},
                          {{}, {1}, {2}, {3}, {2}, {3}, {4, 5}, {1}, {7, 6, 8}});
}

// What a Markdown import gives: each section needs the one before.
Curriculum chain(int count, int topics)
{
    QList<QList<int>> prerequisites{{}};
    for (int i = 2; i <= count; ++i)
        prerequisites.append(QList<int>{i - 1});
    return makeCurriculum(QList<int>(count, topics), prerequisites);
}

Curriculum independent(int count, int topics)
{
    return makeCurriculum(QList<int>(count, topics), {});
}

// Each section after the first depends on one or two earlier ones, picked by a seeded generator.
Curriculum randomDag(int count, int topics, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QList<int>> prerequisites{{}};
    for (int i = 2; i <= count; ++i) {
        QList<int> pres{1 + int(random.bounded(i - 1))};
        const int second = 1 + int(random.bounded(i - 1));
        if (random.bounded(2) == 1 && second != pres.first())
            pres.append(second);
        prerequisites.append(pres);
    }
    return makeCurriculum(QList<int>(count, topics), prerequisites);
}

// A chain with shortcuts from early sections to much later ones: once wrapped, these run
// between bands that are not next to each other.
Curriculum chainWithShortcuts()
{
    Curriculum curriculum = chain(30, 3);
    const QList<std::pair<int, int>> shortcuts{{30, 1}, {20, 5}, {12, 3}, {26, 24}, {16, 2}};
    for (const auto &[dependent, prerequisite] : shortcuts)
        curriculum.sections[dependent - 1].prerequisites.append(sectionId(prerequisite));
    return curriculum;
}

// Larger cards and gaps, as a projector theme would have.
RoadmapMetrics projectorMetrics()
{
    RoadmapMetrics metrics;
    metrics.cardWidth = 320;
    metrics.cardHeight = 84;
    metrics.sectionHeaderHeight = 90;
    metrics.layerGap = 140;
    metrics.rowGap = 48;
    metrics.bandGap = 140;
    return metrics;
}

// One foundation that twenty sections build on, and a capstone needing five of them.
Curriculum wideFan()
{
    QList<QList<int>> prerequisites{{}};
    for (int i = 0; i < 20; ++i)
        prerequisites.append(QList<int>{1});
    prerequisites.append(QList<int>{2, 6, 11, 16, 21});
    return makeCurriculum(QList<int>(22, 2), prerequisites);
}

// Whether the segment a-b passes through the inside of `rect` (touching its border is fine).
bool segmentEntersRect(QPointF a, QPointF b, const QRectF &rect)
{
    const QRectF inside = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - inside.left(),
                         inside.right() - a.x(),
                         a.y() - inside.top(),
                         inside.bottom() - a.y()};
    double enter = 0;
    double leave = 1;
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
        if (enter > leave)
            return false;
    }
    return true;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

double aspectRatio(const RoadmapLayout &layout)
{
    return layout.bounds.width() / layout.bounds.height();
}

} // namespace

class TestRoadmapLayout : public QObject
{
    Q_OBJECT

private slots:
    void geometry_data();
    void sectionsDoNotOverlap_data() { geometry_data(); }
    void sectionsDoNotOverlap();
    void topicsStackInsideSections_data() { geometry_data(); }
    void topicsStackInsideSections();
    void prerequisitesComeFirst_data() { geometry_data(); }
    void prerequisitesComeFirst();
    void edgesAttachToHeaders_data() { geometry_data(); }
    void edgesAttachToHeaders();
    void edgesAvoidSections_data() { geometry_data(); }
    void edgesAvoidSections();
    void boundsStartAtOrigin_data() { geometry_data(); }
    void boundsStartAtOrigin();
    void sameInputSameLayout_data() { geometry_data(); }
    void sameInputSameLayout();

    void segmentCheckSeesCrossings_data();
    void segmentCheckSeesCrossings();
    void layersFollowLongestPath_data();
    void layersFollowLongestPath();
    void sectionSizeFollowsTopicCount_data();
    void sectionSizeFollowsTopicCount();
    void wideCurriculaWrap_data();
    void wideCurriculaWrap();
    void chainWrapsIntoBands();
    void independentSectionsShareRows();
    void emptyCurriculumGivesEmptyLayout();
    void brokenPrerequisitesAreIgnored_data();
    void brokenPrerequisitesAreIgnored();
};

void TestRoadmapLayout::geometry_data()
{
    QTest::addColumn<Curriculum>("curriculum");
    QTest::addColumn<RoadmapMetrics>("metrics");
    const RoadmapMetrics metrics;
    QTest::newRow("shipped-like") << shippedLike() << metrics;
    QTest::newRow("shipped-like-projector") << shippedLike() << projectorMetrics();
    QTest::newRow("single") << makeCurriculum({4}, {}) << metrics;
    QTest::newRow("chain-30") << chain(30, 3) << metrics;
    QTest::newRow("chain-30-shortcuts") << chainWithShortcuts() << metrics;
    QTest::newRow("chain-30-shortcuts-projector") << chainWithShortcuts() << projectorMetrics();
    QTest::newRow("independent-30") << independent(30, 3) << metrics;
    QTest::newRow("wide-fan") << wideFan() << metrics;
    QTest::newRow("random-300-topics") << randomDag(30, 10, 20240517) << metrics;
    QTest::newRow("random-small-topics") << randomDag(40, 1, 7) << metrics;
    QTest::newRow("random-projector") << randomDag(25, 3, 99) << projectorMetrics();
    QTest::newRow("empty-sections")
        << makeCurriculum({0, 0, 2, 0}, {{}, {1}, {1}, {2, 3}}) << metrics;
    QTest::newRow("long-edges") << makeCurriculum({1, 1, 1, 1, 1, 1},
                                                  {{}, {1}, {2}, {3}, {4}, {1, 2, 3}})
                                << metrics;
    QTest::newRow("cycle") << makeCurriculum({2, 2, 2, 2}, {{4}, {1}, {2}, {3}}) << metrics;
    Curriculum unknown = shippedLike();
    unknown.sections[3].prerequisites.append(u"nowhere"_s);
    unknown.sections[4].prerequisites.append(unknown.sections[4].id);
    QTest::newRow("unknown-and-self") << unknown << metrics;
}

void TestRoadmapLayout::sectionsDoNotOverlap()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    QCOMPARE(layout.sections.size(), curriculum.sections.size());
    for (int i = 0; i < layout.sections.size(); ++i) {
        QCOMPARE(layout.sections[i].id, curriculum.sections[i].id);
        for (int j = i + 1; j < layout.sections.size(); ++j) {
            QVERIFY2(!layout.sections[i].rect.intersects(layout.sections[j].rect),
                     qPrintable(layout.sections[i].id + u" overlaps "_s + layout.sections[j].id));
        }
    }
}

void TestRoadmapLayout::topicsStackInsideSections()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    QCOMPARE(layout.topics.size(), curriculum.topicCount());
    QStringList expectedIds = curriculum.topicIds();
    for (int i = 0; i < layout.topics.size(); ++i) {
        const RoadmapLayout::TopicBox &topic = layout.topics[i];
        QCOMPARE(topic.id, expectedIds[i]);
        const RoadmapLayout::SectionBox *section = layout.section(topic.sectionId);
        QVERIFY(section);
        QCOMPARE(curriculum.sectionOfTopic(topic.id)->id, section->id);
        QVERIFY(section->rect.contains(topic.rect));
        QVERIFY(near(topic.rect.left(), section->rect.left() + metrics.sectionPadding));
        QCOMPARE(topic.rect.size(), QSizeF(metrics.cardWidth, metrics.cardHeight));
        QVERIFY(topic.rect.top() >= section->headerRect.bottom());
        QCOMPARE(layout.topic(topic.id), &topic);
        if (i > 0 && layout.topics[i - 1].sectionId == topic.sectionId) {
            QVERIFY(!layout.topics[i - 1].rect.intersects(topic.rect));
            QVERIFY(layout.topics[i - 1].rect.bottom() < topic.rect.top());
        }
    }
}

void TestRoadmapLayout::prerequisitesComeFirst()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    for (const RoadmapLayout::Edge &edge : layout.edges) {
        const RoadmapLayout::SectionBox *from = layout.section(edge.fromSectionId);
        const RoadmapLayout::SectionBox *to = layout.section(edge.toSectionId);
        QVERIFY(from && to);
        QVERIFY(from->layer < to->layer);
        QVERIFY(from->band <= to->band);
        if (from->band == to->band)
            QVERIFY(from->rect.right() < to->rect.left());
        else
            QVERIFY(from->rect.bottom() < to->rect.top());
    }
}

void TestRoadmapLayout::edgesAttachToHeaders()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    for (const RoadmapLayout::Edge &edge : layout.edges) {
        const QRectF from = layout.section(edge.fromSectionId)->headerRect;
        const QRectF to = layout.section(edge.toSectionId)->headerRect;
        QVERIFY(edge.points.size() >= 2);
        const QPointF first = edge.points.first();
        const QPointF last = edge.points.last();
        QVERIFY(near(first.x(), from.right()) && near(first.y(), from.center().y()));
        QVERIFY(near(last.x(), to.left()) && near(last.y(), to.center().y()));
        // Horizontal ends, leaving to the right and arriving from the left.
        QVERIFY(near(edge.points[1].y(), first.y()) && edge.points[1].x() > first.x());
        const QPointF beforeLast = edge.points[edge.points.size() - 2];
        QVERIFY(near(beforeLast.y(), last.y()) && beforeLast.x() < last.x());
    }
}

void TestRoadmapLayout::edgesAvoidSections()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    for (const RoadmapLayout::Edge &edge : layout.edges) {
        for (int i = 1; i < edge.points.size(); ++i) {
            for (const RoadmapLayout::SectionBox &box : layout.sections) {
                QVERIFY2(!segmentEntersRect(edge.points[i - 1], edge.points[i], box.rect),
                         qPrintable(u"%1 -> %2 crosses %3"_s.arg(
                             edge.fromSectionId, edge.toSectionId, box.id)));
            }
        }
    }
}

void TestRoadmapLayout::boundsStartAtOrigin()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    QCOMPARE(layout.bounds.topLeft(), QPointF(0, 0));
    for (const RoadmapLayout::SectionBox &box : layout.sections)
        QVERIFY(layout.bounds.contains(box.rect));
    for (const RoadmapLayout::Edge &edge : layout.edges) {
        for (const QPointF &point : edge.points)
            QVERIFY(layout.bounds.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(point));
    }
}

void TestRoadmapLayout::sameInputSameLayout()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(RoadmapMetrics, metrics);
    const RoadmapLayout first = RoadmapLayout::compute(curriculum, metrics);
    const RoadmapLayout second = RoadmapLayout::compute(curriculum, metrics);
    QCOMPARE(second.bounds, first.bounds);
    QCOMPARE(second.sections.size(), first.sections.size());
    for (int i = 0; i < first.sections.size(); ++i) {
        QCOMPARE(second.sections[i].rect, first.sections[i].rect);
        QCOMPARE(second.sections[i].band, first.sections[i].band);
    }
    QCOMPARE(second.topics.size(), first.topics.size());
    for (int i = 0; i < first.topics.size(); ++i)
        QCOMPARE(second.topics[i].rect, first.topics[i].rect);
    QCOMPARE(second.edges.size(), first.edges.size());
    for (int i = 0; i < first.edges.size(); ++i)
        QCOMPARE(second.edges[i].points, first.edges[i].points);
}

// The edge checks above are only as good as this helper.
void TestRoadmapLayout::segmentCheckSeesCrossings_data()
{
    QTest::addColumn<QPointF>("from");
    QTest::addColumn<QPointF>("to");
    QTest::addColumn<bool>("enters");
    // Against the rectangle (0, 0) to (100, 50).
    QTest::newRow("through") << QPointF(-10, 25) << QPointF(110, 25) << true;
    QTest::newRow("diagonal") << QPointF(-10, -10) << QPointF(60, 60) << true;
    QTest::newRow("inside") << QPointF(10, 10) << QPointF(20, 20) << true;
    QTest::newRow("along-border") << QPointF(0, -10) << QPointF(0, 60) << false;
    QTest::newRow("ends-on-border") << QPointF(-50, 25) << QPointF(0, 25) << false;
    QTest::newRow("above") << QPointF(-10, -5) << QPointF(110, -5) << false;
    QTest::newRow("past-corner") << QPointF(90, -20) << QPointF(130, 20) << false;
}

void TestRoadmapLayout::segmentCheckSeesCrossings()
{
    QFETCH(QPointF, from);
    QFETCH(QPointF, to);
    QFETCH(bool, enters);
    QCOMPARE(segmentEntersRect(from, to, QRectF(0, 0, 100, 50)), enters);
    QCOMPARE(segmentEntersRect(to, from, QRectF(0, 0, 100, 50)), enters);
}

void TestRoadmapLayout::layersFollowLongestPath_data()
{
    QTest::addColumn<QString>("sectionId");
    QTest::addColumn<int>("layer");
    const QList<int> layers{0, 1, 2, 3, 2, 3, 4, 1, 5};
    for (int i = 0; i < layers.size(); ++i)
        QTest::addRow("s%d", i + 1) << sectionId(i + 1) << layers[i];
}

void TestRoadmapLayout::layersFollowLongestPath()
{
    QFETCH(QString, sectionId);
    QFETCH(int, layer);
    const RoadmapLayout layout = RoadmapLayout::compute(shippedLike(), {});
    QVERIFY(layout.section(sectionId));
    QCOMPARE(layout.section(sectionId)->layer, layer);
    QCOMPARE(layout.section(sectionId)->band, 0); // nine sections fit in one row
    QCOMPARE(layout.edges.size(), 11);
}

void TestRoadmapLayout::sectionSizeFollowsTopicCount_data()
{
    QTest::addColumn<int>("topics");
    QTest::addColumn<double>("height");
    // Default metrics: header 64, padding 12, cards 60 high with 8 between.
    QTest::newRow("none") << 0 << 64.0 + 24;
    QTest::newRow("one") << 1 << 64.0 + 60 + 24;
    QTest::newRow("three") << 3 << 64.0 + 3 * 60 + 2 * 8 + 24;
}

void TestRoadmapLayout::sectionSizeFollowsTopicCount()
{
    QFETCH(int, topics);
    QFETCH(double, height);
    const RoadmapMetrics metrics;
    const RoadmapLayout layout = RoadmapLayout::compute(makeCurriculum({topics}, {}), metrics);
    QCOMPARE(layout.sections.size(), 1);
    QCOMPARE(layout.sections[0].rect.size(), QSizeF(240 + 24, height));
    QCOMPARE(layout.sections[0].headerRect, QRectF(0, 0, 240 + 24, 64));
    for (const RoadmapLayout::TopicBox &topic : layout.topics)
        QCOMPARE(topic.rect.left(), metrics.sectionPadding);
    QCOMPARE(layout.bounds, layout.sections[0].rect);
}

void TestRoadmapLayout::wideCurriculaWrap_data()
{
    QTest::addColumn<Curriculum>("curriculum");
    QTest::newRow("chain-30") << chain(30, 3);
    QTest::newRow("chain-30-large") << chain(30, 8);
    QTest::newRow("chain-30-shortcuts") << chainWithShortcuts();
    QTest::newRow("independent-30") << independent(30, 3);
    QTest::newRow("independent-30-small") << independent(30, 1);
    QTest::newRow("wide-fan") << wideFan();
}

void TestRoadmapLayout::wideCurriculaWrap()
{
    QFETCH(Curriculum, curriculum);
    const RoadmapMetrics metrics;
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, metrics);
    const double ratio = aspectRatio(layout) / metrics.targetAspectRatio;
    QVERIFY2(ratio > 0.5 && ratio < 2, qPrintable(QString::number(aspectRatio(layout))));
}

void TestRoadmapLayout::chainWrapsIntoBands()
{
    const RoadmapLayout layout = RoadmapLayout::compute(chain(30, 3), {});
    QSet<int> bands;
    for (const RoadmapLayout::SectionBox &box : layout.sections)
        bands.insert(box.band);
    QVERIFY(bands.size() >= 3);
    // Bands are rows: each lies wholly below the one before.
    for (int i = 1; i < layout.sections.size(); ++i) {
        const RoadmapLayout::SectionBox &previous = layout.sections[i - 1];
        const RoadmapLayout::SectionBox &box = layout.sections[i];
        QVERIFY(box.band == previous.band || box.band == previous.band + 1);
        if (box.band != previous.band)
            QVERIFY(box.rect.top() > previous.rect.bottom());
    }
}

void TestRoadmapLayout::independentSectionsShareRows()
{
    const RoadmapLayout layout = RoadmapLayout::compute(independent(30, 3), {});
    QHash<double, int> sectionsPerColumn;
    for (const RoadmapLayout::SectionBox &box : layout.sections) {
        QCOMPARE(box.layer, 0);
        ++sectionsPerColumn[box.rect.left()];
    }
    QVERIFY(sectionsPerColumn.size() >= 3);
    for (const int count : std::as_const(sectionsPerColumn))
        QVERIFY(count <= 10);
}

void TestRoadmapLayout::emptyCurriculumGivesEmptyLayout()
{
    const RoadmapLayout layout = RoadmapLayout::compute(Curriculum(), {});
    QVERIFY(layout.sections.isEmpty());
    QVERIFY(layout.topics.isEmpty());
    QVERIFY(layout.edges.isEmpty());
    QVERIFY(layout.bounds.isEmpty());
    QCOMPARE(layout.section(u"s1"_s), nullptr);
    QCOMPARE(layout.topic(u"s1-t1"_s), nullptr);
}

void TestRoadmapLayout::brokenPrerequisitesAreIgnored_data()
{
    QTest::addColumn<Curriculum>("curriculum");
    QTest::addColumn<int>("edgeCount");
    QTest::newRow("two-cycle") << makeCurriculum({1, 1}, {{2}, {1}}) << 1;
    QTest::newRow("four-cycle") << makeCurriculum({1, 1, 1, 1}, {{4}, {1}, {2}, {3}}) << 3;
    QTest::newRow("self") << makeCurriculum({1, 1}, {{1}, {1, 2}}) << 1;
    QTest::newRow("duplicate") << makeCurriculum({1, 1}, {{}, {1, 1}}) << 1;
    Curriculum unknown = makeCurriculum({1, 1}, {{}, {1}});
    unknown.sections[1].prerequisites.prepend(u"missing"_s);
    QTest::newRow("unknown") << unknown << 1;
}

void TestRoadmapLayout::brokenPrerequisitesAreIgnored()
{
    QFETCH(Curriculum, curriculum);
    QFETCH(int, edgeCount);
    const RoadmapLayout layout = RoadmapLayout::compute(curriculum, {});
    QCOMPARE(layout.sections.size(), curriculum.sections.size());
    QCOMPARE(layout.edges.size(), edgeCount);
}

QTEST_GUILESS_MAIN(TestRoadmapLayout)
#include "tst_roadmaplayout.moc"
