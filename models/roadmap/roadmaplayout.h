#pragma once

#include "curriculum/curriculum.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

// Sizes the layout works with, in scene units; a theme provides them (the projector theme has
// larger cards and wider gaps).
struct RoadmapMetrics
{
    double cardWidth = 240;
    double cardHeight = 60;
    double cardSpacing = 8;     // between two cards of a section
    double sectionPadding = 12; // inside a section's border, around its cards
    double sectionHeaderHeight = 64;
    double layerGap = 96; // horizontal gap between two layers (columns)
    double rowGap = 36;   // vertical gap between two sections of one layer
    double bandGap = 96;  // vertical gap between two bands (rows of layers)
    double targetAspectRatio = 16.0 / 9.0;
};

// Where each section, topic card and prerequisite arrow of a curriculum goes: a layered layout
// along the prerequisite DAG, left to right. Pure geometry, no painting: the roadmap scene, the
// exports and the presentation all place items from it. Same input, same layout.
struct RoadmapLayout
{
    struct SectionBox
    {
        QString id;
        QRectF rect;       // the whole section, header and cards
        QRectF headerRect; // the top part that shows number, title and progress
        int layer = 0;     // 0 for sections without prerequisites
        int band = 0;      // which row of layers it sits in, when a wide layout is wrapped
    };
    struct TopicBox
    {
        QString id;
        QString sectionId;
        QRectF rect;
    };
    struct Edge
    {
        QString fromSectionId; // the prerequisite
        QString toSectionId;
        QList<QPointF> points; // a polyline from the prerequisite's right side to the
                               // dependent's left side; draw it smoothed or with round corners
    };

    QList<SectionBox> sections; // in curriculum order
    QList<TopicBox> topics;     // in curriculum order
    QList<Edge> edges;          // in curriculum order of the dependent, then prerequisite order
    QRectF bounds;              // everything above, with no margin added

    static RoadmapLayout compute(const Curriculum &curriculum, const RoadmapMetrics &metrics);

    const SectionBox *section(const QString &sectionId) const;
    const TopicBox *topic(const QString &topicId) const;
};
