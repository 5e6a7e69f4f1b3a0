#include "dashboardtheme.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

// Every key is required: the resource is the only place the dashboard's look is written down.
struct DashboardThemeReader
{
    const QJsonObject &object;
    QString *error;

    void fail(const QString &message) const
    {
        if (error->isEmpty())
            *error = message;
    }
    QColor color(const QJsonValue &value, const QString &path) const
    {
        const QColor color = QColor::fromString(value.toString());
        if (!color.isValid())
            fail(u"dashboard.%1: expected a colour such as \"#1d2733\""_s.arg(path));
        return color;
    }
    QColor color(const QString &key) const
    {
        return color(object.value(u"colors"_s)[key], u"colors."_s + key);
    }
    double size(const QString &key) const
    {
        const QJsonValue value = object.value(u"sizes"_s)[key];
        if (!value.isDouble() || value.toDouble() < 0) {
            fail(u"dashboard.sizes.%1: expected a number of at least 0"_s.arg(key));
            return 0;
        }
        return value.toDouble();
    }
    QFont font(const QString &family, const QString &key, bool bold = false) const
    {
        const int size = object.value(u"fonts"_s)[key].toInt(0);
        if (size <= 0)
            fail(u"dashboard.fonts.%1: expected a pixel size above 0"_s.arg(key));
        QFont font(family);
        font.setPixelSize(std::max(size, 1));
        font.setBold(bold);
        return font;
    }
};

} // namespace

std::optional<DashboardTheme>
DashboardTheme::fromJson(const QJsonObject &object, const QString &fontFamily, QString *error)
{
    QString problem;
    if (object.isEmpty())
        problem = u"a \"dashboard\" object is required"_s;
    const DashboardThemeReader read{object, &problem};
    DashboardTheme theme;
    theme.background = read.color(u"background"_s);
    theme.panel = read.color(u"panel"_s);
    theme.panelBorder = read.color(u"panelBorder"_s);
    theme.text = read.color(u"text"_s);
    theme.mutedText = read.color(u"mutedText"_s);
    theme.grid = read.color(u"grid"_s);
    theme.axis = read.color(u"axis"_s);
    theme.studyBar = read.color(u"studyBar"_s);
    theme.finished = read.color(u"finished"_s);
    theme.forecast = read.color(u"forecast"_s);
    theme.target = read.color(u"target"_s);
    theme.onTrack = read.color(u"onTrack"_s);
    theme.behind = read.color(u"behind"_s);
    const QJsonArray levels = object.value(u"colors"_s)[u"heatmap"_s].toArray();
    if (levels.size() != qsizetype(theme.heatmap.size()))
        read.fail(u"dashboard.colors.heatmap: expected 5 colours, from no study to the most"_s);
    for (qsizetype i = 0; i < levels.size() && i < qsizetype(theme.heatmap.size()); ++i)
        theme.heatmap[i] = read.color(levels.at(i), u"colors.heatmap[%1]"_s.arg(i));

    theme.cardRadius = read.size(u"cardRadius"_s);
    theme.cellSize = read.size(u"cellSize"_s);
    theme.cellGap = read.size(u"cellGap"_s);
    theme.lineWidth = read.size(u"lineWidth"_s);

    theme.titleFont = read.font(fontFamily, u"title"_s, true);
    theme.axisFont = read.font(fontFamily, u"axis"_s);
    theme.tileValueFont = read.font(fontFamily, u"tileValue"_s, true);
    theme.tileLabelFont = read.font(fontFamily, u"tileLabel"_s);
    theme.labelFont = read.font(fontFamily, u"label"_s);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return theme;
}
