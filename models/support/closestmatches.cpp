#include "support/closestmatches.h"

#include <QList>

#include <algorithm>

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QStringList closestMatches(const QString &typed, const QStringList &candidates, int maxCount)
{
    const QString needle = typed.trimmed().toLower();
    if (needle.isEmpty())
        return {};
    struct Scored
    {
        QString candidate;
        int score;
    };
    QList<Scored> scored;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(needle, candidate);
        const bool contains = candidate.contains(needle);
        // Only suggest what is plausibly a typo: within a third of the longer length.
        const int tolerance = std::max<int>(2, int(std::max(needle.size(), candidate.size()) / 3));
        if (contains || distance <= tolerance)
            scored.append({candidate, contains ? distance - 1000 : distance});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &x, const Scored &y) {
        return x.score < y.score;
    });
    QStringList result;
    for (qsizetype i = 0; i < scored.size() && i < maxCount; ++i)
        result << scored[i].candidate;
    return result;
}
