// The FSRS-4.5 scheduler and how a self-check answer moves a question's schedule.
//
// Expected values are worked out by hand from the published FSRS-4.5 formulas and default
// parameters (github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm, "FSRS-4.5"):
// R(t,S) = (1 + 19/81 t/S)^-0.5; S0(G) = w[G-1]; D0(G) = w4 - (G-3) w5;
// D' = w7 D0(3) + (1 - w7)(D - w6 (G-3)); S'r = S (e^w8 (11-D) S^-w9 (e^(w10 (1-R)) - 1) + 1);
// S'f = w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)), at most S. Each step below shows its sums.
#include "selfcheck/fsrs.h"
#include "selfcheck/selfcheckscheduling.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

#define COMPARE_NEAR(actual, expected)                                                             \
    QVERIFY2(near((actual), (expected)),                                                           \
             qPrintable(u"%1 = %2, expected %3"_s.arg(QLatin1String(#actual))                      \
                            .arg((actual), 0, 'g', 17)                                             \
                            .arg((expected), 0, 'g', 17)))

const QDateTime T0(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

ReviewAnswer answer(bool correct, const QDateTime &at)
{
    ReviewAnswer a;
    a.questionId = u"t/q"_s;
    a.topicId = u"t"_s;
    a.correct = correct;
    a.choice = correct ? 0 : 1;
    a.at = at;
    return a;
}

} // namespace

class TestFsrs : public QObject
{
    Q_OBJECT

private slots:
    void forgettingCurve()
    {
        // R(S, S) = (1 + 19/81)^-0.5 = (100/81)^-0.5 = 0.9 for any S: S is the 90 % interval.
        COMPARE_NEAR(Fsrs::retrievability(7, 7), 0.9);
        COMPARE_NEAR(Fsrs::retrievability(0, 3), 1.0);
        // t = 81/19 S: (1 + 1)^-0.5 = 0.7071067811865476.
        COMPARE_NEAR(Fsrs::retrievability(81.0 / 19 * 2, 2), 1 / std::sqrt(2.0));
        // I(0.9, S) = S; I(0.8, S) = S * 81/19 * (0.8^-2 - 1) = S * 81/19 * 0.5625.
        COMPARE_NEAR(Fsrs::interval(10, 0.9), 10.0);
        COMPARE_NEAR(Fsrs::interval(10, 0.8), 10 * 81.0 / 19 * 0.5625);
        QCOMPARE(Fsrs::scheduledDays(3.7145), 4);
        QCOMPARE(Fsrs::scheduledDays(0.3), 1); // never less than a day
        QCOMPARE(Fsrs::scheduledDays(1e9), 36500);
    }

    void initialStates()
    {
        // S0(G) = w[G-1]; D0(1) = 5.1618 + 2 * 1.2298 = 7.6214, D0(3) = w4 = 5.1618,
        // D0(4) = 5.1618 - 1.2298 = 3.932.
        const Fsrs::MemoryState again = Fsrs::initialState(Fsrs::Grade::Again);
        COMPARE_NEAR(again.stability, 0.4872);
        COMPARE_NEAR(again.difficulty, 7.6214);
        const Fsrs::MemoryState good = Fsrs::initialState(Fsrs::Grade::Good);
        COMPARE_NEAR(good.stability, 3.7145);
        COMPARE_NEAR(good.difficulty, 5.1618);
        const Fsrs::MemoryState easy = Fsrs::initialState(Fsrs::Grade::Easy);
        COMPARE_NEAR(easy.stability, 13.8206);
        COMPARE_NEAR(easy.difficulty, 3.932);
    }

    void successfulReviewGrowsStability()
    {
        // After a first Good (S = 3.7145, D = 5.1618), Good 4 days later:
        // R = (1 + 19/81 * 4 / 3.7145)^-0.5 = 0.8934995006528037
        // S' = 3.7145 * (e^1.6474 * (11 - 5.1618) * 3.7145^-0.1367 * (e^(1.0461 * 0.1065005) - 1) +
        // 1)
        //    = 14.808100506496405; D' = 0.031 * 5.1618 + 0.969 * 5.1618 = 5.1618.
        const Fsrs::MemoryState next = Fsrs::nextState({3.7145, 5.1618}, 4, Fsrs::Grade::Good);
        COMPARE_NEAR(Fsrs::retrievability(4, 3.7145), 0.8934995006528037);
        COMPARE_NEAR(next.stability, 14.808100506496405);
        COMPARE_NEAR(next.difficulty, 5.1618);
        // Good again 15 days later (R = 0.8988940398092142): S' = 49.46160494627206.
        const Fsrs::MemoryState third = Fsrs::nextState(next, 15, Fsrs::Grade::Good);
        COMPARE_NEAR(third.stability, 49.46160494627206);
    }

    void lapseShrinksStability()
    {
        // From S = 49.46160494627206, D = 5.1618, Again after 49 days (R = 0.9007989993018117):
        // S'f = 2.1072 * 5.1618^-0.0793 * (50.4616^0.3246 - 1) * e^(1.587 * 0.0992010)
        //     = 5.567272439015208; D' = 0.031 * 5.1618 + 0.969 * (5.1618 + 2 * 0.8975) = 6.901155.
        const Fsrs::MemoryState next
            = Fsrs::nextState({49.46160494627206, 5.1618}, 49, Fsrs::Grade::Again);
        COMPARE_NEAR(next.stability, 5.567272439015208);
        COMPARE_NEAR(next.difficulty, 6.901155);
        // A lapse never raises stability: from S0(Again) = 0.4872, D = 7.6214, forgotten after
        // 30 days (R = 0.2544617) the formula gives 0.59; it is held at 0.4872.
        // D' = 0.031 * 5.1618 + 0.969 * (7.6214 + 1.795) = 9.2845074.
        const Fsrs::MemoryState held = Fsrs::nextState({0.4872, 7.6214}, 30, Fsrs::Grade::Again);
        COMPARE_NEAR(held.stability, 0.4872);
        COMPARE_NEAR(held.difficulty, 9.2845074);
    }

    void sameMomentKeepsStability()
    {
        // t = 0: R = 1, e^0 - 1 = 0, so S' = S; difficulty still moves.
        const Fsrs::MemoryState next = Fsrs::nextState({5, 8}, 0, Fsrs::Grade::Good);
        COMPARE_NEAR(next.stability, 5.0);
        COMPARE_NEAR(next.difficulty, 0.031 * 5.1618 + 0.969 * 8);
    }

    void difficultyStaysInRange()
    {
        Fsrs::MemoryState state{2, 9.9};
        for (int i = 0; i < 20; ++i)
            state = Fsrs::nextState(state, 0, Fsrs::Grade::Again);
        QVERIFY(state.difficulty <= 10);
        QVERIFY(state.difficulty >= 9.9);
        for (int i = 0; i < 60; ++i)
            state = Fsrs::nextState(state, 0, Fsrs::Grade::Easy);
        QVERIFY(state.difficulty >= 1);
    }

    void answersScheduleTheQuestion()
    {
        // Right, right, right, wrong, right: Good, Good after 4 days, Good after 15 days,
        // Again after 49 days, Good 10 minutes later (the relearning step).
        ReviewCard card = SelfCheckScheduling::schedule(std::nullopt, answer(true, T0));
        QCOMPARE(card.due, T0.addDays(4)); // round(3.7145)
        QCOMPARE(card.reps, 1);
        QCOMPARE(card.lapses, 0);
        QDateTime at = card.due;
        card = SelfCheckScheduling::schedule(card, answer(true, at));
        QCOMPARE(card.due, at.addDays(15)); // round(14.8081)
        at = card.due;
        card = SelfCheckScheduling::schedule(card, answer(true, at));
        QCOMPARE(card.due, at.addDays(49)); // round(49.4616)
        at = card.due;
        card = SelfCheckScheduling::schedule(card, answer(false, at));
        // A wrong answer comes back within the day: after the 10-minute relearning step.
        QCOMPARE(card.due, at.addSecs(10 * 60));
        QVERIFY(!card.lastCorrect);
        QCOMPARE(card.lapses, 1);
        COMPARE_NEAR(card.stability, 5.567272439015208);
        at = card.due;
        card = SelfCheckScheduling::schedule(card, answer(true, at));
        // t = 10 min: R = 0.9998537, S' = 5.5816133298499055, D' = 6.847234995 -> 6 days.
        COMPARE_NEAR(card.stability, 5.5816133298499055);
        COMPARE_NEAR(card.difficulty, 6.847234995);
        QCOMPARE(card.due, at.addDays(6));
        QCOMPARE(card.reps, 5);
        QVERIFY(card.lastCorrect);
    }

    void firstWrongAnswerComesBackWithinADay()
    {
        ReviewCard card = SelfCheckScheduling::schedule(std::nullopt, answer(false, T0));
        QCOMPARE(card.due, T0.addSecs(10 * 60));
        QCOMPARE(card.lapses, 0); // a first wrong answer is not a lapse: nothing was learned
        // Right 10 minutes later: S' = 0.503667387176435 -> one day (never less).
        card = SelfCheckScheduling::schedule(card, answer(true, card.due));
        COMPARE_NEAR(card.stability, 0.503667387176435);
        QCOMPARE(card.due, T0.addSecs(10 * 60).addDays(1));
    }
};

QTEST_GUILESS_MAIN(TestFsrs)
#include "tst_fsrs.moc"
