#include "selfcheck/fsrs.h"

#include <algorithm>
#include <cmath>

namespace Fsrs {

namespace {

constexpr double MinDifficulty = 1;
constexpr double MaxDifficulty = 10;
// Stability is a number of days; below this an interval is meaningless and pow() would blow up.
constexpr double MinStability = 0.01;

double clampDifficulty(double difficulty)
{
    return std::clamp(difficulty, MinDifficulty, MaxDifficulty);
}

double initialDifficulty(Grade grade, const Parameters &p)
{
    return p.w[4] - (int(grade) - 3) * p.w[5];
}

} // namespace

const Parameters &defaults()
{
    static const Parameters parameters{{0.4872,
                                        1.4003,
                                        3.7145,
                                        13.8206,
                                        5.1618,
                                        1.2298,
                                        0.8975,
                                        0.031,
                                        1.6474,
                                        0.1367,
                                        1.0461,
                                        2.1072,
                                        0.0793,
                                        0.3246,
                                        1.587,
                                        0.2272,
                                        2.8755},
                                       0.9,
                                       36500};
    return parameters;
}

double retrievability(double elapsedDays, double stability)
{
    return std::pow(1 + Factor * std::max(elapsedDays, 0.0) / stability, Decay);
}

double interval(double stability, double retention)
{
    return stability / Factor * (std::pow(retention, 1 / Decay) - 1);
}

int scheduledDays(double stability, const Parameters &parameters)
{
    const double days = std::round(interval(stability, parameters.desiredRetention));
    return int(std::clamp(days, 1.0, double(parameters.maximumIntervalDays)));
}

MemoryState initialState(Grade grade, const Parameters &parameters)
{
    return {std::max(parameters.w[int(grade) - 1], MinStability),
            clampDifficulty(initialDifficulty(grade, parameters))};
}

MemoryState
nextState(const MemoryState &state, double elapsedDays, Grade grade, const Parameters &parameters)
{
    const auto &w = parameters.w;
    const double s = std::max(state.stability, MinStability);
    const double d = clampDifficulty(state.difficulty);
    const double r = retrievability(elapsedDays, s);

    MemoryState next;
    const double shifted = d - w[6] * (int(grade) - 3);
    next.difficulty
        = clampDifficulty(w[7] * initialDifficulty(Grade::Good, parameters) + (1 - w[7]) * shifted);
    if (grade == Grade::Again) {
        const double forgotten = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1, w[13]) - 1)
                                 * std::exp(w[14] * (1 - r));
        next.stability = std::clamp(forgotten, MinStability, s);
    } else {
        const double hardPenalty = grade == Grade::Hard ? w[15] : 1;
        const double easyBonus = grade == Grade::Easy ? w[16] : 1;
        next.stability = s
                         * (std::exp(w[8]) * (11 - d) * std::pow(s, -w[9])
                                * (std::exp(w[10] * (1 - r)) - 1) * hardPenalty * easyBonus
                            + 1);
    }
    return next;
}

} // namespace Fsrs
