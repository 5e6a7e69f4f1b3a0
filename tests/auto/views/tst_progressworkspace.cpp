// The Progress dashboard offscreen: figures reach the charts, the filters, live updates, the
// theme, the session list with undo, Log Time, and the exports. Berlin time, "today" fixed.
#include "curriculum/curriculumloader.h"
#include "progress/calendarheatmap.h"
#include "progress/curriculummodel.h"
#include "progress/logtimedialog.h"
#include "progress/progresscharts.h"
#include "progress/progressstore.h"
#include "progress/progresstiles.h"
#include "progress/progressworkspace.h"
#include "progress/studysessionspanel.h"
#include "progress/studysessiontablemodel.h"
#include "progress/studytimer.h"
#include "support/exportprobes.h"
#include "support/localzone.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ExportProbes;

namespace {

const QDate Today(2024, 4, 10); // a Wednesday

QDateTime local(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), Qt::LocalTime).toUTC();
}

// Runs `handle` on the modal dialog the next call opens.
template<typename Dialog> void onNextDialog(QObject *context, std::function<void(Dialog *)> handle)
{
    QTimer::singleShot(0, context, [handle] {
        if (auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget()))
            handle(dialog);
    });
}

} // namespace

class TestProgressWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void figuresReachTheCharts();
    void calendarLevelsAndDays_data();
    void calendarLevelsAndDays();
    void filtersChangeTheFigures();
    void statusChangesRedrawAtOnce();
    void themeIsFollowed();
    void sessionsEditDeleteUndo();
    void logTimeDialogLogsASession();
    void sessionTableIsASoundModel();
    void exportsChartsCalendarReportCsv();
    void exportMenuAsksForTheFile();
    void exportRefusesBadPaths();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProgressStore> m_store;
    std::unique_ptr<CurriculumModel> m_model;
    std::unique_ptr<StudyTimer> m_timer;
    std::unique_ptr<ProgressWorkspace> m_workspace;
};

void TestProgressWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(berlinTimeWorks(), "the Europe/Berlin zone is missing (Debian package tzdata)");
}

// Section 1: introduction-to-ai-ml skipped, mlops-overview done, ai-ml-lifecycle learning.
// Sessions: Mon Apr 8 20:00 20 min, Tue Apr 9 19:00 45 min, Wed Apr 10 08:00 30 min.
void TestProgressWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->filePath(u"config"_s));
    m_store = std::make_unique<ProgressStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"progress.db"_s)));
    QVERIFY(m_store->setStatus(u"introduction-to-ai-ml"_s, TopicStatus::Skipped, local(3, 5, 9)));
    QVERIFY(m_store->setStatus(u"mlops-overview"_s, TopicStatus::Done, local(4, 2, 10)));
    QVERIFY(m_store->setStatus(u"ai-ml-lifecycle"_s, TopicStatus::Learning, local(4, 8, 9)));
    QVERIFY(m_store->logSession(u"data-pipelines"_s, 20, local(4, 8, 20)));
    QVERIFY(m_store->logSession(u"mlops-overview"_s, 45, local(4, 9, 19)));
    QVERIFY(m_store->logSession(u"ai-ml-lifecycle"_s, 30, local(4, 10, 8)));
    m_model = std::make_unique<CurriculumModel>();
    m_model->setCurriculum(CurriculumLoader::loadBuiltIn().curriculum);
    m_model->setStore(m_store.get());
    m_timer = std::make_unique<StudyTimer>(m_store.get());
    m_workspace
        = std::make_unique<ProgressWorkspace>(m_model.get(), m_timer.get(), [] { return Today; });
    m_workspace->resize(1300, 1700);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    QTRY_VERIFY(!m_workspace->statsModel()->isStale());
}

