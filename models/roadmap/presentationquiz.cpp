#include "roadmap/presentationquiz.h"

#include <algorithm>

QList<PresentationQuiz::Entry> PresentationQuiz::sectionQuestions(const Section &section)
{
    QList<Entry> questions;
    qsizetype most = 0;
    for (const Topic &topic : section.topics)
        most = std::max(most, topic.questions.size());
    for (qsizetype round = 0; round < most; ++round) {
        for (const Topic &topic : section.topics) {
            if (round < topic.questions.size())
                questions << Entry{&topic, &topic.questions.at(round)};
        }
    }
    return questions;
}

bool PresentationQuiz::ask(const Section &section)
{
    const QList<Entry> questions = sectionQuestions(section);
    if (questions.isEmpty())
        return false;
    int &next = m_next[section.id];
    const int index = next % int(questions.size()); // the section may have lost questions
    next = (index + 1) % int(questions.size());
    m_question = *questions.at(index).question;
    m_topicTitle = questions.at(index).topic->title;
    m_number = index + 1;
    m_total = int(questions.size());
    m_stage = Stage::Asking;
    return true;
}

void PresentationQuiz::showAnswer()
{
    if (m_stage == Stage::Asking)
        m_stage = Stage::Answered;
}

void PresentationQuiz::close()
{
    m_stage = Stage::Off;
}

void PresentationQuiz::reset()
{
    m_next.clear();
    close();
}
