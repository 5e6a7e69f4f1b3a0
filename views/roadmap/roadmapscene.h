#pragma once

#include "curriculum/topicstatus.h"
#include "roadmap/roadmaplayout.h"
#include "theme/studiotheme.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

class CurriculumModel;
class MasteryTracker;
class PrerequisiteEdgeItem;
class SectionItem;
class TopicCardItem;

// The curriculum as a map: sections laid out along the prerequisite DAG, topic cards inside them,
// arrows between them. It mirrors the CurriculumModel (and through it the progress store) and
// keeps an id -> item map in step; it never holds data of its own.
//
// Built at once by default. With Build::OnRequest it stays empty (only its background) until
// build(): the app's window shows its first frame first and lays out the map right after.
// Theme, search, progress and current topic set before then are kept and applied by build().
class RoadmapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    enum class Build { Now, OnRequest };

    explicit RoadmapScene(CurriculumModel *model, QObject *parent = nullptr);
    RoadmapScene(CurriculumModel *model, Build when, QObject *parent = nullptr);

    bool isBuilt() const { return m_built; }
    void build(); // lays out the map, if it has not been yet

    CurriculumModel *model() const { return m_model; }
    // The mastery its cards and section headers show.
    MasteryTracker *mastery() const { return m_mastery; }
    void setTheme(const StudioTheme &theme);
    const StudioTheme &theme() const { return m_theme; }
    // Off for a clean audience view or an export without personal progress.
    void setShowProgress(bool show);
    bool showProgress() const { return m_showProgress; }

    // Highlights topics matching the text (see topicMatchesSearch) and having one of the
    // statuses; the others are dimmed. Empty text and an empty set mean no filter.
    void setSearch(const QString &text, const QSet<TopicStatus> &statuses = {});
    bool isSearching() const;
    QStringList matchingTopicIds() const; // in curriculum order

    void setCurrentTopic(const QString &topicId);
    QString currentTopic() const { return m_currentTopic; }
    // The nearest topic card from `topicId` in a direction (Qt::Key_Left/Right/Up/Down), or an
    // empty string when there is none that way.
    QString neighbourTopic(const QString &topicId, Qt::Key direction) const;
    QString topicAt(const QPointF &scenePos) const;
    QString sectionAt(const QPointF &scenePos) const;

    const RoadmapLayout &layout() const { return m_layout; }
    QRectF contentRect() const; // everything, with a margin
    QRectF sectionRect(const QString &sectionId) const;
    QRectF topicRect(const QString &topicId) const;
    TopicCardItem *topicItem(const QString &topicId) const { return m_topics.value(topicId); }
    SectionItem *sectionItem(const QString &sectionId) const { return m_sections.value(sectionId); }
    QList<PrerequisiteEdgeItem *> edgeItems() const { return m_edges; }

signals:
    void topicClicked(const QString &topicId);
    void topicDoubleClicked(const QString &topicId);
    void sectionDoubleClicked(const QString &sectionId);
    void rebuilt();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void onModelReset();
    void applyLayout();
    void updateProgress();
    void updateMastery();
    void updateSearch();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    CurriculumModel *m_model;
    MasteryTracker *m_mastery;
    StudioTheme m_theme;
    RoadmapLayout m_layout;
    bool m_built = false;
    bool m_showProgress = true;
    QString m_searchText;
    QSet<TopicStatus> m_statusFilter;
    QString m_currentTopic;
    QHash<QString, TopicCardItem *> m_topics;
    QHash<QString, SectionItem *> m_sections;
    QList<PrerequisiteEdgeItem *> m_edges;
};
