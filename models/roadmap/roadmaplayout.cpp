#include "roadmap/roadmaplayout.h"
#include "roadmap/bandlayout.h"
#include "roadmap/layereddag.h"
#include "roadmap/roadmaprouting.h"
#include "roadmap/roadmapwrapping.h"

#include <QMap>

#include <algorithm>
#include <utility>

namespace {

// Where the bands put each section and dummy slot, before edges are routed.
struct Placement
{
    QList<QRectF> sectionRects;
    QList<int> sectionBands;
    QMap<std::pair<int, int>, QList<QRectF>> dummySlots; // (prerequisite, dependent)
    QList<double> gapTops;                               // below each band
};

double sectionWidth(const RoadmapMetrics &metrics)
{
    return metrics.cardWidth + 2 * metrics.sectionPadding;
}

QList<double> sectionHeights(const Curriculum &curriculum, const RoadmapMetrics &metrics)
{
    QList<double> heights;
    for (const Section &section : curriculum.sections) {
        const qsizetype cards = section.topics.size();
        const double cardsHeight
            = cards == 0 ? 0 : cards * metrics.cardHeight + (cards - 1) * metrics.cardSpacing;
        heights.append(metrics.sectionHeaderHeight + cardsHeight + 2 * metrics.sectionPadding);
    }
    return heights;
}

// Every band uses the same column grid from x = 0, so the gaps between columns line up from
// band to band and cross-band routes can run down them.
Placement placeBands(const QList<QList<QList<int>>> &bands,
                     const LayeredDag &dag,
                     const QList<double> &heights,
                     const RoadmapMetrics &metrics)
{
    Placement placement;
    placement.sectionRects.resize(heights.size());
    placement.sectionBands.resize(heights.size());
    const double width = sectionWidth(metrics);
    double y = 0;
    for (int b = 0; b < bands.size(); ++b) {
        const BandLayout band = BandLayout::compute(
            bands[b], dag, heights, metrics.sectionHeaderHeight, metrics.rowGap);
        const double shift = y - band.top();
        const auto rectOf = [&](int node) {
            const BandLayout::Node &n = band.nodes[node];
            return QRectF(n.column * (width + metrics.layerGap), n.top + shift, width, n.height);
        };
        for (int node = 0; node < band.nodes.size(); ++node) {
            const int section = band.nodes[node].section;
            if (section >= 0) {
                placement.sectionRects[section] = rectOf(node);
                placement.sectionBands[section] = b;
            }
        }
        for (auto it = band.dummies.cbegin(); it != band.dummies.cend(); ++it) {
            QList<QRectF> &chainSlots = placement.dummySlots[it.key()];
            for (const int node : it.value())
                chainSlots.append(rectOf(node));
        }
        y = band.bottom() + shift;
        placement.gapTops.append(y);
        y += metrics.bandGap;
    }
    return placement;
}

void addSections(RoadmapLayout &layout,
                 const Curriculum &curriculum,
                 const LayeredDag &dag,
                 const Placement &placement,
                 const RoadmapMetrics &metrics)
{
    for (int i = 0; i < curriculum.sections.size(); ++i) {
        const QRectF rect = placement.sectionRects[i];
        layout.sections.append(
            {curriculum.sections[i].id,
             rect,
             QRectF(rect.topLeft(), QSizeF(rect.width(), metrics.sectionHeaderHeight)),
             dag.layers[i],
             placement.sectionBands[i]});
        const QList<Topic> &topics = curriculum.sections[i].topics;
        double y = rect.top() + metrics.sectionHeaderHeight + metrics.sectionPadding;
        for (const Topic &topic : topics) {
            layout.topics.append({topic.id,
                                  curriculum.sections[i].id,
                                  QRectF(rect.left() + metrics.sectionPadding,
                                         y,
                                         metrics.cardWidth,
                                         metrics.cardHeight)});
            y += metrics.cardHeight + metrics.cardSpacing;
        }
    }
}

// Edges between bands run along the gaps between bands; each takes its own lane in every gap
// it uses, spread evenly over the gap, so that parallel runs stay apart.
class GapLanes
{
public:
    GapLanes(const Placement &placement, double bandGap)
        : m_placement(placement)
        , m_bandGap(bandGap)
        , m_used(placement.gapTops.size(), 0)
    {}
    int take(int gap) { return m_used[gap]++; }
    double y(int gap, int lane) const
    {
        return m_placement.gapTops[gap] + m_bandGap * (lane + 1) / (m_used[gap] + 1);
    }

private:
    const Placement &m_placement;
    double m_bandGap;
    QList<int> m_used;
};

struct CrossBandEdge
{
    qsizetype edge;
    int pre, dep;
    int exitLane, entryLane;
};

void addEdges(RoadmapLayout &layout,
              const Curriculum &curriculum,
              const LayeredDag &dag,
              const Placement &placement,
              const RoadmapMetrics &metrics)
{
    const RouteMetrics route{metrics.sectionHeaderHeight, metrics.layerGap};
    const QList<QRectF> &rects = placement.sectionRects;
    const QList<int> &bands = placement.sectionBands;
    GapLanes lanes(placement, metrics.bandGap);
    QList<CrossBandEdge> crossBand; // routed once all lanes are taken, to spread them evenly
    for (int dep = 0; dep < curriculum.sections.size(); ++dep) {
        for (const int pre : dag.prerequisites[dep]) {
            RoadmapLayout::Edge edge{curriculum.sections[pre].id, curriculum.sections[dep].id, {}};
            if (bands[pre] == bands[dep]) {
                edge.points = inBandRoute(
                    rects[pre], rects[dep], placement.dummySlots.value({pre, dep}), route);
            } else {
                const int exitLane = lanes.take(bands[pre]);
                const bool adjacent = bands[dep] == bands[pre] + 1;
                const int entryLane = adjacent ? exitLane : lanes.take(bands[dep] - 1);
                crossBand.append({layout.edges.size(), pre, dep, exitLane, entryLane});
            }
            layout.edges.append(edge);
        }
    }
    const double marginX = -metrics.layerGap / 2; // the gap before the first column
    for (const CrossBandEdge &c : crossBand) {
        layout.edges[c.edge].points = crossBandRoute(rects[c.pre],
                                                     rects[c.dep],
                                                     lanes.y(bands[c.pre], c.exitLane),
                                                     lanes.y(bands[c.dep] - 1, c.entryLane),
                                                     marginX,
                                                     route);
    }
}

QRectF boundsOf(const RoadmapLayout &layout)
{
    QRectF bounds;
    for (const RoadmapLayout::SectionBox &box : layout.sections)
        bounds |= box.rect;
    for (const RoadmapLayout::Edge &edge : layout.edges) {
        // Not `|=` with a point: QRectF::united() skips empty rectangles.
        for (const QPointF &point : edge.points) {
            bounds.setLeft(std::min(bounds.left(), point.x()));
            bounds.setRight(std::max(bounds.right(), point.x()));
            bounds.setTop(std::min(bounds.top(), point.y()));
            bounds.setBottom(std::max(bounds.bottom(), point.y()));
        }
    }
    return bounds;
}

void translate(RoadmapLayout &layout, QPointF offset)
{
    for (RoadmapLayout::SectionBox &box : layout.sections) {
        box.rect.translate(offset);
        box.headerRect.translate(offset);
    }
    for (RoadmapLayout::TopicBox &box : layout.topics)
        box.rect.translate(offset);
    for (RoadmapLayout::Edge &edge : layout.edges) {
        for (QPointF &point : edge.points)
            point += offset;
    }
    layout.bounds.translate(offset);
}

RoadmapLayout layoutWith(const Curriculum &curriculum,
                         const LayeredDag &dag,
                         const QList<double> &heights,
                         const QList<QList<QList<int>>> &bands,
                         const RoadmapMetrics &metrics)
{
    const Placement placement = placeBands(bands, dag, heights, metrics);
    RoadmapLayout layout;
    addSections(layout, curriculum, dag, placement, metrics);
    addEdges(layout, curriculum, dag, placement, metrics);
    layout.bounds = boundsOf(layout);
    translate(layout, -layout.bounds.topLeft());
    return layout;
}

} // namespace

