#pragma once

#include "theme/dashboardtheme.h"

#include <QList>
#include <QWidget>

#include <optional>

struct ProgressStats;
struct ReviewSummary;

// The dashboard's summary tiles: percent complete, hours studied, current streak, topics in
// progress, and the self-check questions due today once setReviews() gave them. draw() paints
// them anywhere (the widget, the PDF report).
class ProgressTiles : public QWidget
{
    Q_OBJECT

public:
    struct Tile
    {
        QString value;   // "42%"
        QString caption; // "complete · 11 of 26 topics"
    };

    explicit ProgressTiles(QWidget *parent = nullptr);

    void setTheme(const DashboardTheme &theme);
    void setStats(const ProgressStats &stats);
    void setReviews(const ReviewSummary &summary);
    QList<Tile> tiles() const;

    static QList<Tile> tilesFor(const ProgressStats &stats);
    static Tile dueTile(const ReviewSummary &summary);
    static void draw(QPainter *painter,
                     const QRectF &area,
                     const QList<Tile> &tiles,
                     const DashboardTheme &theme);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    DashboardTheme m_theme;
    QList<Tile> m_tiles;
    std::optional<Tile> m_due;
};
