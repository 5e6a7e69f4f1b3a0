#include "progress/progressworkspace.h"

#include "common/applicationsettings.h"
#include "export/exportprompts.h"
#include "progress/calendarheatmap.h"
#include "progress/curriculummodel.h"
#include "progress/logtimedialog.h"
#include "progress/progressexport.h"
#include "progress/progresstiles.h"
#include "progress/studysessioncommands.h"
#include "progress/studysessionspanel.h"
#include "progress/studysessiontablemodel.h"
#include "progress/studytimer.h"
#include "progress/studytimerwidget.h"
#include "selfcheck/reviewsummarymodel.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultRangeDays = 90;
constexpr int ChartHeight = 290;
constexpr int SmallChartHeight = 250;

} // namespace

ProgressWorkspace::ProgressWorkspace(CurriculumModel *model,
                                     StudyTimer *timer,
                                     ProgressStatsModel::Today today,
                                     QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_timer(timer)
    , m_undoStack(new QUndoStack(this))
    , m_stats(new ProgressStatsModel(model, model->store(), today, this))
    , m_reviews(new ReviewSummaryModel(model, model->store(), std::move(today), this))
    , m_charts(new ProgressCharts(this))
    , m_theme(StudioTheme::byIdOrDefault(StudioTheme::defaultId()))
{
    m_stats->setActive(false); // until shown
    m_reviews->setActive(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createFilterBar());
    layout->addWidget(createTimerBar());
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(createDashboard());
    layout->addWidget(m_scroll, 1);
    createExportMenu();

    connect(m_stats, &ProgressStatsModel::statsChanged, this, &ProgressWorkspace::onStatsChanged);
    connect(
        m_reviews, &ReviewSummaryModel::summaryChanged, this, &ProgressWorkspace::onReviewsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProgressWorkspace::fillSections);
    connect(m_sessions, &StudySessionsPanel::message, this, &ProgressWorkspace::statusMessage);
    connect(m_timerWidget, &StudyTimerWidget::message, this, &ProgressWorkspace::statusMessage);
    setTheme(m_theme);
    onFiltersChanged();
}

QWidget *ProgressWorkspace::createFilterBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(u"progressFilterBar"_s);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 6, 8, 2);

    m_range = new QComboBox(bar);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("Last year"), 365);
    m_range->addItem(tr("All time"), int(StatsOptions::AllHistory));
    m_range->setCurrentIndex(m_range->findData(DefaultRangeDays));
    m_range->setToolTip(tr("The range of the charts over time"));

    m_section = new QComboBox(bar);
    m_section->setMinimumContentsLength(14);
    m_section->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillSections();

    m_minMinutes = new QSpinBox(bar);
    m_minMinutes->setRange(1, 1440);
    m_minMinutes->setValue(StatsOptions::DefaultMinMinutes);
    m_minMinutes->setPrefix(tr("Streak day ≥ "));
    m_minMinutes->setSuffix(tr(" min"));
    m_minMinutes->setToolTip(tr("Minutes of study that make a day count for the streak"));

    m_targetCheck = new QCheckBox(tr("&Target:"), bar);
    m_targetCheck->setToolTip(tr("The date you want to have finished every topic by"));
    m_targetDate = new QDateEdit(QDate::currentDate().addMonths(6), bar);
    m_targetDate->setCalendarPopup(true);
    m_targetDate->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_targetDate->setEnabled(false);

    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("E&xport"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setObjectName(u"progressExport"_s);
    m_exportMenu = new QMenu(tr("Export &Progress"), this);
    exportButton->setMenu(m_exportMenu);

    layout->addWidget(new QLabel(tr("Range:"), bar));
    layout->addWidget(m_range);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Section:"), bar));
    layout->addWidget(m_section);
    layout->addSpacing(8);
    layout->addWidget(m_minMinutes);
    layout->addSpacing(8);
    layout->addWidget(m_targetCheck);
    layout->addWidget(m_targetDate);
    layout->addStretch(1);
    layout->addWidget(exportButton);

    connect(m_range, &QComboBox::currentIndexChanged, this, &ProgressWorkspace::onFiltersChanged);
    connect(m_section, &QComboBox::currentIndexChanged, this, &ProgressWorkspace::onFiltersChanged);
    connect(m_minMinutes, &QSpinBox::valueChanged, this, &ProgressWorkspace::onFiltersChanged);
    connect(m_targetCheck, &QCheckBox::toggled, this, [this](bool checked) {
        m_targetDate->setEnabled(checked);
        onFiltersChanged();
    });
    connect(m_targetDate, &QDateEdit::dateChanged, this, &ProgressWorkspace::onFiltersChanged);
    return bar;
}