// The estimate ignores dummies and alignment, so the band counts next to it get a real layout
// too and the one closest to the target proportions wins.
RoadmapLayout RoadmapLayout::compute(const Curriculum &curriculum, const RoadmapMetrics &metrics)
{
    if (curriculum.sections.isEmpty())
        return {};
    const LayeredDag dag = LayeredDag::build(curriculum.sections);
    const QList<double> heights = sectionHeights(curriculum, metrics);
    const WrapChoice wrap = estimateWrap(dag, heights, metrics);
    const QList<QList<int>> columns = layerColumns(dag, wrap.maxRows);
    RoadmapLayout best;
    double bestError = 0;
    for (const int bandCount : {wrap.bandCount, wrap.bandCount - 1, wrap.bandCount + 1}) {
        if (bandCount < 1 || bandCount > columns.size())
            continue;
        RoadmapLayout layout
            = layoutWith(curriculum, dag, heights, splitIntoBands(columns, bandCount), metrics);
        const double error = aspectError(layout.bounds.size(), metrics.targetAspectRatio);
        if (best.sections.isEmpty() || error < bestError) {
            best = std::move(layout);
            bestError = error;
        }
    }
    return best;
}

const RoadmapLayout::SectionBox *RoadmapLayout::section(const QString &sectionId) const
{
    const auto found = std::find_if(
        sections.cbegin(), sections.cend(), [&](const auto &box) { return box.id == sectionId; });
    return found == sections.cend() ? nullptr : &*found;
}

const RoadmapLayout::TopicBox *RoadmapLayout::topic(const QString &topicId) const
{
    const auto found = std::find_if(
        topics.cbegin(), topics.cend(), [&](const auto &box) { return box.id == topicId; });
    return found == topics.cend() ? nullptr : &*found;
}
