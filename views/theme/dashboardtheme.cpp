#include "theme/dashboardtheme.h"

#include "theme/textfonts.h"
#include "theme/themesectionreader.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QFont pixelFont(const QString &family, int pixelSize, bool bold = false)
{
    QFont font(family);
    font.setPixelSize(std::max(pixelSize, 1));
    font.setBold(bold);
    return TextFonts::withoutLigatures(font);
}

} // namespace

std::optional<DashboardTheme>
DashboardTheme::fromJson(const QJsonObject &object, const QString &fontFamily, QString *error)
{
    QString problem;
    if (object.isEmpty())
        problem = u"a \"dashboard\" object is required"_s;
    const ThemeSectionReader read{object, u"dashboard"_s, &problem};
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

    theme.titleFont = pixelFont(fontFamily, read.fontSize(u"title"_s), true);
    theme.axisFont = pixelFont(fontFamily, read.fontSize(u"axis"_s));
    theme.tileValueFont = pixelFont(fontFamily, read.fontSize(u"tileValue"_s), true);
    theme.tileLabelFont = pixelFont(fontFamily, read.fontSize(u"tileLabel"_s));
    theme.labelFont = pixelFont(fontFamily, read.fontSize(u"label"_s));
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return theme;
}