void TestProgressWorkspace::cleanup()
{
    m_workspace.reset();
    m_timer.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestProgressWorkspace::figuresReachTheCharts()
{
    ProgressCharts *charts = m_workspace->charts();
    // Nine sections, the first on top: the last value of each set.
    QBarSet *done = charts->statusSet(int(TopicStatus::Done));
    QCOMPARE(done->count(), 9);
    QCOMPARE(done->at(8), 1.0);
    QCOMPARE(charts->statusSet(int(TopicStatus::Skipped))->at(8), 1.0);
    QCOMPARE(charts->statusSet(int(TopicStatus::Learning))->at(8), 1.0);
    QCOMPARE(charts->statusSet(int(TopicStatus::Pending))->at(8), 0.0);
    QCOMPARE(charts->statusSet(int(TopicStatus::Pending))->at(0), 2.0); // section 9: 2 topics
    QVERIFY(charts->sectionLabels().last().startsWith(u"1. Core Concepts"_s));

    // Finished over time: 2 topics (the skipped one counts), the last point at 2.
    const QList<QPointF> line = charts->finishedSeries()->points();
    QCOMPARE(line.last().y(), 2.0);
    QCOMPARE(charts->finishedSeries()->name(), u"Finished: 2 of 26"_s);
    // 1 finished in the last 28 days (Apr 2): a pace of 0.25 a week, 24 left: 672 days.
    QCOMPARE(charts->forecastSeries()->points().size(), 2);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(charts->forecastSeries()->points().last().x()))
                 .date(),
             Today.addDays(672));

    // Hours by weekday: Mon 20, Tue 45, Wed 30 minutes.
    QBarSet *weekdays = charts->weekdaySet();
    QCOMPARE(weekdays->at(0), 20 / 60.0);
    QCOMPARE(weekdays->at(1), 45 / 60.0);
    QCOMPARE(weekdays->at(2), 30 / 60.0);
    QCOMPARE(charts->hourlySet()->at(19), 45 / 60.0);
    QCOMPARE(charts->weeklySet()->count(), m_workspace->statsModel()->stats().minutesByWeek.size());
    QCOMPARE(charts->weeklySet()->at(charts->weeklySet()->count() - 1), 95 / 60.0);

    CalendarHeatmap *calendar = m_workspace->heatmap();
    QCOMPARE(calendar->minutesOn(QDate(2024, 4, 9)), 45);
    QCOMPARE(calendar->streakText(),
             u"Current streak: 3 days · Longest: 3 days · A day counts from 15 minutes of study"_s);

    const QList<ProgressTiles::Tile> tiles = m_workspace->tiles()->tiles();
    QCOMPARE(tiles.size(), 5);            // the fifth, due today, is tst_progressreviews's
    QCOMPARE(tiles.at(0).value, u"8%"_s); // 2 of 26
    QCOMPARE(tiles.at(1).value, u"1.6 h"_s);
    QCOMPARE(tiles.at(2).value, u"3 days"_s);
    QCOMPARE(tiles.at(3).value, u"1"_s);
    QCOMPARE(m_workspace->sessions()->model()->rowCount(), 3);
}

void TestProgressWorkspace::calendarLevelsAndDays_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<int>("level");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("under the minimum") << 14 << 1;
    QTest::newRow("the minimum") << 15 << 2;
    QTest::newRow("three times") << 45 << 3;
    QTest::newRow("six times") << 90 << 4;
}

void TestProgressWorkspace::calendarLevelsAndDays()
{
    QFETCH(int, minutes);
    QFETCH(int, level);
    QCOMPARE(CalendarHeatmap::level(minutes, 15), level);
    CalendarHeatmap *calendar = m_workspace->heatmap();
    QCOMPARE(calendar->levelOn(QDate(2024, 4, 9)), 3); // 45 minutes
    // The square of a day is where dayAt() finds it: Tuesday is the second row.
    const QRectF tuesday = calendar->cellRect(QDate(2024, 4, 9));
    const QRectF wednesday = calendar->cellRect(QDate(2024, 4, 10));
    QVERIFY(tuesday.isValid());
    QCOMPARE(calendar->dayAt(tuesday.center()), QDate(2024, 4, 9));
    QCOMPARE(wednesday.left(), tuesday.left());
    QVERIFY(wednesday.top() > tuesday.top());
    QCOMPARE(calendar->cellRect(Today.addDays(-364)).isValid(), true);
    QVERIFY(!calendar->cellRect(Today.addDays(-365)).isValid());
}