QWidget *ProgressWorkspace::createTimerBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 2, 8, 6);
    m_timerTopic = new QComboBox(bar);
    m_timerTopic->setObjectName(u"timerTopic"_s);
    m_timerTopic->setMinimumContentsLength(18);
    m_timerTopic->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const Section &section : m_model->curriculum().sections) {
        for (const Topic &topic : section.topics)
            m_timerTopic->addItem(u"%1. %2"_s.arg(section.number).arg(topic.title), topic.id);
    }
    m_timerWidget = new StudyTimerWidget(m_timer, m_model, bar);
    auto *logButton = new QPushButton(tr("&Log Time…"), bar);
    logButton->setObjectName(u"logTime"_s);
    logButton->setToolTip(tr("Record a study session by hand"));
    layout->addWidget(new QLabel(tr("Study timer:"), bar));
    layout->addWidget(m_timerTopic);
    layout->addWidget(m_timerWidget, 1);
    layout->addWidget(logButton);

    connect(m_timerTopic, &QComboBox::currentIndexChanged, this, [this] {
        m_timerWidget->setTopic(m_timerTopic->currentData().toString());
    });
    connect(logButton, &QPushButton::clicked, this, &ProgressWorkspace::logTime);
    // While the timer runs, the dashboard shows its topic.
    connect(m_timer, &StudyTimer::changed, this, [this] {
        if (const std::optional<RunningTimer> running = m_timer->running())
            setTimerTopic(running->topicId);
    });
    // The running timer's topic, else the first topic being learned.
    QString topic;
    if (const std::optional<RunningTimer> running = m_timer->running())
        topic = running->topicId;
    for (int i = 0; topic.isEmpty() && i < m_timerTopic->count(); ++i) {
        const QString id = m_timerTopic->itemData(i).toString();
        if (m_model->topicStatus(id) == TopicStatus::Learning)
            topic = id;
    }
    m_timerTopic->setCurrentIndex(std::max(0, m_timerTopic->findData(topic)));
    m_timerWidget->setTopic(m_timerTopic->currentData().toString());
    return bar;
}

QWidget *ProgressWorkspace::createDashboard()
{
    m_dashboard = new QWidget;
    m_dashboard->setObjectName(u"progressDashboard"_s);
    m_dashboard->setAutoFillBackground(true);
    auto *grid = new QGridLayout(m_dashboard);
    grid->setContentsMargins(12, 12, 12, 12);
    grid->setSpacing(12);

    m_tiles = new ProgressTiles(m_dashboard);
    grid->addWidget(m_tiles, 0, 0, 1, 6);
    for (int i = 0; i < ProgressCharts::ChartCount; ++i) {
        const auto which = ProgressCharts::Chart(i);
        auto *view = new QChartView(m_charts->chart(which), m_dashboard);
        view->setObjectName(ProgressCharts::fileStem(which));
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setMinimumHeight(which == ProgressCharts::Weekday ? SmallChartHeight : ChartHeight);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(
            view,
            &QWidget::customContextMenuRequested,
            this,
            [this, view, which](const QPoint &at) { showChartMenu(which, view->mapToGlobal(at)); });
        m_views[i] = view;
    }
    grid->addWidget(m_views[ProgressCharts::Sections], 1, 0, 1, 3);
    grid->addWidget(m_views[ProgressCharts::Completion], 1, 3, 1, 3);
    grid->addWidget(m_views[ProgressCharts::Weekly], 2, 0, 1, 4);
    grid->addWidget(m_views[ProgressCharts::Weekday], 2, 4, 1, 2);

    grid->addWidget(m_views[ProgressCharts::Answers], 3, 0, 1, 4);
    grid->addWidget(m_views[ProgressCharts::DueForecast], 3, 4, 1, 2);
    m_selfCheckEmpty = new QLabel(
        tr("No self-check answers yet. Open a topic on the Roadmap and answer its questions "
           "(Check yourself): the answers per day, their retention and the reviews due in the "
           "next 30 days will show here."),
        m_dashboard);
    m_selfCheckEmpty->setObjectName(u"selfCheckEmpty"_s);
    m_selfCheckEmpty->setWordWrap(true);
    m_selfCheckEmpty->setMargin(16);
    m_selfCheckEmpty->hide();
    grid->addWidget(m_selfCheckEmpty, 3, 0, 1, 6);

    m_heatmap = new CalendarHeatmap(m_dashboard);
    m_heatmap->setObjectName(u"progressCalendar"_s);
    m_heatmap->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_heatmap, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        showHeatmapMenu(m_heatmap->mapToGlobal(at));
    });
    grid->addWidget(m_heatmap, 4, 0, 1, 6);

    grid->addWidget(m_views[ProgressCharts::Hourly], 5, 0, 1, 3);
    auto *card = new QFrame(m_dashboard);
    card->setObjectName(u"sessionsCard"_s);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(12, 10, 12, 12);
    m_sessions = new StudySessionsPanel(m_model, m_model->store(), m_undoStack, card);
    cardLayout->addWidget(m_sessions);
    card->setMinimumHeight(ChartHeight);
    grid->addWidget(card, 5, 3, 1, 3);
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);
    grid->setRowStretch(6, 1);
    return m_dashboard;
}

