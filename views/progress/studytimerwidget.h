#pragma once

#include <QWidget>

class CurriculumModel;
class QLabel;
class QTimer;
class QToolButton;
class StudyTimer;
struct StudySession;

// Start / stop of the study timer for one topic, with the running time: in the roadmap's
// topic drawer (for the topic it shows) and on the dashboard (for the topic picked there).
// When the timer runs for another topic the button switches it here.
class StudyTimerWidget : public QWidget
{
    Q_OBJECT

public:
    StudyTimerWidget(StudyTimer *timer, CurriculumModel *curriculum, QWidget *parent = nullptr);

    void setTopic(const QString &topicId);
    QString topicId() const { return m_topicId; }
    QToolButton *button() const { return m_button; }
    QLabel *statusLabel() const { return m_status; }

    static QString elapsedText(qint64 seconds); // "0:12:34"

signals:
    void message(const QString &text);

private:
    void onClicked();
    void refresh();
    QString titleOf(const QString &topicId) const;

    StudyTimer *m_timer;
    CurriculumModel *m_curriculum;
    QString m_topicId;
    QToolButton *m_button;
    QLabel *m_status;
    QTimer *m_tick;
};
