#pragma once

#include "curriculum/topicstatus.h"
#include "roadmap/roadmapitemtypes.h"

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>

struct StudioTheme;

// One topic on the roadmap: its title, tools, and status by colour and by symbol. Mirrors the
// model: the scene sets what to show; paint() only draws what was prepared.
class TopicCardItem : public QGraphicsItem
{
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
    TopicStatus m_status = TopicStatus::Pending;
    bool m_showProgress = true;
    bool m_highlighted = false;
    bool m_current = false;
};