void ProgressWorkspace::createExportMenu()
{
    m_exportMenu->addAction(tr("Report as &PDF…"), this, &ProgressWorkspace::exportReportAs);
    m_exportMenu->addAction(tr("History as &CSV…"), this, &ProgressWorkspace::exportCsvAs);
    m_exportMenu->addSeparator();
    for (int i = 0; i < ProgressCharts::ChartCount; ++i) {
        const auto which = ProgressCharts::Chart(i);
        QMenu *chart = m_exportMenu->addMenu(ProgressCharts::title(which));
        chart->addAction(tr("PNG Image…"), this, [this, which] { exportChartAs(which, u"png"_s); });
        chart->addAction(
            tr("SVG Drawing…"), this, [this, which] { exportChartAs(which, u"svg"_s); });
    }
    QMenu *calendar = m_exportMenu->addMenu(tr("Study calendar"));
    calendar->addAction(tr("PNG Image…"), this, [this] { exportHeatmapAs(u"png"_s); });
    calendar->addAction(tr("SVG Drawing…"), this, [this] { exportHeatmapAs(u"svg"_s); });
}

void ProgressWorkspace::fillSections()
{
    const QString current = m_section->currentData().toString();
    const QSignalBlocker blocker(m_section);
    m_section->clear();
    m_section->addItem(tr("All sections"), QString());
    for (const Section &section : m_model->curriculum().sections)
        m_section->addItem(u"%1. %2"_s.arg(section.number).arg(section.title), section.id);
    m_section->setCurrentIndex(std::max(0, m_section->findData(current)));
}

void ProgressWorkspace::setTheme(const StudioTheme &theme)
{
    m_theme = theme;
    const DashboardTheme &d = theme.dashboard;
    m_charts->setTheme(theme);
    m_tiles->setTheme(d);
    m_heatmap->setTheme(d);
    QPalette palette = m_dashboard->palette();
    palette.setColor(QPalette::Window, d.background);
    m_dashboard->setPalette(palette);
    for (QChartView *view : m_views)
        view->setBackgroundBrush(d.background);
    if (auto *card = m_dashboard->findChild<QFrame *>(u"sessionsCard"_s)) {
        card->setStyleSheet(u"QFrame#sessionsCard { background: %1; border: 1px solid %2; "
                            "border-radius: %3px; } QFrame#sessionsCard QLabel { color: %4; }"_s
                                .arg(d.panel.name(), d.panelBorder.name())
                                .arg(d.cardRadius)
                                .arg(d.text.name()));
    }
    m_selfCheckEmpty->setStyleSheet(
        u"QLabel#selfCheckEmpty { background: %1; border: 1px solid %2; border-radius: %3px; "
        "color: %4; }"_s.arg(d.panel.name(), d.panelBorder.name())
            .arg(d.cardRadius)
            .arg(d.text.name()));
    m_selfCheckEmpty->setFont(d.tileLabelFont);
}

