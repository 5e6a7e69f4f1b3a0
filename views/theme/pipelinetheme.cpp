#include "theme/pipelinetheme.h"

#include "theme/textfonts.h"
#include "theme/themesectionreader.h"

#include <QJsonObject>
#include <QLineF>
#include <QPolygonF>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace {

QPolygonF regularPolygon(int corners, double radius, double startDegrees)
{
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const double angle = qDegreesToRadians(startDegrees + 360.0 * i / corners);
        polygon << QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}

QPainterPath shapePath(PortStyle::Shape shape, double r)
{
    QPainterPath path;
    switch (shape) {
    case PortStyle::Shape::Circle:
        path.addEllipse(QPointF(), r, r);
        break;
    case PortStyle::Shape::Square:
        path.addRect(QRectF(-r * 0.9, -r * 0.9, r * 1.8, r * 1.8));
        break;
    case PortStyle::Shape::Diamond:
        path.addPolygon(regularPolygon(4, r * 1.25, -90));
        break;
    case PortStyle::Shape::Triangle:
        path.addPolygon(regularPolygon(3, r * 1.3, -90).translated(0, r * 0.25));
        break;
    case PortStyle::Shape::Hexagon:
        path.addPolygon(regularPolygon(6, r * 1.1, 0));
        break;
    case PortStyle::Shape::Ring:
        // Drawn with the odd-even rule the inner circle is a hole.
        path.addEllipse(QPointF(), r * 1.05, r * 1.05);
        path.addEllipse(QPointF(), r * 0.45, r * 0.45);
        break;
    case PortStyle::Shape::Star: {
        QPolygonF star;
        const QPolygonF outer = regularPolygon(5, r * 1.35, -90);
        const QPolygonF inner = regularPolygon(5, r * 0.6, -90 + 36);
        for (int i = 0; i < 5; ++i)
            star << outer.at(i) << inner.at(i);
        path.addPolygon(star);
        break;
    }
    }
    path.closeSubpath();
    return path;
}

} // namespace

QPainterPath PipelineTheme::roundedTopPath(double width, double height, double radius)
{
    const double r = std::min({radius, width / 2, height});
    QPainterPath path;
    path.moveTo(0, height);
    path.lineTo(0, r);
    path.arcTo(QRectF(0, 0, 2 * r, 2 * r), 180, -90);
    path.lineTo(width - r, 0);
    path.arcTo(QRectF(width - 2 * r, 0, 2 * r, 2 * r), 90, -90);
    path.lineTo(width, height);
    path.closeSubpath();
    return path;
}

namespace {

std::optional<PortStyle::Shape> shapeFromString(const QString &name)
{
    static const QHash<QString, PortStyle::Shape> shapes = {
        {u"circle"_s, PortStyle::Shape::Circle},
        {u"square"_s, PortStyle::Shape::Square},
        {u"diamond"_s, PortStyle::Shape::Diamond},
        {u"triangle"_s, PortStyle::Shape::Triangle},
        {u"hexagon"_s, PortStyle::Shape::Hexagon},
        {u"ring"_s, PortStyle::Shape::Ring},
        {u"star"_s, PortStyle::Shape::Star},
    };
    const auto it = shapes.constFind(name);
    return it == shapes.constEnd() ? std::nullopt : std::optional(*it);
}

void readColors(const ThemeSectionReader &read, PipelineTheme &theme)
{
    const std::initializer_list<std::pair<QString, QColor PipelineTheme::*>> keys = {
        {u"background"_s, &PipelineTheme::background},
        {u"grid"_s, &PipelineTheme::grid},
        {u"gridMajor"_s, &PipelineTheme::gridMajor},
        {u"nodeText"_s, &PipelineTheme::nodeText},
        {u"nodeMutedText"_s, &PipelineTheme::nodeMutedText},
        {u"headerText"_s, &PipelineTheme::headerText},
        {u"portText"_s, &PipelineTheme::portText},
        {u"edge"_s, &PipelineTheme::edge},
        {u"hover"_s, &PipelineTheme::hover},
        {u"selection"_s, &PipelineTheme::selection},
        {u"wire"_s, &PipelineTheme::wire},
        {u"compatible"_s, &PipelineTheme::compatible},
        {u"error"_s, &PipelineTheme::error},
        {u"warning"_s, &PipelineTheme::warning},
        {u"badgeText"_s, &PipelineTheme::badgeText},
        {u"progressTrack"_s, &PipelineTheme::progressTrack},
        {u"progressFill"_s, &PipelineTheme::progressFill},
        {u"noteFill"_s, &PipelineTheme::noteFill},
        {u"noteBorder"_s, &PipelineTheme::noteBorder},
        {u"noteText"_s, &PipelineTheme::noteText},
        {u"groupFill"_s, &PipelineTheme::groupFill},
        {u"groupBorder"_s, &PipelineTheme::groupBorder},
        {u"groupTitle"_s, &PipelineTheme::groupTitle},
    };
    for (const auto &[key, member] : keys)
        theme.*member = read.color(key);
}

void readCategories(const ThemeSectionReader &read, PipelineTheme &theme)
{
    const QJsonObject categories = read.object.value(u"categories"_s).toObject();
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        const QString path = u"categories.%1."_s.arg(it.key());
        const QJsonObject style = it.value().toObject();
        theme.categories.insert(it.key(),
                                CategoryStyle{read.color(style[u"fill"_s], path + u"fill"_s),
                                              read.color(style[u"border"_s], path + u"border"_s),
                                              read.color(style[u"header"_s], path + u"header"_s)});
    }
    if (!theme.categories.contains(u"Generic"_s))
        read.fail(u"pipeline.categories: \"Generic\" is required (the fallback)"_s);
}

