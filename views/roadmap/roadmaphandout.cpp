#include "roadmap/roadmaphandout.h"

#include "common/statusdelegate.h"
#include "curriculum/topiclearning.h"
#include "progress/curriculummodel.h"
#include "theme/textfonts.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

const QString StyleSheet = u"h1 { font-size: 20pt; }"
                           "h2 { font-size: 14pt; }"
                           "h3 { font-size: 11.5pt; margin-top: 10pt; margin-bottom: 2pt; }"
                           "p { margin-top: 1pt; margin-bottom: 3pt; }"
                           ".muted { color: #5b6570; }"
                           ".status { color: #1d4f91; font-weight: bold; }"_s;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString hoursText(double hours)
{
    return RoadmapHandout::tr("%1 h").arg(QString::number(hours, 'g', 4));
}

// The notes' Markdown as HTML to embed in the page: the body of what QTextDocument makes of it.
QString markdownHtml(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown);
    static const QRegularExpression body(u"<body[^>]*>(.*)</body>"_s,
                                         QRegularExpression::DotMatchesEverythingOption);
    return body.match(document.toHtml()).captured(1);
}

QString labelled(const QString &label, const QString &text)
{
    return u"<p><b>%1</b> %2</p>"_s.arg(escaped(label), escaped(text));
}

// A web address as a link: QTextDocument prints <a href> as a PDF link annotation. Anything
// else (a curriculum may hold a bad address) is printed as text, never as a link.
QString linkHtml(const QString &url, const QString &text)
{
    if (!TopicLearning::isWebAddress(url))
        return escaped(text);
    return u"<a href=\"%1\">%2</a>"_s.arg(escaped(url), escaped(text));
}

// The largest scale (at most 1) at which the document, re-wrapped to the wider width that
// shrinking allows, fits the area.
double fitScale(QTextDocument &document, const QSizeF &area)
{
    const auto fits = [&](double scale) {
        document.setTextWidth(area.width() / scale);
        const QSizeF size = document.size() * scale;
        return size.height() <= area.height() && size.width() <= area.width() + 0.5;
    };
    if (fits(1.0))
        return 1.0;
    double low = 0.5;
    while (!fits(low) && low > 0.02)
        low /= 2;
    double high = std::min(1.0, low * 2);
    for (int step = 0; step < 10; ++step) {
        const double middle = (low + high) / 2;
        (fits(middle) ? low : high) = middle;
    }
    fits(low);
    return low;
}

} // namespace

RoadmapHandout::RoadmapHandout(const CurriculumModel *model, bool showProgress)
    : m_model(model)
    , m_showProgress(showProgress)
{}

int RoadmapHandout::pageCount() const
{
    return 1 + int(m_model->curriculum().sections.size());
}

QString RoadmapHandout::pageHtml(int page) const
{
    const QList<Section> &sections = m_model->curriculum().sections;
    if (page == 0)
        return titlePageHtml();
    return page <= sections.size() ? sectionPageHtml(sections.at(page - 1)) : QString();
}

void RoadmapHandout::paintPage(QPainter *painter, int page, const QSizeF &area) const
{
    QTextDocument document;
    // Lay out for the printer's resolution, so point sizes come out right on paper.
    document.documentLayout()->setPaintDevice(painter->device());
    document.setDefaultStyleSheet(StyleSheet);
    QFont font(u"DejaVu Sans"_s);
    font.setPointSizeF(10.5);
    document.setDefaultFont(TextFonts::withoutLigatures(font));
    document.setHtml(pageHtml(page));
    const double scale = fitScale(document, area);
    painter->save();
    painter->scale(scale, scale);
    document.drawContents(painter, QRectF(QPointF(0, 0), area / scale));
    painter->restore();
}

