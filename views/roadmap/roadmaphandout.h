#pragma once

#include <QCoreApplication>
#include <QSizeF>
#include <QString>

class CurriculumModel;
class QPainter;
struct Section;
struct Topic;

// The roadmap as a printable handout: a title page, then exactly one page per section with each
// topic's goals, activities, tools, hours, resources (with their addresses as links) and (with
// progress) status and notes. Black on white whatever the map's theme, since it is meant for
// paper.
class RoadmapHandout
{
    Q_DECLARE_TR_FUNCTIONS(RoadmapHandout)

public:
    RoadmapHandout(const CurriculumModel *model, bool showProgress);

    int pageCount() const;
    // Page 0 is the title page, page n the n-th section.
    QString pageHtml(int page) const;
    // Paints a page into the area at the painter's origin, shrunk when it is too long, so a
    // section never spills onto a second page.
    void paintPage(QPainter *painter, int page, const QSizeF &area) const;

private:
    QString titlePageHtml() const;
    QString sectionPageHtml(const Section &section) const;
    QString topicHtml(const Topic &topic) const;
    QString resourcesHtml(const Topic &topic) const;
    QString prerequisitesHtml(const Section &section) const;

    const CurriculumModel *m_model;
    bool m_showProgress;
};
