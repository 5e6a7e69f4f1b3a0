#include "curriculum/curriculumloader.h"
#include "pipeline/nodecatalog.h"
#include "pipeline/nodetopicprogress.h"
#include "pipeline/pipelinegraph.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The catalog's links (curriculum/pipeline-catalog.json): a Retrain trigger teaches
// model-retraining-and-automation and data-pipelines; Train teaches python-for-ai-ml,
// ai-ml-lifecycle and cloud-native-ml-tools.
class TestNodeTopicProgress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countsFinishedTopics_data();
    void countsFinishedTopics();
    void unknownKindIsLeftOut();

private:
    Curriculum m_curriculum;
};

namespace {

PipelineNode node(const QString &id, const QString &kind)
{
    PipelineNode made;
    made.id = id;
    made.kind = kind;
    made.name = id;
    return made;
}

// "R 1/2, T 0/3": each node's finished/total, by node id.
QString describe(const QHash<QString, NodeTopicProgress> &progress)
{
    QStringList parts;
    for (auto it = progress.cbegin(); it != progress.cend(); ++it)
        parts << u"%1 %2/%3"_s.arg(it.key()).arg(it->finished).arg(it->total);
    parts.sort();
    return parts.join(u", "_s);
}

Curriculum without(Curriculum curriculum, const QString &topicId)
{
    for (Section &section : curriculum.sections)
        section.topics.removeIf([&](const Topic &topic) { return topic.id == topicId; });
    return curriculum;
}

} // namespace

void TestNodeTopicProgress::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    m_curriculum = loaded.curriculum;
    QVERIFY(m_curriculum.findTopic(u"data-pipelines"_s));
}

void TestNodeTopicProgress::countsFinishedTopics_data()
{
    QTest::addColumn<QString>("statuses"); // topic:status …
    QTest::addColumn<QString>("missing");  // a topic the curriculum leaves out
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing studied") << QString() << QString() << u"R 0/2, T 0/3"_s;
    QTest::newRow("done counts") << u"data-pipelines:done"_s << QString() << u"R 1/2, T 0/3"_s;
    QTest::newRow("skipped counts too")
        << u"data-pipelines:skipped model-retraining-and-automation:done"_s << QString()
        << u"R 2/2, T 0/3"_s;
    QTest::newRow("learning is not finished")
        << u"data-pipelines:learning python-for-ai-ml:learning"_s << QString() << u"R 0/2, T 0/3"_s;
    QTest::newRow("back to pending")
        << u"ai-ml-lifecycle:done ai-ml-lifecycle:pending"_s << QString() << u"R 0/2, T 0/3"_s;
    QTest::newRow("only the kind's topics")
        << u"ai-ml-lifecycle:done feature-stores:done"_s << QString() << u"R 0/2, T 1/3"_s;
    QTest::newRow("a topic the curriculum lacks does not count")
        << u"data-pipelines:done model-retraining-and-automation:done"_s << u"data-pipelines"_s
        << u"R 1/1, T 0/3"_s;
}

void TestNodeTopicProgress::countsFinishedTopics()
{
    QFETCH(QString, statuses);
    QFETCH(QString, missing);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ProgressStore store;
    QVERIFY2(store.open(dir.filePath(u"progress.db"_s)), qPrintable(store.errorString()));
    const QStringList changes = statuses.split(u' ', Qt::SkipEmptyParts);
    for (const QString &change : changes) {
        const std::optional<TopicStatus> status
            = TopicStatuses::fromString(change.section(u':', 1));
        QVERIFY2(status, qPrintable(change));
        QVERIFY(store.setStatus(change.section(u':', 0, 0), *status));
    }
    CurriculumModel curriculum;
    curriculum.setCurriculum(missing.isEmpty() ? m_curriculum : without(m_curriculum, missing));
    curriculum.setStore(&store);
    PipelineGraph graph(&NodeCatalog::builtIn());
    QVERIFY(graph.addNode(node(u"R"_s, u"retrain-trigger"_s)));
    QVERIFY(graph.addNode(node(u"T"_s, u"train"_s)));

    QCOMPARE(describe(NodeTopicProgresses::of(graph, curriculum)), expected);
}

void TestNodeTopicProgress::unknownKindIsLeftOut()
{
    // A file may name a kind this catalog lacks (reset() keeps it, validation reports it).
    PipelineGraph graph(&NodeCatalog::builtIn());
    graph.reset({node(u"M"_s, u"mystery"_s), node(u"A"_s, u"alert"_s)}, {}, {});
    QCOMPARE(graph.nodes().size(), 2);
    CurriculumModel curriculum;
    curriculum.setCurriculum(m_curriculum);

    // No store: every topic is pending. Alert teaches monitoring-and-logging alone.
    QCOMPARE(describe(NodeTopicProgresses::of(graph, curriculum)), u"A 0/1"_s);
}

QTEST_GUILESS_MAIN(TestNodeTopicProgress)
#include "tst_nodetopicprogress.moc"