QString RoadmapHandout::titlePageHtml() const
{
    const Curriculum &curriculum = m_model->curriculum();
    QString html = u"<h1>%1</h1>"_s.arg(escaped(curriculum.title));
    html += u"<p class=\"muted\">%1</p>"_s.arg(
        escaped(tr("MLOps Roadmap Studio · %1")
                    .arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat))));
    if (!curriculum.introduction.isEmpty())
        html += u"<p>%1</p>"_s.arg(escaped(curriculum.introduction));
    if (!curriculum.outcomes.isEmpty()) {
        html += u"<h2>%1</h2><ul>"_s.arg(escaped(tr("Outcomes")));
        for (const QString &outcome : curriculum.outcomes)
            html += u"<li>%1</li>"_s.arg(escaped(outcome));
        html += u"</ul>"_s;
    }
    if (m_showProgress) {
        int finished = 0;
        for (const QString &id : curriculum.topicIds())
            finished += TopicStatuses::isFinished(m_model->topicStatus(id)) ? 1 : 0;
        const int total = curriculum.topicCount();
        html += u"<h2>%1</h2>"_s.arg(escaped(tr("Your progress")));
        html += u"<p>%1</p>"_s.arg(
            escaped(tr("%1 of %n topic(s) finished (%2%)", nullptr, total)
                        .arg(finished)
                        .arg(total > 0 ? qRound(100.0 * finished / total) : 0)));
    }
    html += u"<h2>%1</h2><ol>"_s.arg(escaped(tr("Sections")));
    for (const Section &section : curriculum.sections)
        html += u"<li>%1</li>"_s.arg(escaped(section.title));
    html += u"</ol>"_s;
    html += labelled(tr("Total:"),
                     tr("%n topic(s), %1", nullptr, curriculum.topicCount())
                         .arg(hoursText(curriculum.totalHours())));
    return html;
}

QString RoadmapHandout::sectionPageHtml(const Section &section) const
{
    QString html = u"<h1>%1. %2</h1>"_s.arg(section.number).arg(escaped(section.title));
    if (!section.objective.isEmpty())
        html += labelled(tr("Objective:"), section.objective);
    html += prerequisitesHtml(section);
    for (const Topic &topic : section.topics)
        html += topicHtml(topic);
    return html;
}

// On paper the address must be readable, not only clickable: title and address are both links.
QString RoadmapHandout::resourcesHtml(const Topic &topic) const
{
    if (topic.resources.isEmpty())
        return {};
    QString html = u"<p><b>%1</b></p><ul>"_s.arg(escaped(tr("Resources:")));
    for (const TopicResource &resource : topic.resources) {
        const QString kind
            = resource.kind.isEmpty() ? QString() : u" (%1)"_s.arg(escaped(resource.kind));
        html += u"<li>%1%2: %3</li>"_s.arg(
            linkHtml(resource.url, resource.title), kind, linkHtml(resource.url, resource.url));
    }
    return html + u"</ul>"_s;
}

QString RoadmapHandout::prerequisitesHtml(const Section &section) const
{
    QStringList names;
    for (const QString &id : section.prerequisites) {
        const Section *prerequisite = m_model->curriculum().findSection(id);
        names << (prerequisite ? u"%1. %2"_s.arg(prerequisite->number).arg(prerequisite->title)
                               : id);
    }
    return labelled(tr("Prerequisites:"), names.isEmpty() ? tr("none") : names.join(u"; "_s));
}

QString RoadmapHandout::topicHtml(const Topic &topic) const
{
    QString html = u"<h3>%1</h3>"_s.arg(escaped(topic.title));
    if (m_showProgress) {
        const TopicStatus status = m_model->topicStatus(topic.id);
        html += u"<p class=\"status\">%1 %2</p>"_s.arg(statusSymbol(status),
                                                       escaped(TopicStatuses::displayName(status)));
    }
    if (!topic.goals.isEmpty())
        html += labelled(tr("Learning goals:"), topic.goals);
    if (!topic.activities.isEmpty())
        html += labelled(tr("Activities:"), topic.activities);
    if (!topic.tags.isEmpty())
        html += labelled(tr("Tools:"), topic.tags.join(u", "_s));
    html += labelled(tr("Hours:"), hoursText(topic.hours));
    html += resourcesHtml(topic);
    // Notes are personal: they go with the progress, never into a handout without it.
    const ProgressStore *store = m_model->store();
    const QString notes = m_showProgress && store ? store->notes(topic.id) : QString();
    if (!notes.trimmed().isEmpty())
        html += u"<p><b>%1</b></p>%2"_s.arg(escaped(tr("My notes:")), markdownHtml(notes));
    return html;
}
