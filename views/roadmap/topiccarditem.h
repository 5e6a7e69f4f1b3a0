#pragma once

#include "curriculum/topicstatus.h"
#include "roadmap/roadmapitemtypes.h"
#include "selfcheck/selfcheckplan.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>

struct StudioTheme;

// One topic on the roadmap: its title, tools, status by colour and by symbol, and mastery of its
// self-check questions as a ring and "remembered/total" beside the tools. Mirrors the model: the
// scene sets what to show; paint() only draws what was prepared.
class TopicCardItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(TopicCardItem)

public:
    enum { Type = RoadmapItemType::TopicCard };

    TopicCardItem(const QString &topicId, const StudioTheme *theme);

    int type() const override { return Type; }
    QString topicId() const { return m_topicId; }

    void setGeometry(const QRectF &rect);
    void setContent(const QString &title, const QStringList &tags);
    void setStatus(TopicStatus status);
    TopicStatus status() const { return m_status; }
    void setShowProgress(bool show);
    // Nothing is shown for a topic without questions, or with progress hidden.
    void setMastery(const SelfCheckPlan::Mastery &mastery);
    SelfCheckPlan::Mastery mastery() const { return m_mastery; }
    QString masteryText() const { return m_masteryText; } // as drawn; empty when not shown
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    // Call after the theme the item points to has changed.
    void themeChanged();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void prepareText();
    QRectF textRect() const;
    bool showsMastery() const { return m_showProgress && m_mastery.total > 0; }
    void updateToolTip();

    QString m_topicId;
    const StudioTheme *m_theme;
    QRectF m_rect;
    QString m_title;
    QStringList m_tags;
    // Prepared by prepareText() when content, geometry or theme change; paint() only draws.
    QFont m_titleFont;
    QFont m_tagFont;
    QStringList m_titleLines;
    QString m_tagsLine;
    QList<QPointF> m_titleBaselines;
    QList<QRectF> m_titleGreeking; // stand-ins for the title lines when zoomed far out
    QPointF m_tagsBaseline;
    QRectF m_iconRect;
    QPainterPath m_statusBar; // the left edge, clipped to the rounded corners
    QString m_masteryText;
    QRectF m_masteryRing;
    QPointF m_masteryBaseline;
    TopicStatus m_status = TopicStatus::Pending;
    SelfCheckPlan::Mastery m_mastery;
    bool m_showProgress = true;
    bool m_highlighted = false;
    bool m_current = false;
};
