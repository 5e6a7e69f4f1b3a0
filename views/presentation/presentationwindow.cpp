#include "presentation/presentationwindow.h"

#include "presentation/slidepainter.h"
#include "presentation/speakernoteswindow.h"
#include "progress/curriculummodel.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScreen>
#include <QTimer>
#include <QVariantAnimation>

using namespace Qt::StringLiterals;

namespace {

// Long enough to read the keys once, short enough not to linger on the audience's screen.
constexpr int HintMilliseconds = 4000;
constexpr int HintFadeMilliseconds = 800;

QScreen *otherScreen(QScreen *screen)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (QScreen *candidate : screens)
        if (candidate != screen)
            return candidate;
    return screen;
}

} // namespace

PresentationWindow::PresentationWindow(CurriculumModel *model, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(model)
    , m_theme(StudioTheme::byIdOrDefault(StudioTheme::presentationId()))
    , m_notes(new SpeakerNotesWindow(this))
    , m_hintTimer(new QTimer(this))
    , m_hintFade(new QVariantAnimation(this))
{
    setWindowTitle(tr("Presentation"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_notes->setTheme(m_theme);
    m_notes->installEventFilter(this);

    m_hintTimer->setSingleShot(true);
    m_hintTimer->setInterval(HintMilliseconds);
    m_hintFade->setStartValue(1.0);
    m_hintFade->setEndValue(0.0);
    m_hintFade->setDuration(HintFadeMilliseconds);
    connect(m_hintTimer, &QTimer::timeout, m_hintFade, [this] { m_hintFade->start(); });
    connect(m_hintFade, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        setHintOpacity(value.toDouble());
    });

    // Statuses may change while presenting (from the command line); a new curriculum resets.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PresentationWindow::relayout);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PresentationWindow::rebuildDeck);
    rebuildDeck();
}

void PresentationWindow::setTheme(const StudioTheme &theme)
{
    m_theme = theme;
    m_notes->setTheme(theme);
    relayout();
}

bool PresentationWindow::goToId(const QString &id)
{
    const Curriculum &curriculum = m_model->curriculum();
    const Section *section = curriculum.findSection(id);
    if (!section)
        section = curriculum.sectionOfTopic(id);
    if (!section)
        return false;
    const int before = currentSection();
    step(m_deck.goTo(int(section - curriculum.sections.constData())), before);
    return true;
}

void PresentationWindow::present(QWidget *origin)
{
    QScreen *presenter = origin ? origin->screen() : QGuiApplication::primaryScreen();
    QScreen *audience = otherScreen(presenter);
    setScreen(audience);
    setGeometry(audience->geometry());
    showFullScreen();
    activateWindow();
    if (audience != presenter) {
        m_notes->setScreen(presenter);
        m_notes->setGeometry(presenter->availableGeometry());
        setSpeakerNotesVisible(true);
    }
}

QString PresentationWindow::currentSectionId() const
{
    const QList<Section> &sections = m_model->curriculum().sections;
    return currentSection() < sections.size() ? sections.at(currentSection()).id : QString();
}

void PresentationWindow::setRevealing(bool revealing)
{
    m_deck.setRevealing(revealing);
    update();
}

void PresentationWindow::setProgressVisible(bool visible)
{
    m_showProgress = visible;
    relayout();
}

void PresentationWindow::setLaserOn(bool on)
{
    m_laserOn = on;
    if (on) {
        const QPoint cursor = mapFromGlobal(QCursor::pos());
        m_laserPosition = rect().contains(cursor) ? QPointF(cursor) : QRectF(rect()).center();
        setCursor(Qt::BlankCursor);
    } else {
        unsetCursor();
    }
    update(SlidePainter::laserBounds(m_laserPosition, m_slide).toAlignedRect());
}

QString PresentationWindow::counterText() const
{
    return tr("Section %1 / %2").arg(currentSection() + 1).arg(sectionCount());
}

QString PresentationWindow::hintText() const
{
    return m_slide.hint.lines.join(u' ');
}

void PresentationWindow::setSpeakerNotesVisible(bool visible)
{
    if (visible) {
        updateNotes();
        m_notes->show();
    } else {
        m_notes->hide();
    }
}

void PresentationWindow::next()
{
    const int before = currentSection();
    step(m_deck.next(), before);
}

void PresentationWindow::previous()
{
    const int before = currentSection();
    step(m_deck.previous(), before);
}

void PresentationWindow::first()
{
    const int before = currentSection();
    step(m_deck.first(), before);
}

void PresentationWindow::last()
{
    const int before = currentSection();
    step(m_deck.last(), before);
}

void PresentationWindow::step(bool moved, int sectionBefore)
{
    if (!moved)
        return;
    const bool wasAsking = m_quiz.isOn();
    m_quiz.close(); // a step goes back to the section slide
    if (currentSection() == sectionBefore) {
        if (wasAsking)
            relayout();
        else
            update(); // only the revealed cards changed
        return;
    }
    if (!m_hintMessage.isEmpty()) { // it was about the section left
        m_hintMessage.clear();
        m_hintTimer->stop();
        m_hintFade->stop();
        m_hintOpacity = 0;
    }
    relayout();
    updateNotes();
    emit currentSectionChanged(currentSection());
}

void PresentationWindow::rebuildDeck()
{
    QList<int> counts;
    for (const Section &section : m_model->curriculum().sections)
        counts << int(section.topics.size());
    m_deck.setTopicCounts(counts);
    m_quiz.reset();
    relayout();
    updateNotes();
}

void PresentationWindow::relayout()
{
    const QList<Section> &sections = m_model->curriculum().sections;
    SlideContent content;
    if (currentSection() < sections.size()) {
        content.section = &sections.at(currentSection());
        for (const Topic &topic : content.section->topics)
            content.statuses << m_model->topicStatus(topic.id);
    }
    if (content.section && m_quiz.isOn()) {
        content.question = &m_quiz.question();
        content.answerShown = isAnswerShown();
        content.questionHeading = tr("Question %1 of %2 · %3")
                                      .arg(m_quiz.questionNumber())
                                      .arg(m_quiz.questionTotal())
                                      .arg(m_quiz.topicTitle());
    }
    content.showProgress = m_showProgress;
    content.index = currentSection();
    content.count = sectionCount();
    content.counter = counterText();
    content.footer = m_model->curriculum().title;
    content.emptyText = tr("No topics in this section yet");
    content.hint = m_hintMessage.isEmpty() ? tr("→ next · ← back · P progress · L laser · R reveal "
                                                "· Q question · N notes · Esc exit")
                                           : m_hintMessage;
    m_slide = layoutSlide(content, size(), m_theme);
    update();
}

void PresentationWindow::updateNotes()
{
    const QList<Section> &sections = m_model->curriculum().sections;
    const int index = currentSection();
    if (index >= sections.size())
        return;
    const Section *next = index + 1 < sections.size() ? &sections.at(index + 1) : nullptr;
    m_notes->showSection(sections.at(index), counterText(), next);
}

void PresentationWindow::setHintOpacity(double opacity)
{
    m_hintOpacity = opacity;
    update(m_slide.hintBox.toAlignedRect());
}

void PresentationWindow::askQuestion()
{
    const QList<Section> &sections = m_model->curriculum().sections;
    if (currentSection() >= sections.size())
        return;
    if (!m_quiz.ask(sections.at(currentSection()))) {
        showHint(tr("No questions in this section"));
        return;
    }
    relayout();
}

void PresentationWindow::closeQuestion()
{
    m_quiz.close();
    relayout();
}

void PresentationWindow::showHint(const QString &message)
{
    m_hintMessage = message;
    relayout();
    m_hintFade->stop();
    setHintOpacity(1);
    m_hintTimer->start();
}

// On the question slide: the next press shows the answer, the one after goes back to the
// section; Esc and the back keys go back at once. Other keys fall through to the section slide.
bool PresentationWindow::handleQuestionKey(int key)
{
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Q:
        if (isAnswerShown()) {
            closeQuestion();
        } else {
            m_quiz.showAnswer();
            relayout();
        }
        return true;
    case Qt::Key_Escape:
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        closeQuestion();
        return true;
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_R:
    case Qt::Key_P:
        closeQuestion(); // a key of the section slide: back to it first
        return false;
    }
    return false; // the laser, the notes and the keys of nothing at all
}

bool PresentationWindow::handleKey(int key)
{
    if (m_quiz.isOn() && handleQuestionKey(key))
        return true;
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        previous();
        return true;
    case Qt::Key_Home:
        first();
        return true;
    case Qt::Key_End:
        last();
        return true;
    case Qt::Key_R:
        setRevealing(!isRevealing());
        return true;
    case Qt::Key_P:
        setProgressVisible(!isProgressVisible());
        return true;
    case Qt::Key_L:
        setLaserOn(!isLaserOn());
        return true;
    case Qt::Key_N:
        setSpeakerNotesVisible(!m_notes->isVisible());
        return true;
    case Qt::Key_Q:
        askQuestion();
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    }
    return false;
}

