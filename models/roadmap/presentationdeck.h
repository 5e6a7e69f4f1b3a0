#pragma once

#include <QList>

// Where a presentation stands: which section, and how many of its topics are shown. With
// revealing on, next and previous step through a section's topics one by one before they move
// to another section, so next and previous always undo each other.
class PresentationDeck
{
public:
    void setTopicCounts(const QList<int> &topicsPerSection);

    int sectionCount() const { return int(m_topicCounts.size()); }
    int currentSection() const { return m_section; }
    int topicCount() const; // of the current section
    int revealedTopicCount() const;
    bool isRevealing() const { return m_revealing; }
    // Turning revealing on hides the current section's topics, so the presenter sees it work.
    void setRevealing(bool revealing);

    // Each returns false when there is nowhere to go.
    bool next();
    bool previous();
    // Jumps land at the start of a section: with revealing on, none of its topics shown yet.
    bool goTo(int section);
    bool first() { return goTo(0); }
    bool last() { return goTo(sectionCount() - 1); }

private:
    QList<int> m_topicCounts;
    int m_section = 0;
    int m_revealed = 0;
    bool m_revealing = false;
};