void ProgressWorkspace::setTimerTopic(const QString &topicId)
{
    if (m_timer->isRunning() && m_timer->running()->topicId != topicId)
        return;
    const int index = m_timerTopic->findData(topicId);
    if (index >= 0)
        m_timerTopic->setCurrentIndex(index);
}

void ProgressWorkspace::onFiltersChanged()
{
    m_stats->setRangeDays(m_range->currentData().toInt());
    m_stats->setSectionId(m_section->currentData().toString());
    m_stats->setMinMinutes(m_minMinutes->value());
    m_stats->setTargetDate(m_targetCheck->isChecked() ? m_targetDate->date() : QDate());
    m_reviews->setRangeDays(m_range->currentData().toInt());
}

void ProgressWorkspace::onStatsChanged()
{
    const ProgressStats &stats = m_stats->stats();
    m_charts->update(stats, m_model->curriculum());
    m_heatmap->setData(stats.heatmap, stats.streak);
    m_tiles->setStats(stats);
    m_sessions->model()->setSessions(m_stats->history(),
                                     stats.options.rangeDays > 0 ? stats.rangeFrom : QDate(),
                                     stats.options.sectionId);
}

// Until a question is answered a line says how to start instead of two empty charts.
void ProgressWorkspace::onReviewsChanged()
{
    const ReviewSummary &summary = m_reviews->summary();
    m_charts->updateReviews(summary);
    m_tiles->setReviews(summary);
    const bool none = summary.answersTotal == 0;
    m_views[ProgressCharts::Answers]->setVisible(!none);
    m_views[ProgressCharts::DueForecast]->setVisible(!none);
    m_selfCheckEmpty->setVisible(none);
}

void ProgressWorkspace::showEvent(QShowEvent *event)
{
    m_stats->setActive(true);
    m_reviews->setActive(true);
    QWidget::showEvent(event);
}

void ProgressWorkspace::hideEvent(QHideEvent *event)
{
    m_stats->setActive(false);
    m_reviews->setActive(false);
    QWidget::hideEvent(event);
}

void ProgressWorkspace::restoreSettings()
{
    const QSettings settings = applicationSettings();
    const int range = settings.value(u"progress/range"_s, DefaultRangeDays).toInt();
    m_range->setCurrentIndex(std::max(0, m_range->findData(range)));
    m_section->setCurrentIndex(
        std::max(0, m_section->findData(settings.value(u"progress/section"_s).toString())));
    m_minMinutes->setValue(
        settings.value(u"progress/minMinutes"_s, StatsOptions::DefaultMinMinutes).toInt());
    const QDate target = settings.value(u"progress/target"_s).toDate();
    if (target.isValid())
        m_targetDate->setDate(target);
    m_targetCheck->setChecked(target.isValid());
    m_lastFolder = settings.value(u"progress/exportFolder"_s).toString();
}

void ProgressWorkspace::saveSettings() const
{
    QSettings settings = applicationSettings();
    settings.setValue(u"progress/range"_s, m_range->currentData());
    settings.setValue(u"progress/section"_s, m_section->currentData());
    settings.setValue(u"progress/minMinutes"_s, m_minMinutes->value());
    settings.setValue(u"progress/target"_s,
                      m_targetCheck->isChecked() ? QVariant(m_targetDate->date()) : QVariant());
    settings.setValue(u"progress/exportFolder"_s, m_lastFolder);
}

