#pragma once

#include "curriculum/curriculum.h"

#include <QHash>
#include <QList>
#include <QString>

// The question slide of a presentation: which of a section's questions is asked, and whether its
// answer is shown. Each section keeps its own turn, so pressing Q again in a section asks the
// next question, and coming back to a section goes on where it stopped.
class PresentationQuiz
{
public:
    enum class Stage { Off, Asking, Answered };

    struct Entry
    {
        const Topic *topic = nullptr;
        const SelfCheckQuestion *question = nullptr;
    };

    // A section's questions in the order a workshop asks them: the first question of every
    // topic, then the second of every topic, and so on, so that successive questions come from
    // different topics.
    static QList<Entry> sectionQuestions(const Section &section);

    // Asks the section's next question (after its last one, its first again). False, and
    // nothing changes, when the section has no question.
    bool ask(const Section &section);
    void showAnswer();
    void close();
    // A new curriculum: every section starts again at its first question.
    void reset();

    Stage stage() const { return m_stage; }
    bool isOn() const { return m_stage != Stage::Off; }
    // The question asked, a copy, so it stays valid when the curriculum changes.
    const SelfCheckQuestion &question() const { return m_question; }
    const QString &topicTitle() const { return m_topicTitle; }
    int questionNumber() const { return m_number; } // 1-based, of questionTotal()
    int questionTotal() const { return m_total; }

private:
    QHash<QString, int> m_next; // section id -> index of the question to ask next
    Stage m_stage = Stage::Off;
    SelfCheckQuestion m_question;
    QString m_topicTitle;
    int m_number = 0;
    int m_total = 0;
};
