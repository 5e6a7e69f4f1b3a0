#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QStringList>

#include <functional>

class ChoiceButton;
class ProgressStore;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;
struct Curriculum;
struct SelfCheckQuestion;
struct Topic;

// Asks self-check questions one at a time and records every answer in the progress store as it
// is given (closing early loses nothing). Keyboard first: 1 to 4 answer, Space or Enter goes
// on, Esc closes. A wrong answer shows the right one, the explanation and the topic's first
// reading, and the question comes back once more at the end of the session.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `questionIds` in the order to ask; ids the curriculum lacks are skipped.
    ReviewDialog(const Curriculum &curriculum,
                 ProgressStore *store,
                 const QStringList &questionIds,
                 const QString &title,
                 Clock clock = &QDateTime::currentDateTimeUtc,
                 QWidget *parent = nullptr);

    // For tests and the caller's summary.
    int asked() const { return m_asked; }
    int right() const { return m_right; }
    bool isFinished() const { return m_position >= m_queue.size(); }
    QString currentQuestionId() const;
    QList<ChoiceButton *> choiceButtons() const { return m_choices; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showQuestion();
    void answer(int choice);
    void goOn();
    void showSummary();
    void clearChoices();

    const Curriculum &m_curriculum;
    ProgressStore *m_store;
    Clock m_clock;
    QStringList m_queue;
    QStringList m_requeued;
    qsizetype m_position = 0;
    bool m_answered = false;
    int m_asked = 0;
    int m_right = 0;

    QLabel *m_where;
    QProgressBar *m_progress;
    QLabel *m_prompt;
    QVBoxLayout *m_choiceLayout;
    QList<ChoiceButton *> m_choices;
    QLabel *m_verdict;
    QLabel *m_explanation;
    QLabel *m_reading;
    QLabel *m_hint;
    QPushButton *m_next;
};
