#include "roadmap/roadmapworkspace.h"

#include "common/statusdelegate.h"
#include "progress/curriculummodel.h"
#include "progress/settopicstatuscommand.h"
#include "progress/topicfilterproxymodel.h"
#include "roadmap/roadmapscene.h"
#include "roadmap/roadmapview.h"
#include "roadmap/topicpanel.h"
#include "selfcheck/masterytracker.h"

#include <QComboBox>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RoadmapWorkspace::RoadmapWorkspace(CurriculumModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_scene(new RoadmapScene(model, RoadmapScene::Build::OnRequest, this))
    , m_view(new RoadmapView(m_scene, this))
    , m_filter(new TopicFilterProxyModel(this))
    , m_undoStack(new QUndoStack(this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_zoomLabel(new QLabel(this))
    , m_overall(new QProgressBar(this))
    , m_tree(new QTreeView(this))
    , m_outlinePane(nullptr)
    , m_panel(new TopicPanel(model, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_filter->setSourceModel(m_model);
    m_outlinePane = createOutline();
    // Hidden before the splitter takes them, and their widths set when one first shows
    // (applyDefaultPaneSizes): measuring the drawer takes milliseconds start-up does not need.
    m_outlinePane->hide();
    m_panel->hide();
    m_panel->setMinimumWidth(340);
    m_splitter->setObjectName(u"roadmapSplitter"_s);
    m_splitter->addWidget(m_outlinePane);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_splitter, 1);

    connect(m_scene, &RoadmapScene::topicClicked, this, [this](const QString &id) {
        selectId(id);
        openDrawer();
    });
    connect(m_scene, &RoadmapScene::topicDoubleClicked, this, [this](const QString &id) {
        selectId(id);
        openDrawer();
    });
    connect(m_scene, &RoadmapScene::sectionDoubleClicked, this, [this](const QString &id) {
        m_view->zoomToRect(m_scene->sectionRect(id).adjusted(-40, -40, 40, 40));
    });
    connect(m_view, &RoadmapView::navigateRequested, this, &RoadmapWorkspace::moveInDirection);
    connect(m_view, &RoadmapView::statusRequested, this, &RoadmapWorkspace::setCurrentTopicStatus);
    connect(m_view, &RoadmapView::openRequested, this, &RoadmapWorkspace::openDrawer);
    connect(m_view, &RoadmapView::closeRequested, this, &RoadmapWorkspace::closeDrawer);
    connect(m_view, &RoadmapView::zoomChanged, this, [this](double zoom) {
        m_zoomLabel->setText(tr("%1%").arg(qRound(zoom * 100)));
    });
    connect(m_panel, &TopicPanel::previousRequested, this, [this] { moveToTopic(-1); });
    connect(m_panel, &TopicPanel::nextRequested, this, [this] { moveToTopic(+1); });
    connect(m_panel, &TopicPanel::statusRequested, this, &RoadmapWorkspace::setTopicStatus);
    connect(m_panel, &TopicPanel::closeRequested, this, &RoadmapWorkspace::closeDrawer);
    connect(
        m_model, &QAbstractItemModel::dataChanged, this, &RoadmapWorkspace::updateOverallProgress);
    connect(
        m_model, &QAbstractItemModel::modelReset, this, &RoadmapWorkspace::updateOverallProgress);
    connect(m_scene->mastery(),
            &MasteryTracker::changed,
            this,
            &RoadmapWorkspace::updateOverallProgress);
    // Back from elsewhere (or from sleep, when timers run late): questions may have fallen due.
    connect(qGuiApp,
            &QGuiApplication::applicationStateChanged,
            this,
            [this](Qt::ApplicationState state) {
                if (state == Qt::ApplicationActive)
                    m_scene->mastery()->reevaluate();
            });
    updateOverallProgress();
    m_zoomLabel->setText(tr("%1%").arg(qRound(m_view->zoom() * 100)));
}

void RoadmapWorkspace::ensureMap()
{
    if (m_scene->isBuilt())
        return;
    m_scene->build(); // the view fits it, unless the user zoomed already
    if (!m_currentId.isEmpty())
        m_view->ensureTopicVisible(m_currentId);
}

bool RoadmapWorkspace::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_scene->isBuilt())
        QTimer::singleShot(0, this, &RoadmapWorkspace::ensureMap);
    return QWidget::event(event);
}