void TestProgressWorkspace::filtersChangeTheFigures()
{
    ProgressStatsModel *stats = m_workspace->statsModel();
    m_workspace->rangeBox()->setCurrentIndex(m_workspace->rangeBox()->findData(30));
    QTRY_COMPARE(stats->stats().options.rangeDays, 30);
    QCOMPARE(stats->stats().rangeFrom, Today.addDays(-29));

    m_workspace->sectionBox()->setCurrentIndex(
        m_workspace->sectionBox()->findData(u"data-engineering-for-ai-ml"_s));
    QTRY_COMPARE(stats->stats().sections.size(), 1);
    QCOMPARE(stats->stats().minutesTotal, 20); // data-pipelines only
    QCOMPARE(m_workspace->charts()->statusSet(int(TopicStatus::Pending))->count(), 1);
    QCOMPARE(m_workspace->sessions()->model()->rowCount(), 1);

    m_workspace->sectionBox()->setCurrentIndex(0);
    m_workspace->minMinutesBox()->setValue(40);
    QTRY_COMPARE(stats->stats().streak.minMinutes, 40);
    QCOMPARE(stats->stats().streak.current, 1); // Tuesday; today's 30 are short of 40

    QVERIFY(!m_workspace->charts()->targetSeries()->isVisible());
    m_workspace->targetEdit()->setDate(QDate(2024, 12, 31));
    m_workspace->targetCheck()->setChecked(true);
    QTRY_VERIFY(stats->stats().target.has_value());
    QVERIFY(m_workspace->charts()->targetSeries()->isVisible());
    QVERIFY2(m_workspace->charts()->targetSeries()->name().contains(u"behind by"_s),
             qPrintable(m_workspace->charts()->targetSeries()->name()));
    QCOMPARE(m_workspace->charts()->targetSeries()->pen().color(),
             m_workspace->theme().dashboard.behind);
    m_workspace->targetEdit()->setDate(Today.addYears(3)); // at 0.25 a week: 672 days
    QTRY_VERIFY(stats->stats().target->onTrack);
    QCOMPARE(m_workspace->charts()->targetSeries()->pen().color(),
             m_workspace->theme().dashboard.onTrack);
    m_workspace->setTheme(StudioTheme::byIdOrDefault(u"dark"_s));
    QCOMPARE(m_workspace->charts()->targetSeries()->pen().color(),
             StudioTheme::byIdOrDefault(u"dark"_s).dashboard.onTrack);
    m_workspace->targetEdit()->setDate(QDate(2024, 12, 31));

    // The filters are remembered.
    m_workspace->saveSettings();
    ProgressWorkspace again(m_model.get(), m_timer.get(), [] { return Today; });
    again.restoreSettings();
    QCOMPARE(again.rangeBox()->currentData().toInt(), 30);
    QCOMPARE(again.minMinutesBox()->value(), 40);
    QVERIFY(again.targetCheck()->isChecked());
    QCOMPARE(again.targetEdit()->date(), QDate(2024, 12, 31));
}

void TestProgressWorkspace::statusChangesRedrawAtOnce()
{
    QBarSet *done = m_workspace->charts()->statusSet(int(TopicStatus::Done));
    QVERIFY(m_store->setStatus(u"ai-ml-lifecycle"_s, TopicStatus::Done, local(4, 10, 9)));
    QTRY_COMPARE(done->at(8), 2.0);
    QCOMPARE(m_workspace->tiles()->tiles().at(0).value, u"12%"_s); // 3 of 26
    QVERIFY(m_store->logSession(u"ai-ml-lifecycle"_s, 60, local(4, 10, 10)));
    QTRY_COMPARE(m_workspace->heatmap()->minutesOn(Today), 90);
    QCOMPARE(m_workspace->sessions()->model()->rowCount(), 4);

    // Hidden, it waits; shown again, it catches up.
    m_workspace->hide();
    QVERIFY(m_store->setStatus(u"data-pipelines"_s, TopicStatus::Done, local(4, 10, 11)));
    QCoreApplication::processEvents();
    QVERIFY(m_workspace->statsModel()->isStale());
    m_workspace->show();
    QTRY_COMPARE(m_workspace->statsModel()->stats().overall.finished(), 4);
}

void TestProgressWorkspace::themeIsFollowed()
{
    for (const QString &id : StudioTheme::ids()) {
        const StudioTheme theme = StudioTheme::byIdOrDefault(id);
        m_workspace->setTheme(theme);
        for (int i = 0; i < ProgressCharts::ChartCount; ++i) {
            QChart *chart = m_workspace->charts()->chart(ProgressCharts::Chart(i));
            QCOMPARE(chart->backgroundBrush().color(), theme.dashboard.panel);
            QCOMPARE(chart->titleBrush().color(), theme.dashboard.text);
        }
        QCOMPARE(m_workspace->charts()->statusSet(int(TopicStatus::Done))->color(),
                 theme.statusColor(TopicStatus::Done));
        QCOMPARE(m_workspace->charts()->weeklySet()->color(), theme.dashboard.studyBar);
        QCOMPARE(m_workspace->dashboard()->palette().color(QPalette::Window),
                 theme.dashboard.background);
        // The calendar's empty days and busiest days in the theme's colours. The grab has the
        // screen's device pixel ratio: a cell's logical centre is scaled to the image's pixels.
        const QImage image = m_workspace->heatmap()->grab().toImage();
        const auto pixelAt = [&image](const QRectF &cell) {
            return image.pixelColor((cell.center() * image.devicePixelRatio()).toPoint());
        };
        QCOMPARE(pixelAt(m_workspace->heatmap()->cellRect(QDate(2024, 4, 9))),
                 theme.dashboard.heatmap[3]);
        QCOMPARE(pixelAt(m_workspace->heatmap()->cellRect(QDate(2024, 4, 1))),
                 theme.dashboard.heatmap[0]);
    }
    // Projector: larger squares.
    QVERIFY(StudioTheme::byIdOrDefault(u"projector"_s).dashboard.cellSize
            > StudioTheme::byIdOrDefault(u"light"_s).dashboard.cellSize);
}

