#include "theme/studiotheme.h"

#include "theme/textfonts.h"
#include "theme/themesectionreader.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

using namespace Qt::StringLiterals;

namespace {

void readColors(const ThemeSectionReader &read, StudioTheme &theme)
{
    theme.background = read.color(u"background"_s);
    theme.sectionFill = read.color(u"sectionFill"_s);
    theme.sectionBorder = read.color(u"sectionBorder"_s);
    theme.headerFill = read.color(u"headerFill"_s);
    theme.headerText = read.color(u"headerText"_s);
    theme.text = read.color(u"text"_s);
    theme.mutedText = read.color(u"mutedText"_s);
    theme.cardFill = read.color(u"cardFill"_s);
    theme.cardBorder = read.color(u"cardBorder"_s);
    theme.edge = read.color(u"edge"_s);
    theme.highlight = read.color(u"highlight"_s);
    theme.selection = read.color(u"selection"_s);
    theme.tagText = read.color(u"tagText"_s);
    theme.progressTrack = read.color(u"progressTrack"_s);
    theme.progressFill = read.color(u"progressFill"_s);
    theme.laser = read.color(u"laser"_s);
    for (TopicStatus status :
         {TopicStatus::Pending, TopicStatus::Learning, TopicStatus::Done, TopicStatus::Skipped})
        theme.statusColors[int(status)] = read.color(TopicStatuses::toString(status));
}

void readSizes(const ThemeSectionReader &read, StudioTheme &theme)
{
    theme.borderWidth = read.size(u"borderWidth"_s, theme.borderWidth);
    theme.edgeWidth = read.size(u"edgeWidth"_s, theme.edgeWidth);
    theme.cornerRadius = read.size(u"cornerRadius"_s, theme.cornerRadius);
    theme.statusIconSize = read.size(u"statusIconSize"_s, theme.statusIconSize);
    theme.statusBarWidth = read.size(u"statusBarWidth"_s, theme.statusBarWidth);
    theme.selectionWidth = read.size(u"selectionWidth"_s, theme.selectionWidth);
    theme.dimmedOpacity = read.size(u"dimmedOpacity"_s, theme.dimmedOpacity);
    RoadmapMetrics &m = theme.metrics;
    m.cardWidth = read.size(u"cardWidth"_s, m.cardWidth);
    m.cardHeight = read.size(u"cardHeight"_s, m.cardHeight);
    m.cardSpacing = read.size(u"cardSpacing"_s, m.cardSpacing);
    m.sectionPadding = read.size(u"sectionPadding"_s, m.sectionPadding);
    m.sectionHeaderHeight = read.size(u"sectionHeaderHeight"_s, m.sectionHeaderHeight);
    m.layerGap = read.size(u"layerGap"_s, m.layerGap);
    m.rowGap = read.size(u"rowGap"_s, m.rowGap);
    m.bandGap = read.size(u"bandGap"_s, m.bandGap);
    SlideMetrics &slide = theme.slide;
    slide.margin = read.size(u"slideMargin"_s, slide.margin);
    slide.gap = read.size(u"slideGap"_s, slide.gap);
    slide.padding = read.size(u"slidePadding"_s, slide.padding);
    slide.laserRadius = read.size(u"laserRadius"_s, slide.laserRadius);
}

void readFonts(const ThemeSectionReader &read, StudioTheme &theme)
{
    theme.fontFamily = read.object.value(u"fonts"_s)[u"family"_s].toString();
    theme.sectionTitleSize = read.fontSize(u"sectionTitle"_s, theme.sectionTitleSize);
    theme.sectionMetaSize = read.fontSize(u"sectionMeta"_s, theme.sectionMetaSize);
    theme.sectionNumberSize = read.fontSize(u"sectionNumber"_s, theme.sectionNumberSize);
    theme.cardTitleSize = read.fontSize(u"cardTitle"_s, theme.cardTitleSize);
    theme.cardTagsSize = read.fontSize(u"cardTags"_s, theme.cardTagsSize);
    SlideMetrics &slide = theme.slide;
    slide.numberSize = read.fontSize(u"slideNumber"_s, slide.numberSize);
    slide.titleSize = read.fontSize(u"slideTitle"_s, slide.titleSize);
    slide.objectiveSize = read.fontSize(u"slideObjective"_s, slide.objectiveSize);
    slide.cardTitleSize = read.fontSize(u"slideCardTitle"_s, slide.cardTitleSize);
    slide.cardTextSize = read.fontSize(u"slideCardText"_s, slide.cardTextSize);
    slide.footerSize = read.fontSize(u"slideFooter"_s, slide.footerSize);
    slide.notesSize = read.fontSize(u"speakerNotes"_s, slide.notesSize);
}

std::optional<QPalette> readPalette(const ThemeSectionReader &read)
{
    const QJsonValue value = read.object.value(u"palette"_s);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    static const QList<std::pair<QString, QPalette::ColorRole>> roles = {
        {u"window"_s, QPalette::Window},
        {u"windowText"_s, QPalette::WindowText},
        {u"base"_s, QPalette::Base},
        {u"alternateBase"_s, QPalette::AlternateBase},
        {u"text"_s, QPalette::Text},
        {u"button"_s, QPalette::Button},
        {u"buttonText"_s, QPalette::ButtonText},
        {u"highlight"_s, QPalette::Highlight},
        {u"highlightedText"_s, QPalette::HighlightedText},
        {u"placeholderText"_s, QPalette::PlaceholderText},
        {u"toolTipBase"_s, QPalette::ToolTipBase},
        {u"toolTipText"_s, QPalette::ToolTipText},
        {u"mid"_s, QPalette::Mid},
        {u"dark"_s, QPalette::Dark},
        {u"light"_s, QPalette::Light},
        {u"link"_s, QPalette::Link},
    };
    QPalette palette;
    const QJsonObject colors = value.toObject();
    for (const auto &[key, role] : roles) {
        if (!colors.contains(key))
            continue;
        const QColor color = read.color(colors.value(key), u"palette."_s + key);
        if (!color.isValid())
            return std::nullopt;
        palette.setColor(role, color);
    }
    // Disabled text is the window text, faded.
    QColor disabled = palette.color(QPalette::WindowText);
    disabled.setAlphaF(0.45);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

const QList<StudioTheme> &builtInThemes()
{
    static const QList<StudioTheme> themes = [] {
        QList<StudioTheme> loaded;
        QFile file(u":/themes/themes.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the themes resource is missing");
        const QJsonArray array = QJsonDocument::fromJson(file.readAll())[u"themes"_s].toArray();
        for (const auto &value : array) {
            QString error;
            std::optional<StudioTheme> theme = StudioTheme::fromJson(value.toObject(), &error);
            if (!theme)
                qFatal("themes.json: %s", qPrintable(error));
            loaded << *theme;
        }
        if (loaded.isEmpty())
            qFatal("themes.json holds no theme");
        return loaded;
    }();
    return themes;
}

} // namespace

QFont StudioTheme::font(int pixelSize, bool bold) const
{
    QFont font(fontFamily);
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    // Text must measure the same on screen and in SVG/PDF exports.
    font.setHintingPreference(QFont::PreferNoHinting);
    return TextFonts::withoutLigatures(font);
}

QStringList StudioTheme::ids()
{
    QStringList ids;
    for (const StudioTheme &theme : builtInThemes())
        ids << theme.id;
    return ids;
}

std::optional<StudioTheme> StudioTheme::byId(const QString &id)
{
    for (const StudioTheme &theme : builtInThemes())
        if (theme.id == id)
            return theme;
    return std::nullopt;
}

StudioTheme StudioTheme::byIdOrDefault(const QString &id)
{
    return byId(id).value_or(builtInThemes().first());
}

std::optional<StudioTheme> StudioTheme::fromJson(const QJsonObject &object, QString *error)
{
    QString problem;
    StudioTheme theme;
    theme.id = object.value(u"id"_s).toString();
    theme.name = object.value(u"name"_s).toString(theme.id);
    if (theme.id.isEmpty())
        problem = u"a theme needs an \"id\""_s;
    const ThemeSectionReader read{object, QString(), &problem};
    readColors(read, theme);
    readSizes(read, theme);
    readFonts(read, theme);
    if (problem.isEmpty()) {
        std::optional<PipelineTheme> pipeline = PipelineTheme::fromJson(
            object.value(u"pipeline"_s).toObject(), theme.fontFamily, &problem);
        if (pipeline)
            theme.pipeline = std::move(*pipeline);
    }
    if (problem.isEmpty()) {
        std::optional<DashboardTheme> dashboard = DashboardTheme::fromJson(
            object.value(u"dashboard"_s).toObject(), theme.fontFamily, &problem);
        if (dashboard)
            theme.dashboard = std::move(*dashboard);
    }
    if (problem.isEmpty())
        theme.palette = readPalette(read);
    if (!problem.isEmpty()) {
        if (error)
            *error = theme.id.isEmpty() ? problem : u"theme %1: %2"_s.arg(theme.id, problem);
        return std::nullopt;
    }
    return theme;
}

void applyApplicationPalette(const StudioTheme &theme)
{
    // The palette the platform gave us, taken before any theme replaced it.
    static const QPalette platformPalette = QApplication::palette();
    QApplication::setPalette(theme.palette ? *theme.palette : platformPalette);
}
