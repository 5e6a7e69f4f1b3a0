#include "roadmap/presentationdeck.h"

#include <algorithm>

void PresentationDeck::setTopicCounts(const QList<int> &topicsPerSection)
{
    m_topicCounts = topicsPerSection;
    m_section = std::clamp(m_section, 0, std::max(0, sectionCount() - 1));
    m_revealed = std::min(m_revealed, topicCount());
}

int PresentationDeck::topicCount() const
{
    return m_section < sectionCount() ? m_topicCounts.at(m_section) : 0;
}

int PresentationDeck::revealedTopicCount() const
{
    return m_revealing ? m_revealed : topicCount();
}

void PresentationDeck::setRevealing(bool revealing)
{
    m_revealing = revealing;
    m_revealed = 0;
}

bool PresentationDeck::next()
{
    if (m_revealing && m_revealed < topicCount()) {
        ++m_revealed;
        return true;
    }
    if (m_section + 1 >= sectionCount())
        return false;
    ++m_section;
    m_revealed = 0;
    return true;
}

bool PresentationDeck::previous()
{
    if (m_revealing && m_revealed > 0) {
        --m_revealed;
        return true;
    }
    if (m_section == 0)
        return false;
    --m_section;
    // Back into a section means back to where it ended: all its topics shown.
    m_revealed = topicCount();
    return true;
}

bool PresentationDeck::goTo(int section)
{
    if (section < 0 || section >= sectionCount())
        return false;
    const bool moved = section != m_section || (m_revealing && m_revealed != 0);
    m_section = section;
    m_revealed = 0;
    return moved;
}