void TestProgressWorkspace::sessionsEditDeleteUndo()
{
    StudySessionsPanel *panel = m_workspace->sessions();
    QUndoStack *stack = m_workspace->undoStack();
    StudySessionTableModel *model = panel->model();
    // Newest first.
    QCOMPARE(model->sessionAt(0).topicId, u"ai-ml-lifecycle"_s);
    const StudySession newest = model->sessionAt(0);

    onNextDialog<LogTimeDialog>(this, [](LogTimeDialog *dialog) {
        dialog->minutesBox()->setValue(50);
        dialog->accept();
    });
    panel->editRow(0);
    QCOMPARE(m_store->session(newest.id)->minutes, 50);
    QTRY_COMPARE(m_workspace->heatmap()->minutesOn(Today), 50);
    QCOMPARE(stack->count(), 1);

    panel->view()->selectRow(0);
    panel->view()->setFocus();
    QTest::keyClick(panel->view(), Qt::Key_Delete);
    QVERIFY(!m_store->session(newest.id));
    QTRY_COMPARE(model->rowCount(), 2);

    stack->undo(); // the delete
    QCOMPARE(m_store->session(newest.id)->minutes, 50);
    stack->undo(); // the edit
    QCOMPARE(*m_store->session(newest.id), newest);
    QTRY_COMPARE(m_workspace->heatmap()->minutesOn(Today), 30);

    // A cancelled edit changes nothing.
    onNextDialog<LogTimeDialog>(this, [](LogTimeDialog *dialog) { dialog->reject(); });
    panel->editRow(0);
    QCOMPARE(stack->index(), 0);
}

void TestProgressWorkspace::logTimeDialogLogsASession()
{
    onNextDialog<LogTimeDialog>(this, [](LogTimeDialog *dialog) {
        dialog->topicBox()->setCurrentIndex(dialog->topicBox()->findData(u"feature-stores"_s));
        dialog->startEdit()->setDateTime(QDateTime(QDate(2024, 4, 7), QTime(10, 15)));
        dialog->minutesBox()->setValue(35);
        dialog->accept();
    });
    m_workspace->logTime();
    const QList<StudySession> sessions = m_store->sessions(u"feature-stores"_s);
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().minutes, 35);
    QCOMPARE(sessions.first().start, local(4, 7, 10, 15));
    QTRY_COMPARE(m_workspace->heatmap()->minutesOn(QDate(2024, 4, 7)), 35);
    m_workspace->undoStack()->undo();
    QVERIFY(m_store->sessions(u"feature-stores"_s).isEmpty());
}

void TestProgressWorkspace::sessionTableIsASoundModel()
{
    StudySessionTableModel *model = m_workspace->sessions()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->columnCount(), 3);
    QCOMPARE(model->data(model->index(1, StudySessionTableModel::TopicColumn)).toString(),
             u"MLOps Overview"_s);
    QCOMPARE(model->data(model->index(1, StudySessionTableModel::MinutesColumn)).toInt(), 45);
    QCOMPARE(model->data(model->index(1, 0), StudySessionTableModel::StartRole).toDateTime(),
             local(4, 9, 19));
    QVERIFY(model->data(model->index(1, 0)).toString().contains(u"2024-04-09  19:00"_s));
    QVERIFY(m_store->logSession(u"gone-from-the-curriculum"_s, 10, local(4, 10, 12)));
    QTRY_COMPARE(model->rowCount(), 4);
    QCOMPARE(model->data(model->index(0, StudySessionTableModel::TopicColumn)).toString(),
             u"gone-from-the-curriculum"_s);
}

