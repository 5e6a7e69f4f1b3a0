#pragma once

#include "roadmap/roadmapitemtypes.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QStringList>

struct StudioTheme;

// A section of the roadmap: a large box with its number, title and progress in the header; its
// topic cards are separate items placed inside it.
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
    void themeChanged();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void prepare();

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

    // Prepared by prepare(); paint() only draws.
    QFont m_numberFont;
    QFont m_titleFont;
    QFont m_metaFont;
    QRectF m_badgeRect;
    QStringList m_titleLines;
    QList<QPointF> m_titleBaselines;
    QString m_meta;
    QPointF m_metaBaseline;
    QRectF m_progressTrack;
    QRectF m_progressFill;
};
