#include "curriculum/curriculumloader.h"
#include "progress/curriculummodel.h"
#include "progress/progressstore.h"
#include "progress/topicfilterproxymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCurriculumModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void modelTester();
    void treeShape();
    void topicRoles();
    void sectionRoles();
    void statusFromStoreUpdatesModel();
    void setDataWritesThroughStore();
    void setDataRejectsBadInput();
    void orphanStatusIsIgnored();
    void curriculumReplacedKeepsStatuses();
    void filterBySearchText_data();
    void filterBySearchText();
    void filterByStatus();
    void filterModelTester();

private:
    QStringList visibleTopicIds(const TopicFilterProxyModel &filter) const;

    Curriculum m_curriculum;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
};

void TestCurriculumModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const CurriculumLoader::Result loaded = CurriculumLoader::loadBuiltIn();
    QVERIFY2(loaded.ok, qPrintable(loaded.error));
    m_curriculum = loaded.curriculum;
}

void TestCurriculumModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<ProgressStore>();
    QVERIFY2(m_store->open(m_dir->filePath(u"progress.db"_s)), qPrintable(m_store->errorString()));
    m_model = std::make_unique<CurriculumModel>();
    m_model->setCurriculum(m_curriculum);
    m_model->setStore(m_store.get());
}

void TestCurriculumModel::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestCurriculumModel::modelTester()
{
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Changes while the tester watches: statuses, a reset and a new curriculum.
    QVERIFY(m_store->setStatus(u"mlops-overview"_s, TopicStatus::Done));
    QVERIFY(m_store->setStatus(u"feature-stores"_s, TopicStatus::Learning));
    m_model->setStore(m_store.get());
    Curriculum smaller = m_curriculum;
    smaller.sections.removeLast();
    m_model->setCurriculum(smaller);
    QCOMPARE(m_model->rowCount(), 8);
}

void TestCurriculumModel::treeShape()
{
    QCOMPARE(m_model->rowCount(), 9);
    QCOMPARE(m_model->columnCount(), int(CurriculumModel::ColumnCount));
    int topics = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex section = m_model->index(row, 0);
        QVERIFY(!section.parent().isValid());
        for (int t = 0; t < m_model->rowCount(section); ++t) {
            const QModelIndex topic = m_model->index(t, 0, section);
            QCOMPARE(topic.parent(), section);
            QCOMPARE(m_model->rowCount(topic), 0);
            ++topics;
        }
        // Only column 0 of a section has children.
        QCOMPARE(m_model->rowCount(section.siblingAtColumn(1)), 0);
    }
    QCOMPARE(topics, 26);
}

void TestCurriculumModel::topicRoles()
{
    const QModelIndex topic = m_model->indexOfTopic(u"testing-in-ml-pipelines"_s);
    QVERIFY(topic.isValid());
    QCOMPARE(topic.data(Qt::DisplayRole).toString(), u"Testing in ML Pipelines"_s);
    QCOMPARE(topic.data(CurriculumModel::IdRole).toString(), u"testing-in-ml-pipelines"_s);
    QCOMPARE(topic.data(CurriculumModel::KindRole).value<CurriculumModel::ItemKind>(),
             CurriculumModel::ItemKind::Topic);
    QVERIFY(topic.data(CurriculumModel::GoalsRole).toString().startsWith(u"Understand testing"_s));
    QVERIFY(
        topic.data(CurriculumModel::ActivitiesRole).toString().contains(u"Great Expectations"_s));
    QCOMPARE(topic.data(CurriculumModel::TagsRole).toStringList(),
             QStringList{u"Great Expectations"_s});
    QVERIFY(topic.data(CurriculumModel::HoursRole).toDouble() > 0);
    QCOMPARE(topic.data(CurriculumModel::StatusRole).toInt(), int(TopicStatus::Pending));
    QCOMPARE(topic.data(CurriculumModel::StatusNameRole).toString(), u"pending"_s);
    QCOMPARE(topic.siblingAtColumn(CurriculumModel::StatusColumn).data().toString(), u"Pending"_s);
    QCOMPARE(topic.parent().data(CurriculumModel::IdRole).toString(),
             u"ci-cd-for-machine-learning"_s);
}

void TestCurriculumModel::sectionRoles()
{
    const QModelIndex section = m_model->indexOfSection(u"capstone-project"_s);
    QVERIFY(section.isValid());
    QCOMPARE(section.data(CurriculumModel::NumberRole).toInt(), 9);
    QCOMPARE(section.data(Qt::DisplayRole).toString(), u"9. Capstone Project"_s);
    QCOMPARE(section.data(CurriculumModel::TopicCountRole).toInt(), 2);
    QCOMPARE(section.data(CurriculumModel::FinishedCountRole).toInt(), 0);
    QVERIFY(!section.data(CurriculumModel::PrerequisitesRole).toStringList().isEmpty());
    QVERIFY(section.data(CurriculumModel::ObjectiveRole).toString().startsWith(u"Apply"_s));
    QCOMPARE(section.siblingAtColumn(CurriculumModel::StatusColumn).data().toString(), u"0 of 2"_s);
}

