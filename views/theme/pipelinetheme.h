#pragma once

#include "pipeline/nodecatalog.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPainterPath>
#include <QString>

#include <array>
#include <optional>

class QJsonObject;

// How a port of one artifact type looks: a colour and a shape, so types stay apart for
// colour-blind readers and in grayscale.
struct PortStyle
{
    enum class Shape { Circle, Square, Diamond, Triangle, Hexagon, Ring, Star };
    QColor color;
    Shape shape = Shape::Circle;
    QPainterPath path; // the shape at the theme's port radius, centred on (0, 0)
};

// The colours of one stage category ("Data", "Model" …).
struct CategoryStyle
{
    QColor fill;
    QColor border;
    QColor header;
};

// The pipeline canvas's colours, sizes and fonts: the "pipeline" object of each theme in
// resources/themes/themes.json. No colour or size literals elsewhere on the canvas.
struct PipelineTheme
{
    QColor background;
    QColor grid;
    QColor gridMajor;
    QColor nodeText;
    QColor nodeMutedText;
    QColor headerText;
    QColor portText;
    QColor edge;
    QColor hover;
    QColor selection;
    QColor wire;
    QColor compatible;
    QColor error;
    QColor warning;
    QColor badgeText;
    QColor progressTrack;
    QColor progressFill;
    QColor noteFill;
    QColor noteBorder;
    QColor noteText;
    QColor groupFill;
    QColor groupBorder;
    QColor groupTitle;

    QHash<QString, CategoryStyle> categories; // always holds "Generic", the fallback
    std::array<PortStyle, 7> ports;           // indexed by ArtifactType

    double nodeWidth = 0;
    double nodeMinHeight = 0;
    double headerHeight = 0;
    double metaHeight = 0;
    double portSpacing = 0;
    double footerHeight = 0;
    double nodePadding = 0;
    double portRadius = 0;
    double portHitRadius = 0;
    double cornerRadius = 0;
    double borderWidth = 0;
    double accentWidth = 0;
    double selectionWidth = 0;
    double edgeWidth = 0;
    double edgeHoverWidth = 0;
    double edgeHitWidth = 0;
    double arrowSize = 0;
    double badgeRadius = 0;
    double progressHeight = 0;
    double gridSize = 0;
    int gridMajorEvery = 0;
    double gridDotSize = 0;
    double dimmedOpacity = 0;
    double groupTitleHeight = 0;
    double notePadding = 0;

    QFont titleFont;
    QFont metaFont;
    QFont portFont;
    QFont badgeFont;
    QFont progressFont;
    QFont noteFont;
    QFont groupTitleFont;

    // Prepared from the sizes when the theme is read: the node header band, rounded at the top.
    QPainterPath nodeHeaderPath; // roundedTopPath(nodeWidth, headerHeight, cornerRadius)
    // A node's header: rounded at the top corners, square at the bottom.
    static QPainterPath roundedTopPath(double width, double height, double radius);

    const CategoryStyle &category(const QString &name) const;
    const PortStyle &port(ArtifactType type) const { return ports.at(int(type)); }

    // Reads a theme's "pipeline" object; fonts use `fontFamily`. On failure returns nullopt and
    // sets `error` to the key at fault ("pipeline.colors.edge: …").
    static std::optional<PipelineTheme>
    fromJson(const QJsonObject &object, const QString &fontFamily, QString *error);
};
