#pragma once

#include <QString>
#include <QStringList>

// "Did you mean …?" for mistyped ids: candidates ordered by edit distance, with ids that
// contain the typed text as a whole first.
QStringList closestMatches(const QString &typed, const QStringList &candidates, int maxCount = 3);
int editDistance(const QString &a, const QString &b);