void ProgressWorkspace::logTime()
{
    const int minutes = 30;
    const StudySession suggestion{0,
                                  m_timerTopic->currentData().toString(),
                                  QDateTime::currentDateTimeUtc().addSecs(-60 * qint64(minutes)),
                                  minutes};
    LogTimeDialog dialog(m_model, suggestion, false, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const StudySession session = dialog.session();
    const Topic *topic = m_model->curriculum().findTopic(session.topicId);
    const int count = m_undoStack->count();
    m_undoStack->push(new LogStudySessionCommand(
        m_model->store(), session, topic ? topic->title : session.topicId));
    if (m_undoStack->count() == count)
        emit statusMessage(tr("Nothing logged: %1").arg(m_model->store()->errorString()));
    else
        emit statusMessage(
            tr("Logged %n minute(s) (Ctrl+Z takes them back)", nullptr, session.minutes));
}

bool ProgressWorkspace::reportExport(bool ok, const QString &path, const QString &error)
{
    if (ok) {
        m_lastFolder = QFileInfo(path).absolutePath();
        emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    } else {
        emit statusMessage(tr("Export failed: %1").arg(error));
    }
    return ok;
}

bool ProgressWorkspace::exportChart(ProgressCharts::Chart which, const QString &path)
{
    QString error;
    return reportExport(ProgressExport::writeChart(m_views.at(which), path, &error), path, error);
}

bool ProgressWorkspace::exportHeatmap(const QString &path)
{
    QString error;
    return reportExport(ProgressExport::writeHeatmap(m_heatmap, path, &error), path, error);
}

bool ProgressWorkspace::exportReport(const QString &path)
{
    if (m_stats->isStale())
        m_stats->refresh();
    QString error;
    return reportExport(
        ProgressExport::writeReport(m_stats->stats(), m_model->curriculum(), path, &error),
        path,
        error);
}

bool ProgressWorkspace::exportCsv(const QString &path)
{
    const ProgressStore *store = m_model->store();
    QString error;
    return reportExport(
        ProgressExport::writeCsv(store->statusHistory(), store->sessions(), path, &error),
        path,
        error);
}

QString ProgressWorkspace::askPath(const QString &title, const QString &stem, const QString &suffix)
{
    const QString folder = m_lastFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : m_lastFolder;
    const QString suggested = QDir(folder).filePath(stem + u'.' + suffix);
    const QString filter = tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix);
    if (m_prompt)
        return m_prompt(title, suggested, filter, suffix);
    return ExportPrompts::askSavePath(this, title, suggested, filter, suffix);
}

void ProgressWorkspace::exportChartAs(ProgressCharts::Chart which, const QString &suffix)
{
    const QString path = askPath(tr("Export “%1”").arg(ProgressCharts::title(which)),
                                 ProgressCharts::fileStem(which),
                                 suffix);
    if (!path.isEmpty())
        exportChart(which, path);
}

void ProgressWorkspace::exportHeatmapAs(const QString &suffix)
{
    const QString path = askPath(tr("Export the Study Calendar"), u"progress-calendar"_s, suffix);
    if (!path.isEmpty())
        exportHeatmap(path);
}

void ProgressWorkspace::exportReportAs()
{
    const QString path = askPath(tr("Export the Progress Report"), u"progress-report"_s, u"pdf"_s);
    if (!path.isEmpty())
        exportReport(path);
}

void ProgressWorkspace::exportCsvAs()
{
    const QString path = askPath(tr("Export the Study History"), u"progress-history"_s, u"csv"_s);
    if (!path.isEmpty())
        exportCsv(path);
}

void ProgressWorkspace::showChartMenu(ProgressCharts::Chart which, const QPoint &globalPosition)
{
    QMenu menu(this);
    menu.addAction(
        tr("Save Chart as &PNG…"), this, [this, which] { exportChartAs(which, u"png"_s); });
    menu.addAction(
        tr("Save Chart as &SVG…"), this, [this, which] { exportChartAs(which, u"svg"_s); });
    menu.addSeparator();
    menu.addAction(tr("Export &Report as PDF…"), this, &ProgressWorkspace::exportReportAs);
    menu.exec(globalPosition);
}

void ProgressWorkspace::showHeatmapMenu(const QPoint &globalPosition)
{
    QMenu menu(this);
    menu.addAction(tr("Save Calendar as &PNG…"), this, [this] { exportHeatmapAs(u"png"_s); });
    menu.addAction(tr("Save Calendar as &SVG…"), this, [this] { exportHeatmapAs(u"svg"_s); });
    menu.addSeparator();
    menu.addAction(tr("Export &Report as PDF…"), this, &ProgressWorkspace::exportReportAs);
    menu.exec(globalPosition);
}