void TestCurriculumModel::statusFromStoreUpdatesModel()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->setStatus(u"ai-powered-application"_s, TopicStatus::Skipped));
    QVERIFY(m_store->setStatus(u"end-to-end-mlops-pipeline"_s, TopicStatus::Done));

    const QModelIndex topic = m_model->indexOfTopic(u"ai-powered-application"_s);
    QCOMPARE(topic.data(CurriculumModel::StatusRole).toInt(), int(TopicStatus::Skipped));
    const QModelIndex section = topic.parent();
    QCOMPARE(section.data(CurriculumModel::FinishedCountRole).toInt(), 2);
    QCOMPARE(section.siblingAtColumn(CurriculumModel::StatusColumn).data().toString(), u"2 of 2"_s);
    // Each status change reports the topic row and its section row.
    QCOMPARE(changed.count(), 4);
    const QList<QModelIndex> reported{changed.at(0).at(0).value<QModelIndex>(),
                                      changed.at(1).at(0).value<QModelIndex>()};
    QVERIFY(reported.contains(topic));
    QVERIFY(reported.contains(section));
}

void TestCurriculumModel::setDataWritesThroughStore()
{
    const QModelIndex topic = m_model->indexOfTopic(u"feature-stores"_s);
    QVERIFY(m_model->setData(topic, int(TopicStatus::Learning), CurriculumModel::StatusRole));
    QCOMPARE(m_store->status(u"feature-stores"_s), TopicStatus::Learning);
    QCOMPARE(topic.data(CurriculumModel::StatusRole).toInt(), int(TopicStatus::Learning));

    // A second store on the same file sees it: the write is committed.
    ProgressStore other;
    QVERIFY(other.open(m_store->filePath()));
    QCOMPARE(other.status(u"feature-stores"_s), TopicStatus::Learning);
}

void TestCurriculumModel::setDataRejectsBadInput()
{
    const QModelIndex topic = m_model->indexOfTopic(u"feature-stores"_s);
    QVERIFY(!m_model->setData(topic, 99, CurriculumModel::StatusRole));
    QVERIFY(!m_model->setData(topic, -1, CurriculumModel::StatusRole));
    QVERIFY(!m_model->setData(topic, u"x"_s, Qt::DisplayRole));
    const QModelIndex section = m_model->indexOfSection(u"advanced-mlops-practices"_s);
    QVERIFY(!m_model->setData(section, int(TopicStatus::Done), CurriculumModel::StatusRole));
    QVERIFY(m_store->statusHistory().isEmpty());
}

void TestCurriculumModel::orphanStatusIsIgnored()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->setStatus(u"topic-from-an-old-curriculum"_s, TopicStatus::Done));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!m_model->indexOfTopic(u"topic-from-an-old-curriculum"_s).isValid());
}

void TestCurriculumModel::curriculumReplacedKeepsStatuses()
{
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Done));
    Curriculum reordered = m_curriculum;
    std::reverse(reordered.sections.begin(), reordered.sections.end());
    m_model->setCurriculum(reordered);
    QCOMPARE(m_model->index(0, 0).data(CurriculumModel::IdRole).toString(), u"capstone-project"_s);
    QCOMPARE(m_model->indexOfTopic(u"data-pipelines"_s).data(CurriculumModel::StatusRole).toInt(),
             int(TopicStatus::Done));
}

QStringList TestCurriculumModel::visibleTopicIds(const TopicFilterProxyModel &filter) const
{
    QStringList ids;
    for (int s = 0; s < filter.rowCount(); ++s) {
        const QModelIndex section = filter.index(s, 0);
        for (int t = 0; t < filter.rowCount(section); ++t)
            ids << filter.index(t, 0, section).data(CurriculumModel::IdRole).toString();
    }
    return ids;
}

void TestCurriculumModel::filterBySearchText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("tag") << u"mlflow"_s
                         << QStringList{u"ai-ml-lifecycle"_s,
                                        u"monitoring-and-logging"_s,
                                        u"end-to-end-mlops-pipeline"_s};
    QTest::newRow("title") << u"serverless"_s << QStringList{u"serverless-architectures"_s};
    QTest::newRow("section title shows its topics")
        << u"Soft Skills"_s
        << QStringList{u"collaboration-with-data-scientists"_s,
                       u"agile-for-ai-ml-projects"_s,
                       u"documentation-and-reporting"_s};
    QTest::newRow("goals text") << u"drift detection"_s << QStringList{u"monitoring-and-logging"_s};
    QTest::newRow("nothing") << u"no such words anywhere"_s << QStringList{};
}

void TestCurriculumModel::filterBySearchText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    TopicFilterProxyModel filter;
    filter.setSourceModel(m_model.get());
    filter.setSearchText(text);
    QCOMPARE(visibleTopicIds(filter), expected);
    filter.setSearchText(QString());
    QCOMPARE(visibleTopicIds(filter).size(), 26);
}

void TestCurriculumModel::filterByStatus()
{
    TopicFilterProxyModel filter;
    filter.setSourceModel(m_model.get());
    filter.setStatusFilter({TopicStatus::Done});
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(m_store->setStatus(u"big-data-tools"_s, TopicStatus::Done));
    QCOMPARE(visibleTopicIds(filter), QStringList{u"big-data-tools"_s});
    QVERIFY(m_store->setStatus(u"big-data-tools"_s, TopicStatus::Learning));
    QCOMPARE(visibleTopicIds(filter), QStringList{});
    filter.setStatusFilter({TopicStatus::Pending});
    QCOMPARE(visibleTopicIds(filter).size(), 25);
}

void TestCurriculumModel::filterModelTester()
{
    TopicFilterProxyModel filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSearchText(u"data"_s);
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Done));
    filter.setStatusFilter({TopicStatus::Done, TopicStatus::Skipped});
    QCOMPARE(visibleTopicIds(filter), QStringList{u"data-pipelines"_s});
    filter.setSearchText(QString());
    filter.setStatusFilter({});
}

QTEST_GUILESS_MAIN(TestCurriculumModel)
#include "tst_curriculummodel.moc"