void TestProgressWorkspace::exportsChartsCalendarReportCsv()
{
    QSignalSpy messages(m_workspace.get(), &ProgressWorkspace::statusMessage);
    const QString png = m_dir->filePath(u"sections.png"_s);
    QVERIFY(m_workspace->exportChart(ProgressCharts::Sections, png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    const QSizeF chartSize = m_workspace->charts()->chart(ProgressCharts::Sections)->size();
    QCOMPARE(image.size(), (chartSize * 2).toSize());

    const QString svg = m_dir->filePath(u"finished.svg"_s);
    QVERIFY(m_workspace->exportChart(ProgressCharts::Completion, svg));
    const SvgContent content = readSvg(svg);
    QVERIFY(content.valid);
    QCOMPARE(content.images, 0); // vectors, not a picture
    QVERIFY2(content.text.contains(u"Topics finished over time"_s), qPrintable(content.text));

    const QString calendarSvg = m_dir->filePath(u"calendar.svg"_s);
    QVERIFY(m_workspace->exportHeatmap(calendarSvg));
    QVERIFY(readSvg(calendarSvg).text.contains(u"Current streak: 3 days"_s));
    const QString calendarPng = m_dir->filePath(u"calendar.png"_s);
    QVERIFY(m_workspace->exportHeatmap(calendarPng));
    QCOMPARE(QImage(calendarPng).size(), m_workspace->heatmap()->naturalSize() * 2);

    const QString pdf = m_dir->filePath(u"report.pdf"_s);
    QVERIFY(m_workspace->exportReport(pdf));
    QVERIFY(readAll(pdf).startsWith("%PDF"));
    QCOMPARE(pdfPageCount(pdf), 1);
    const QString text = pdfText(pdf);
    if (!text.isNull()) {
        for (const QString &expected : {u"MLOps study progress"_s,
                                        u"Topics finished over time"_s,
                                        u"Completion by section"_s,
                                        u"Study time per week"_s,
                                        u"By hour of day"_s,
                                        u"Study calendar"_s,
                                        u"8%"_s}) {
            QVERIFY2(text.contains(expected), qPrintable(expected));
        }
        QVERIFY2(!hasLatinLigature(text), qPrintable(text));
    }

    const QString csv = m_dir->filePath(u"history.csv"_s);
    QVERIFY(m_workspace->exportCsv(csv));
    const QByteArray rows = readAll(csv);
    QCOMPARE(rows.count("\r\n"), 1 + 3 + 3);
    QVERIFY(rows.contains("session,"));
    QVERIFY(messages.last().first().toString().startsWith(u"Exported "_s));
}

void TestProgressWorkspace::exportMenuAsksForTheFile()
{
    QStringList asked;
    const QString target = m_dir->filePath(u"chosen.pdf"_s);
    m_workspace->setSavePathPrompt([&asked, &target](const QString &title,
                                                     const QString &suggested,
                                                     const QString &,
                                                     const QString &suffix) {
        asked << title << QFileInfo(suggested).fileName() << suffix;
        return suffix == u"pdf"_s ? target : QString();
    });
    QAction *report = nullptr;
    for (QAction *action : m_workspace->exportMenu()->actions())
        if (action->text().remove(u'&').startsWith(u"Report as PDF"_s))
            report = action;
    QVERIFY(report);
    report->trigger();
    QVERIFY(QFile::exists(target));
    QCOMPARE(asked.at(1), u"progress-report.pdf"_s);
    QCOMPARE(asked.at(2), u"pdf"_s);
    // Cancelled: nothing written.
    m_workspace->exportChartAs(ProgressCharts::Weekly, u"png"_s);
    QCOMPARE(asked.at(4), u"progress-weekly.png"_s);
    QVERIFY(!QFile::exists(m_dir->filePath(u"progress-weekly.png"_s)));
}

void TestProgressWorkspace::exportRefusesBadPaths()
{
    QSignalSpy messages(m_workspace.get(), &ProgressWorkspace::statusMessage);
    QVERIFY(!m_workspace->exportChart(ProgressCharts::Hourly, m_dir->filePath(u"chart.gif"_s)));
    QVERIFY(messages.last().first().toString().contains(u"unknown format"_s));
    QVERIFY(!m_workspace->exportReport(m_dir->filePath(u"missing/report.pdf"_s)));
    QVERIFY(messages.last().first().toString().contains(u"does not exist"_s));
    QVERIFY(!m_workspace->exportReport(m_dir->filePath(u"report.png"_s)));
    QVERIFY(!QFile::exists(m_dir->filePath(u"chart.gif"_s)));
    QVERIFY(!QFile::exists(m_dir->filePath(u"report.png"_s)));
}

MLOPS_BERLIN_TEST_MAIN_WITH(QApplication, TestProgressWorkspace)
#include "tst_progressworkspace.moc"