bool PresentationWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Keys pressed in the speaker notes drive the presentation too.
    if (watched == m_notes && event->type() == QEvent::KeyPress)
        return handleKey(static_cast<QKeyEvent *>(event)->key());
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event->key()))
        QWidget::keyPressEvent(event);
}

void PresentationWindow::mouseMoveEvent(QMouseEvent *event)
{
    if (m_laserOn) {
        update(SlidePainter::laserBounds(m_laserPosition, m_slide).toAlignedRect());
        m_laserPosition = event->position();
        update(SlidePainter::laserBounds(m_laserPosition, m_slide).toAlignedRect());
    }
    QWidget::mouseMoveEvent(event);
}

void PresentationWindow::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_slide.bounds.isValid()) {
        painter.fillRect(rect(), m_theme.background);
        return;
    }
    SlidePainter::paintSlide(&painter, m_slide, m_theme, revealedTopicCount());
    SlidePainter::paintHint(&painter, m_slide, m_theme, m_hintOpacity);
    if (m_laserOn)
        SlidePainter::paintLaser(&painter, m_laserPosition, m_slide, m_theme);
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    relayout();
    QWidget::resizeEvent(event);
}

void PresentationWindow::showEvent(QShowEvent *event)
{
    if (!event->spontaneous()) {
        if (!m_hintMessage.isEmpty()) {
            m_hintMessage.clear();
            relayout();
        }
        setHintOpacity(1);
        m_hintFade->stop();
        m_hintTimer->start();
        m_notes->restartClock();
    }
    QWidget::showEvent(event);
}

void PresentationWindow::closeEvent(QCloseEvent *event)
{
    m_notes->close();
    if (!m_finished) {
        m_finished = true;
        emit finished(currentSectionId());
    }
    QWidget::closeEvent(event);
}
