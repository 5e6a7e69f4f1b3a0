#pragma once

#include <QByteArray>

struct ProgressStats;
struct ReviewSummary;

// `progress stats --json`: the figures the dashboard draws, keys in a fixed order. The
// self-check figures come last, under "self_check"; without them the key is left out.
namespace ProgressStatsJson {
QByteArray write(const ProgressStats &stats, const ReviewSummary *selfCheck = nullptr);
}
