#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include <array>
#include <optional>

class QJsonObject;

// The Progress dashboard's colours, sizes and fonts: the "dashboard" object of each theme in
// resources/themes/themes.json. Status colours come from the StudioTheme itself
// (statusColors), so a status looks the same on the map and in the charts.
struct DashboardTheme
{
    QColor background; // behind the cards
    QColor panel;      // a card, and a chart's background
    QColor panelBorder;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor axis;
    QColor studyBar; // study time bars
    QColor finished; // the cumulative line
    QColor forecast; // its continuation at the current pace
    QColor target;   // the target date
    QColor onTrack;
    QColor behind;
    std::array<QColor, 5> heatmap; // no study, then four levels up to the most

    double cardRadius = 0;
    double cellSize = 0; // a heatmap day
    double cellGap = 0;
    double lineWidth = 0;

    QFont titleFont;
    QFont axisFont;
    QFont tileValueFont;
    QFont tileLabelFont;
    QFont labelFont; // heatmap month and weekday names, legends

    // Reads a theme's "dashboard" object; fonts use `fontFamily`. On failure returns nullopt
    // and sets `error` to the key at fault ("dashboard.colors.grid: …").
    static std::optional<DashboardTheme>
    fromJson(const QJsonObject &object, const QString &fontFamily, QString *error);
};
