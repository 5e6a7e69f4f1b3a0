#include "selfcheck/reviewdialog.h"

#include "curriculum/curriculum.h"
#include "progress/progressstore.h"
#include "selfcheck/choicebutton.h"
#include "selfcheck/selfcheckscheduling.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *wrapping(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    return label;
}

} // namespace

ReviewDialog::ReviewDialog(const Curriculum &curriculum,
                           ProgressStore *store,
                           const QStringList &questionIds,
                           const QString &title,
                           Clock clock,
                           QWidget *parent)
    : QDialog(parent)
    , m_curriculum(curriculum)
    , m_store(store)
    , m_clock(std::move(clock))
    , m_where(wrapping(this))
    , m_progress(new QProgressBar(this))
    , m_prompt(wrapping(this))
    , m_choiceLayout(new QVBoxLayout)
    , m_verdict(wrapping(this))
    , m_explanation(wrapping(this))
    , m_reading(wrapping(this))
    , m_hint(new QLabel(this))
    , m_next(new QPushButton(this))
{
    setWindowTitle(title);
    setObjectName(u"reviewDialog"_s);
    for (const QString &id : questionIds) {
        if (curriculum.findQuestion(id))
            m_queue << id;
    }
    QFont promptFont = m_prompt->font();
    promptFont.setPointSizeF(promptFont.pointSizeF() * 1.25);
    m_prompt->setFont(promptFont);
    m_where->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_reading->setOpenExternalLinks(true);
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    m_verdict->setFont(verdictFont);
    m_next->setFocusPolicy(Qt::NoFocus);
    m_next->setObjectName(u"reviewNext"_s);
    connect(m_next, &QPushButton::clicked, this, &ReviewDialog::goOn);

    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->addWidget(m_prompt);
    pageLayout->addSpacing(8);
    pageLayout->addLayout(m_choiceLayout);
    pageLayout->addSpacing(8);
    pageLayout->addWidget(m_verdict);
    pageLayout->addWidget(m_explanation);
    pageLayout->addWidget(m_reading);
    pageLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_progress);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    setFocusPolicy(Qt::StrongFocus);
    resize(640, 520);
    showQuestion();
}

QString ReviewDialog::currentQuestionId() const
{
    return isFinished() ? QString() : m_queue.at(m_position);
}

void ReviewDialog::clearChoices()
{
    qDeleteAll(m_choices);
    m_choices.clear();
}

void ReviewDialog::showQuestion()
{
    clearChoices();
    m_verdict->clear();
    m_explanation->clear();
    m_reading->clear();
    m_answered = false;
    if (isFinished()) {
        showSummary();
        return;
    }
    const Topic *topic = nullptr;
    const SelfCheckQuestion *question = m_curriculum.findQuestion(m_queue.at(m_position), &topic);
    m_where->setText(
        tr("Question %1 of %2 · %3").arg(m_position + 1).arg(m_queue.size()).arg(topic->title));
    m_progress->setRange(0, int(m_queue.size()));
    m_progress->setValue(int(m_position));
    m_prompt->setText(question->prompt);
    for (int i = 0; i < question->choices.size(); ++i) {
        auto *button = new ChoiceButton(i + 1, question->choices.at(i), this);
        button->setFocusPolicy(Qt::NoFocus);
        button->setObjectName(u"choice%1"_s.arg(i + 1));
        connect(button, &QPushButton::clicked, this, [this, i] { answer(i); });
        m_choiceLayout->addWidget(button);
        m_choices << button;
    }
    m_hint->setText(tr("Press 1–%1 to answer · Esc to stop").arg(question->choices.size()));
    m_next->setText(tr("Skip"));
    m_next->setToolTip(tr("Leave this question for later"));
    setFocus();
}

void ReviewDialog::answer(int choice)
{
    if (m_answered || isFinished())
        return;
    const Topic *topic = nullptr;
    const SelfCheckQuestion *question = m_curriculum.findQuestion(m_queue.at(m_position), &topic);
    if (choice < 0 || choice >= question->choices.size())
        return;
    const bool correct = choice == question->answer;
    const ReviewAnswer given{0, question->id, topic->id, choice, correct, m_clock()};
    ReviewCard card;
    if (!m_store->recordAnswer(given, SelfCheckScheduling::scheduler(), &card)) {
        QMessageBox::warning(this,
                             tr("Cannot record the answer"),
                             tr("The answer was not saved: %1").arg(m_store->errorString()));
        return;
    }
    m_answered = true;
    ++m_asked;
    if (correct)
        ++m_right;
    else if (!m_requeued.contains(question->id)) {
        m_requeued << question->id;
        m_queue << question->id; // once more at the end, after the explanation
    }
    m_choices.at(question->answer)->setMark(tr("✓ right answer"), true);
    if (!correct)
        m_choices.at(choice)->setMark(tr("✗ your answer"), false);
    m_verdict->setText(correct ? tr("✓ Right.")
                               : tr("✗ Not quite: the answer is %1.").arg(question->answer + 1));
    m_explanation->setText(question->explanation);
    if (!topic->resources.isEmpty()) {
        const TopicResource &reading = topic->resources.first();
        m_reading->setText(tr("Read: <a href=\"%1\" style=\"color: %3\">%2</a>")
                               .arg(reading.url.toHtmlEscaped(),
                                    reading.title.toHtmlEscaped(),
                                    palette().color(QPalette::Link).name()));
        m_reading->setToolTip(reading.url);
    }
    const QString when
        = card.due.toLocalTime().toString(QLocale().dateFormat(QLocale::ShortFormat));
    m_hint->setText(correct ? tr("Next review on %1 · Space to go on").arg(when)
                            : tr("Comes back at the end of this session · Space to go on"));
    m_next->setText(m_position + 1 < m_queue.size() ? tr("Next") : tr("Finish"));
    m_next->setToolTip(tr("Space or Enter"));
}

void ReviewDialog::goOn()
{
    if (isFinished()) {
        accept();
        return;
    }
    ++m_position;
    showQuestion();
}

void ReviewDialog::showSummary()
{
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    if (m_queue.isEmpty()) {
        m_where->setText(tr("Nothing to ask"));
        m_prompt->setText(tr("No question is due. Questions come back when they are due; new "
                             "ones come from the topics you are learning."));
    } else {
        m_where->setText(tr("Session done"));
        m_prompt->setText(tr("%1 of %n answer(s) right.", nullptr, m_asked).arg(m_right));
    }
    m_hint->setText(tr("Space, Enter or Esc to close"));
    m_next->setText(tr("Close"));
    m_next->setToolTip({});
}

void ReviewDialog::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_4 && event->modifiers() == Qt::NoModifier) {
        if (!m_answered)
            answer(key - Qt::Key_1);
        event->accept();
        return;
    }
    if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter) {
        if (m_answered || isFinished())
            goOn();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}
