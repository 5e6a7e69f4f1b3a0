#include "selfcheck/reviewstatistics.h"

#include <QDateTime>

#include <algorithm>

namespace ReviewStatistics {

namespace {

// Local dates of a sorted run of times: one time-zone conversion per day boundary crossed, not
// one per answer (200,000 answers).
class LocalDays
{
public:
    QDate dateOf(qint64 atMs)
    {
        if (atMs < m_dayStartMs || atMs >= m_nextDayStartMs) {
            m_date = QDateTime::fromMSecsSinceEpoch(atMs).toLocalTime().date();
            m_dayStartMs = m_date.startOfDay().toMSecsSinceEpoch();
            m_nextDayStartMs = m_date.addDays(1).startOfDay().toMSecsSinceEpoch();
        }
        return m_date;
    }

private:
    QDate m_date;
    qint64 m_dayStartMs = 0;
    qint64 m_nextDayStartMs = 0;
};

} // namespace

Figures compute(const ReviewTimeline &timeline,
                const Curriculum &curriculum,
                const QHash<QString, ReviewCard> &cards,
                const QDate &today)
{
    Figures figures;
    LocalDays days;
    DayFigures *current = nullptr;
    QDate currentDate;
    for (qsizetype i = 0; i < timeline.atMs.size(); ++i) {
        const QDate date = days.dateOf(timeline.atMs.at(i));
        if (!current || date != currentDate) {
            current = &figures.days[date];
            currentDate = date;
        }
        ++current->answers;
        ++figures.answers;
        if (timeline.firstAnswer.at(i))
            continue;
        ++current->reviews;
        ++figures.reviews;
        if (timeline.correct.at(i)) {
            ++current->reviewsRight;
            ++figures.reviewsRight;
        }
    }

    figures.forecast = QList<int>(ForecastDays, 0);
    QList<qint64> dayEnds;
    for (int day = 0; day < ForecastDays; ++day)
        dayEnds << today.addDays(day + 1).startOfDay().toMSecsSinceEpoch();
    for (const Section &section : curriculum.sections) {
        for (const Topic &topic : section.topics) {
            for (const SelfCheckQuestion &question : topic.questions) {
                const auto card = cards.constFind(question.id);
                if (card == cards.constEnd())
                    continue;
                const qint64 due = card->due.toMSecsSinceEpoch();
                const auto slot = std::upper_bound(dayEnds.cbegin(), dayEnds.cend(), due);
                if (slot != dayEnds.cend())
                    ++figures.forecast[slot - dayEnds.cbegin()];
            }
        }
    }
    return figures;
}

} // namespace ReviewStatistics
