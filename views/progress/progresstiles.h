#pragma once

#include "theme/dashboardtheme.h"

#include <QList>
#include <QWidget>

struct ProgressStats;

// The dashboard's summary tiles: percent complete, hours studied, current streak, topics in
// progress. draw() paints them anywhere (the widget, the PDF report).
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
    const QList<Tile> &tiles() const { return m_tiles; }

    static QList<Tile> tilesFor(const ProgressStats &stats);
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
};
