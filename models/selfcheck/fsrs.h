#pragma once

#include <array>

// FSRS-4.5, the Free Spaced Repetition Scheduler as Anki ships it (built in since Anki 23.10),
// with its published default parameters. The formulas are those of the FSRS wiki, "The
// Algorithm", section FSRS-4.5 (github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm):
//
//   R(t, S)      = (1 + FACTOR * t / S) ^ DECAY,  DECAY = -0.5, FACTOR = 19/81
//   I(r, S)      = S / FACTOR * (r ^ (1 / DECAY) - 1)           (= S when r = 0.9)
//   S0(G)        = w[G-1]
//   D0(G)        = w4 - (G - 3) * w5                             clamped to [1, 10]
//   D'(D, G)     = w7 * D0(3) + (1 - w7) * (D - w6 * (G - 3))    clamped to [1, 10]
//   S'r(D,S,R,G) = S * (e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1)
//                      * w15 (if G = Hard) * w16 (if G = Easy) + 1)
//   S'f(D,S,R)   = w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R))
//
// plus one bound of ours: S'f is at most S (a lapse never strengthens a memory; FSRS-5 bounds
// it the same way).
//
// G is the grade: 1 Again, 2 Hard, 3 Good, 4 Easy. Pure functions of their arguments.
namespace Fsrs {

enum class Grade { Again = 1, Hard = 2, Good = 3, Easy = 4 };

struct Parameters
{
    std::array<double, 17> w{};
    double desiredRetention = 0.9;
    int maximumIntervalDays = 36500;
};

// w = 0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461,
// 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755; retention 0.9; intervals up to 36,500 days.
const Parameters &defaults();

struct MemoryState
{
    double stability = 0;
    double difficulty = 0;
};

inline constexpr double Decay = -0.5;
inline constexpr double Factor = 19.0 / 81.0;

// The probability of recall `elapsedDays` after a review that left `stability`.
double retrievability(double elapsedDays, double stability);
// The days until recall falls to `retention` (not rounded).
double interval(double stability, double retention);
// The interval in whole days: rounded, at least 1, at most the parameters' maximum.
int scheduledDays(double stability, const Parameters &parameters = defaults());

MemoryState initialState(Grade grade, const Parameters &parameters = defaults());
// The state after answering with `grade`, `elapsedDays` after the previous review (0 for an
// answer the same moment: recall is then certain, so stability stays and only difficulty moves).
MemoryState nextState(const MemoryState &state,
                      double elapsedDays,
                      Grade grade,
                      const Parameters &parameters = defaults());

} // namespace Fsrs
