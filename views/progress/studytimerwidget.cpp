#include "progress/studytimerwidget.h"

#include "progress/curriculummodel.h"
#include "progress/studytimer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

StudyTimerWidget::StudyTimerWidget(StudyTimer *timer, CurriculumModel *curriculum, QWidget *parent)
    : QWidget(parent)
    , m_timer(timer)
    , m_curriculum(curriculum)
    , m_button(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_tick(new QTimer(this))
{
    m_button->setObjectName(u"studyTimerButton"_s);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(u"studyTimerStatus"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_status, 1);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &StudyTimerWidget::refresh);
    connect(m_button, &QToolButton::clicked, this, &StudyTimerWidget::onClicked);
    connect(m_timer, &StudyTimer::changed, this, &StudyTimerWidget::refresh);
    refresh();
}

QString StudyTimerWidget::elapsedText(qint64 seconds)
{
    return u"%1:%2:%3"_s.arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void StudyTimerWidget::setTopic(const QString &topicId)
{
    m_topicId = topicId;
    refresh();
}

QString StudyTimerWidget::titleOf(const QString &topicId) const
{
    const Topic *topic = m_curriculum->curriculum().findTopic(topicId);
    return topic ? topic->title : topicId;
}

void StudyTimerWidget::onClicked()
{
    if (m_timer->isRunningFor(m_topicId)) {
        StudySession landed;
        if (!m_timer->stop(&landed)) {
            emit message(tr("The study timer could not stop: %1").arg(m_timer->errorString()));
            return;
        }
        emit message(landed.minutes == 0
                         ? tr("Timer stopped: under half a minute, nothing logged")
                         : tr("Logged %n minute(s) on “%1”", nullptr, landed.minutes)
                               .arg(titleOf(landed.topicId)));
        return;
    }
    if (m_topicId.isEmpty())
        return;
    if (!m_timer->start(m_topicId))
        emit message(tr("The study timer could not start: %1").arg(m_timer->errorString()));
}

void StudyTimerWidget::refresh()
{
    const bool running = m_timer->isRunning();
    const bool here = m_timer->isRunningFor(m_topicId);
    if (running && !m_tick->isActive())
        m_tick->start();
    else if (!running)
        m_tick->stop();
    m_button->setEnabled(here || !m_topicId.isEmpty());
    if (here) {
        m_button->setText(tr("■ Stop timer"));
        m_button->setToolTip(tr("Stop and log the time studied"));
        m_status->setText(tr("Studying · %1").arg(elapsedText(m_timer->elapsedSeconds())));
    } else if (running) {
        m_button->setText(tr("▶ Switch timer here"));
        m_button->setToolTip(tr("Log the time on “%1” and start timing this topic")
                                 .arg(titleOf(m_timer->running()->topicId)));
        m_status->setText(
            tr("Timing “%1” · %2")
                .arg(titleOf(m_timer->running()->topicId), elapsedText(m_timer->elapsedSeconds())));
    } else {
        m_button->setText(tr("▶ Start timer"));
        m_button->setToolTip(tr("Time a study session; it keeps running if the app closes"));
        m_status->clear();
    }
}
