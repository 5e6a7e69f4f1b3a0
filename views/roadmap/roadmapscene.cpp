#include "roadmap/roadmapscene.h"

#include "curriculum/topicsearch.h"
#include "progress/curriculummodel.h"
#include "roadmap/prerequisiteedgeitem.h"
#include "roadmap/sectionitem.h"
#include "roadmap/topiccarditem.h"
#include "selfcheck/masterytracker.h"

#include <QGraphicsSceneMouseEvent>

using namespace Qt::StringLiterals;

RoadmapScene::RoadmapScene(CurriculumModel *model, QObject *parent)
    : RoadmapScene(model, Build::Now, parent)
{}

RoadmapScene::RoadmapScene(CurriculumModel *model, Build when, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
    , m_mastery(new MasteryTracker(model, this))
    , m_theme(StudioTheme::byIdOrDefault(StudioTheme::defaultId()))
{
    // Items are added and removed only on rebuild; a BSP index speeds up hit tests and repaints.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBackgroundBrush(m_theme.background);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RoadmapScene::onModelReset);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RoadmapScene::onDataChanged);
    connect(m_mastery, &MasteryTracker::changed, this, &RoadmapScene::updateMastery);
    if (when == Build::Now)
        rebuild();
}

void RoadmapScene::build()
{
    if (!m_built)
        rebuild();
}

void RoadmapScene::onModelReset()
{
    if (m_built) // else build() reads the new curriculum when it comes
        rebuild();
}

void RoadmapScene::setTheme(const StudioTheme &theme)
{
    // Themes are built in and known by id: the same one again changes nothing (start-up applies
    // the saved theme to a scene built in the default one, most often the same).
    if (theme.id == m_theme.id)
        return;
    m_theme = theme;
    setBackgroundBrush(m_theme.background);
    if (m_built)
        applyLayout();
}

void RoadmapScene::setShowProgress(bool show)
{
    if (show == m_showProgress)
        return;
    m_showProgress = show;
    for (TopicCardItem *item : std::as_const(m_topics))
        item->setShowProgress(show);
    for (SectionItem *item : std::as_const(m_sections))
        item->setShowProgress(show);
    updateSearch(); // a status filter means nothing without progress
}

void RoadmapScene::rebuild()
{
    m_built = true;
    clear();
    m_topics.clear();
    m_sections.clear();
    m_edges.clear();
    setBackgroundBrush(m_theme.background);
    const Curriculum &curriculum = m_model->curriculum();
    for (const Section &section : curriculum.sections) {
        auto *sectionItem = new SectionItem(section.id, &m_theme);
        double hours = 0;
        for (const Topic &topic : section.topics) {
            hours += topic.hours;
            auto *card = new TopicCardItem(topic.id, &m_theme);
            card->setContent(topic.title, topic.tags);
            card->setShowProgress(m_showProgress);
            addItem(card);
            m_topics.insert(topic.id, card);
        }
        sectionItem->setContent(section.number, section.title, hours);
        sectionItem->setShowProgress(m_showProgress);
        addItem(sectionItem);
        m_sections.insert(section.id, sectionItem);
        for (const QString &prerequisite : section.prerequisites) {
            auto *edge = new PrerequisiteEdgeItem(prerequisite, section.id, &m_theme);
            addItem(edge);
            m_edges << edge;
        }
    }
    if (!m_topics.contains(m_currentTopic))
        m_currentTopic.clear();
    updateMastery(); // before the layout, which lays out each card's text once, mastery included
    applyLayout();
    updateProgress();
    updateSearch();
    if (TopicCardItem *current = m_topics.value(m_currentTopic))
        current->setCurrent(true);
    emit rebuilt();
}

void RoadmapScene::applyLayout()
{
    m_layout = RoadmapLayout::compute(m_model->curriculum(), m_theme.metrics);
    for (const RoadmapLayout::SectionBox &box : std::as_const(m_layout.sections)) {
        // Placing an item lays out its text in the theme's fonts, once.
        if (SectionItem *item = m_sections.value(box.id))
            item->setGeometry(box.rect, box.headerRect);
    }
    for (const RoadmapLayout::TopicBox &box : std::as_const(m_layout.topics)) {
        if (TopicCardItem *item = m_topics.value(box.id))
            item->setGeometry(box.rect);
    }
    for (PrerequisiteEdgeItem *edge : std::as_const(m_edges)) {
        edge->themeChanged();
        for (const RoadmapLayout::Edge &layoutEdge : std::as_const(m_layout.edges)) {
            if (layoutEdge.fromSectionId == edge->fromSectionId()
                && layoutEdge.toSectionId == edge->toSectionId()) {
                edge->setPoints(layoutEdge.points);
            }
        }
    }
    setSceneRect(contentRect());
    update();
}

QRectF RoadmapScene::contentRect() const
{
    if (m_layout.bounds.isEmpty())
        return {}; // nothing built yet: nothing to fit
    const double margin = m_theme.metrics.layerGap / 2;
    return m_layout.bounds.adjusted(-margin, -margin, margin, margin);
}

void RoadmapScene::updateProgress()
{
    for (const Section &section : m_model->curriculum().sections) {
        int finished = 0;
        for (const Topic &topic : section.topics) {
            const TopicStatus status = m_model->topicStatus(topic.id);
            finished += TopicStatuses::isFinished(status) ? 1 : 0;
            if (TopicCardItem *card = m_topics.value(topic.id))
                card->setStatus(status);
        }
        if (SectionItem *item = m_sections.value(section.id))
            item->setProgress(finished, int(section.topics.size()));
    }
}

void RoadmapScene::updateMastery()
{
    // A few hundred questions looked up in a hash: cheap enough to do for every answer.
    for (const Section &section : m_model->curriculum().sections) {
        for (const Topic &topic : section.topics) {
            if (TopicCardItem *card = m_topics.value(topic.id))
                card->setMastery(m_mastery->topicMastery(topic));
        }
        if (SectionItem *item = m_sections.value(section.id))
            item->setMastery(m_mastery->sectionMastery(section));
    }
}

void RoadmapScene::onDataChanged(const QModelIndex &, const QModelIndex &)
{
    // Status changes come one topic at a time; refreshing all counts is a few dozen integers.
    updateProgress();
    if (!m_statusFilter.isEmpty())
        updateSearch();
}

void RoadmapScene::setSearch(const QString &text, const QSet<TopicStatus> &statuses)
{
    m_searchText = text.trimmed();
    m_statusFilter = statuses;
    updateSearch();
}

bool RoadmapScene::isSearching() const
{
    return !m_searchText.isEmpty() || (!m_statusFilter.isEmpty() && m_showProgress);
}

QStringList RoadmapScene::matchingTopicIds() const
{
    QStringList ids;
    const bool filterStatus = !m_statusFilter.isEmpty() && m_showProgress;
    for (const Section &section : m_model->curriculum().sections) {
        for (const Topic &topic : section.topics) {
            if (filterStatus && !m_statusFilter.contains(m_model->topicStatus(topic.id)))
                continue;
            if (topicMatchesSearch(topic, section, m_searchText))
                ids << topic.id;
        }
    }
    return ids;
}

void RoadmapScene::updateSearch()
{
    const bool searching = isSearching();
    const QStringList matching = searching ? matchingTopicIds() : QStringList();
    const QSet<QString> matches(matching.begin(), matching.end());
    for (TopicCardItem *card : std::as_const(m_topics)) {
        const bool match = matches.contains(card->topicId());
        card->setHighlighted(searching && match);
        card->setOpacity(searching && !match ? m_theme.dimmedOpacity : 1.0);
    }
}

void RoadmapScene::setCurrentTopic(const QString &topicId)
{
    if (topicId == m_currentTopic)
        return;
    if (!m_built) { // build() checks it against the curriculum and marks its card
        m_currentTopic = topicId;
        return;
    }
    if (TopicCardItem *old = m_topics.value(m_currentTopic))
        old->setCurrent(false);
    m_currentTopic = m_topics.contains(topicId) ? topicId : QString();
    if (TopicCardItem *current = m_topics.value(m_currentTopic))
        current->setCurrent(true);
}

QString RoadmapScene::neighbourTopic(const QString &topicId, Qt::Key direction) const
{
    const TopicCardItem *from = m_topics.value(topicId);
    if (!from)
        return {};
    const QPointF origin = topicRect(topicId).center();
    QString best;
    double bestScore = std::numeric_limits<double>::max();
    for (const RoadmapLayout::TopicBox &box : m_layout.topics) {
        if (box.id == topicId)
            continue;
        const QPointF delta = box.rect.center() - origin;
        double along = 0;
        double across = 0;
        switch (direction) {
        case Qt::Key_Right:
            along = delta.x(), across = delta.y();
            break;
        case Qt::Key_Left:
            along = -delta.x(), across = delta.y();
            break;
        case Qt::Key_Down:
            along = delta.y(), across = delta.x();
            break;
        case Qt::Key_Up:
            along = -delta.y(), across = delta.x();
            break;
        default:
            return {};
        }
        if (along <= 1)
            continue;
        // Prefer what is straight ahead: sideways distance weighs three times as much.
        const double score = along + 3 * std::abs(across);
        if (score < bestScore) {
            bestScore = score;
            best = box.id;
        }
    }
    return best;
}

QRectF RoadmapScene::sectionRect(const QString &sectionId) const
{
    const RoadmapLayout::SectionBox *box = m_layout.section(sectionId);
    return box ? box->rect : QRectF();
}

QRectF RoadmapScene::topicRect(const QString &topicId) const
{
    const RoadmapLayout::TopicBox *box = m_layout.topic(topicId);
    return box ? box->rect : QRectF();
}

QString RoadmapScene::topicAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *card = qgraphicsitem_cast<TopicCardItem *>(item))
            return card->topicId();
    }
    return {};
}

QString RoadmapScene::sectionAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *section = qgraphicsitem_cast<SectionItem *>(item))
            return section->sectionId();
    }
    return {};
}

void RoadmapScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QString topicId = topicAt(event->scenePos());
    if (!topicId.isEmpty()) {
        event->accept();
        emit topicClicked(topicId);
    }
}

void RoadmapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QString topicId = topicAt(event->scenePos());
        if (!topicId.isEmpty()) {
            event->accept();
            emit topicDoubleClicked(topicId);
            return;
        }
        const QString sectionId = sectionAt(event->scenePos());
        if (!sectionId.isEmpty()) {
            event->accept();
            emit sectionDoubleClicked(sectionId);
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}
