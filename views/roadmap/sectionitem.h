#pragma once

#include "roadmap/roadmapitemtypes.h"
#include "selfcheck/selfcheckplan.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QStringList>

struct StudioTheme;

// A section of the roadmap: a large box with its number, title, progress and mastery (a ring and
// "remembered/total" at the end of the progress line) in the header; its topic cards are
// separate items placed inside it.
class SectionItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(SectionItem)

public:
    enum { Type = RoadmapItemType::Section };

    SectionItem(const QString &sectionId, const StudioTheme *theme);

    int type() const override { return Type; }
    QString sectionId() const { return m_sectionId; }

    void setGeometry(const QRectF &rect, const QRectF &headerRect);
    QRectF headerRect() const { return m_headerRect; }
    void setContent(int number, const QString &title, double hours);
    void setProgress(int finished, int total);
    void setShowProgress(bool show);
    // Nothing is shown for a section without questions, or with progress hidden.
    void setMastery(const SelfCheckPlan::Mastery &mastery);
    SelfCheckPlan::Mastery mastery() const { return m_mastery; }
    QString masteryText() const { return m_masteryText; } // as drawn; empty when not shown
    void themeChanged();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void prepare();
    bool showsMastery() const { return m_showProgress && m_mastery.total > 0; }

    QString m_sectionId;
    const StudioTheme *m_theme;
    QRectF m_rect;
    QRectF m_headerRect;
    int m_number = 0;
    QString m_title;
    double m_hours = 0;
    int m_finished = 0;
    int m_total = 0;
    bool m_showProgress = true;
    SelfCheckPlan::Mastery m_mastery;

    // Prepared by prepare(); paint() only draws.
    QFont m_numberFont;
    QFont m_titleFont;
    QFont m_metaFont;
    QRectF m_badgeRect;
    QStringList m_titleLines;
    QList<QPointF> m_titleBaselines;
    QString m_meta;
    QPointF m_metaBaseline;
    QString m_masteryText;
    QRectF m_masteryRing;
    QPointF m_masteryBaseline;
    QRectF m_progressTrack;
    QRectF m_progressFill;
};
