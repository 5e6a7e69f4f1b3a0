#pragma once

#include "curriculum/topicstatus.h"
#include "roadmap/roadmaplayout.h"
#include "theme/dashboardtheme.h"
#include "theme/pipelinetheme.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

class QJsonObject;

// The presentation's slide: font sizes and spacing in pixels on a screen 1080 pixels high; the
// slide scales them to the screen it is shown on.
struct SlideMetrics
{
    int numberSize = 44;
    int titleSize = 56;
    int objectiveSize = 30;
    int cardTitleSize = 34;
    int cardTextSize = 26;
    int footerSize = 22;
    int notesSize = 16; // the speaker notes, on the presenter's own screen: not scaled
    double margin = 64;
    double gap = 32;
    double padding = 28;
    double laserRadius = 12;
};

// One theme of the whole application (light, dark, projector), read from
// resources/themes/themes.json: the roadmap's colours, fonts and sizes here, the pipeline
// canvas's in `pipeline`, the Progress dashboard's in `dashboard`, the slides' in `slide`, and
// the widgets' palette. No colour or size literals elsewhere.
struct StudioTheme
{
    QString id;
    QString name;

    QColor background;
    QColor sectionFill;
    QColor sectionBorder;
    QColor headerFill;
    QColor headerText;
    QColor text;
    QColor mutedText;
    QColor cardFill;
    QColor cardBorder;
    QColor edge;
    QColor highlight;
    QColor selection;
    QColor tagText;
    QColor progressTrack;
    QColor progressFill;
    QColor laser;
    std::array<QColor, 4> statusColors; // indexed by TopicStatus

    QString fontFamily;
    int sectionTitleSize = 17;
    int sectionMetaSize = 12;
    int sectionNumberSize = 15;
    int cardTitleSize = 13;
    int cardTagsSize = 11;

    double borderWidth = 1;
    double edgeWidth = 2;
    double cornerRadius = 8;
    double statusIconSize = 16;
    double statusBarWidth = 6;
    double selectionWidth = 3;
    double dimmedOpacity = 0.22;
    RoadmapMetrics metrics;
    SlideMetrics slide;
    PipelineTheme pipeline;   // the pipeline canvas
    DashboardTheme dashboard; // the Progress charts
    // The whole window's palette for this theme; none means the platform's own.
    std::optional<QPalette> palette;

    QColor statusColor(TopicStatus status) const { return statusColors.at(int(status)); }
    QFont font(int pixelSize, bool bold = false) const;

    static QString defaultId() { return QStringLiteral("light"); }
    static QString presentationId() { return QStringLiteral("projector"); }
    static QStringList ids(); // in menu order
    static std::optional<StudioTheme> byId(const QString &id);
    static StudioTheme byIdOrDefault(const QString &id);
    // For tests and future user themes: reads one theme object of the themes file.
    static std::optional<StudioTheme> fromJson(const QJsonObject &object, QString *error);
};

// Gives the application the theme's window palette (or the style's standard one back).
void applyApplicationPalette(const StudioTheme &theme);