QWidget *RoadmapWorkspace::createToolBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(u"roadmapToolBar"_s);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 6, 8, 6);

    m_search->setPlaceholderText(tr("Search topics, goals, tools… (Ctrl+F)"));
    // The clear button's icon loads Qt's icon and image plugins, several milliseconds that the
    // first frame does not need: it only shows while there is text, so it comes with the first.
    connect(
        m_search,
        &QLineEdit::textChanged,
        this,
        [this] { m_search->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
    m_search->setMinimumWidth(220);
    m_statusFilter->addItem(tr("All statuses"));
    for (TopicStatus status :
         {TopicStatus::Pending, TopicStatus::Learning, TopicStatus::Done, TopicStatus::Skipped})
        m_statusFilter->addItem(statusLabel(status), int(status));
    m_statusFilter->setToolTip(tr("Highlight only topics with this status"));
    connect(m_search, &QLineEdit::textChanged, this, &RoadmapWorkspace::onSearchChanged);
    connect(
        m_statusFilter, &QComboBox::currentIndexChanged, this, &RoadmapWorkspace::onSearchChanged);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QStringList matches = m_scene->matchingTopicIds();
        if (!matches.isEmpty()) {
            selectId(matches.first());
            m_view->setFocus();
        }
    });

    const auto toolButton = [bar](const QString &text, const QString &toolTip) {
        auto *button = new QToolButton(bar);
        button->setText(text);
        button->setToolTip(toolTip);
        button->setAutoRaise(true);
        return button;
    };
    QToolButton *zoomOut = toolButton(u"−"_s, tr("Zoom out (Ctrl+-)"));
    QToolButton *zoomIn = toolButton(u"+"_s, tr("Zoom in (Ctrl++)"));
    QToolButton *fit = toolButton(tr("Fit"), tr("Show the whole roadmap (Ctrl+0)"));
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(1 / 1.25); });
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(fit, &QToolButton::clicked, m_view, &RoadmapView::fitAll);
    m_zoomLabel->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(u"4000%"_s));
    m_zoomLabel->setAlignment(Qt::AlignCenter);

    m_overall->setTextVisible(true);
    m_overall->setMaximumWidth(440); // room for the mastery after the topics
    m_overall->setMinimumWidth(200);

    layout->addWidget(m_search, 2);
    layout->addWidget(m_statusFilter);
    layout->addSpacing(12);
    layout->addWidget(zoomOut);
    layout->addWidget(m_zoomLabel);
    layout->addWidget(zoomIn);
    layout->addWidget(fit);
    layout->addStretch(1);
    layout->addWidget(m_overall, 1);
    return bar;
}