void readPorts(const ThemeSectionReader &read, PipelineTheme &theme)
{
    const QJsonObject ports = read.object.value(u"ports"_s).toObject();
    for (const QString &typeName : ArtifactTypes::names()) {
        const ArtifactType type = *ArtifactTypes::fromString(typeName);
        const QJsonObject style = ports.value(typeName).toObject();
        PortStyle &port = theme.ports[int(type)];
        port.color = read.color(style[u"color"_s], u"ports.%1.color"_s.arg(typeName));
        const std::optional<PortStyle::Shape> shape = shapeFromString(style[u"shape"_s].toString());
        if (!shape)
            read.fail(u"pipeline.ports.%1.shape: expected circle, square, diamond, triangle, "
                      "hexagon, ring or star"_s.arg(typeName));
        port.shape = shape.value_or(PortStyle::Shape::Circle);
    }
}

void readSizes(const ThemeSectionReader &read, PipelineTheme &theme)
{
    const std::initializer_list<std::pair<QString, double PipelineTheme::*>> keys = {
        {u"nodeWidth"_s, &PipelineTheme::nodeWidth},
        {u"nodeMinHeight"_s, &PipelineTheme::nodeMinHeight},
        {u"headerHeight"_s, &PipelineTheme::headerHeight},
        {u"metaHeight"_s, &PipelineTheme::metaHeight},
        {u"portSpacing"_s, &PipelineTheme::portSpacing},
        {u"footerHeight"_s, &PipelineTheme::footerHeight},
        {u"nodePadding"_s, &PipelineTheme::nodePadding},
        {u"portRadius"_s, &PipelineTheme::portRadius},
        {u"portHitRadius"_s, &PipelineTheme::portHitRadius},
        {u"cornerRadius"_s, &PipelineTheme::cornerRadius},
        {u"borderWidth"_s, &PipelineTheme::borderWidth},
        {u"accentWidth"_s, &PipelineTheme::accentWidth},
        {u"selectionWidth"_s, &PipelineTheme::selectionWidth},
        {u"edgeWidth"_s, &PipelineTheme::edgeWidth},
        {u"edgeHoverWidth"_s, &PipelineTheme::edgeHoverWidth},
        {u"edgeHitWidth"_s, &PipelineTheme::edgeHitWidth},
        {u"arrowSize"_s, &PipelineTheme::arrowSize},
        {u"badgeRadius"_s, &PipelineTheme::badgeRadius},
        {u"progressHeight"_s, &PipelineTheme::progressHeight},
        {u"gridSize"_s, &PipelineTheme::gridSize},
        {u"gridDotSize"_s, &PipelineTheme::gridDotSize},
        {u"dimmedOpacity"_s, &PipelineTheme::dimmedOpacity},
        {u"groupTitleHeight"_s, &PipelineTheme::groupTitleHeight},
        {u"notePadding"_s, &PipelineTheme::notePadding},
    };
    for (const auto &[key, member] : keys)
        theme.*member = read.size(key);
    theme.gridMajorEvery = std::max(1, int(read.size(u"gridMajorEvery"_s)));
    if (theme.gridSize <= 0 || theme.nodeWidth <= 0)
        read.fail(u"pipeline.sizes: gridSize and nodeWidth must be above 0"_s);
}

void readFonts(const ThemeSectionReader &read, const QString &family, PipelineTheme &theme)
{
    const auto font = [&](const QString &key, bool bold) {
        QFont font(family);
        font.setPixelSize(std::max(1, read.fontSize(key)));
        font.setBold(bold);
        // Text measures the same on screen and in exports.
        font.setHintingPreference(QFont::PreferNoHinting);
        return TextFonts::withoutLigatures(font);
    };
    theme.titleFont = font(u"nodeTitle"_s, true);
    theme.metaFont = font(u"nodeMeta"_s, false);
    theme.portFont = font(u"port"_s, false);
    theme.badgeFont = font(u"badge"_s, true);
    theme.progressFont = font(u"progress"_s, false);
    theme.noteFont = font(u"note"_s, false);
    theme.groupTitleFont = font(u"groupTitle"_s, true);
}

} // namespace

const CategoryStyle &PipelineTheme::category(const QString &name) const
{
    const auto it = categories.constFind(name);
    return it != categories.constEnd() ? *it : *categories.constFind(u"Generic"_s);
}

std::optional<PipelineTheme>
PipelineTheme::fromJson(const QJsonObject &object, const QString &fontFamily, QString *error)
{
    QString problem;
    if (object.isEmpty())
        problem = u"a \"pipeline\" object is required"_s;
    const ThemeSectionReader read{object, u"pipeline"_s, &problem};
    PipelineTheme theme;
    readColors(read, theme);
    readCategories(read, theme);
    readPorts(read, theme);
    readSizes(read, theme);
    readFonts(read, fontFamily, theme);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    for (PortStyle &port : theme.ports)
        port.path = shapePath(port.shape, theme.portRadius);
    theme.nodeHeaderPath = roundedTopPath(theme.nodeWidth, theme.headerHeight, theme.cornerRadius);
    return theme;
}
