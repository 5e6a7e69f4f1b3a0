#include "presentation/speakernoteswindow.h"

#include "curriculum/curriculum.h"
#include "theme/studiotheme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// What to point the audience to: each resource's title, kind and address, the address as text
// (the presenter reads it out or copies it; a click must not open a browser mid-talk).
QString resourcesHtml(const Topic &topic)
{
    if (topic.resources.isEmpty())
        return {};
    QString html = u"<p><b>%1</b></p><ul>"_s.arg(SpeakerNotesWindow::tr("Resources:"));
    for (const TopicResource &resource : topic.resources) {
        const QString kind
            = resource.kind.isEmpty() ? QString() : u" (%1)"_s.arg(resource.kind.toHtmlEscaped());
        html += u"<li>%1%2<br>%3</li>"_s.arg(
            resource.title.toHtmlEscaped(), kind, resource.url.toHtmlEscaped());
    }
    return html + u"</ul>"_s;
}

QString topicHtml(const Topic &topic)
{
    QString html = u"<h3>%1</h3>"_s.arg(topic.title.toHtmlEscaped());
    if (!topic.tags.isEmpty())
        html += u"<p><i>%1</i></p>"_s.arg(topic.tags.join(u" · "_s).toHtmlEscaped());
    html += u"<p><b>%1</b> %2</p>"_s.arg(SpeakerNotesWindow::tr("Goals:"),
                                         topic.goals.toHtmlEscaped());
    html += u"<p><b>%1</b> %2</p>"_s.arg(SpeakerNotesWindow::tr("Activities:"),
                                         topic.activities.toHtmlEscaped());
    return html + resourcesHtml(topic);
}

} // namespace

SpeakerNotesWindow::SpeakerNotesWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_heading(new QLabel(this))
    , m_notes(new QTextBrowser(this))
    , m_next(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setWindowTitle(tr("Speaker Notes"));
    m_heading->setWordWrap(true);
    m_next->setWordWrap(true);
    // Keys belong to the presentation, even when the presenter clicked into the notes.
    m_notes->setFocusPolicy(Qt::NoFocus);
    m_notes->setOpenLinks(false);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_next, 1);
    bottom->addWidget(m_clock);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_notes, 1);
    layout->addLayout(bottom);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &SpeakerNotesWindow::updateClock);
    restartClock();
}

void SpeakerNotesWindow::setTheme(const StudioTheme &theme)
{
    setFont(theme.font(theme.slide.notesSize));
    m_heading->setFont(theme.font(theme.slide.notesSize * 3 / 2, true));
    m_clock->setFont(theme.font(theme.slide.notesSize * 3 / 2, true));
}

void SpeakerNotesWindow::showSection(const Section &section,
                                     const QString &counter,
                                     const Section *next)
{
    m_heading->setText(u"%1 · %2. %3"_s.arg(counter).arg(section.number).arg(section.title));
    QString html = u"<p>%1</p>"_s.arg(section.objective.toHtmlEscaped());
    for (const Topic &topic : section.topics)
        html += topicHtml(topic);
    m_notes->setHtml(html);
    m_next->setText(next ? tr("Next: %1. %2").arg(next->number).arg(next->title)
                         : tr("Next: the end"));
}

void SpeakerNotesWindow::restartClock()
{
    m_elapsed.start();
    m_tick->start();
    updateClock();
}

QString SpeakerNotesWindow::notesText() const
{
    return m_notes->toPlainText();
}

QString SpeakerNotesWindow::nextText() const
{
    return m_next->text();
}

QString SpeakerNotesWindow::elapsedText() const
{
    return m_clock->text();
}

void SpeakerNotesWindow::updateClock()
{
    const qint64 seconds = m_elapsed.elapsed() / 1000;
    const QString minutesAndSeconds = u"%1:%2"_s.arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
                                          .arg(seconds % 60, 2, 10, QChar(u'0'));
    m_clock->setText(seconds >= 3600 ? u"%1:%2"_s.arg(seconds / 3600).arg(minutesAndSeconds)
                                     : minutesAndSeconds);
}