QWidget *RoadmapWorkspace::createOutline()
{
    m_tree->setItemDelegateForColumn(CurriculumModel::StatusColumn, new StatusDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    connect(m_tree, &QTreeView::activated, this, [this] { openDrawer(); });

    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Outline</b>"), pane);
    title->setContentsMargins(8, 4, 8, 0);
    layout->addWidget(title);
    layout->addWidget(m_tree, 1);
    return pane;
}

// The outline is hidden until asked for: its tree gets the model (and lays out every row) then.
void RoadmapWorkspace::attachOutlineModel()
{
    if (m_tree->model() == m_filter)
        return;
    m_tree->setModel(m_filter);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CurriculumModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CurriculumModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandAll();
    connect(m_filter, &QAbstractItemModel::layoutChanged, m_tree, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_tree, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &RoadmapWorkspace::onOutlineCurrentChanged);
    selectInOutline(m_currentId);
}

QTreeView *RoadmapWorkspace::outline()
{
    attachOutlineModel();
    return m_tree;
}

void RoadmapWorkspace::setTheme(const StudioTheme &theme)
{
    m_scene->setTheme(theme);
    m_view->fitAll();
}

void RoadmapWorkspace::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RoadmapWorkspace::setOutlineVisible(bool visible)
{
    if (visible == isOutlineVisible())
        return;
    if (visible) {
        attachOutlineModel();
        applyDefaultPaneSizes();
    }
    m_outlinePane->setVisible(visible);
    emit outlineVisibilityChanged(visible);
}

bool RoadmapWorkspace::isOutlineVisible() const
{
    return !m_outlinePane->isHidden();
}

void RoadmapWorkspace::openDrawer()
{
    if (m_currentId.isEmpty())
        selectFirstTopic();
    applyDefaultPaneSizes();
    m_panel->show();
    m_view->ensureTopicVisible(m_currentId);
}

void RoadmapWorkspace::closeDrawer()
{
    m_panel->saveNotes();
    m_panel->hide();
    m_view->setFocus();
}

bool RoadmapWorkspace::isDrawerOpen() const
{
    return !m_panel->isHidden();
}

QByteArray RoadmapWorkspace::saveSplitterState()
{
    applyDefaultPaneSizes(); // the panes' widths for the next start, even if never shown
    return m_splitter->saveState();
}

void RoadmapWorkspace::restoreSplitterState(const QByteArray &state)
{
    if (m_splitter->restoreState(state))
        m_defaultPaneSizes = false;
}

void RoadmapWorkspace::applyDefaultPaneSizes()
{
    if (!m_defaultPaneSizes)
        return;
    m_defaultPaneSizes = false;
    m_splitter->setSizes({280, 800, 420}); // outline, map, drawer
}

void RoadmapWorkspace::onSearchChanged()
{
    const QVariant status = m_statusFilter->currentData();
    const QSet<TopicStatus> statuses
        = status.isValid() ? QSet<TopicStatus>{TopicStatus(status.toInt())} : QSet<TopicStatus>{};
    m_scene->setSearch(m_search->text(), statuses);
    m_filter->setSearchText(m_search->text());
    m_filter->setStatusFilter(statuses);
    if (m_scene->isSearching()) {
        const qsizetype count = m_scene->matchingTopicIds().size();
        emit statusMessage(
            count == 0 ? tr("No topic matches")
                       : tr("%n topic(s) match — Enter goes to the first", nullptr, int(count)));
    } else {
        emit statusMessage({});
    }
}

void RoadmapWorkspace::onOutlineCurrentChanged(const QModelIndex &current)
{
    if (m_syncing || !current.isValid())
        return;
    selectId(current.data(CurriculumModel::IdRole).toString());
}

void RoadmapWorkspace::selectInOutline(const QString &id)
{
    if (m_tree->model() != m_filter)
        return; // attachOutlineModel() selects it
    QModelIndex source = m_model->indexOfTopic(id);
    if (!source.isValid())
        source = m_model->indexOfSection(id);
    const QModelIndex proxy = m_filter->mapFromSource(source);
    m_syncing = true;
    if (proxy.isValid()) {
        m_tree->setCurrentIndex(proxy);
        m_tree->scrollTo(proxy);
    } else {
        m_tree->clearSelection();
    }
    m_syncing = false;
}

bool RoadmapWorkspace::selectId(const QString &id)
{
    QModelIndex source = m_model->indexOfTopic(id);
    const bool isTopic = source.isValid();
    if (!isTopic)
        source = m_model->indexOfSection(id);
    if (!source.isValid())
        return false;
    m_currentId = id;
    m_scene->setCurrentTopic(isTopic ? id : QString());
    m_panel->showIndex(source);
    selectInOutline(id);
    if (isTopic)
        m_view->ensureTopicVisible(id);
    return true;
}

void RoadmapWorkspace::selectFirstTopic()
{
    const QStringList ids = m_model->curriculum().topicIds();
    if (!ids.isEmpty())
        selectId(ids.first());
}

QStringList RoadmapWorkspace::visibleTopicOrder() const
{
    return m_scene->isSearching() ? m_scene->matchingTopicIds() : m_model->curriculum().topicIds();
}

void RoadmapWorkspace::moveToTopic(int step)
{
    const QStringList order = visibleTopicOrder();
    if (order.isEmpty())
        return;
    qsizetype position = order.indexOf(m_currentId);
    if (position < 0) {
        // On a section (or a topic hidden by the search): start from the section's first topic.
        const Section *section = m_model->curriculum().findSection(m_currentId);
        const QString first
            = section && !section->topics.isEmpty() ? section->topics.first().id : QString();
        position = first.isEmpty() ? 0 : std::max<qsizetype>(0, order.indexOf(first));
        if (step > 0)
            --position;
    }
    selectId(order.at(std::clamp<qsizetype>(position + step, 0, order.size() - 1)));
}

void RoadmapWorkspace::moveInDirection(Qt::Key direction)
{
    if (!m_model->curriculum().findTopic(m_currentId)) {
        selectFirstTopic();
        return;
    }
    ensureMap();
    const QString next = m_scene->neighbourTopic(m_currentId, direction);
    if (!next.isEmpty())
        selectId(next);
}

void RoadmapWorkspace::setTopicStatus(const QString &topicId, TopicStatus status)
{
    const Topic *topic = m_model->curriculum().findTopic(topicId);
    ProgressStore *store = m_model->store();
    if (!topic || !store)
        return;
    if (store->status(topicId) == status)
        return;
    m_undoStack->push(new SetTopicStatusCommand(store, topicId, topic->title, status));
    if (store->status(topicId) != status) {
        emit statusMessage(tr("The status was not saved: %1").arg(store->errorString()));
        return;
    }
    emit statusMessage(tr("“%1” is now %2 — Ctrl+Z undoes it")
                           .arg(topic->title, TopicStatuses::displayName(status).toLower()));
}

void RoadmapWorkspace::setCurrentTopicStatus(TopicStatus status)
{
    if (m_model->curriculum().findTopic(m_currentId))
        setTopicStatus(m_currentId, status);
}

void RoadmapWorkspace::zoomToCurrentSection()
{
    const Section *section = m_model->curriculum().findSection(m_currentId);
    if (!section)
        section = m_model->curriculum().sectionOfTopic(m_currentId);
    if (!section)
        return;
    ensureMap();
    m_view->zoomToRect(m_scene->sectionRect(section->id).adjusted(-40, -40, 40, 40));
}

void RoadmapWorkspace::updateOverallProgress()
{
    int finished = 0;
    int total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex section = m_model->index(row, 0);
        finished += section.data(CurriculumModel::FinishedCountRole).toInt();
        total += section.data(CurriculumModel::TopicCountRole).toInt();
    }
    m_overall->setRange(0, std::max(total, 1));
    m_overall->setValue(finished);
    // Rounded like the dashboard and `progress show` (QProgressBar's %p rounds down).
    const int percent = total > 0 ? qRound(100.0 * finished / total) : 0;
    const SelfCheckPlan::Mastery mastery = m_scene->mastery()->overallMastery();
    if (mastery.total > 0) {
        m_overall->setFormat(tr("%1 of %n topic(s) finished (%2%) · Mastery %3/%4", nullptr, total)
                                 .arg(finished)
                                 .arg(percent)
                                 .arg(mastery.remembered)
                                 .arg(mastery.total));
        m_overall->setToolTip(tr("Mastery: %1 of %n self-check question(s) remembered — answered "
                                 "right and not due again yet",
                                 nullptr,
                                 mastery.total)
                                  .arg(mastery.remembered));
    } else {
        m_overall->setFormat(
            tr("%1 of %n topic(s) finished (%2%)", nullptr, total).arg(finished).arg(percent));
        m_overall->setToolTip({});
    }
}
