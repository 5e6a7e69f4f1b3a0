// "Did you mean …?" (support/closestmatches.h). The distance is Levenshtein's: the fewest
// single-character insertions, deletions and substitutions from one string to the other, each
// costing one; swapping two neighbours is no single step (that would be Damerau's distance),
// so it costs two substitutions. Each row's figure is worked out by hand in its name or beside it.
#include "support/closestmatches.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestClosestMatches : public QObject
{
    Q_OBJECT

private slots:
    void editDistance_data();
    void editDistance();
    void closestMatches_data();
    void closestMatches();
};

void TestClosestMatches::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("both empty: nothing to do") << QString() << QString() << 0;
    QTest::newRow("from empty: insert all 3") << QString() << u"abc"_s << 3;
    QTest::newRow("equal strings") << u"mlflow"_s << u"mlflow"_s << 0;
    QTest::newRow("one substitution (o for a)") << u"flow"_s << u"flaw"_s << 1;
    QTest::newRow("one insertion (the second e)") << u"kubernets"_s << u"kubernetes"_s << 1;
    QTest::newRow("one deletion (the l)") << u"mlflow"_s << u"mlfow"_s << 1;
    // k→s, e→i, insert g.
    QTest::newRow("kitten to sitting: 3") << u"kitten"_s << u"sitting"_s << 3;
    // Delete f, insert n: flaw → law → lawn.
    QTest::newRow("flaw to lawn: 2") << u"flaw"_s << u"lawn"_s << 2;
    // Delete a and t, r→n: saturday → sturday → surday → sunday.
    QTest::newRow("saturday to sunday: 3") << u"saturday"_s << u"sunday"_s << 3;
    QTest::newRow("a swapped pair costs 2, not 1 (no Damerau)") << u"teh"_s << u"the"_s << 2;
    QTest::newRow("two letters swapped: 2") << u"ab"_s << u"ba"_s << 2;
    QTest::newRow("case counts: A is not a") << u"A"_s << u"a"_s << 1;
    QTest::newRow("no letter in common: the longer length") << u"mlfow"_s << u"dvc"_s << 5;
    QTest::newRow("non-ASCII letters are one character each") << u"café"_s << u"cafe"_s << 1;
    // d=d, o→v, c=c, delete k, e, r.
    QTest::newRow("docker to dvc: 4") << u"docker"_s << u"dvc"_s << 4;
}

void TestClosestMatches::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(::editDistance(a, b), distance);
    QCOMPARE(::editDistance(b, a), distance); // every step can be undone at the same cost
}

// The rules: the typed text is trimmed and lowered; a candidate is offered when it contains
// that text, or when it is at most max(2, longer length / 3) edits away (integer division);
// those that contain it come first, then by distance, ties in the candidates' order; at most
// maxCount of them.
void TestClosestMatches::closestMatches_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<int>("maxCount");
    QTest::addColumn<QStringList>("expected");
    const QStringList tools{
        u"docker"_s, u"docker-compose"_s, u"kubernetes"_s, u"dvc"_s, u"mlflow"_s};
    QTest::newRow("nothing typed") << QString() << tools << 3 << QStringList();
    QTest::newRow("only spaces typed") << u"   "_s << tools << 3 << QStringList();
    // docker: 0 edits; docker-compose contains it (8 edits). dvc is 4 away, tolerance
    // max(2, 6/3) = 2.
    QTest::newRow("the exact id, then the ids containing it")
        << u"docker"_s << tools << 3 << QStringList{u"docker"_s, u"docker-compose"_s};
    // "dokcer" → docker: c↔k swapped, 2 edits ≤ max(2, 6/3) = 2.
    QTest::newRow("trimmed and lowered, a swap within tolerance")
        << u" Dokcer "_s << tools << 3 << QStringList{u"docker"_s};
    // kubernetes (10 letters): 1 edit ≤ max(2, 10/3) = 3.
    QTest::newRow("a letter left out")
        << u"kubernets"_s << tools << 3 << QStringList{u"kubernetes"_s};
    // dvc: 2 edits (v, c swapped) ≤ 2; docker: 4 (d=d, insert o, c=c, v→k, insert e and r) > 2.
    QTest::newRow("short ids still allow 2 edits")
        << u"dcv"_s << tools << 3 << QStringList{u"dvc"_s};
    // Every id at least 3 edits away (dvc: 3 substitutions), none contains "xyz".
    QTest::newRow("nothing close") << u"xyz"_s << tools << 3 << QStringList();
    // dvc contains "dv" (1 edit away); docker is 5 away > max(2, 6/3) = 2.
    QTest::newRow("a prefix of an id") << u"dv"_s << tools << 3 << QStringList{u"dvc"_s};
    // mlflow contains "flow" (2 edits away); flaw is 1 away but only a typo: it comes second.
    QTest::newRow("containing beats a closer typo")
        << u"flow"_s << QStringList{u"flaw"_s, u"mlflow"_s} << 3
        << QStringList{u"mlflow"_s, u"flaw"_s};
    // Among ids containing the text, the nearer first: sql 0, mysql 2, postgresql 7 edits.
    QTest::newRow("containing ids by distance")
        << u"sql"_s << QStringList{u"postgresql"_s, u"mysql"_s, u"sql"_s} << 3
        << QStringList{u"sql"_s, u"mysql"_s, u"postgresql"_s};
    // bat, cut, car: 1 edit each; the tie keeps the given order.
    QTest::newRow("ties keep the candidates' order")
        << u"cat"_s << QStringList{u"bat"_s, u"cut"_s, u"car"_s} << 3
        << QStringList{u"bat"_s, u"cut"_s, u"car"_s};
    QTest::newRow("at most maxCount") << u"cat"_s << QStringList{u"bat"_s, u"cut"_s, u"car"_s} << 2
                                      << QStringList{u"bat"_s, u"cut"_s};
    QTest::newRow("maxCount 0") << u"docker"_s << tools << 0 << QStringList();
    // feature-stores (14 letters): tolerance max(2, 14/3) = 4. "fetaure-stroes" swaps two
    // pairs: 4 edits, offered; "fetaure-stroez" also changes the last letter: 5, not offered.
    QTest::newRow("long ids allow a third: 4 of 14")
        << u"fetaure-stroes"_s << QStringList{u"feature-stores"_s} << 3
        << QStringList{u"feature-stores"_s};
    QTest::newRow("long ids allow a third: not 5 of 14")
        << u"fetaure-stroez"_s << QStringList{u"feature-stores"_s} << 3 << QStringList();
}

void TestClosestMatches::closestMatches()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, candidates);
    QFETCH(int, maxCount);
    QFETCH(QStringList, expected);
    QCOMPARE(::closestMatches(typed, candidates, maxCount), expected);
}

QTEST_GUILESS_MAIN(TestClosestMatches)
#include "tst_closestmatches.moc"
